// A plain static server for the benchmark, in its own process (so the browser driver's work
// never delays a response): serves dist/ at / and bench/out/ at /bench/out/. With
// --precompressed it answers with the build's .br (or .gz) copy when the browser accepts it, as
// nginx's brotli_static/gzip_static do (docs/deploy.md); without, it sends every file as is, like
// a server that does not compress.
// --root DIR serves that folder instead of dist/ (a province built by bench/province.mjs).
// Usage: node bench/serve.mjs PORT [--precompressed] [--root DIR]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };
const precompressed = process.argv.includes('--precompressed');
const rootArg = process.argv.indexOf('--root');
const site = rootArg > 0 ? path.resolve(process.argv[rootArg + 1]) : path.join(root, 'dist');
http.createServer((req, res) => {
  const p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const base = p.startsWith('/bench/out/') ? root : site;
  const file = path.join(base, p.endsWith('/') ? p + 'index.html' : p);
  if (!file.startsWith(base) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404); return res.end(); }
  const headers = { 'content-type': types[path.extname(file)] || 'application/octet-stream' };
  const accepts = String(req.headers['accept-encoding'] || '');
  let body = file;
  if (precompressed) {
    for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
      if (accepts.includes(enc) && fs.existsSync(file + ext)) { body = file + ext; headers['content-encoding'] = enc; headers.vary = 'Accept-Encoding'; break; }
    }
  }
  res.writeHead(200, headers);
  fs.createReadStream(body).pipe(res);
}).listen(Number(process.argv[2] || 8090), '127.0.0.1', () => process.send?.('ready'));
