// Real first paint, largest contentful paint, interactive and hydration under a slow phone
// connection (not a test): Debian's headless Chromium at 412×823 with the network throttled to
// Lighthouse's slow 4G (150 ms latency, 1.6 Mbit/s down) and the CPU slowed 4×, the site served
// as plain files and precompressed. LCP is what the browser reports (PerformanceObserver), with
// the element. "interactive": on pages whose app starts when the reader asks for it
// (`self.gongkaiOnDemand`: a bundle's first views, which answer their charts, terms and switches
// themselves, static/shell.js; a province's home and area pages), the later of the
// first paint and the end of the DOMContentLoaded event (the whole page parsed, its inline
// scripts run: every handler in place); on other pages the app's hydration. "app asked": the app started at the load event, as a reader's first tap on
// something only it does would start it (self.gongkaiBegin), to hydrated, in ms after the ask.
// Usage: node bench/first-paint.mjs   (after `trunk build --release`)
// GONGKAI_FP_SITE=<folder> serves a built site instead of dist/, GONGKAI_FP_PAGES its pages
// (e.g. a province: ",a/<area>/,search/").
import { launchBrowser, median, startServer } from './harness.mjs';

const RUNS = Number(process.env.GONGKAI_BENCH_RUNS || 3);
const browser = await launchBrowser();
console.log(`${'server / page (median of ' + RUNS + ', ms)'.padEnd(44)}${'FCP'.padStart(7)}${'LCP'.padStart(7)}${'interactive'.padStart(12)}${'app asked'.padStart(11)}${'hydrated'.padStart(10)}  LCP element`);
for (const precompressed of [false, true]) {
  const server = await startServer(precompressed, process.env.GONGKAI_FP_SITE || null);
  for (const p of (process.env.GONGKAI_FP_PAGES || ',performance/8/3/,en/assets/').split(',')) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const ctx = await browser.newContext({ viewport: { width: 412, height: 823 } });
      await ctx.addInitScript(() => {
        window.__lcp = [];
        new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp.push([e.startTime, `${e.element?.tagName.toLowerCase()}${e.element?.className ? '.' + e.element.className : ''}`]); })
          .observe({ type: 'largest-contentful-paint', buffered: true });
      });
      const page = await ctx.newPage();
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6 * 1024 * 1024 / 8, uploadThroughput: 750 * 1024 / 8 });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(`${server.origin}/${p}`, { waitUntil: 'commit' });
      await page.waitForFunction(() => document.readyState === 'complete', null, { timeout: 120000 });
      // The reader asks for the app as the page has loaded (on pages whose app starts by
      // itself this changes nothing).
      const asked = await page.evaluate(() => { self.gongkaiBegin?.(); return performance.now(); });
      await page.waitForFunction(() => document.documentElement.dataset.app === 'ready', null, { timeout: 120000 });
      await page.waitForTimeout(300);
      runs.push(await page.evaluate((asked) => {
        const onDemand = self.gongkaiOnDemand === true;
        const hydrated = performance.getEntriesByName('gongkai:hydrated')[0]?.startTime;
        return {
          fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
          lcp: window.__lcp.at(-1)?.[0],
          el: window.__lcp.at(-1)?.[1],
          interactive: onDemand
            ? Math.max(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd, performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0)
            : hydrated,
          asked: onDemand ? hydrated - asked : NaN,
          hydrated,
        };
      }, asked));
      await ctx.close();
    }
    const width = { interactive: 12, asked: 11, hydrated: 10 };
    const m = (k) => {
      const v = median(runs.map((r) => r[k]));
      return (Number.isNaN(v) ? '-' : String(Math.round(v))).padStart(width[k] || 7);
    };
    console.log(`${(precompressed ? 'precompressed ' : 'plain files ') + '/' + p}`.padEnd(44) + m('fcp') + m('lcp') + m('interactive') + m('asked') + m('hydrated') + '  ' + runs[0].el);
  }
  server.stop();
}
await browser.close();
