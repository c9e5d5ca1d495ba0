// A third contestant on Node's built-in http module, with no dependencies: it shows that Faceoff compares any
// server started by a command and a port. It serves the plain and constrained modes of the reference apps
// (see ../README.md) with the same status, Content-Type and bytes; middleware_heavy is not implemented.
//
//   node apps/node/server.js --host 127.0.0.1 --port 8003
'use strict';

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const HOLD_SECONDS = /^[0-9]{1,8}(\.[0-9]{1,8})?$/;
const INDEX_HTML = fs.readFileSync(path.join(__dirname, '..', 'shared', 'index.html'));
const TEXT = 'text/plain; charset=utf-8';

function fail(message) {
  process.stderr.write(`faceoff-refapp-node: ${message}\n`);
  process.exit(2);
}

function option(name) {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0 || at + 1 >= process.argv.length) fail(`--${name} is required`);
  return process.argv[at + 1];
}

function settings() {
  const mode = process.env.FACEOFF_APP_MODE ?? 'plain';
  if (mode !== 'plain' && mode !== 'constrained') {
    fail(`FACEOFF_APP_MODE=${mode}: this app implements plain and constrained only`);
  }
  const inflight = process.env.FACEOFF_APP_MAX_INFLIGHT ?? '4';
  if (!/^[0-9]{1,6}$/.test(inflight) || Number(inflight) < 1) {
    fail(`FACEOFF_APP_MAX_INFLIGHT=${inflight}: expected a whole number of at least 1`);
  }
  const port = option('port');
  if (!/^[0-9]{1,5}$/.test(port) || Number(port) > 65535) fail(`--port ${port}: expected a TCP port`);
  return { mode, maxInflight: Number(inflight), host: option('host'), port: Number(port) };
}

function send(res, status, type, body, headers = {}) {
  // An explicit length, as the other apps send: without it Node would frame these small bodies as chunked.
  const length = { 'content-length': Buffer.byteLength(body) };
  res.writeHead(status, type ? { 'content-type': type, ...length, ...headers } : { ...length, ...headers });
  res.end(body);
}

function hold(res, query) {
  // The last "seconds" value wins, as in the other apps.
  const values = query.getAll('seconds');
  const raw = values.length > 0 ? values[values.length - 1] : '';
  const seconds = HOLD_SECONDS.test(raw) ? Number(raw) : NaN;
  if (!(seconds >= 0.05 && seconds <= 5)) {
    send(res, 400, TEXT, 'seconds must be a number between 0.05 and 5\n');
    return;
  }
  setTimeout(() => send(res, 200, TEXT, 'hold\n'), seconds * 1000);
}

function route(req, res) {
  const url = new URL(req.url, 'http://localhost');
  const get = req.method === 'GET';
  const answer = (handler) => (get ? handler() : send(res, 405, null, ''));
  if (url.pathname === '/healthz') return answer(() => send(res, 200, TEXT, 'ok\n'));
  if (url.pathname === '/api/status') {
    return answer(() => send(res, 200, 'application/json',
      JSON.stringify({ server: 'node', ok: true, timestamp: Math.floor(Date.now() / 1000) })));
  }
  if (url.pathname.startsWith('/api/echo/') && url.pathname.length > '/api/echo/'.length) {
    const name = decodeURIComponent(url.pathname.slice('/api/echo/'.length));
    return answer(() => send(res, 200, 'application/json', JSON.stringify({ name, path: `/api/echo/${name}` })));
  }
  if (url.pathname === '/') return answer(() => send(res, 200, 'text/html; charset=utf-8', INDEX_HTML));
  if (url.pathname === '/hold') return answer(() => hold(res, url.searchParams));
  return send(res, 404, null, '');
}

const config = settings();
let inflight = 0;
const server = http.createServer((req, res) => {
  if (config.mode === 'constrained') {
    if (inflight >= config.maxInflight) {
      send(res, 503, TEXT, 'overloaded\n', { 'x-overload-reason': 'max-inflight' });
      return;
    }
    inflight++;
    // 'close' fires once per response whether it finished or the client went away.
    res.on('close', () => inflight--);
  }
  route(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(config.port, config.host, () => {
  process.stdout.write(`faceoff-refapp-node: listening on http://${config.host}:${config.port} (${config.mode})\n`);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
