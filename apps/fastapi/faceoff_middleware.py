"""Pure ASGI middleware, one class per concern, mirroring apps/aspnet/Middleware/*.cs.

Pure ASGI (not BaseHTTPMiddleware) so each layer costs one call and, where it adds response
headers, one wrapped ``send`` -- the same shape of work as the ASP.NET Core middleware.
"""
import hmac
import os
import re
import sys
import time

from starlette.requests import cookie_parser

TEXT_PLAIN = b"text/plain; charset=utf-8"
SESSION_COOKIE = "faceoff_session"
CSRF_COOKIE = "csrf"
UNSAFE_METHODS = frozenset(("POST", "PUT", "PATCH", "DELETE"))
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; frame-ancestors 'none'; base-uri 'self'"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"x-permitted-cross-domain-policies", b"none"),
]
_TRACEPARENT = re.compile(rb"00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}")
_LOWER_HEX_32 = re.compile(rb"[0-9a-f]{32}")


async def send_text(send, status, body, extra_headers=()):
    """A complete text/plain answer with Content-Length, written straight to the ASGI channel."""
    headers = [(b"content-type", TEXT_PLAIN), (b"content-length", str(len(body)).encode())]
    headers.extend(extra_headers)
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _with_headers(send, extra):
    async def send_with_headers(message):
        if message["type"] == "http.response.start":
            message["headers"] = [*message.get("headers", ()), *extra]
        await send(message)

    return send_with_headers


def new_hex(byte_count):
    return os.urandom(byte_count).hex()


class CrashAfter:
    """Test knob (FACEOFF_APP_CRASH_AFTER=N): the N-th request ends the process with exit code 134."""

    def __init__(self, app, crash_after):
        self.app = app
        self.crash_after = crash_after
        self.seen = 0

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            self.seen += 1
            if self.seen >= self.crash_after:
                os.write(sys.stderr.fileno(), f"faceoff-refapp-fastapi: FACEOFF_APP_CRASH_AFTER={self.crash_after} reached, exiting with 134\n".encode())
                os._exit(134)
        await self.app(scope, receive, send)


class InflightLimit:
    """Constrained mode: at most max_inflight requests at once; the rest get 503 immediately."""

    def __init__(self, app, max_inflight):
        self.app = app
        self.max_inflight = max_inflight
        self.inflight = 0

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        # One event loop thread: a plain counter is exact.
        if self.inflight >= self.max_inflight:
            return await send_text(send, 503, b"overloaded\n", [(b"x-overload-reason", b"max-inflight")])
        self.inflight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.inflight -= 1


class SecurityHeaders:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        await self.app(scope, receive, _with_headers(send, SECURITY_HEADERS))


class Tracing:
    """Echoes or generates x-request-id, x-correlation-id, x-trace-id and traceparent (rules as TracingMiddleware.cs)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        sent = {}
        for name, value in scope["headers"]:
            if name in (b"x-request-id", b"x-correlation-id", b"x-trace-id", b"traceparent") and name not in sent:
                sent[name] = value
        request_id = sent.get(b"x-request-id") or new_hex(16).encode()
        correlation_id = sent.get(b"x-correlation-id") or request_id
        parent = sent.get(b"traceparent")
        if parent and not _TRACEPARENT.fullmatch(parent):
            parent = None
        trace_id = sent.get(b"x-trace-id") or (parent[3:35] if parent else new_hex(16).encode())
        if not parent:
            parent_trace_id = trace_id if _LOWER_HEX_32.fullmatch(trace_id) else new_hex(16).encode()
            parent = b"00-" + parent_trace_id + b"-" + new_hex(8).encode() + b"-01"
        extra = [
            (b"x-request-id", request_id),
            (b"x-correlation-id", correlation_id),
            (b"x-trace-id", trace_id),
            (b"traceparent", parent),
        ]
        await self.app(scope, receive, _with_headers(send, extra))


class RateLimit:
    """Fixed one-second window per client IP; the default limit never trips in a benchmark."""

    PRUNE_ABOVE = 4096

    def __init__(self, app, limit_per_second):
        self.app = app
        self.limit = limit_per_second
        self.windows = {}

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        client = scope.get("client")
        address = client[0] if client else ""
        now = int(time.monotonic())
        window = self.windows.get(address)
        if window is None:
            if len(self.windows) >= self.PRUNE_ABOVE:
                self.windows = {a: w for a, w in self.windows.items() if w[0] == now}
            window = self.windows[address] = [now, 0]
        if window[0] != now:
            window[0], window[1] = now, 0
        if window[1] >= self.limit:
            return await send_text(send, 429, b"rate limited\n", [(b"retry-after", b"1")])
        window[1] += 1
        await self.app(scope, receive, send)


def request_cookies(scope):
    for name, value in scope["headers"]:
        if name == b"cookie":
            return cookie_parser(value.decode("latin-1"))
    return {}


class SessionSigner:
    """Cookie value "<sid>.<hex HMAC-SHA256(key, sid)>"; CSRF token hex HMAC-SHA256(key, "csrf:" + sid)."""

    def __init__(self, key):
        self.key = key

    def _mac(self, message):
        return hmac.digest(self.key, message.encode("utf-8"), "sha256").hex()

    def signed_value(self, session_id):
        return session_id + "." + self._mac(session_id)

    def csrf_token(self, session_id):
        return self._mac("csrf:" + session_id)

    def is_valid(self, cookie_value):
        session_id, dot, signature = cookie_value.partition(".")
        if not session_id or not dot:
            return False
        return hmac.compare_digest(self._mac(session_id).encode(), signature.encode("utf-8"))


class Session:
    """Issues a new signed session (and its CSRF cookie) when the request has no valid session cookie."""

    def __init__(self, app, signer):
        self.app = app
        self.signer = signer

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        presented = request_cookies(scope).get(SESSION_COOKIE)
        if presented is not None and self.signer.is_valid(presented):
            return await self.app(scope, receive, send)
        session_id = new_hex(16)
        cookies = [
            (b"set-cookie", f"{SESSION_COOKIE}={self.signer.signed_value(session_id)}; Path=/; HttpOnly; SameSite=Lax".encode()),
            (b"set-cookie", f"{CSRF_COOKIE}={self.signer.csrf_token(session_id)}; Path=/; SameSite=Lax".encode()),
        ]
        await self.app(scope, receive, _with_headers(send, cookies))


class Csrf:
    """Double-submit check: unsafe methods need an x-csrf-token header equal to the csrf cookie."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] in UNSAFE_METHODS and not self._matches(scope):
            return await send_text(send, 403, b"csrf token missing or invalid\n")
        await self.app(scope, receive, send)

    @staticmethod
    def _matches(scope):
        header = b""
        for name, value in scope["headers"]:
            if name == b"x-csrf-token":
                header = value
                break
        cookie = request_cookies(scope).get(CSRF_COOKIE, "").encode("utf-8")
        return bool(header) and bool(cookie) and hmac.compare_digest(header, cookie)
