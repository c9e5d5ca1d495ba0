"""Start-up configuration from FACEOFF_APP_* variables.

Same variables, defaults and validation rules as apps/aspnet/AppSettings.cs, so one
environment block configures either app identically.
"""
import os
import re
from urllib.parse import urlsplit
from dataclasses import dataclass
from typing import List, Mapping, Optional, Tuple

DEFAULT_SESSION_KEY = "faceoff-reference-session-key"
DEFAULT_DB_POOL_SIZE = 16
DATABASE_URL_SHAPE = "must be postgresql://user[:password]@host[:port]/database, without a query or fragment"
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
    database_url: Optional[str]
    db_pool_size: int


def load(environ: Mapping[str, str] = os.environ) -> Tuple[Optional[AppSettings], List[str]]:
    """Reads and validates the variables; returns every problem found instead of raising."""
    errors: List[str] = []
    mode = environ.get("FACEOFF_APP_MODE") or "plain"
    if mode not in MODES:
        errors.append(f"FACEOFF_APP_MODE must be plain, middleware_heavy or constrained (got '{mode}')")
    rate_limit = _count(environ, "FACEOFF_APP_RATE_LIMIT", 1_000_000, 1, errors)
    max_inflight = _count(environ, "FACEOFF_APP_MAX_INFLIGHT", 4, 1, errors)
    crash_after = _count(environ, "FACEOFF_APP_CRASH_AFTER", 0, 0, errors)
    pool_size = _count(environ, "FACEOFF_APP_DB_POOL_SIZE", DEFAULT_DB_POOL_SIZE, 1, errors)
    database_url = environ.get("FACEOFF_APP_DATABASE_URL") or None
    if database_url is not None and not _valid_database_url(database_url):
        errors.append(f"FACEOFF_APP_DATABASE_URL {DATABASE_URL_SHAPE}")
    if errors:
        return None, errors
    key = (environ.get("FACEOFF_APP_SESSION_KEY") or DEFAULT_SESSION_KEY).encode("utf-8")
    return AppSettings(mode, key, rate_limit, max_inflight, crash_after, database_url, pool_size), errors


def _valid_database_url(raw: str) -> bool:
    """The rules of apps/aspnet/DatabaseUrl.cs; the message never repeats the value (it may hold a password)."""
    try:
        parts = urlsplit(raw)
        parts.port  # raises ValueError on a malformed port
    except ValueError:
        return False
    path = parts.path
    return (parts.scheme in ("postgresql", "postgres") and bool(parts.hostname) and bool(parts.username)
            and not parts.query and not parts.fragment and len(path) >= 2 and "/" not in path[1:])


def _count(environ: Mapping[str, str], name: str, fallback: int, minimum: int, errors: List[str]) -> int:
    raw = environ.get(name) or ""
    if not raw:
        return fallback
    if _DIGITS.fullmatch(raw) and minimum <= int(raw) <= _INT_MAX:
        return int(raw)
    errors.append(f"{name} must be an integer >= {minimum} (got '{raw}')")
    return fallback
