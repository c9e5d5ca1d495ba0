"""The FastAPI reference app: the same scenarios, bytes and modes as apps/aspnet.

Run from this directory:
    /usr/bin/python3 -m uvicorn app:app --host 127.0.0.1 --port 8000 --workers 1 \
        --no-access-log --loop uvloop --http httptools
Mode and knobs come from FACEOFF_APP_* variables (see apps/README.md).
"""
import asyncio
import re
import sys
import time
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.exceptions import HTTPException

import faceoff_config
import faceoff_db
import faceoff_middleware as mw

SERVER_NAME = "fastapi"
MIN_HOLD_SECONDS = 0.05
MAX_HOLD_SECONDS = 5.0
# Same pattern as Endpoints.cs: plain decimal digits, no sign, exponent or spaces.
_HOLD_SECONDS = re.compile(r"[0-9]{1,8}(\.[0-9]{1,8})?")
INDEX_HTML = (Path(__file__).resolve().parent.parent / "shared" / "index.html").read_bytes()

settings, errors = faceoff_config.load()
if settings is None:
    for error in errors:
        print(f"faceoff-refapp-fastapi: {error}", file=sys.stderr)
    sys.exit(2)

app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
# Without FACEOFF_APP_DATABASE_URL the pool stays None and the db endpoints answer 503.
database = faceoff_db.Database(settings.database_url, settings.db_pool_size)
app.add_event_handler("startup", database.start)
app.add_event_handler("shutdown", database.stop)


@app.exception_handler(HTTPException)
async def bare_status(request: Request, exc: HTTPException) -> Response:
    # Kestrel answers unmatched paths (404) and methods (405) with an empty body; match it.
    return Response(status_code=exc.status_code, headers=getattr(exc, "headers", None))


@app.get("/healthz")
async def healthz() -> Response:
    return PlainTextResponse(b"ok\n")


@app.get("/api/status")
async def status() -> Response:
    return JSONResponse({"server": SERVER_NAME, "ok": True, "timestamp": int(time.time())})


@app.get("/api/echo/{name}")
async def echo(name: str) -> Response:
    return JSONResponse({"name": name, "path": "/api/echo/" + name})


@app.get("/")
async def index() -> Response:
    return HTMLResponse(INDEX_HTML)


@app.get("/hold")
async def hold(request: Request) -> Response:
    seconds = parse_hold_seconds(request.query_params.getlist("seconds"))
    if seconds is None:
        return PlainTextResponse(b"seconds must be a number between 0.05 and 5\n", status_code=400)
    await asyncio.sleep(seconds)
    return PlainTextResponse(b"hold\n")


@app.get("/api/db/items")
async def db_read(request: Request) -> Response:
    return await faceoff_db.read_items(database, request)


@app.post("/api/db/items")
async def db_write(request: Request) -> Response:
    return await faceoff_db.write_item(database, request)


def parse_hold_seconds(values):
    """The last "seconds" value, plain decimal digits only, within [0.05, 5]; None otherwise."""
    if not values or not _HOLD_SECONDS.fullmatch(values[-1]):
        return None
    seconds = float(values[-1])
    return seconds if MIN_HOLD_SECONDS <= seconds <= MAX_HOLD_SECONDS else None


# add_middleware puts each new layer outside the previous ones, so add innermost first;
# the resulting order (outermost first) matches Pipeline.cs.
if settings.mode == "middleware_heavy":
    app.add_middleware(mw.Csrf)
    app.add_middleware(mw.Session, signer=mw.SessionSigner(settings.session_key))
    app.add_middleware(mw.RateLimit, limit_per_second=settings.rate_limit_per_second)
    app.add_middleware(mw.Tracing)
    app.add_middleware(mw.SecurityHeaders)
elif settings.mode == "constrained":
    app.add_middleware(mw.InflightLimit, max_inflight=settings.max_inflight)
if settings.crash_after > 0:
    app.add_middleware(mw.CrashAfter, crash_after=settings.crash_after)
