// Opens the served viewer in headless Chromium and waits until the overview shows the seed's
// total expenditure (3,719.45). Used by scripts/check-serve. Usage: node serve-check.mjs URL
import { chromium } from 'playwright-core';

const url = process.argv[2];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let ok = false;
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const res = await page.goto(url);
  if (!res || res.status() !== 200) throw new Error(`HTTP ${res && res.status()} for ${url}`);
  // The page as built shows the figures at once…
  await page.waitForFunction(() => document.querySelector('#total-expenditure')?.textContent.includes('3,719.45'), null, { timeout: 60000 });
  // …and the live app (its wasm) takes it over when a reader asks for it (static/boot.js starts
  // it on a first view only then; `gongkaiBegin` asks as a tap on an export would).
  await page.evaluate(() => self.gongkaiBegin && self.gongkaiBegin());
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready' && document.querySelector('#total-expenditure')?.textContent.includes('3,719.45') && document.querySelector('#lang-switch'), null, { timeout: 60000 });
  if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);
  console.log(`serve-check: the overview shows 支出合计 ${(await page.textContent('#total-expenditure')).trim()}`);
  ok = true;
} catch (e) {
  console.log(`serve-check: ${e.message.split('\n')[0]}`);
} finally {
  await browser.close();
}
process.exit(ok ? 0 : 1);
