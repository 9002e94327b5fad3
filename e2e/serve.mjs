// A plain static file server for the browser tests: serves dist/ under a sub-path
// (default /some/sub/path/), the way a static host or CDN would, with no rewrites.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** What a static host compresses on the fly (the static corpus's files are gzip already). */
const COMPRESSED = new Set(['.html', '.js', '.wasm', '.css', '.json']);

/**
 * Starts a server for `root` mounted at `base`; resolves to { url, close }. With `gzip`, it
 * compresses HTML, JS, wasm and CSS for a browser that accepts it, as static hosts do (the
 * benchmarks count bytes as a host would send them).
 */
export function serve(root, base = '/some/sub/path/', { gzip = false } = {}) {
  const zipped = new Map();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(base.length)) || 'index.html';
    const file = path.join(root, path.normalize(rel));
    if (!file.startsWith(path.resolve(root))) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404).end('not found');
        return;
      }
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      if (gzip && COMPRESSED.has(path.extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        if (!zipped.has(file)) zipped.set(file, zlib.gzipSync(data, { level: 9 }));
        res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip' });
        res.end(zipped.get(file));
        return;
      }
      res.writeHead(200, { 'content-type': type });
      res.end(data);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}${base}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
