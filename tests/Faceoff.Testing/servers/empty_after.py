#!/usr/bin/env python3
"""A deliberately broken HTTP/1.1 server for end-to-end tests (Python standard library only).

GET /hello answers 200 text/plain "ok\n" to its first N requests (--empty-after N), so the parity gate,
which sends only a few, sees a correct server; every later /hello gets a 200 with an EMPTY body, the
fault the contract sampler must catch under load. N = 0 never breaks. GET /healthz always answers "ok\n"
and is not counted. Usage: empty_after.py --host 127.0.0.1 --port 8080 [--empty-after N]
"""

import argparse
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive with Content-Length framing, like the reference apps
    empty_after = 0
    served = 0
    lock = threading.Lock()

    def do_GET(self):  # noqa: N802 (the name BaseHTTPRequestHandler dispatches to)
        body = b"ok\n"
        if self.path == "/hello":
            with Handler.lock:
                Handler.served += 1
                broken = 0 < Handler.empty_after < Handler.served
            if broken:
                body = b""
        elif self.path != "/healthz":
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002 (signature fixed by the base class)
        pass  # an access log per request would slow the server and flood the run's log


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--empty-after", type=int, default=0)
    options = parser.parse_args()
    Handler.empty_after = options.empty_after
    server = ThreadingHTTPServer((options.host, options.port), Handler)
    server.daemon_threads = True
    print(f"empty_after.py: listening on {options.host}:{options.port}, empty bodies after {options.empty_after}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
