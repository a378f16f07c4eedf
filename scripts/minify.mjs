// Minifies the built viewer's own scripts that every page carries or that a page's first
// interaction fetches (issue #27): the inline scripts of index.html (static/boot.js and
// static/shell.js, a page's every byte before its first paint) and the JS of the smaller
// modules (gongkai-first.js, gongkai-site.js, wasm-bindgen's glue, before `gongkai site` names
// them by content). Terser (npm, installed by scripts/setup into tests/e2e) with its defaults:
// a script for the inline ones, an ES module for the glue. The full app's JS is left as Trunk
// wrote it (its name is Trunk's hash of that content). Run by scripts/csp.mjs, the post-build
// hook, before `gongkai site --in-place`; prints what each file weighed before and after.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Minifies the scripts of the built viewer in `dir` in place. */
export async function minifyViewer(dir, source) {
  let terser;
  try {
    terser = require(path.join(source, 'tests/e2e/node_modules/terser'));
  } catch (e) {
    console.error('minify: terser is not installed (scripts/setup installs it): scripts left as they are');
    return;
  }
  const sizes = [];
  for (const name of ['gongkai-first.js', 'gongkai-site.js']) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) continue;
    const code = fs.readFileSync(file, 'utf8');
    const out = await terser.minify(code, { module: true, ecma: 2020 });
    fs.writeFileSync(file, out.code);
    sizes.push(`${name} ${code.length} → ${out.code.length}`);
  }
  const index = path.join(dir, 'index.html');
  let html = fs.readFileSync(index, 'utf8');
  // Only scripts with no attributes: the inline ones (Trunk's loader is a module with attributes).
  const parts = [];
  let at = 0;
  for (const m of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
    // (ES5 out: boot.js still sends an old browser's old addresses on.)
    const out = await terser.minify(m[1], { ecma: 5 });
    parts.push(html.slice(at, m.index), `<script>${out.code}</script>`);
    sizes.push(`inline script ${m[1].length} → ${out.code.length}`);
    at = m.index + m[0].length;
  }
  parts.push(html.slice(at));
  html = parts.join('');
  fs.writeFileSync(index, html);
  console.log(`minify: ${sizes.join(', ')} (characters)`);
}
