// Screenshot of one page of a served viewer, for looking at what ships (not a test).
// Usage: node tests/e2e/shoot.mjs URL OUT.png [WIDTHxHEIGHT] [--full] [--focus SELECTOR] [--scroll SELECTOR]
import { chromium } from 'playwright-core';

const [url, out, size = '1366x768'] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !(all[i - 1] || '').startsWith('--'));
const opt = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const [width, height] = size.split('x').map(Number);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width, height }, locale: 'zh-CN' });
await page.goto(url);
await page.waitForSelector('main h2, main h1, main ul', { timeout: 20000 });
await page.waitForFunction(() => document.documentElement.dataset.app === 'ready', null, { timeout: 20000 }).catch(() => {});
await page.waitForTimeout(500);
if (opt('--scroll')) await page.locator(opt('--scroll')).first().scrollIntoViewIfNeeded();
if (opt('--focus')) await page.locator(opt('--focus')).first().focus();
await page.screenshot({ path: out, fullPage: process.argv.includes('--full') });
await browser.close();
