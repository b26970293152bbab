#!/usr/bin/env node
// Tiny static server for public/ (no dependencies), for local use and the browser tests.
//
//   node scripts/serve.mjs [port]      port from argv, else $PORT, else 8080; 0 = any free port.
//
// Listens on 127.0.0.1 only. If the port is busy it falls back to a free one. Prints
// "rbcmatch: serving public/ at http://127.0.0.1:PORT/" (tests read the URL from that line).
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');
const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm', // required by WebAssembly.instantiateStreaming
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const server = createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') { res.writeHead(405, { Allow: 'GET, HEAD' }).end(); return; }
  let path;
  try { path = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400).end(); return; }
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) { res.writeHead(403).end(); return; } // no ../ escapes
  let stat;
  try { stat = statSync(file); } catch { stat = null; }
  if (!stat?.isFile()) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n'); return; }
  // no-cache: the browser asks again every time, and a file that has not changed is answered
  // 304 by its ETag. Then the browser reuses its cached copy, and for the .wasm also the
  // compiled code it kept from an earlier load (Chromium caches code of streamed modules).
  const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const common = {
    'Cache-Control': 'no-cache',
    ETag: etag,
    'X-Content-Type-Options': 'nosniff',
    // Cross-origin isolation: the page may then share memory with its worker, which is how a
    // Cancel reaches a running computation without restarting the worker (web/client.js).
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
  };
  if (req.headers['if-none-match'] === etag) { res.writeHead(304, common).end(); return; }
  res.writeHead(200, { ...common, 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream', 'Content-Length': stat.size });
  if (req.method === 'HEAD') res.end(); else createReadStream(file).pipe(res);
});

const wanted = Number(process.argv[2] ?? process.env.PORT ?? 8080);
server.on('error', (e) => {
  if (e.code === 'EADDRINUSE' && wanted !== 0) {
    console.error(`rbcmatch: port ${wanted} is busy, using a free one`);
    server.listen(0, '127.0.0.1');
  } else { console.error(`rbcmatch: ${e.message}`); process.exit(1); }
});
server.on('listening', () => console.log(`rbcmatch: serving public/ at http://127.0.0.1:${server.address().port}/`));
server.listen(wanted, '127.0.0.1');
