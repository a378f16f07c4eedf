// Browser benchmark (not a test): PDF import in the PDF worker, in Debian's headless Chromium.
// For each corpus PDF: ms from choosing the file to the imported bundle's header on screen
// (worker start and wasm fetch included; median of GONGKAI_BENCH_RUNS, default 5), pages per
// second, and the longest main-thread task meanwhile (the page stays responsive: the worker
// does the reading). Usage: node bench/pdf-browser.mjs   (after `trunk build --release`)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, median, root, startServer } from './harness.mjs';

const server = await startServer();
const origin = server.origin;
const browser = await launchBrowser();
const RUNS = Number(process.env.GONGKAI_BENCH_RUNS || 5);
const dir = path.join(root, 'crates/import/tests/fixtures/jiangsu/pdf');
// Pages as the importer reads them (form feeds between pages in `gongkai text`; bench/run builds the CLI).
const pages = (f) => execFileSync(path.join(root, 'target/release/gongkai'), ['text', f], { encoding: 'utf8', maxBuffer: 1 << 26 }).split('\f').length;

console.log(`PDF in the browser worker (median of ${RUNS})`.padEnd(52) + 'pages'.padStart(6) + 'ms'.padStart(8) + 'pages/s'.padStart(9) + 'long task'.padStart(11));
for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.pdf')).sort()) {
  const file = path.join(dir, name);
  const times = [];
  const tasks = [];
  for (let i = 0; i < RUNS; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await ctx.newPage();
    await page.goto(`${origin}/`);
    await page.waitForSelector('#total-revenue');
    await page.evaluate(() => {
      window.__long = 0;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long = Math.max(window.__long, e.duration); }).observe({ type: 'longtask' });
    });
    const t0 = Date.now();
    await page.setInputFiles('#open-file-input', file);
    // Done: the loading line is gone and a header (or the form asking for a missing fact) shows.
    await page.waitForFunction(() => !/正在读取/.test(document.body.innerText) && (document.querySelector('#facts-form') || !document.querySelector('header.site h1')?.textContent.includes('平乡')), null, { timeout: 60000 });
    times.push(Date.now() - t0);
    tasks.push(await page.evaluate(() => window.__long));
    await ctx.close();
  }
  const ms = median(times);
  const n = pages(file);
  console.log(`${name.slice(0, 24).padEnd(52)}${String(n).padStart(6)}${String(ms).padStart(8)}${(n / (ms / 1000)).toFixed(0).padStart(9)}${median(tasks).toFixed(0).padStart(9)} ms`);
}
console.log('ms: from choosing the file to the bundle on screen, the first run of a page fetching the PDF worker (HTTP cache');
console.log('warm after the first file); long task: the longest main-thread task meanwhile (50 ms or more counts as long).');
await browser.close();
server.stop();
