"""The database scenarios (db_read, db_write) with an asyncpg pool.

Same SQL, validation rules, status codes and bodies as apps/aspnet/DbEndpoints.cs and
DbItemRequest.cs; change both together. `created` is rendered by PostgreSQL itself, so both
apps send the same text for the same row.
"""
import json
import re
from typing import Optional, Tuple

import asyncpg
from fastapi import Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response

MAX_LIMIT = 500
MAX_NAME_LENGTH = 200
INT32_MIN, INT32_MAX = -(2**31), 2**31 - 1
MAX_BODY_BYTES = 64 * 1024
_CREATED_SQL = """to_char(created AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')"""
READ_SQL = "SELECT id, name, amount, category, " + _CREATED_SQL + " FROM items WHERE category = $1 ORDER BY id LIMIT $2"
WRITE_SQL = ("INSERT INTO items (name, amount, category) VALUES ($1, $2, $3) "
             "RETURNING id, name, amount, category, " + _CREATED_SQL)
_CATEGORY = re.compile(r"[a-z]{1,32}")
_LIMIT = re.compile(r"[0-9]{1,8}")

NOT_CONFIGURED = b"database not configured: set FACEOFF_APP_DATABASE_URL\n"
UNAVAILABLE = b"database unavailable\n"
BAD_QUERY = b"category must be 1 to 32 lowercase ASCII letters and limit an integer between 1 and 500\n"
BAD_ITEM = (b"body must be a JSON object with name (string of 1 to 200 characters, no NUL), amount (integer between "
            b"-2147483648 and 2147483647) and category (1 to 32 lowercase ASCII letters)\n")
# What a lost server or an exhausted connection looks like from asyncpg: answered like Npgsql's NpgsqlException.
DB_ERRORS = (asyncpg.PostgresError, asyncpg.InterfaceError, OSError, ConnectionError, TimeoutError)


class Database:
    """Holds the pool; None until start-up created it, and always None without a URL."""

    def __init__(self, url: Optional[str], pool_size: int) -> None:
        self.url = url
        self.pool_size = pool_size
        self.pool: Optional[asyncpg.Pool] = None

    async def start(self) -> None:
        if self.url:
            # min_size=0: connections open on demand, like Npgsql's pool with Minimum Pool Size=0.
            self.pool = await asyncpg.create_pool(self.url, min_size=0, max_size=self.pool_size)

    async def stop(self) -> None:
        if self.pool is not None:
            await self.pool.close()


async def read_items(db: Database, request: Request) -> Response:
    if db.pool is None:
        return PlainTextResponse(NOT_CONFIGURED, status_code=503)
    categories = request.query_params.getlist("category")
    limits = request.query_params.getlist("limit")
    category = categories[-1] if categories else None
    limit_text = limits[-1] if limits else "50"
    if (category is None or not _CATEGORY.fullmatch(category) or not _LIMIT.fullmatch(limit_text)
            or not 1 <= int(limit_text) <= MAX_LIMIT):
        return PlainTextResponse(BAD_QUERY, status_code=400)
    limit = int(limit_text)
    try:
        rows = await db.pool.fetch(READ_SQL, category, limit)
    except DB_ERRORS:
        return PlainTextResponse(UNAVAILABLE, status_code=503)
    items = [_item(row) for row in rows]
    return JSONResponse({"items": items, "count": len(items), "category": category, "limit": limit})


async def write_item(db: Database, request: Request) -> Response:
    if db.pool is None:
        return PlainTextResponse(NOT_CONFIGURED, status_code=503)
    parsed = parse_item(await request.body())
    if parsed is None:
        return PlainTextResponse(BAD_ITEM, status_code=400)
    name, amount, category = parsed
    try:
        async with db.pool.acquire() as connection:
            async with connection.transaction():
                row = await connection.fetchrow(WRITE_SQL, name, amount, category)
    except DB_ERRORS:
        return PlainTextResponse(UNAVAILABLE, status_code=503)
    return JSONResponse(_item(row), status_code=201)


def parse_item(body: bytes) -> Optional[Tuple[str, int, str]]:
    """(name, amount, category) when the body is valid, else None; the rules of DbItemRequest.cs."""
    if len(body) > MAX_BODY_BYTES:
        return None
    try:
        document = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(document, dict):
        return None
    name, amount, category = document.get("name"), document.get("amount"), document.get("category")
    # bool is an int subclass in Python: true/false must not pass as an amount.
    if not isinstance(name, str) or type(amount) is not int or not isinstance(category, str):
        return None
    if not INT32_MIN <= amount <= INT32_MAX or not 1 <= len(name) <= MAX_NAME_LENGTH or "\0" in name:
        return None
    if not _encodable(name) or not _CATEGORY.fullmatch(category):
        return None
    return name, amount, category


def _encodable(text: str) -> bool:
    # A lone surrogate escape (\ud800) decodes in Python but has no UTF-8 form.
    try:
        text.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def _item(row) -> dict:
    return {"id": row[0], "name": row[1], "amount": row[2], "category": row[3], "created": row[4]}
