"""A deliberately non-conforming stand-in for the FastAPI reference app (standard library only).

/api/status leaves out the "ok" key, so the parity gate must fail on C02 and name that key.
Usage: python3 broken_app.py HOST PORT
"""
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        if self.path == "/healthz":
            self.reply(200, "text/plain; charset=utf-8", b"ok\n")
        elif self.path == "/api/status":
            body = json.dumps({"server": "broken", "timestamp": int(time.time())}, separators=(",", ":"))
            self.reply(200, "application/json", body.encode())
        else:
            self.reply(404, "text/plain; charset=utf-8", b"")

    def reply(self, status, content_type, body):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


ThreadingHTTPServer((sys.argv[1], int(sys.argv[2])), Handler).serve_forever()
