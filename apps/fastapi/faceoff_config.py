"""Start-up configuration from FACEOFF_APP_* variables.

Same variables, defaults and validation rules as apps/aspnet/AppSettings.cs, so one
environment block configures either app identically.
"""
import os
import re
from dataclasses import dataclass
from typing import List, Mapping, Optional, Tuple

DEFAULT_SESSION_KEY = "faceoff-reference-session-key"
MODES = ("plain", "middleware_heavy", "constrained")
_DIGITS = re.compile(r"[0-9]+")
# int.TryParse(NumberStyles.None) on the .NET side rejects anything above int.MaxValue.
_INT_MAX = 2**31 - 1


@dataclass(frozen=True)
class AppSettings:
    mode: str
    session_key: bytes
    rate_limit_per_second: int
    max_inflight: int
    crash_after: int


def load(environ: Mapping[str, str] = os.environ) -> Tuple[Optional[AppSettings], List[str]]:
    """Reads and validates the variables; returns every problem found instead of raising."""
    errors: List[str] = []
    mode = environ.get("FACEOFF_APP_MODE") or "plain"
    if mode not in MODES:
        errors.append(f"FACEOFF_APP_MODE must be plain, middleware_heavy or constrained (got '{mode}')")
    rate_limit = _count(environ, "FACEOFF_APP_RATE_LIMIT", 1_000_000, 1, errors)
    max_inflight = _count(environ, "FACEOFF_APP_MAX_INFLIGHT", 4, 1, errors)
    crash_after = _count(environ, "FACEOFF_APP_CRASH_AFTER", 0, 0, errors)
    if errors:
        return None, errors
    key = (environ.get("FACEOFF_APP_SESSION_KEY") or DEFAULT_SESSION_KEY).encode("utf-8")
    return AppSettings(mode, key, rate_limit, max_inflight, crash_after), errors


def _count(environ: Mapping[str, str], name: str, fallback: int, minimum: int, errors: List[str]) -> int:
    raw = environ.get(name) or ""
    if not raw:
        return fallback
    if _DIGITS.fullmatch(raw) and minimum <= int(raw) <= _INT_MAX:
        return int(raw)
    errors.append(f"{name} must be an integer >= {minimum} (got '{raw}')")
    return fallback
