// Trunk post-build hook: adds to the built index.html a strict Content-Security-Policy, a preload
// of the default bundle and the pre-rendered first view, fills in the service worker's precache
// list, and writes precompressed copies (.gz, .br) beside every text and wasm file, for servers
// that serve them as they are (docs/deploy.md). The page has two inline scripts (Trunk's wasm loader and static/boot.js);
// instead of 'unsafe-inline', the policy allows exactly those by their SHA-256 hashes.
// 'wasm-unsafe-eval' is what compiling wasm needs.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
const file = path.join(dir, 'index.html');
let html = fs.readFileSync(file, 'utf8');
const hashes = [];
for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  hashes.push(`'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
}
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;

// The site's catalog, read once: it names the default bundle (the first) and tells whether the
// site has one bundle or several.
let catalog = null;
try {
  catalog = JSON.parse(fs.readFileSync(path.join(dir, 'data', 'index.json'), 'utf8'));
} catch (e) {
  console.log(`csp: no catalog to preload from or pre-render (${e.message})`);
}
const safe = (p) => typeof p === 'string' && p !== '' && !/[\s"'<>]/.test(p);
const source = process.env.TRUNK_SOURCE_DIR || process.cwd();

// The publishing gate: a bundle whose figures disagree does not reach citizens silently. The
// build stops, naming the failing checks, unless told GONGKAI_ALLOW_FAILING_CHECKS=1 (then its
// pages carry the notice, as they always do for such a bundle).
if (catalog) {
  const args = ['run', '--quiet', '-p', 'gongkai-cli', '--', 'publish-check', path.join(dir, 'data')];
  if (process.env.GONGKAI_ALLOW_FAILING_CHECKS === '1') args.push('--allow-failing-checks');
  try {
    execFileSync('cargo', args, { cwd: source, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (e) {
    console.error(`publish-check: the build refuses to publish data/ (exit ${e.status}); see the lines above`);
    process.exit(1);
  }
}

// Preload the bundle the catalog opens by default, so it downloads while the wasm compiles
// (static/boot.js starts both downloads; this link lets the browser start them even sooner).
html = html.replace(/\s*<link rel="preload" href="data\/(?!index\.json)[^"]*" as="fetch"[^>]*>/g, '');
const first = catalog?.bundles?.[0]?.path;
if (safe(first)) {
  html = html.replace(/(<link rel="preload" href="data\/index\.json"[^>]*>)/, (m) => `${m}\n  <link rel="preload" href="data/${first}" as="fetch" crossorigin="anonymous" data-default-bundle>`);
}

// The first view, pre-rendered (`gongkai prerender`: header, key figures, first chart) in both
// languages in place of the loading line, so it shows from the first paint. Only for a site of
// one bundle (a site of several opens on its catalog); static/boot.js shows the one in the
// visitor's language when the address asks for the overview of that bundle, and the app
// replaces it when it mounts.
html = html.replace(/\s*<div id="prerender-[\s\S]*?<!--\/prerender-->/g, '');
if (catalog?.bundles?.length === 1 && safe(first)) {
  try {
    const views = ['zh', 'en'].map((lang) => execFileSync('cargo', ['run', '--quiet', '-p', 'gongkai-cli', '--', 'prerender', '--lang', lang, path.join(dir, 'data', first)], { cwd: source, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim());
    html = html.replace(/(\s*<main id="boot")/, (m) => views.map((v) => `\n  ${v}<!--/prerender-->`).join('') + m);
    console.log(`prerender: first view of data/${first} (${views.map((v) => v.length).join(' + ')} bytes)`);
  } catch (e) {
    console.log(`prerender: skipped (${e.message.split('\n')[0]})`);
  }
}
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '');
html = html.replace(/<meta charset="utf-8">/i, (m) => `${m}\n  ${meta}`);
fs.writeFileSync(file, html);
console.log(`csp: ${hashes.length} inline script(s) allowed by hash in ${file}`);

// Service worker: the precache list is every file of this build (site and data) except the PDF
// import worker (about 1.6 MB gzip, fetched only when someone opens a PDF, so a phone does not
// download it in the background), the version a hash of all of them, so each new deployment
// refreshes the offline copy.
const sw = path.join(dir, 'sw.js');
if (fs.existsSync(sw)) {
  const files = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else if (!['sw.js', 'bundle.schema.json'].includes(path.relative(dir, f)) && !/\.(gz|br)$/.test(f)) files.push(f);
    }
  };
  walk(dir);
  files.sort();
  const hash = crypto.createHash('sha256');
  for (const f of files) hash.update(path.relative(dir, f)).update(fs.readFileSync(f));
  const urls = ['./', ...files.map((f) => './' + path.relative(dir, f).split(path.sep).join('/'))
    .filter((u) => u !== './index.html' && !u.startsWith('./pdf-import-worker'))];
  const code = fs.readFileSync(sw, 'utf8')
    .replace("'__GONGKAI_VERSION__'", JSON.stringify(hash.digest('hex').slice(0, 16)))
    .replace('__GONGKAI_FILES__', JSON.stringify(urls, null, 1));
  fs.writeFileSync(sw, code);
  console.log(`sw: ${urls.length} files precached`);
}

// Precompressed copies: file.gz (gzip -9) and file.br (brotli, quality 11) beside each file a
// browser fetches as text or wasm, last, once every file has its final content. A server with
// gzip_static/brotli_static (or the equivalent) then sends them without compressing on each
// request; servers that do not know them ignore them. Older copies are replaced.
{
  const compressible = /\.(html|js|mjs|css|json|wasm|svg|webmanifest|txt|xml|csv)$/;
  const walk = (d, out) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f, out);
      else if (compressible.test(e.name)) out.push(f);
    }
    return out;
  };
  let raw = 0, gz = 0, br = 0;
  for (const f of walk(dir, [])) {
    const data = fs.readFileSync(f);
    const g = zlib.gzipSync(data, { level: 9 });
    const b = zlib.brotliCompressSync(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        [zlib.constants.BROTLI_PARAM_MODE]: f.endsWith('.wasm') ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT,
      },
    });
    fs.writeFileSync(`${f}.gz`, g);
    fs.writeFileSync(`${f}.br`, b);
    raw += data.length; gz += g.length; br += b.length;
  }
  console.log(`precompressed: ${(raw / 1024).toFixed(0)} KiB → ${(gz / 1024).toFixed(0)} KiB gzip, ${(br / 1024).toFixed(0)} KiB brotli`);
}
