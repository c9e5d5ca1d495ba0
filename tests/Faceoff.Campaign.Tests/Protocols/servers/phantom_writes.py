"""A deliberately broken contestant for the database track: POST /api/db/items answers 201 with a
well-formed item but never touches the database (a phantom write). Everything else a campaign asks of it
(readiness, keep-alive, JSON shape) is right, so the only thing the parity gate can catch is the missing row."""
import itertools
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

_ids = itertools.count(1_000_000)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *_):
        pass

    def _send(self, status, body, media="application/json"):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/healthz":
            self._send(200, "ok\n", "text/plain; charset=utf-8")
        else:
            self._send(404, "not found\n", "text/plain; charset=utf-8")

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length) or b"{}")
        if self.path != "/api/db/items":
            self._send(404, "not found\n", "text/plain; charset=utf-8")
            return
        item = {"id": next(_ids), "name": body.get("name"), "amount": body.get("amount"),
                "category": body.get("category"), "created": "2026-01-01T00:00:00Z"}
        self._send(201, json.dumps(item, separators=(",", ":")))


if __name__ == "__main__":
    ThreadingHTTPServer((sys.argv[1], int(sys.argv[2])), Handler).serve_forever()
