// Province benchmark (not a test): a generated province of N bundles (default 10,000; test data
// made by `gongkai generate` from the seed and an imported Jiangsu document, never shipped),
// built by `gongkai site --province`, then measured in Debian's headless Chromium against the
// budgets of docs/performance.md ("A province"):
//   build: full build per bundle; adding one bundle to the built site;
//   catalog: first view (time, bytes), a filter keystroke;
//   search: time and bytes per query from a cold cache (common word, rare word, pinyin, no hit),
//           and again with the shards already fetched;
//   a bundle's first view on the province site and on the one-bundle site.
// Usage: node bench/province.mjs [N]   (after `trunk build --release` and
//        `cargo build --release -p gongkai-cli`; GONGKAI_PROVINCE_DIR=folder to keep the work)
// Writes bench/out/province.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launchBrowser, median, root, startServer } from './harness.mjs';

const N = Number(process.argv[2] || 10000);
const RUNS = Number(process.env.GONGKAI_BENCH_RUNS || 3);
const work = process.env.GONGKAI_PROVINCE_DIR || fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-province-bench-'));
const gongkai = path.join(root, 'target/release/gongkai');
const run = (args) => execFileSync(gongkai, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const seconds = (f) => { const t = process.hrtime.bigint(); const out = f(); return [Number(process.hrtime.bigint() - t) / 1e9, out]; };
const results = { bundles: N, machine: `${os.cpus().length} cores, ${os.cpus()[0].model}` };

// ---- build ----
fs.mkdirSync(work, { recursive: true });
const jiangsu = path.join(work, 'jiangsu.json');
run(['import', 'crates/import/tests/fixtures/jiangsu/江苏省人大办公厅2017年度预算公开.layout.txt', '-o', jiangsu]);
const [dataA, dataB, site] = ['data-n', 'data-n1', 'site'].map((d) => path.join(work, d));
for (const d of [dataA, dataB, site]) fs.rmSync(d, { recursive: true, force: true });
const sources = ['--from', 'data/pingxiang-fgj-2017.json', '--from', jiangsu];
run(['generate', ...sources, '--count', String(N), '-o', dataA]);
run(['generate', ...sources, '--count', String(N + 1), '-o', dataB]);
const [full, fullOut] = seconds(() => run(['site', dataA, '--viewer', 'dist', '-o', site, '--province']));
console.log(fullOut.trim());
const [add, addOut] = seconds(() => run(['site', dataB, '--viewer', 'dist', '-o', site, '--province']));
console.log(addOut.trim());
results.build = {
  full_s: full, full_ms_per_bundle: (full * 1000) / N, add_one_s: add,
  add_one_built: Number(/: (\d+) built/.exec(addOut)?.[1]),
  index_kib: Number(/shards, (\d+) KiB/.exec(fullOut)?.[1]), shards: Number(/(\d+) shards/.exec(fullOut)?.[1]),
};
const du = (p) => Number(execFileSync('du', ['-sk', p], { encoding: 'utf8' }).split('\t')[0]) * 1024;
results.build.site_bytes = du(site);

// ---- browser ----
const server = await startServer(true, site);
const small = await startServer(true);
const browser = await launchBrowser();

/** A cold page (new context: empty cache) counting the bytes it receives, as transferred. */
async function coldPage(viewport = { width: 390, height: 844 }) {
  // No service worker: it would answer the page's requests itself, hiding what the network sent.
  const ctx = await browser.newContext({ viewport, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  const counter = { bytes: 0, urls: [] };
  cdp.on('Network.loadingFinished', (e) => { counter.bytes += e.encodedDataLength; });
  cdp.on('Network.responseReceived', (e) => counter.urls.push(e.response.url));
  return { ctx, page, cdp, counter };
}
const waitFor = async (cdp, expression, limit = 60000) => {
  for (let t = 0; ; t += 10) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    if (result.value) return;
    if (t > limit) throw new Error(`timed out: ${expression}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

// The catalog's first view: the built page's list of areas on screen (first contentful paint),
// and what was transferred for it; then the app taking the page over (the wasm included).
const catalog = { paint_ms: [], view_bytes: [], ready_ms: [], ready_bytes: [], keystroke_ms: [] };
for (let i = 0; i < RUNS; i++) {
  const { ctx, page, cdp, counter } = await coldPage();
  await page.goto(`${server.origin}/`, { waitUntil: 'commit' });
  await waitFor(cdp, "document.querySelectorAll('ul.areas li').length > 0 && performance.getEntriesByName('first-contentful-paint').length > 0");
  catalog.paint_ms.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime));
  await page.waitForLoadState('load');
  // The home starts its module when the reader asks for it (its filter): ask at once.
  await page.evaluate(() => self.gongkaiBegin?.());
  await waitFor(cdp, "document.documentElement.dataset.app === 'ready'");
  catalog.ready_ms.push(await page.evaluate(() => performance.now()));
  await new Promise((r) => setTimeout(r, 300));
  catalog.ready_bytes.push(counter.bytes);
  // What the first view needed: the page, its stylesheet, the areas file (no wasm, no script).
  catalog.view_bytes.push(await page.evaluate(() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
    .filter((e) => !/\.(wasm|js)$/.test(new URL(e.name).pathname) && !/sw\.js|manifest|icons/.test(e.name))
    .reduce((s, e) => s + e.transferSize, 0)));
  // A keystroke in the filter: input event to the list changed on screen (next frame).
  // Each keystroke changes the list: a city's counties, one county, none, all again.
  for (const text of ['样例07', '样例0703', '不存在', '', '01']) {
    catalog.keystroke_ms.push(await page.evaluate(async (text) => {
      const input = document.getElementById('area-filter');
      const before = document.querySelector('ul.areas')?.innerHTML + document.querySelector('p.count').textContent;
      const t = performance.now();
      input.value = text;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      for (;;) {
        await new Promise((r) => requestAnimationFrame(() => r()));
        const now = document.querySelector('ul.areas')?.innerHTML + document.querySelector('p.count').textContent;
        if (now !== before || performance.now() - t > 1000) return performance.now() - t;
      }
    }, text));
  }
  await ctx.close();
}
results.catalog = Object.fromEntries(Object.entries(catalog).map(([k, v]) => [k, median(v)]));
results.catalog.keystroke_max_ms = Math.max(...catalog.keystroke_ms);

// Search: each query from a cold cache on the search page (the page and the app loaded first,
// not counted), then a second query on the same page (shards fetched already are reused).
const queries = { common: '财政局', rare: '样例0807县档案馆', pinyin: 'nongcun', code: '2010101', none: '这个词不在任何公开里' };
async function search(page, cdp, counter, q) {
  const before = counter.bytes;
  const t = await page.evaluate(() => performance.now());
  await page.fill('#site-q', q);
  await waitFor(cdp, "!!document.querySelector('main p.count') && !document.querySelector('[aria-busy=true]') && !/正在查找/.test(document.querySelector('main p.count').textContent)");
  const ms = (await page.evaluate(() => performance.now())) - t;
  await new Promise((r) => setTimeout(r, 100));
  const found = await page.evaluate(() => document.querySelectorAll('li.site-result').length);
  return { ms, bytes: counter.bytes - before, found, bundlesFetched: counter.urls.filter((u) => /\/data\/c\d+\//.test(u)).length };
}
results.search = {};
for (const [kind, q] of Object.entries(queries)) {
  const cold = [], warm = [];
  for (let i = 0; i < RUNS; i++) {
    const { ctx, page, cdp, counter } = await coldPage();
    await page.goto(`${server.origin}/search/`, { waitUntil: 'commit' });
    await waitFor(cdp, "document.documentElement.dataset.app === 'ready'");
    await new Promise((r) => setTimeout(r, 300));
    cold.push(await search(page, cdp, counter, q));
    await page.fill('#site-q', '');
    warm.push(await search(page, cdp, counter, q === queries.common ? queries.rare : queries.common));
    await ctx.close();
  }
  const m = (xs, k) => median(xs.map((x) => x[k]));
  results.search[kind] = { query: q, cold_ms: m(cold, 'ms'), cold_bytes: m(cold, 'bytes'), results: cold[0].found, then_ms: m(warm, 'ms'), then_bytes: m(warm, 'bytes'), bundles_fetched: Math.max(...cold.map((c) => c.bundlesFetched)) };
}

// A bundle's first view: its page on the province site and the seed's on the one-bundle site.
async function firstView(origin, pathname) {
  const paint = [], bytes = [];
  for (let i = 0; i < RUNS; i++) {
    const { ctx, page, cdp } = await coldPage();
    await page.goto(`${origin}${pathname}`, { waitUntil: 'commit' });
    await waitFor(cdp, "performance.getEntriesByName('first-contentful-paint').length > 0 && !!document.getElementById('total-revenue')");
    paint.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime));
    await page.waitForLoadState('load');
    bytes.push(await page.evaluate(() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
      .filter((e) => !/\.(wasm|js)$/.test(new URL(e.name).pathname) && !/sw\.js|manifest|icons/.test(e.name))
      .reduce((s, e) => s + e.transferSize, 0)));
    await ctx.close();
  }
  return { paint_ms: median(paint), page_bytes: median(bytes) };
}
results.bundle_first_view = {
  province: await firstView(server.origin, '/b/c01~x001~d01-2017/'),
  one_bundle_site: await firstView(small.origin, '/'),
};
await browser.close();
server.stop();
small.stop();

const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
console.log(`\nprovince of ${N} bundles (${results.machine})`);
console.log(`build: full ${results.build.full_s.toFixed(1)} s = ${results.build.full_ms_per_bundle.toFixed(1)} ms a bundle (budget ≤ 20); adding one bundle ${results.build.add_one_s.toFixed(1)} s (${results.build.add_one_built} bundles built again; budget ≤ 5 s); index ${results.build.index_kib} KiB in ${results.build.shards} shards; site ${(results.build.site_bytes / 2 ** 30).toFixed(2)} GiB`);
console.log(`catalog first view: painted at ${results.catalog.paint_ms.toFixed(0)} ms with ${kb(results.catalog.view_bytes)} (budget ≤ 1 s, ≤ 100 KB); app ready at ${results.catalog.ready_ms.toFixed(0)} ms, ${kb(results.catalog.ready_bytes)} with the wasm; filter keystroke median ${results.catalog.keystroke_ms.toFixed(1)} ms, max ${results.catalog.keystroke_max_ms.toFixed(1)} ms (budget ≤ 50)`);
for (const [k, r] of Object.entries(results.search)) {
  console.log(`search ${k.padEnd(6)} “${r.query}”: cold ${r.cold_ms.toFixed(0)} ms, ${kb(r.cold_bytes)}; next query ${r.then_ms.toFixed(0)} ms, ${kb(r.then_bytes)}; ${r.results} results shown; bundles fetched ${r.bundles_fetched} (budget ≤ 300 ms, ≤ 300 KB)`);
}
const bf = results.bundle_first_view;
console.log(`a bundle's first view: province ${bf.province.paint_ms.toFixed(0)} ms, ${kb(bf.province.page_bytes)}; one-bundle site ${bf.one_bundle_site.paint_ms.toFixed(0)} ms, ${kb(bf.one_bundle_site.page_bytes)}`);
fs.mkdirSync(path.join(root, 'bench/out'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench/out/province.json'), JSON.stringify(results, null, 2));
if (!process.env.GONGKAI_PROVINCE_DIR) fs.rmSync(work, { recursive: true, force: true });
