// Lighthouse benchmark (not a test): the built site's pages, Lighthouse's mobile preset
// (slow 4G, 4× CPU slowdown; simulated, then applied for real) in Debian's headless Chromium,
// served by bench/serve.mjs twice: as plain files (a server that does not compress, as many county servers serve .wasm)
// and with the build's precompressed copies. Prints each category's score, the largest
// contentful paint and the bytes transferred; median of GONGKAI_LH_RUNS (default 3) runs.
// Usage: node bench/lighthouse.mjs   (after `trunk build --release`; installs Lighthouse from
// npm into bench/node_modules on first use: `npm ci --prefix bench`)
// GONGKAI_LH_SITE=<folder>: serve a built site instead of dist/ (e.g. a province built by
// `gongkai site --province`, with GONGKAI_LH_PAGES=",a/<area>/,search/,b/<bundle>/").
// Each row ends with the budget of issue #27: performance ≥ 95 on plain files, ≥ 98
// precompressed; accessibility, best practices and SEO 100.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { median, root, startServer } from './harness.mjs';

if (!fs.existsSync(path.join(root, 'bench/node_modules/lighthouse'))) {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', path.join(root, 'bench')], { stdio: 'inherit' });
}
const { default: lighthouse } = await import('./node_modules/lighthouse/core/index.js');
const chromeLauncher = await import('./node_modules/chrome-launcher/dist/index.js');

const RUNS = Number(process.env.GONGKAI_LH_RUNS || 3);
// simulate: Lighthouse's default (a trace taken unthrottled, then a network/CPU model estimates
// each metric); devtools: the page really loaded over the throttled network and CPU, metrics
// observed.
const methods = (process.env.GONGKAI_LH_METHODS || 'simulate,devtools').split(',');
const pages = (process.env.GONGKAI_LH_PAGES || ',performance/8/3/,en/assets/').split(',');
const chrome = await chromeLauncher.launch({
  chromePath: '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
const pad = (s, n) => String(s).padEnd(n);
console.log(`${pad('method, server / page', 44)}${pad('perf', 6)}${pad('a11y', 6)}${pad('bp', 6)}${pad('seo', 6)}${pad('LCP ms', 9)}${pad('FCP ms', 9)}${pad('TBT ms', 9)}${pad('KiB', 7)}budget (#27)`);
for (const method of methods) for (const precompressed of [false, true]) {
  const server = await startServer(precompressed, process.env.GONGKAI_LH_SITE || null);
  for (const page of pages) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await lighthouse(`${server.origin}/${page}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        throttlingMethod: method,
      });
      const lhr = r.lhr;
      const score = (c) => Math.round((lhr.categories[c].score || 0) * 100);
      runs.push({
        perf: score('performance'),
        a11y: score('accessibility'),
        bp: score('best-practices'),
        seo: score('seo'),
        lcp: lhr.audits['largest-contentful-paint'].numericValue,
        fcp: lhr.audits['first-contentful-paint'].numericValue,
        tbt: lhr.audits['total-blocking-time'].numericValue,
        kib: lhr.audits['total-byte-weight'].numericValue / 1024,
        failed: Object.values(lhr.audits).filter((a) => a.score === 0 && a.scoreDisplayMode === 'binary').map((a) => a.id),
      });
    }
    const m = (k) => median(runs.map((r) => r[k]));
    const label = `${method} ${precompressed ? 'precompressed' : 'plain'} /${page}`;
    const met = m('perf') >= (precompressed ? 98 : 95) && ['a11y', 'bp', 'seo'].every((k) => m(k) === 100);
    console.log(`${pad(label, 44)}${pad(m('perf'), 6)}${pad(m('a11y'), 6)}${pad(m('bp'), 6)}${pad(m('seo'), 6)}${pad(Math.round(m('lcp')), 9)}${pad(Math.round(m('fcp')), 9)}${pad(Math.round(m('tbt')), 9)}${pad(Math.round(m('kib')), 7)}${met ? 'budget met' : 'BUDGET NOT MET'}`);
    const failed = [...new Set(runs.flatMap((r) => r.failed))];
    if (failed.length) console.log(`${''.padEnd(44)}failed audits: ${failed.join(', ')}`);
  }
  server.stop();
}
await chrome.kill();
