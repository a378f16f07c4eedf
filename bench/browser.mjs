// Browser benchmark (not a test): time from navigation to the first chart in the DOM, bundle
// parse + validate, a drill-down, and a hover, in Debian's headless Chromium, median of 7 runs,
// on the seed and on a generated bundle (2,000 activities, 10,000 indicators; bench/out/, made by
// `cargo run --release -p gongkai-model --example chart_bench -- --write bench/out`).
// Usage: node bench/browser.mjs   (after `trunk build --release`; bench/run does both)
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, median, root, startServer } from './harness.mjs';

const server = await startServer();
const origin = server.origin;
const browser = await launchBrowser();
// GONGKAI_BENCH_RUNS=15 for steadier medians on a busy machine; GONGKAI_BENCH_ONLY=seed skips the large bundle.
const RUNS = Number(process.env.GONGKAI_BENCH_RUNS || 7);

async function run(label, query) {
  const r = { paint: [], start: [], first: [], parsed: [], drill: [], drillFrame: [], hover: [], hoverFrame: [], han: [], pinyin: [], none: [] };
  for (let i = 0; i < RUNS; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await ctx.newPage();
    // The first view a visitor gets: the overview.
    // Waiting polls with plain CDP evaluations: Playwright's waitForFunction would inject its
    // large helper script into the page while it loads and delay what is being measured.
    const cdp = await ctx.newCDPSession(page);
    await page.goto(`${origin}/${query}`, { waitUntil: 'commit' });
    for (let t = 0; ; t += 20) {
      // A bundle's first views start the app only when the reader asks for it (static/boot.js):
      // this run asks as soon as the page can be asked (its timings then are the app's).
      const { result } = await cdp.send('Runtime.evaluate', { expression: "self.gongkaiBegin?.(), performance.getEntriesByName('gongkai:first-chart').length" });
      if (result.value > 0) break;
      if (t > 60000) throw new Error('no first chart after 60 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    const mark = (n) => page.evaluate((n) => performance.getEntriesByName(n)[0].startTime, n);
    r.start.push(await mark('gongkai:wasm-start'));
    r.first.push(await mark('gongkai:first-chart'));
    // The first paint: a page the build rendered already shows its whole view (key figures and
    // charts); a page shown for another bundle paints a loading line.
    r.paint.push(await mark('first-contentful-paint'));
    if (i === 0) r.prerendered = await page.evaluate(() => document.documentElement.classList.contains('ssr'));
    r.hydrated ??= [];
    r.hydrated.push(await page.evaluate(() => performance.getEntriesByName('gongkai:hydrated')[0]?.startTime ?? NaN));
    r.parsed.push(await mark('gongkai:bundle-parsed'));
    await page.click('nav.sections a[href$="performance/"]');
    await page.waitForSelector('#activities-title ~ .chart-surface');
    const surface = page.locator('#activities-title ~ .chart-surface');
    await surface.focus();
    // Interactions are timed inside the page in two ways: "work" = from the event to the DOM
    // updated (a MutationObserver) and laid out (a forced layout right after), i.e. the script,
    // style and layout the interaction costs; "frame" = to the next animation frame after that
    // (adds the wait for the display's next frame, up to ~16.7 ms, which is not the app's work).
    await page.evaluate(() => {
      window.__timed = async (fire, done) => {
        const t0 = performance.now();
        const seen = new Promise((resolve) => {
          const mo = new MutationObserver(() => { if (done()) { mo.disconnect(); resolve(); } });
          mo.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
        });
        fire();
        await seen;
        document.body.getBoundingClientRect();
        const work = performance.now() - t0;
        await new Promise(requestAnimationFrame);
        return [work, performance.now() - t0];
      };
      const surface = () => document.querySelector('#activities-title ~ .chart-surface');
      const info = () => document.querySelector('#activities-info').textContent;
      window.__hover = () => {
        const before = info();
        const b = surface().getBoundingClientRect();
        return window.__timed(
          () => surface().dispatchEvent(new PointerEvent('pointermove', { clientX: b.right - 3, clientY: b.bottom - 3, bubbles: true })),
          () => info() !== before);
      };
      window.__drill = async () => {
        surface().dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
        await new Promise(requestAnimationFrame);
        return window.__timed(
          () => surface().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })),
          () => !!document.querySelector('nav.breadcrumb'));
      };
    });
    // Hover: pointer move → the info line shows the item.
    const [hw, hf] = await page.evaluate(() => window.__hover());
    r.hover.push(hw); r.hoverFrame.push(hf);
    // Drill-down: Enter on the focused largest item → the activity page is in the DOM.
    const [dw, df] = await page.evaluate(() => window.__drill());
    r.drill.push(dw); r.drillFrame.push(df);
    // Search keystrokes (pinyin readings loaded first): the last letter of a query typed → the
    // result count updated (a MutationObserver fires right after Yew's render).
    await page.evaluate(() => { location.hash = '#/search'; });
    await page.waitForSelector('#search-input');
    await page.waitForFunction(() => document.querySelector('#pinyin-status')?.dataset.state === 'ready', null, { timeout: 60000 });
    for (const [key, q] of [['han', '农村'], ['pinyin', 'nongcun'], ['none', 'xyzzy']]) {
      r[key].push(await page.evaluate(async (q) => {
        const input = document.querySelector('#search-input');
        const status = document.querySelector('#search-status');
        const type = (v) => new Promise((resolve) => {
          const seen = new MutationObserver(() => { seen.disconnect(); resolve(performance.now()); });
          seen.observe(status, { childList: true, subtree: true, characterData: true });
          input.value = v;
          input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        });
        await type(q.slice(0, -1));
        await new Promise(requestAnimationFrame);
        const t0 = performance.now();
        return (await type(q)) - t0;
      }, q));
    }
    await ctx.close();
  }
  const f = (x) => x.toFixed(1).padStart(9);
  console.log(`${label.padEnd(34)}${f(median(r.paint))}${r.prerendered ? '*' : ' '}${f(median(r.start))}${f(median(r.parsed))}${f(median(r.first))}${f(median(r.hydrated || [NaN]))}${f(median(r.hover))}${f(median(r.hoverFrame))}${f(median(r.drill))}${f(median(r.drillFrame))}${f(median(r.han))}${f(median(r.pinyin))}${f(median(r.none))}`);
}

// Before the app: the page answers its charts itself (static/shell.js). A hover on the
// activities treemap of /performance/ (the seed's page as built), timed as above; the app is
// not started.
async function pageAlone() {
  const hover = [], frame = [], again = [], apps = [];
  for (let i = 0; i < RUNS; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await ctx.newPage();
    await page.goto(`${origin}/performance/`, { waitUntil: 'load' });
    const [w, f, w2] = await page.evaluate(async () => {
      const surface = document.querySelector('#activities-title ~ .chart-surface');
      const info = () => document.querySelector('#activities-info').textContent;
      const timed = async (x, y) => {
      const before = info();
      const t0 = performance.now();
      const seen = new Promise((resolve) => {
        const mo = new MutationObserver(() => { if (info() !== before) { mo.disconnect(); resolve(); } });
        mo.observe(document.body, { childList: true, subtree: true, characterData: true });
      });
      surface.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true }));
      await seen;
      document.body.getBoundingClientRect();
      const work = performance.now() - t0;
      await new Promise(requestAnimationFrame);
      return [work, performance.now() - t0];
      };
      // The page settled (two frames after its load event: no one hovers sooner), the chart
      // focused (as the app's above: it shows the first item), then a hover, then another item.
      await new Promise(requestAnimationFrame);
      await new Promise(requestAnimationFrame);
      surface.focus();
      await new Promise(requestAnimationFrame);
      const b = surface.getBoundingClientRect();
      const first = await timed(b.right - 3, b.bottom - 3);
      const second = await timed(b.left + 3, b.top + 3);
      return [...first, second[0]];
    });
    hover.push(w); frame.push(f); again.push(w2);
    apps.push(await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /\.wasm$/.test(e.name)).length));
    await ctx.close();
  }
  console.log(`${'seed /performance/, before the app'.padEnd(34)}${'hover'.padStart(9)}${median(hover).toFixed(1).padStart(9)}${'(frame)'.padStart(9)}${median(frame).toFixed(1).padStart(9)}${'next'.padStart(9)}${median(again).toFixed(1).padStart(9)}   wasm fetched: ${Math.max(...apps)}`);
}

console.log(`${`bundle (median of ${RUNS}, ms)`.padEnd(34)}${'paint'.padStart(9)} ${'wasm run'.padStart(9)}${'parsed'.padStart(9)}${'1stchart'.padStart(9)}${'hydrated'.padStart(9)}${'hover'.padStart(9)}${'(frame)'.padStart(9)}${'drill'.padStart(9)}${'(frame)'.padStart(9)}${'s:农村'.padStart(8)}${'s:nongcun'.padStart(10)}${'s:xyzzy'.padStart(9)}`);
await run('seed (39 activities, 177 ind.)', '');
if (process.env.GONGKAI_BENCH_ONLY === 'seed') {
  // large bundle skipped
} else if (fs.existsSync(path.join(root, 'bench/out/generated-2000.json'))) {
  await run('generated (2,000 act., 10,000 ind.)', '?bundle=bench/out/generated-2000.json');
} else {
  console.log('generated bundle missing: cargo run --release -p gongkai-model --example chart_bench -- --write bench/out');
}
await pageAlone();
console.log('paint: ms from navigation start to the first contentful paint; * = the page the build rendered (the whole view,');
console.log('charts included) is what is painted, so the first chart is painted then;');
console.log('hydrated: ms to the mark gongkai:hydrated (the app has taken the page over: interactive; NaN = rendered, not hydrated);');
console.log('wasm run / parsed / 1st chart: ms from navigation start to the marks gongkai:wasm-start (wasm fetched and');
console.log('compiled, main() starts), gongkai:bundle-parsed, gongkai:first-chart (the live, interactive first chart in the DOM);');
console.log('hover / drill: ms from the event to the updated DOM laid out (the work; budget ≤ 16 ms seed, ≤ 50 ms large);');
console.log('(frame): to the next animation frame after that (adds the wait for the display, up to 16.7 ms);');
console.log('s:… : search keystroke, ms from the input event (last letter of the query) to the updated result count.');
await browser.close();
server.stop();
