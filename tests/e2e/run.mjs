// End-to-end tests of the built viewer (dist/) in Debian's headless Chromium via playwright-core.
// Serves dist/ from an in-process static server on 127.0.0.1, plus generated malformed bundles
// under /fixtures/. Fails on any request to another origin and on any page error.
// Usage: node tests/e2e/run.mjs [--screenshots]   (screenshots go to tests/e2e/output/)
import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import zlib from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const dist = path.join(root, 'dist');
const shots = process.argv.includes('--screenshots');
const outDir = path.join(here, 'output');
if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.error('dist/index.html missing: run `trunk build --release` first');
  process.exit(2);
}

// ---- fixtures: malformed bundles made from the seed at run time ----
const seed = fs.readFileSync(path.join(root, 'data/pingxiang-fgj-2017.json'), 'utf8');
const fixtures = {
  'truncated.json': seed.slice(0, 2000),
  'v99.json': seed.replace(/"version": \d+/, '"version": 99'),
  'not-bundle.json': '{"hello": "world"}',
  'number-amount.json': seed.replace('"total": "3719.45"', '"total": 3719.45'),
  'xss.json': seed
    .replace('"department": "平乡县发展改革局"', '"department": "<img src=x onerror=\\"window.__xss=1\\">部门"')
    .replace('"name": "组织编制经济社会发展规划和计划"', '"name": "<script>window.__xss=2</script>规划"')
    .replace('"term": "一般预算收入"', '"term": "<a href=\\"javascript:window.__xss=3\\">收入</a>"'),
};

// A bundle whose title is a whole document's text (what a careless import once wrote there).
{
  const m = JSON.parse(seed);
  m.meta.title = '（生成的测试数据）' + Array.from({ length: 40 }, (_, k) => `第${k + 1}段正文，本段是导入时误作标题的文字。`).join('\n');
  fixtures['long-title.json'] = JSON.stringify(m);
}

// Figures that disagree (test data, never shipped): one category and one activity changed.
{
  const m = JSON.parse(seed);
  m.meta.title = '（生成的测试数据：数字核对不符）' + m.meta.title;
  m.expenditure.categories[0].amount = '716.46';
  m.performance.activities[7].amount = '873.00';
  fixtures['failing.json'] = JSON.stringify(m);
}

// A real department that publishes only the national standard tables: the 江苏省政协办公厅 2017
// table file (text by pdftotext -layout), imported by the CLI now.
{
  const doc = path.join(root, 'crates/import/tests/fixtures/jiangsu/江苏省政协办公厅2017年度部门预算公开表.layout.txt');
  fixtures['jiangsu-2017.json'] = execFileSync('cargo', ['run', '--quiet', '-p', 'gongkai-cli', '--', 'import', doc], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

// Bundles the importer made of corpus documents (crates/model/tests/fixtures/bundles/README.md):
// national-template ones, a tables-only one, a Shanghai one read in part and a 决算 it reads
// little of, for the overview's breakdowns.
const overviewFixtures = {};
{
  const dir = path.join(root, 'crates/model/tests/fixtures/bundles');
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    overviewFixtures[f] = fs.readFileSync(path.join(dir, f), 'utf8');
    fixtures[`overview/${f}`] = overviewFixtures[f];
  }
}

// A corpus of malformed bundles: every one must give its clear error (never a blank page).
const corpus = {};
const J = JSON.parse(seed);
const variant = (name, mutate) => { const b = structuredClone(J); mutate(b); corpus[name] = JSON.stringify(b); };
[100, 1000, 5000, 20000, 60000, seed.length - 500, seed.length - 2].forEach((n, i) => { corpus[`trunc-${i}.json`] = seed.slice(0, n); });
[0, 4, 5, 99, -1, '1', 1.5, null].forEach((v, i) => variant(`version-${i}.json`, (b) => { b.version = v; }));
['', 'gongkai', 'GONGKAI-BUNDLE', 7, null].forEach((v, i) => variant(`format-${i}.json`, (b) => { b.format = v; }));
const amounts = ['NaN', 'Infinity', '-5', '1e5', '1,000', '99999999999999999999', ' 1', '', '一百', 12.5, true, [], {}];
amounts.forEach((v, i) => variant(`amount-${i}.json`, (b) => { b.revenue.total = v; }));
amounts.slice(0, 6).forEach((v, i) => variant(`activity-amount-${i}.json`, (b) => { b.performance.activities[3].amount = v; }));
variant('negative-total.json', (b) => { b.expenditure.total = '-3719.45'; });
variant('year-zero.json', (b) => { b.meta.fiscal_year = 0; });
variant('year-string.json', (b) => { b.meta.fiscal_year = '2017'; });
variant('empty-department.json', (b) => { b.meta.department = ' '; });
variant('unknown-field.json', (b) => { b.extra = 1; });
variant('missing-meta.json', (b) => { delete b.meta; });
variant('duties-object.json', (b) => { b.duties = {}; });
variant('kind-bad.json', (b) => { b.meta.kind = 'plan'; });
variant('class-bad.json', (b) => { b.expenditure.categories[0].class = 'other'; });
variant('grade-number.json', (b) => { b.performance.activities[0].sub_activities[0].indicators[0].excellent = 100; });
variant('nested-subs.json', (b) => { b.performance.activities[0].sub_activities[0].sub_activities = [structuredClone(b.performance.activities[1])]; });
corpus['deep-nesting.json'] = '{"format":"gongkai-bundle","version":1,"meta":' + '['.repeat(5000) + ']'.repeat(5000) + '}';
corpus['duplicate-key.json'] = seed.replace('"format": "gongkai-bundle",', '"format": "gongkai-bundle", "format": "gongkai-bundle",');
corpus['array.json'] = '[1, 2, 3]';
corpus['string.json'] = '"gongkai-bundle"';
corpus['empty.json'] = '';
corpus['whitespace.json'] = '   \n  ';
corpus['html.json'] = '<!doctype html><html><body>404</body></html>';
corpus['gbk.json'] = Buffer.concat([Buffer.from('{"format":"'), Buffer.from([0xb9, 0xab, 0xbf, 0xaa]), Buffer.from('"}')]);
corpus['utf16.json'] = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed.slice(0, 300), 'utf16le')]);
corpus['nul-bytes.json'] = Buffer.from([0, 0, 0, 0]);
corpus['huge-string.json'] = seed.replace('"title": "', '"title": "' + 'x'.repeat(70 * 1024 * 1024));
for (const [k, v] of Object.entries(corpus)) fixtures[`corpus/${k}`] = v;

// Generated test data (never shipped): a department with 250 activities (the seed's, repeated
// with numbered names), longer than the activities table lists at first.
{
  const m = JSON.parse(seed);
  const acts = m.performance.activities;
  m.performance.activities = Array.from({ length: 250 }, (_, k) => ({ ...structuredClone(acts[k % acts.length]), name: `${acts[k % acts.length].name}（生成 ${k + 1}）` }));
  m.meta.title = '（生成的测试数据）' + m.meta.title;
  fixtures['many-activities.json'] = JSON.stringify(m);
}

// Generated test data (never shipped): the department's "2016" bundle, changed from the seed.
const g = structuredClone(J);
g.meta.fiscal_year = 2016;
g.meta.title = '（生成的测试数据）' + g.meta.title.replace('2017', '2016');
g.expenditure.total = '2262.73';
g.revenue.total = '2262.73';
g.performance.activities[7].amount = '500.00';
g.performance.activities.splice(0, 1);
g.performance.activities.push({ ...structuredClone(J.performance.activities[4]), name: '（生成）已取消的活动', amount: '9.00' });
const generated2016 = JSON.stringify(g);
const multiCatalog = JSON.stringify({ format: 'gongkai-catalog', version: 1, bundles: [
  ...JSON.parse(fs.readFileSync(path.join(root, 'data/index.json'), 'utf8')).bundles,
  { department: '平乡县发展改革局', fiscal_year: 2016, kind: 'budget', region: '河北省 邢台市 平乡县', path: 'generated-2016.json' },
] });

// That site of two bundles, built by `gongkai site` from the built viewer (the 2016 bundle's
// figures disagree, so it is published with its checks failing and its pages say so).
const multiDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-multi-'));
{
  const data = path.join(multiDir, 'data-in');
  fs.mkdirSync(data);
  fs.copyFileSync(path.join(root, 'data/pingxiang-fgj-2017.json'), path.join(data, 'pingxiang-fgj-2017.json'));
  fs.writeFileSync(path.join(data, 'generated-2016.json'), generated2016);
  fs.writeFileSync(path.join(data, 'index.json'), multiCatalog);
  execFileSync('cargo', ['run', '--quiet', '-p', 'gongkai-cli', '--', 'site', data, '--viewer', dist, '-o', path.join(multiDir, 'site'), '--no-precompress', '--allow-failing-checks'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
}
const multiSite = path.join(multiDir, 'site');

// The built pages of a national-template bundle (江苏省政协办公厅 2019, from its two PDFs), for
// its overview without JavaScript.
const jiangsuDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-jiangsu-'));
{
  const data = path.join(jiangsuDir, 'data-in');
  fs.mkdirSync(data);
  fs.writeFileSync(path.join(data, 'jiangsu-zx-2019.json'), overviewFixtures['jiangsu-zx-2019.json']);
  execFileSync('cargo', ['run', '--quiet', '-p', 'gongkai-cli', '--', 'site', data, '--viewer', dist, '-o', path.join(jiangsuDir, 'site'), '--no-precompress'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
}
const jiangsuSite = path.join(jiangsuDir, 'site');

// 预算执行: the real 决算 (上海市普陀区规划和自然资源局 2024) imported from its PDF, alone and on a
// site beside a GENERATED budget of the same department and year (test data, never shipped: the
// corpus has no budget of that year; its figures are the 决算 narrative's 年初预算 where stated,
// 10% above the 决算 elsewhere, so every row differs from the 决算 and names its source).
const finalDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-final-'));
{
  const data = path.join(finalDir, 'data-in');
  fs.mkdirSync(data);
  const pdf = 'crates/import/tests/fixtures/shanghai-putuo/上海市普陀区规划和自然资源局2024年度部门决算.pdf';
  // Exit 1: the bundle is written and two of the document's own roundings fail their checks.
  try {
    execFileSync('cargo', ['run', '--quiet', '-p', 'gongkai-cli', '--', 'import', pdf, '-o', path.join(data, 'ghzy-2024-final.json')], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    if (e.status !== 1) throw e;
  }
  const fin = JSON.parse(fs.readFileSync(path.join(data, 'ghzy-2024-final.json'), 'utf8'));
  fixtures['final/ghzy-2024-final.json'] = JSON.stringify(fin);
  const said = Object.fromEntries(fin.final_accounts.comparisons.filter((c) => c.code).map((c) => [c.code, c.budget]));
  const t = fin.tables.find((x) => x.kind === 'final_general_public');
  const bud = structuredClone(fin);
  bud.meta.kind = 'budget';
  bud.meta.title = '上海市普陀区规划和自然资源局2024年度部门预算（生成的测试数据）';
  delete bud.final_accounts;
  bud.three_public.items = bud.three_public.items.map((i) => ({ ...i, amount: i.budget, budget: undefined }));
  bud.tables = [{
    kind: 'general_public', title: '一般公共预算支出功能分类预算表（生成）', unit: '万元', columns: ['合计'],
    lines: t.lines.map((l) => ({ ...(l.code ? { code: l.code } : {}), name: l.name, amounts: [l.code && said[l.code] ? said[l.code] : (Number(l.amounts[0]) * 1.1).toFixed(2)] })),
  }];
  bud.import_report = undefined;
  fs.writeFileSync(path.join(data, 'ghzy-2024-budget.json'), JSON.stringify(bud));
  fs.writeFileSync(path.join(data, 'index.json'), JSON.stringify({ format: 'gongkai-catalog', version: 1, bundles: [
    { department: '上海市普陀区规划和自然资源局', fiscal_year: 2024, kind: 'budget', region: '上海市 普陀区', path: 'ghzy-2024-budget.json' },
    { department: '上海市普陀区规划和自然资源局', fiscal_year: 2024, kind: 'final_accounts', region: '上海市 普陀区', path: 'ghzy-2024-final.json' },
  ] }));
  execFileSync('cargo', ['run', '--quiet', '-p', 'gongkai-cli', '--', 'site', data, '--viewer', dist, '-o', path.join(finalDir, 'site'), '--no-precompress', '--allow-failing-checks'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
}
const finalSite = path.join(finalDir, 'site');

// A generated province (test data, never shipped): 240 bundles of 样例省 from the seed and an
// imported Jiangsu document (which has the standard tables), built as a province site.
const provinceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-province-'));
{
  const cli = (args) => execFileSync('cargo', ['run', '--quiet', '-p', 'gongkai-cli', '--', ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  const jiangsu = path.join(provinceDir, 'jiangsu.json');
  cli(['import', 'crates/import/tests/fixtures/jiangsu/江苏省人大办公厅2017年度预算公开.layout.txt', '-o', jiangsu]);
  cli(['generate', '--from', 'data/pingxiang-fgj-2017.json', '--from', jiangsu, '--count', '240', '-o', path.join(provinceDir, 'data-in')]);
  cli(['site', path.join(provinceDir, 'data-in'), '--viewer', dist, '-o', path.join(provinceDir, 'site'), '--province', '--no-precompress']);
}
const provinceSite = path.join(provinceDir, 'site');
const provinceRequests = [];

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml' };
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const p = decodeURIComponent(url.pathname);
  if (p === '/host.html') {
    // A government portal page embedding the viewer, recording the heights it is told.
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    return res.end(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>门户</title></head><body><h1>门户网站</h1>
<iframe id="gongkai-frame" src="/yusuan/assets/?embed=1" title="国有资产" width="100%" height="200"></iframe>
<script>window.heights=[];addEventListener('message',e=>{if(e.data&&e.data.type==='gongkai:height'){heights.push(e.data.height);document.getElementById('gongkai-frame').height=e.data.height;}});</script></body></html>`);
  }
  if (p.startsWith('/multi/')) {
    // A site with two years of the department: the seed and a GENERATED 2016 bundle (test data).
    const rest = p.slice('/multi'.length);
    const f = path.join(multiSite, rest.replace(/\/$/, '/index.html'));
    if (!f.startsWith(multiSite) || !fs.existsSync(f)) { res.writeHead(404); return res.end('not found'); }
    res.writeHead(200, { 'content-type': types[path.extname(f)] || 'application/octet-stream' });
    return fs.createReadStream(f).pipe(res);
  }
  if (p.startsWith('/final/')) {
    const f = path.join(finalSite, p.slice('/final'.length).replace(/\/$/, '/index.html'));
    if (!f.startsWith(finalSite) || !fs.existsSync(f)) { res.writeHead(404); return res.end('not found'); }
    res.writeHead(200, { 'content-type': types[path.extname(f)] || 'application/octet-stream' });
    return fs.createReadStream(f).pipe(res);
  }
  if (p.startsWith('/jiangsu/')) {
    const f = path.join(jiangsuSite, p.slice('/jiangsu'.length).replace(/\/$/, '/index.html'));
    if (!f.startsWith(jiangsuSite) || !fs.existsSync(f)) { res.writeHead(404); return res.end('not found'); }
    res.writeHead(200, { 'content-type': types[path.extname(f)] || 'application/octet-stream' });
    return fs.createReadStream(f).pipe(res);
  }
  if (p.startsWith('/province/')) {
    provinceRequests.push(p);
    const rest = p.slice('/province'.length);
    const f = path.join(provinceSite, rest.replace(/\/$/, '/index.html'));
    if (!f.startsWith(provinceSite) || !fs.existsSync(f)) { res.writeHead(404); return res.end('not found'); }
    res.writeHead(200, { 'content-type': types[path.extname(f)] || 'application/octet-stream' });
    return fs.createReadStream(f).pipe(res);
  }
  if (p.startsWith('/yusuan/')) {
    // The built site copied under a sub-path of another site.
    const f = path.join(dist, p.slice('/yusuan'.length).replace(/\/$/, '/index.html'));
    if (!f.startsWith(dist) || !fs.existsSync(f)) { res.writeHead(404); return res.end('not found'); }
    res.writeHead(200, { 'content-type': types[path.extname(f)] || 'application/octet-stream' });
    return fs.createReadStream(f).pipe(res);
  }
  if (p.startsWith('/fixtures/')) {
    const body = fixtures[p.slice('/fixtures/'.length)];
    if (body === undefined) { res.writeHead(404); return res.end('not found'); }
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(body);
  }
  const file = path.join(dist, p.endsWith('/') ? p + 'index.html' : p);
  if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404); return res.end('not found'); }
  res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

let failures = 0;
let passed = 0;
const foreign = [];
const ownOrigins = []; // further servers of our own (the offline test's)
// GONGKAI_E2E_ONLY=<text>: run only the tests whose name contains it (while developing).
const only = process.env.GONGKAI_E2E_ONLY;
async function test(name, viewport, fn) {
  if (only && !name.includes(only)) return;
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  // Record Content-Security-Policy violations from the first script on.
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  // Every page holds its view from the first byte; tests interact with the app, so a navigation
  // returns once the app has taken the page over (hydrated or rendered: <html data-app>).
  const goto = page.goto.bind(page);
  page.goto = async (url, opts) => {
    const r = await goto(url, opts);
    if (!opts || opts.waitUntil !== 'commit') await appReady(page);
    return r;
  };
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text()); });
  page.on('request', (r) => { if (![origin, ...ownOrigins].some((o) => r.url().startsWith(o)) && !r.url().startsWith('data:')) foreign.push(r.url()); });
  try {
    await fn(page, errors);
    if (errors.length) throw new Error('page errors: ' + errors.join(' | '));
    const csp = await page.evaluate(() => window.__csp || []).catch(() => []);
    if (csp.length) throw new Error('CSP violations: ' + csp.join(' | '));
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failures++;
    console.log(`FAIL ${name}\n     ${String(e.message || e).split('\n').slice(0, 6).join('\n     ')}`);
  } finally {
    await context.close();
  }
}
function expect(cond, msg) { if (!cond) throw new Error(msg); }
/** A navigation that does not wait for the app. */
async function goto_(page, url) {
  return page.goto(url, { waitUntil: 'commit' }).then(() => page.waitForSelector('#app', { state: 'attached' }));
}
/** Waits until the app runs on the page (after any redirect static/boot.js makes). A bundle's
 * first views start it only when the reader asks for what only it does (static/boot.js): the
 * tests that use the app ask for it (`self.gongkaiBegin`). */
async function appReady(page) {
  for (let i = 0; i < 4; i++) {
    try {
      await page.waitForFunction(() => document.readyState !== 'loading', null, { timeout: 20000 });
      await page.evaluate(() => self.gongkaiBegin && self.gongkaiBegin());
      await page.waitForFunction(() => !document.getElementById('app') || document.documentElement.dataset.app === 'ready', null, { timeout: 20000 });
      return;
    } catch (e) {
      if (!/context was destroyed|navigat/i.test(String(e))) throw e;
    }
  }
}
const axeSource = fs.readFileSync(path.join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');
/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page; fails with each violation's targets. */
async function expectAccessible(page, what) {
  await page.evaluate(axeSource); // evaluated through DevTools, so the page's CSP does not apply
  const result = await page.evaluate(() => axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const v = result.violations.map((x) => `${x.id} (${x.impact}): ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  expect(v.length === 0, `axe violations on ${what}:\n       ${v.join('\n       ')}`);
}
async function shot(page, name) {
  if (!shots) return;
  fs.mkdirSync(outDir, { recursive: true });
  // The top of the page as a person first sees it, and the page further down (up to 2400 px).
  await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: false });
  const h = await page.evaluate(() => document.documentElement.scrollHeight);
  const w = page.viewportSize().width;
  await page.screenshot({ path: path.join(outDir, `${name}-long.png`), fullPage: true, clip: { x: 0, y: 0, width: w, height: Math.min(h, 2400) } });
}

const phone = { width: 390, height: 844 };
const desktop = { width: 1366, height: 768 };
const views = [
  ['overview', '#/', '概览'],
  ['duties', '#/duties', '部门职责'],
  ['performance', '#/performance', '绩效预算'],
  ['activity', '#/performance/8', '对内商贸管理'],
  ['indicators', '#/indicators', '绩效指标'],
  ['assets', '#/assets', '国有资产'],
  ['other', '#/other', '政府采购'],
  ['checks', '#/checks', '数据核对'],
];

await test('overview shows the published totals (under a strict CSP)', desktop, async (page) => {
  await page.goto(`${origin}/`);
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  expect(csp && !csp.includes('unsafe-inline') && csp.includes("'wasm-unsafe-eval'"), `strict CSP: ${csp}`);
  await page.waitForSelector('#total-revenue', { timeout: 15000 });
  expect((await page.textContent('#total-revenue')).includes('3,719.45'), 'total revenue 3,719.45');
  expect((await page.textContent('#total-expenditure')).includes('3,719.45'), 'total expenditure');
  const body = await page.textContent('main');
  for (const s of ['+1,456.72 万元（+64.4%）', '11.82', '92.22', '公务接待', '开展重点项目观摩、招商引资项目工作', '同上年持平']) expect(body.includes(s), `overview shows ${s}`);
  expect(await page.locator('figure.chart svg rect').count() > 5, 'charts drawn');
  expect(await page.locator('figure.chart figcaption').count() >= 2, 'chart summaries');
});

for (const [vp, size] of [['phone', phone], ['desktop', desktop]]) {
  for (const [name, hash, heading] of views) {
    await test(`${name} renders (${vp})`, size, async (page) => {
      await page.goto(`${origin}/${hash}`);
      await page.waitForSelector('main h2', { timeout: 15000 });
      const h = await page.locator('main h2').allTextContents();
      expect(h.some((t) => t.includes(heading)), `heading ${heading} in ${h.join(',')}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow <= 1, `no horizontal page scroll (overflow ${overflow}px)`);
      await shot(page, `${name}-${vp}`);
      await expectAccessible(page, `${name} (${vp})`);
    });
  }
}

await test('the accessibility check can fail (axe finds a planted violation)', desktop, async (page) => {
  await page.goto(`${origin}/#/duties`);
  await page.waitForSelector('ol.duties');
  await page.evaluate(() => { const i = document.createElement('img'); i.src = 'data:,'; document.querySelector('main').append(i); });
  let failed = false;
  try { await expectAccessible(page, 'planted'); } catch (e) { failed = /image-alt/.test(e.message); }
  expect(failed, 'axe reports image-alt for an image without alt text');
});

await test('every figure count reaches the viewer', desktop, async (page) => {
  await page.goto(`${origin}/#/duties`);
  await page.waitForSelector('ol.duties li');
  expect(await page.locator('ol.duties li').count() === 78, '78 duties');
  expect(await page.locator('ul.units li').count() === 8, '8 sub-units');
  await page.goto(`${origin}/#/indicators`);
  await page.waitForSelector('table.indicators');
  expect(await page.locator('table.indicators tbody tr').count() === 177, '177 indicators');
  expect(await page.locator('td.blank', { hasText: '未设定' }).count() > 0, 'blank thresholds marked');
  await page.goto(`${origin}/#/performance`);
  await page.waitForSelector('table.activities');
  expect(await page.locator('table.activities tbody tr').count() === 39, '39 activities');
  await page.goto(`${origin}/#/assets`);
  await page.waitForSelector('table.assets');
  const vehicles = await page.locator('table.assets tr', { hasText: '车辆' }).first().textContent();
  expect(vehicles.includes('4') && vehicles.includes('2') && vehicles.includes('↓2'), `vehicles 4 → 2: ${vehicles}`);
  await page.goto(`${origin}/#/other`);
  await page.waitForSelector('dl.glossary');
  expect(await page.locator('dl.glossary dt').count() === 4, '4 glossary terms');
});

await test('drill down into an activity and back by link', desktop, async (page) => {
  await page.goto(`${origin}/#/performance`);
  await page.click('table.activities a:text("对内商贸管理")');
  await page.waitForSelector('nav.breadcrumb');
  expect(new URL(page.url()).pathname === '/performance/8/', `deep link ${page.url()}`);
  expect((await page.textContent('main')).includes('年度预算数：872.00 万元'), 'activity amount');
  await page.click('nav.breadcrumb a');
  await page.waitForSelector('table.activities');
  await page.goBack();
  await page.waitForSelector('nav.breadcrumb');
});

await test('treemap: keyboard drill-down, Escape back up, deep link to a sub-activity', desktop, async (page) => {
  await page.goto(`${origin}/#/performance`);
  const surface = page.locator('#activities-title ~ .chart-surface');
  await surface.waitFor();
  await surface.focus();
  const info = page.locator('#activities-info');
  expect((await info.textContent()).startsWith('对内商贸管理：872.00 万元；占项目支出 34.6%；占支出合计 23.4%'), `focus info: ${await info.textContent()}`);
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.querySelector('#activities-info').textContent.startsWith('科技创新项目支撑'), null, { timeout: 5000 }).catch(() => {});
  expect((await info.textContent()).startsWith('科技创新项目支撑'), `next item: ${await info.textContent()}`);
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction(() => document.querySelector('#activities-info').textContent.startsWith('对内商贸管理'), null, { timeout: 5000 });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.pathname.endsWith('/performance/8/'));
  // Focus moves to the opened activity's heading (it would otherwise stay on the covered list).
  await page.waitForFunction(() => document.activeElement?.id === 'activity-title', null, { timeout: 5000 })
    .catch(async () => { throw new Error(`focus after drill-down: ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))}`); });
  await page.waitForSelector('#subs-title');
  const subs = page.locator('#subs-title ~ .chart-surface');
  await subs.focus();
  expect((await page.locator('#subs-info').textContent()).includes('农村电子商务建设：870.00 万元；占对内商贸管理 99.8%'), 'sub-activity info');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /\/performance\/8\/\d+\/$/.test(location.pathname));
  await page.waitForSelector('.sub-activity.focused');
  expect((await page.textContent('nav.breadcrumb')).includes('农村电子商务建设'), 'breadcrumb names the sub-activity');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => location.pathname.endsWith('/performance/8/'));
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => location.pathname.endsWith('/performance/'));
  // Back on the list, focus is where the person left it: on the chart, at the same item.
  await page.waitForFunction(() => document.activeElement?.matches('#activities-title ~ .chart-surface'), null, { timeout: 5000 })
    .catch(async () => { throw new Error(`focus after Escape: ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))}`); });
  expect((await info.textContent()).startsWith('对内商贸管理'), `the list keeps its selection: ${await info.textContent()}`);
  // A deep link reloads straight into the drill path.
  await page.goto(`${origin}/#/performance/8/3`);
  await page.waitForSelector('.sub-activity.focused #sub-2');
  await shot(page, 'drill-sub-activity-desktop');
});

await test('treemap: pointer hover and click, % switch, bar alternative (phone)', phone, async (page) => {
  await page.goto(`${origin}/#/performance`);
  const surface = page.locator('#activities-title ~ .chart-surface');
  await surface.waitFor();
  const box = await surface.boundingBox();
  await page.mouse.move(box.x + 10, box.y + 10);
  expect((await page.textContent('#activities-info')).startsWith('对内商贸管理'), 'hover shows the top-left (largest) cell');
  await page.click('button.mode');
  await page.waitForFunction(() => document.querySelector('#activities-title ~ .chart-surface svg').textContent.includes('23.4%'));
  await shot(page, 'treemap-share-phone');
  await surface.click({ position: { x: 10, y: 10 } });
  await page.waitForFunction(() => location.pathname.endsWith('/performance/8/'));
  await page.goto(`${origin}/#/performance`);
  await page.click('button:text("条形图")');
  await page.waitForSelector('#activities-bars-title');
  expect(await page.locator('details.ranked li').count() === 0, 'the closed full list is not built');
  await page.click('details.ranked summary');
  await page.waitForFunction(() => document.querySelectorAll('details.ranked li').length > 0);
  expect(await page.locator('details.ranked li').count() === 39, 'ranked list has all 39 activities');
});

await test('before the app: a first view asks for nothing of the app\'s until the reader does something only it answers; that tap is answered once it is there (phone)', phone, async (page) => {
  // The app's code is held back by the test until the tap has been made.
  let releaseWasm;
  const held = new Promise((r) => { releaseWasm = r; });
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await goto_(page, `${origin}/performance/`);
  await page.waitForFunction(() => document.readyState === 'complete');
  // Scrolling, hovering and reading the page ask for nothing of the app's: no wasm, no JS
  // module, no bundle, no catalog.
  await page.mouse.wheel(0, 400);
  await page.waitForTimeout(800);
  const early = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => /gongkai-(web|first)|data\//.test(e.name)).map((e) => e.name));
  expect(early.length === 0, `fetched before the reader asked: ${JSON.stringify(early)}`);
  expect(await page.evaluate(() => document.documentElement.dataset.app) === undefined, 'the app is not running yet');
  // The chart's "bars" switch, by keyboard: nothing yet (the page alone cannot answer it)…
  await page.focus('button:text("条形图")');
  await page.keyboard.press('Enter');
  expect(await page.locator('#activities-bars-title').count() === 0, 'answered before the app ran?');
  for (let t = 0; t < 100 && !requested.some((u) => /_bg\.wasm$/.test(u)); t++) await page.waitForTimeout(100);
  expect(requested.some((u) => /gongkai-first-[0-9a-f]+_bg\.wasm$/.test(u)), 'the tap started the app (its first-view module)');
  // …and answered once the app has taken the page over.
  releaseWasm();
  await appReady(page);
  await page.waitForSelector('#activities-bars-title', { timeout: 5000 });
  expect(await page.locator('button:text("条形图")').getAttribute('aria-pressed') === 'true', 'the bars switch is pressed');
  await page.unroute(/_bg\.wasm$/);
});

await test('before the app: the full list under a chart, which only the app builds, opens once the app is there (phone)', phone, async (page) => {
  await goto_(page, `${origin}/performance/`);
  await page.waitForFunction(() => document.readyState === 'complete');
  expect(await page.locator('details.ranked li').count() === 0, 'not built in the page');
  await page.click('details.ranked summary');
  await page.waitForFunction(() => document.querySelectorAll('details.ranked li').length === 39, null, { timeout: 20000 });
  expect(await page.evaluate(() => document.querySelector('details.ranked').open), 'open');
});

await test('before the app: the page answers its charts (pointer, keys), its terms and its language switch by itself, and the app then takes it over as built (desktop)', desktop, async (page, errors) => {
  const wasm = [];
  page.on('request', (r) => { if (/\.wasm$|gongkai-(web|first)-.*\.js$/.test(r.url())) wasm.push(r.url()); });
  await goto_(page, `${origin}/`);
  await page.waitForFunction(() => document.readyState === 'complete');
  const builtInfo = await page.textContent('#three-public-info');
  // Keys: End shows the last row as the app says it.
  const tp = page.locator('#three-public-title ~ .chart-surface');
  await tp.focus();
  await page.keyboard.press('End');
  expect((await page.textContent('#three-public-info')) === '合计：2016年 9.47 万元，2017年 11.82 万元；占“三公”合计 100.0%', `keys: ${await page.textContent('#three-public-info')}`);
  expect(await tp.locator('svg.chart-highlight').count() === 1, 'the row is marked');
  await page.keyboard.press('Home');
  const firstRow = await page.textContent('#three-public-info');
  // Pointer: the middle of each row's band, where the drawing on screen has it.
  const rows = await page.evaluate(() => {
    const d = [...document.querySelectorAll('#three-public-title ~ .chart-surface [data-map]')].find((e) => e.getClientRects().length);
    const r = d.getBoundingClientRect();
    const [w] = d.dataset.size.split(' ').map(Number);
    return d.dataset.map.split(';').slice(1).map((it) => it.split(',').map(Number))
      .map(([x, y, bw, bh]) => [r.left + (x + bw / 2) * r.width / w, r.top + (y + bh / 2) * r.width / w]);
  });
  const infos = await tp.evaluate((s) => JSON.parse(s.dataset.infos));
  expect(rows.length === infos.length && rows.length > 1, `one hit region a row: ${rows.length}/${infos.length}`);
  for (const [i, [x, y]] of rows.entries()) {
    await page.mouse.move(x, y);
    expect((await page.textContent('#three-public-info')) === infos[i], `hover row ${i}: ${await page.textContent('#three-public-info')}`);
  }
  expect(infos[0] === firstRow, 'Home shows the first row');
  // A term's explanation opens and closes.
  const term = page.locator('.term-button').first();
  await term.click();
  expect(await term.getAttribute('aria-expanded') === 'true', 'term opened');
  const note = page.locator(`#${await term.getAttribute('aria-controls')}`);
  expect(await note.isVisible() && (await note.textContent()).length > 10, 'its explanation shows');
  await term.press('Escape');
  expect(await term.getAttribute('aria-expanded') === 'false' && !(await note.isVisible()), 'Escape closes it');
  await term.click();
  await expectAccessible(page, 'a first view answered by the page itself');
  expect(wasm.length === 0, `nothing of the app's so far: ${wasm}`);
  // The app takes the page over: the page as built again first (no mark, the info line and
  // the term as the build wrote them), then hydrated node for node.
  await page.evaluate(() => self.gongkaiBegin());
  await appReady(page);
  expect(await page.evaluate(() => performance.getEntriesByName('gongkai:hydrated').length) === 1, 'hydrated, not rendered again');
  expect(await page.textContent('#three-public-info') === builtInfo, 'the info line as built');
  expect(await tp.locator('svg.chart-highlight').count() === 0, 'no mark left');
  // After the app, the app answers the chart (its own mark and info line).
  await tp.focus();
  await page.keyboard.press('End');
  expect((await page.textContent('#three-public-info')) === infos[infos.length - 1], 'the app answers the same');
  expect(errors.length === 0, `errors: ${errors}`);
});

await test('before the app: a sub-activity chart drills and goes up by itself; the language switch remembers the choice (phone)', phone, async (page) => {
  const wasm = [];
  page.on('request', (r) => { if (/\.wasm$/.test(r.url())) wasm.push(r.url()); });
  await goto_(page, `${origin}/performance/8/`);
  await page.waitForFunction(() => document.readyState === 'complete');
  const subs = page.locator('#subs-title ~ .chart-surface, .treemap .chart-surface').last();
  await subs.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  const info = await page.textContent(`#${await subs.getAttribute('aria-describedby')}`);
  const first = await subs.evaluate((s) => JSON.parse(s.dataset.infos)[Number(s.dataset.order.split(' ')[0])]);
  expect(info === first, `arrow key: ${info} / ${first}`);
  // A tap on the largest cell opens its page.
  const target = await subs.evaluate((s) => JSON.parse(s.dataset.hrefs)[Number(s.dataset.order.split(' ')[0])]);
  const [x, y] = await subs.evaluate((s) => {
    const d = [...s.querySelectorAll('[data-map]')].find((e) => e.getClientRects().length);
    const r = d.getBoundingClientRect();
    const [w] = d.dataset.size.split(' ').map(Number);
    const k = Number(s.dataset.order.split(' ')[0]);
    const [cx, cy, cw, ch] = d.dataset.map.split(';')[k + 1].split(',').map(Number);
    return [r.left + (cx + cw / 2) * r.width / w, r.top + (cy + ch / 2) * r.width / w];
  });
  await page.mouse.click(x, y);
  await page.waitForURL((u) => u.href === new URL(target, `${origin}/`).href);
  // Escape on the sub-activity chart of that page… is on /performance/8/: back there, Escape
  // goes up to the performance table.
  await goto_(page, `${origin}/performance/8/`);
  await page.waitForFunction(() => document.readyState === 'complete');
  await page.locator('.treemap .chart-surface').last().focus();
  await page.keyboard.press('Escape');
  await page.waitForURL((u) => u.pathname === '/performance/');
  // The language switch is a page, and the choice is remembered as the app remembers it.
  await page.waitForFunction(() => document.readyState === 'complete');
  await page.click('#lang-switch');
  await page.waitForURL((u) => u.pathname === '/en/performance/');
  expect(await page.evaluate(() => localStorage.getItem('gongkai:lang')) === 'en', 'the choice is remembered');
  expect(wasm.length === 0, `no wasm: ${wasm}`);
});

await test('first view: a bundle\'s first pages start the small first-view module; a view only the full app has is a page that starts it; drill-down stays in place (desktop)', desktop, async (page) => {
  const wasm = [];
  page.on('request', (r) => { if (/\.wasm$/.test(r.url())) wasm.push(new URL(r.url()).pathname); });
  await goto_(page, `${origin}/performance/`);
  await appReady(page);
  expect(wasm.length === 1 && /^\/gongkai-first-[0-9a-f]{16}_bg\.wasm$/.test(wasm[0]), `only the first-view module: ${wasm}`);
  const first = await page.evaluate(() => performance.getEntriesByType('resource').find((e) => /gongkai-first-.*\.wasm$/.test(e.name)));
  const full = fs.readdirSync(dist).find((f) => /^gongkai-web-.*_bg\.wasm$/.test(f));
  expect(first && full && first.decodedBodySize < fs.statSync(path.join(dist, full)).size * 0.85, `smaller than the full app: ${first && first.decodedBodySize} vs ${full}`);
  // A drill-down in place: the same module, no page load.
  await page.evaluate(() => { window.stayed = true; });
  await page.click('table.activities a:text("对内商贸管理")');
  await page.waitForSelector('nav.breadcrumb');
  expect(await page.evaluate(() => window.stayed === true), 'the drill-down happened in place');
  expect(new URL(page.url()).pathname === '/performance/8/', `deep link ${page.url()}`);
  // Search is the full app's: its link is followed as a page, which starts the full app.
  await page.click('nav.sections a[href$="search/"]');
  await page.waitForURL(/\/search\/$/);
  await appReady(page);
  expect(await page.evaluate(() => window.stayed) === undefined, 'search is a page of its own');
  expect(wasm.some((w) => /^\/gongkai-web-[0-9a-f]+_bg\.wasm$/.test(w)), `the full app started: ${wasm}`);
  await page.fill('#search-input', '商贸');
  await page.waitForSelector('ol.search-results a');
  // ?app=full asks for the full app on any page.
  wasm.length = 0;
  await goto_(page, `${origin}/performance/?app=full`);
  await appReady(page);
  expect(wasm.length === 1 && /gongkai-web-/.test(wasm[0]), `?app=full: ${wasm}`);
});

await test('bar charts: hover and keyboard describe each row', desktop, async (page) => {
  await page.goto(`${origin}/`);
  const surface = page.locator('#three-public-title ~ .chart-surface');
  await surface.waitFor();
  await surface.focus();
  await page.keyboard.press('End');
  await page.waitForFunction(() => document.querySelector('#three-public-info').textContent.startsWith('合计'), null, { timeout: 5000 }).catch(() => {});
  expect((await page.textContent('#three-public-info')) === '合计：2016年 9.47 万元，2017年 11.82 万元；占“三公”合计 100.0%', `info: ${await page.textContent('#three-public-info')}`);
  const change = page.locator('#change-title ~ .chart-surface');
  await change.focus();
  expect((await page.textContent('#change-info')).startsWith('支出合计：2016年 2,262.73 万元，2017年 3,719.45 万元'), 'change chart');
});

await test('languages: English interface, remembered, every interface string switched; data stays as published', desktop, async (page) => {
  await page.goto(`${origin}/`);
  await page.waitForSelector('#total-revenue');
  expect((await page.textContent('#lang-switch')).trim() === 'English', 'switch names the other language');
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  // Interface elements of each view: no Chinese left (published names are data and may be Chinese).
  const han = /[\u3400-\u9fff]/;
  const views = {
    // Plain selectors: interface only, no Chinese at all. "~" selectors mix in published data.
    '#/': ['nav a', 'h2', 'h3', 'thead th', '.stat .label', 'button', 'summary', 'label', '~figcaption.summary', '~p.hint', '~.stat .sub'],
    '#/performance': ['h2', 'thead th', '.chart-controls button', 'summary', 'p.chart-info', '~figcaption.summary', '~caption'],
    '#/indicators': ['h2', '~label', 'option', 'thead th', '#indicator-count', '~p'],
    '#/assets': ['h2', 'thead th', 'p.hint', 'caption', '~figcaption.summary'],
    '#/other': ['h2', 'dl.source dt', '~dt', 'button.download'],
    '#/checks': ['h2', 'p.lead', 'thead th', 'tbody td:nth-child(1)', 'tbody td:nth-child(2)', '~tbody th', '~tbody td:nth-child(4)'],
    '#/duties': ['h2', '~p.count'],
    '#/search': ['h2', 'label', '#search-status', '#pinyin-status'],
  };
  for (const [hash, selectors] of Object.entries(views)) {
    await page.evaluate((h) => { location.hash = h; }, hash);
    await page.waitForFunction(() => document.querySelector('main h2'));
    for (const raw of selectors) {
      const mixed = raw.startsWith('~');
      const sel = raw.replace(/^~/, '');
      // (What is shown: a term's explanation is in the page, hidden, until it is opened.)
      const texts = await page.$$eval(`main ${sel}, header ${sel}`, (els) => els.map((e) => e.innerText.trim()));
      // In mixed elements Chinese is allowed only as published data (each run of it found in the bundle).
      const chinese = texts.filter((t) => t !== '中文' && !/^\d+\. /.test(t) && (mixed
        ? (t.match(/[\u3400-\u9fff]+/g) || []).some((run) => !seed.includes(run))
        : han.test(t)));
      expect(chinese.length === 0, `${hash} ${sel}: untranslated ${JSON.stringify(chinese.slice(0, 3))}`);
    }
  }
  await page.evaluate(() => { location.hash = '#/'; });
  await page.waitForSelector('#total-revenue');
  expect((await page.textContent('main h2')) === 'Overview', 'overview in English');
  expect((await page.textContent('#total-revenue')).includes('3,719.45'), 'figures unchanged');
  // Published Chinese is marked as such, so screen readers switch language (WCAG 3.1.2).
  expect(await page.getAttribute('header h1', 'lang') === 'zh-CN', 'department name marked zh-CN');
  expect(await page.$$eval('p.published', (ps) => ps.length > 0 && ps.every((p) => p.lang === 'zh-CN')), 'published paragraphs marked zh-CN');
  expect((await page.textContent('#main')).includes('对内商贸管理') || (await page.textContent('body')).includes('平乡县发展改革局'), 'published names stay Chinese');
  await shot(page, 'overview-en');
  await expectAccessible(page, 'overview in English');
  // Remembered across visits.
  await page.reload();
  await page.waitForSelector('#total-revenue');
  expect(await page.evaluate(() => document.documentElement.lang) === 'en', 'remembered after reload');
  expect((await page.textContent('nav')).includes('Performance budget'), 'nav in English after reload');
  // And back.
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  expect((await page.textContent('main h2')) === '概览', 'back to Chinese');
  // ?lang= in the address wins (embeds keep their language).
  await page.goto(`${origin}/?lang=en&embed=1#/assets`);
  await page.waitForSelector('main h2');
  expect((await page.textContent('main h2')) === 'State assets', 'embed in English');
});

await test('languages: the 预算表 view in English', desktop, async (page) => {
  await page.goto(`${origin}/?bundle=fixtures/jiangsu-2017.json&lang=en#/budget`);
  await page.waitForSelector('section.budget-table');
  const data = fixtures['jiangsu-2017.json'];
  for (const raw of ['h2', '~h3', 'thead th:first-child', 'button.download', 'p.chart-info', 'nav.breadcrumb a', '~caption', '~figcaption.summary', '~tbody th']) {
    const mixed = raw.startsWith('~');
    const sel = raw.replace(/^~/, '');
    const texts = await page.$$eval(`main ${sel}`, (els) => els.map((e) => e.textContent.trim()));
    const chinese = texts.filter((t) => (mixed ? (t.match(/[\u3400-\u9fff]+/g) || []).some((run) => !data.includes(run)) : /[\u3400-\u9fff]/.test(t)));
    expect(chinese.length === 0, `#/budget ${sel}: untranslated ${JSON.stringify(chinese.slice(0, 3))}`);
  }
  expect((await page.textContent('main h2')) === 'Budget tables', 'heading in English');
  await expectAccessible(page, 'budget tables in English');
});

await test('languages: phone, English performance drill-down and chart texts', phone, async (page) => {
  await page.goto(`${origin}/?lang=en#/performance/8`);
  await page.waitForSelector('nav.breadcrumb');
  const info = await page.textContent('.chart-info');
  expect(!/[\u3400-\u9fff]/.test(info), `chart hint in English: ${info}`);
  const summary = await page.textContent('figcaption.summary');
  expect(summary.includes('largest') && summary.includes('×10,000 yuan'), `summary in English: ${summary}`);
  await shot(page, 'performance-en');
});

await test('keyboard reaches navigation and chart data tables', desktop, async (page) => {
  await page.goto(`${origin}/`);
  await page.waitForSelector('#total-revenue');
  await page.keyboard.press('Tab');
  expect((await page.evaluate(() => document.activeElement.textContent)).includes('跳到正文'), 'skip link first');
  await page.keyboard.press('Tab');
  expect((await page.evaluate(() => document.activeElement.id)) === 'lang-switch', 'then the language switch');
  await page.keyboard.press('Tab');
  expect((await page.evaluate(() => document.activeElement.textContent)) === '概览', 'then navigation');
  await page.focus('details.data-table summary');
  await page.keyboard.press('Enter');
  expect(await page.locator('details.data-table[open] table').count() === 1, 'table alternative opens with Enter');
});

const errorCases = [
  ['truncated bundle', 'fixtures/truncated.json', ['数据文件格式错误', 'fixtures/truncated.json', '行']],
  ['unsupported version', 'fixtures/v99.json', ['数据包版本不受支持', '第 99 版']],
  ['not a bundle', 'fixtures/not-bundle.json', ['不是公开预算数据包', 'format']],
  ['amount as number', 'fixtures/number-amount.json', ['数据包字段错误', 'revenue.total']],
  ['missing file', 'fixtures/nope.json', ['无法获取数据文件', 'HTTP 404']],
  ['other origin refused', 'https://example.com/x.json', ['相对路径']],
];
for (const [name, file, texts] of errorCases) {
  await test(`error shown: ${name}`, phone, async (page) => {
    await page.goto(`${origin}/?bundle=${encodeURIComponent(file)}`);
    await page.waitForSelector('section.error', { timeout: 15000 });
    const t = await page.textContent('section.error');
    for (const s of texts) expect(t.includes(s), `error mentions "${s}": ${t}`);
    await shot(page, `error-${name.replace(/ /g, '-')}`);
  });
}

await test(`malformed bundle corpus: ${Object.keys(corpus).length} files, each a clear error naming the file`, phone, async (page) => {
  const seen = {};
  for (const name of Object.keys(corpus)) {
    const file = `fixtures/corpus/${name}`;
    await page.goto(`${origin}/?bundle=${encodeURIComponent(file)}`);
    await page.waitForSelector('section.error', { timeout: 20000 }).catch(() => { throw new Error(`${name}: no error shown`); });
    const t = await page.textContent('section.error');
    expect(t.includes(file), `${name}: message names the file: ${t.slice(0, 200)}`);
    const title = await page.textContent('#error-title');
    seen[title] = (seen[title] || 0) + 1;
    expect(await page.locator('#panic').count() === 0, `${name}: no panic`);
    if (name === 'gbk.json') expect(t.includes('UTF-8') && t.includes('第 1 行第 12 列'), `gbk.json: says where it stops being UTF-8: ${t}`);
  }
  expect(Object.keys(corpus).length >= 50, 'at least 50 malformed bundles');
  console.log(`     error kinds: ${JSON.stringify(seen)}`);
});

await test('first visit: a loading line until the app shows, each data file fetched once; long tables list all on request', desktop, async (page) => {
  const fetched = {};
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (/^\/(data|fixtures)\//.test(u.pathname)) fetched[u.pathname] = (fetched[u.pathname] || 0) + 1;
  });
  await page.goto(`${origin}/`);
  await page.waitForSelector('#total-revenue');
  expect(await page.locator('#boot').count() === 0, 'the static loading line is gone once the app shows');
  await page.waitForTimeout(300);
  expect(fetched['/data/index.json'] === 1 && fetched['/data/pingxiang-fgj-2017.json'] === 1, `catalog and bundle fetched once each: ${JSON.stringify(fetched)}`);
  // A bundle named in the address is fetched early as well, and once.
  await page.goto(`${origin}/?bundle=fixtures/many-activities.json#/performance`);
  await page.waitForSelector('table.activities');
  expect(await page.locator('table.activities tbody tr').count() === 200, 'the first 200 of 250 activities listed');
  const more = page.locator('.more-rows button');
  expect((await page.textContent('.more-rows')).includes('250'), 'says how many there are');
  await more.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('table.activities tbody tr').length === 250);
  expect(await page.locator('.more-rows').count() === 0, 'the button goes once all are listed');
  expect(fetched['/fixtures/many-activities.json'] === 1, `?bundle= fetched once: ${JSON.stringify(fetched)}`);
  await expectAccessible(page, 'the long activities table');
  // The page's own view stands in only for what it shows: another bundle or mode gets the
  // loading line until the app renders.
  for (const q of ['?embed=1', '?kiosk=1', '?bundle=data/pingxiang-fgj-2017.json']) {
    const p3 = await page.context().newPage();
    await p3.goto(`${origin}/performance/${q}`, { waitUntil: 'commit' });
    await p3.waitForSelector('#main');
    expect(await p3.evaluate(() => document.documentElement.classList.contains('no-ssr')), `${q}: the page's own view is not shown`);
    await p3.close();
  }
});

await test('without JavaScript: every page of the site has its view, and every link leads to a page', desktop, async () => {
  const noJs = await browser.newContext({ viewport: desktop, javaScriptEnabled: false });
  const p = await noJs.newPage();
  const seen = new Set();
  // 预算表 has no navigation entry when a bundle has no standard tables (the seed): its page is
  // there for old links and says so.
  const queue = ['/', '/en/', '/budget/', '/en/budget/'];
  const broken = [];
  let pages = 0;
  while (queue.length) {
    const at = queue.shift();
    if (seen.has(at)) continue;
    seen.add(at);
    const r = await p.goto(`${origin}${at}`);
    if (!r || r.status() !== 200) { broken.push(`${at} (${r && r.status()})`); continue; }
    pages++;
    // The view itself: a heading, real text, nothing waiting for scripts.
    const main = await p.evaluate(() => {
      const m = document.querySelector('#app[data-page] main#main');
      return m ? { h2: !!m.querySelector('h2'), text: m.innerText.length } : null;
    });
    expect(main && main.h2 && main.text > 12, `${at}: the page shows its view (${JSON.stringify(main)})`);
    expect(!(await p.isVisible('#boot')), `${at}: no loading line without JavaScript`);
    if (at === '/') {
      expect(await p.isVisible('.at-wide svg') && !(await p.isVisible('.at-narrow svg')), 'the chart drawn for a desktop shows');
      expect((await p.textContent('#total-revenue')).includes('3,719.45'), 'the figures are in the page');
    }
    const links = await p.$$eval('a[href]', (as) => as.map((a) => a.href));
    for (const l of links) {
      const u = new URL(l);
      if (u.origin !== origin || u.search || /\.(json|csv|zip)$/.test(u.pathname)) continue;
      if (!seen.has(u.pathname)) queue.push(u.pathname);
    }
  }
  await noJs.close();
  expect(broken.length === 0, `links to missing pages: ${broken.slice(0, 5).join(', ')}`);
  const countPages = (d) => fs.readdirSync(d, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? countPages(path.join(d, e.name)) : e.name === 'index.html' ? 1 : 0), 0);
  const built = countPages(dist);
  expect(pages === built, `every page the build wrote is reached by links: ${pages} of ${built}`);
  console.log(`     ${pages} pages read without JavaScript`);
});

await test('hydration: the app takes over the page the build wrote, node for node, and its charts respond', desktop, async (page, errors) => {
  for (const at of ['/', '/performance/8/3/', '/en/assets/', '/checks/', '/duties/']) {
    // Hold the app back to look at the page as built, then let it run.
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route(/gongkai-web-.*_bg\.wasm$/, async (route) => { await held; await route.continue(); });
    await goto_(page, `${origin}${at}`);
    const before = await page.evaluate(() => {
      const outsideCharts = [...document.querySelectorAll('#app *')].filter((el) => !el.closest('.chart-surface'));
      outsideCharts.forEach((el, i) => { el.__built = i; });
      return { text: document.querySelector('#app').innerText, count: outsideCharts.length };
    });
    release();
    await appReady(page);
    await page.waitForTimeout(300);
    const after = await page.evaluate(() => {
      const kept = [...document.querySelectorAll('#app *')].filter((el) => !el.closest('.chart-surface') && el.__built !== undefined).length;
      return { text: document.querySelector('#app').innerText, kept, hydrated: performance.getEntriesByName('gongkai:hydrated').length };
    });
    await page.unroute(/gongkai-web-.*_bg\.wasm$/);
    expect(after.hydrated === 1, `${at}: hydrated, not rendered again`);
    expect(before.text === after.text, `${at}: the same text after hydration`);
    // Every element outside the charts is the one the build wrote (the charts are drawn again
    // for the measured width).
    expect(after.kept === before.count, `${at}: ${after.kept} of ${before.count} elements kept`);
    expect(await page.locator('#panic').count() === 0 && errors.length === 0, `${at}: no mismatch, no error: ${errors.join(' | ')}`);
  }
  // A hydrated chart: hover, keyboard and drill-down.
  await page.goto(`${origin}/performance/`);
  const surface = page.locator('#activities-title ~ .chart-surface');
  await surface.hover({ position: { x: 40, y: 40 } });
  await page.waitForFunction(() => /万元/.test(document.querySelector('#activities-info').textContent));
  await surface.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /\/performance\/\d+\/$/.test(location.pathname));
  await page.waitForSelector('#subs-title');
  await page.goBack();
  await page.waitForFunction(() => location.pathname === '/performance/');
  await page.waitForSelector('table.activities');
});

await test('text reflows at 320 px and at 200% text size without loss', { width: 320, height: 640 }, async (page) => {
  for (const [hash, sel] of [['#/', '#total-revenue'], ['#/performance', 'table.activities'], ['#/assets', 'table.assets'], ['#/checks', 'table.checks']]) {
    await page.goto(`${origin}/${hash}`);
    await page.waitForSelector(sel);
    for (const size of ['100%', '200%']) {
      await page.evaluate((s) => { document.documentElement.style.fontSize = s; }, size);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow <= 1, `${hash} at ${size}: page scrolls sideways by ${overflow}px`);
    }
  }
});

await test('CSV export: the indicator table downloads as UTF-8 with BOM, every row', desktop, async (page) => {
  await page.goto(`${origin}/#/indicators`);
  await page.waitForSelector('button.download');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button.download')]);
  expect(download.suggestedFilename() === '平乡县发展改革局-2017-绩效指标.csv', download.suggestedFilename());
  const buf = fs.readFileSync(await download.path());
  expect(buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf, 'UTF-8 BOM');
  const text = buf.toString('utf8');
  expect(text.split('\r\n').filter(Boolean).length === 178, 'header + 177 indicators');
});

await test('indicator table: filter by threshold kind and activity, sort, export the filtered view', desktop, async (page) => {
  await page.goto(`${origin}/#/indicators`);
  await page.waitForSelector('#filter-kind');
  await page.selectOption('#filter-kind', 'none');
  await page.waitForFunction(() => document.querySelectorAll('table.indicators tbody tr').length === 13);
  expect((await page.textContent('#indicator-count')).includes('13'), 'count says 13');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('button.download')]);
  expect(fs.readFileSync(await dl.path(), 'utf8').split('\r\n').filter(Boolean).length === 14, 'the CSV holds exactly the 13 shown');
  await page.selectOption('#filter-kind', 'pct');
  await page.selectOption('#filter-activity', '7');
  await page.waitForFunction(() => document.querySelectorAll('details.indicator-group').length === 1);
  expect((await page.textContent('details.indicator-group summary')).includes('对内商贸管理'), 'only activity 8');
  await page.selectOption('#filter-activity', '');
  await page.selectOption('#filter-kind', 'all');
  await page.selectOption('#sort', 'amount');
  await page.waitForFunction(() => document.querySelector('details.indicator-group summary').textContent.includes('对内商贸管理'));
  await page.click('details.indicator-group summary');
  expect(!(await page.locator('details.indicator-group').first().getAttribute('open')), 'a group collapses');
  await expectAccessible(page, 'indicator filters');
});

await test('glossary terms are explained where they appear (keyboard and touch)', phone, async (page) => {
  await page.goto(`${origin}/`);
  await page.waitForSelector('.term-button');
  await page.focus('.term-button:text("机关运行经费")');
  await page.keyboard.press('Enter');
  const note = page.locator('.term-note:not([hidden])');
  await note.waitFor();
  expect((await note.textContent()).includes('原文名词解释：机关运行费'), 'the document\'s own explanation');
  await page.keyboard.press('Escape');
  await note.waitFor({ state: 'detached' });
  await page.click('.term-button:text("“三公”经费")');
  await note.waitFor();
  expect((await note.textContent()).includes('公务接待费') && (await note.textContent()).includes('通用解释'), 'a standard explanation when the document has none');
  await expectAccessible(page, 'terms');
});

await test('search: pinyin and its initials find Chinese text (readings from the on-demand search worker)', phone, async (page) => {
  await page.goto(`${origin}/#/search`);
  await page.waitForSelector('#search-input');
  expect(!page.url().includes('search-worker'), 'worker not part of the first view');
  await page.waitForFunction(() => document.querySelector('#pinyin-status')?.dataset.state === 'ready', null, { timeout: 20000 });
  for (const q of ['nongcun', 'nc', 'NongCun', 'nongc']) {
    await page.fill('#search-input', q);
    await page.waitForFunction(() => [...document.querySelectorAll('ol.search-results a')].some((a) => a.textContent === '农村电子商务建设'));
    const marks = await page.$$eval('ol.search-results li', (lis) => lis.filter((li) => li.querySelector('a').textContent === '农村电子商务建设').map((li) => li.querySelector('mark')?.textContent));
    expect(marks.length > 0 && marks.every((m) => m === '农村'), `${q}: 农村 highlighted, got ${JSON.stringify(marks)}`);
  }
  const kinds = await page.$$eval('ol.search-results .kind', (k) => k.map((x) => x.textContent));
  expect(kinds.some((k) => k.includes('拼音')), 'pinyin results are marked as such');
  await shot(page, 'search-pinyin');
  await page.click('ol.search-results a:text("农村电子商务建设")');
  await page.waitForFunction(() => location.pathname.endsWith('/performance/8/3/'));
});

await test('search: every bundle the site lists, results grouped by bundle and linking into it', desktop, async (page) => {
  await page.goto(`${origin}/multi/b/pingxiang-fgj-2017/search/`);
  await page.waitForSelector('fieldset.scope');
  await page.fill('#search-input', '已取消');
  await page.waitForFunction(() => document.querySelector('#search-status').textContent.includes('没有找到'));
  await page.check('input[name="search-scope"][value="all"]');
  await page.waitForFunction(() => [...document.querySelectorAll('ol.search-results a')].some((a) => a.textContent.includes('已取消的活动')));
  const heading = await page.textContent('ol.search-results li.search-bundle');
  expect(heading.includes('2016'), `grouped under the 2016 bundle: ${heading}`);
  const href = await page.getAttribute('ol.search-results a:text("（生成）已取消的活动")', 'href');
  expect(href.startsWith('b/generated-2016/performance/'), href);
  // 拼音 across bundles too.
  await page.fill('#search-input', 'yiquxiao');
  await page.waitForFunction(() => [...document.querySelectorAll('ol.search-results a')].some((a) => a.textContent.includes('已取消的活动')), null, { timeout: 20000 });
  await shot(page, 'search-all-bundles');
  await expectAccessible(page, 'search across bundles');
  await page.click('ol.search-results a:text("（生成）已取消的活动")');
  await page.waitForFunction(() => location.pathname.startsWith('/multi/b/generated-2016/performance/'));
  await page.waitForSelector('h1');
  expect((await page.textContent('header')).includes('2016'), '2016 bundle shown');
});

await test('search: Chinese text as you type, highlighted, each result links to its place', phone, async (page) => {
  await page.goto(`${origin}/#/search`);
  await page.waitForSelector('#search-input');
  expect(await page.evaluate(() => document.activeElement?.id === 'search-input'), 'the search box has the focus');
  await page.fill('#search-input', '农村电子');
  await page.waitForFunction(() => document.querySelectorAll('ol.search-results li').length > 0);
  expect((await page.locator('ol.search-results mark').first().textContent()) === '农村电子', 'match highlighted');
  expect(new URL(page.url()).searchParams.get('q') === '农村电子', `the query is in the address: ${page.url()}`);
  await page.click('ol.search-results a:text("农村电子商务建设")');
  await page.waitForFunction(() => location.pathname.endsWith('/performance/8/3/'));
  await page.waitForSelector('.sub-activity.focused');
  expect(!new URL(page.url()).searchParams.has('q'), `the query stays with the search page: ${page.url()}`);
  // Back to the search: the query and its results are there again.
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('#search-input')?.value === '农村电子' && document.querySelectorAll('ol.search-results li').length > 0);
  // A shared search address opens with its results.
  await page.goto(`${origin}/search/?q=${encodeURIComponent('三公')}`);
  await page.waitForFunction(() => document.querySelector('#search-input')?.value === '三公' && document.querySelectorAll('ol.search-results li').length > 0);
  // Another language: the same search.
  await page.click('#lang-switch');
  await page.waitForFunction(() => location.pathname.endsWith('/en/search/') && new URLSearchParams(location.search).get('q') === '三公');
  expect((await page.inputValue('#search-input')) === '三公', 'the query stays after switching language');
  await page.click('#lang-switch');
  await page.waitForFunction(() => !location.pathname.includes('/en/') && new URLSearchParams(location.search).get('q') === '三公');
  await page.goto(`${origin}/#/search`);
  await page.fill('#search-input', '不可能出现的词语');
  await page.waitForFunction(() => document.querySelector('#search-status').textContent.includes('没有找到'));
  await expectAccessible(page, 'search');
});

await test('search: a paragraph result says where it is, once (kind, then the section it is under)', phone, async (page) => {
  await page.goto(`${origin}/#/search`);
  await page.fill('#search-input', '三公');
  await page.waitForFunction(() => document.querySelectorAll('ol.search-results li').length > 0);
  const rows = await page.$$eval('ol.search-results li', (lis) => lis.map((li) => [li.querySelector('.kind').textContent, li.querySelector('a').textContent, li.querySelector('a').getAttribute('href')]));
  for (const [kind, place] of rows) expect(kind !== place && !`${kind}${place}`.includes('说明说明'), `label reads "${kind}${place}"`);
  expect(rows.some(([kind, place, href]) => kind === '说明' && place === '“三公”经费' && href === './'), `the “三公” paragraph is labelled by its section: ${JSON.stringify(rows)}`);
  await shot(page, 'search-three-public-phone');
});

for (const [vp, size] of [['phone', phone], ['desktop', desktop]]) {
  await test(`footer: a long, multi-line title shows on one line, whole on focus (${vp})`, size, async (page) => {
    await page.goto(`${origin}/?bundle=fixtures/long-title.json#/duties`);
    const line = page.locator('footer #source-line');
    await line.waitFor();
    const one = await line.evaluate((el) => ({ h: el.getBoundingClientRect().height, lh: parseFloat(getComputedStyle(el).lineHeight) || 20, cut: el.scrollWidth > el.clientWidth, ov: getComputedStyle(el).textOverflow, text: el.textContent }));
    expect(one.h < one.lh * 1.5 && one.cut && one.ov === 'ellipsis', `one line with an ellipsis: ${JSON.stringify({ ...one, text: undefined })}`);
    expect(!one.text.includes('\n') && one.text.includes('第40段正文'), 'the whole title is in the page, its line breaks read as spaces');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow <= 1, `no horizontal page scroll (overflow ${overflow}px)`);
    await line.focus();
    const open = await line.evaluate((el) => el.getBoundingClientRect().height);
    expect(open > one.h * 3, `focus shows it whole (height ${one.h} → ${open})`);
    await shot(page, `footer-long-title-${vp}`);
    await expectAccessible(page, `footer with a long title (${vp})`);
  });
}

await test('failing checks: notice on the overview, marks on the figures, links to the check (phone)', phone, async (page) => {
  await page.goto(`${origin}/?bundle=fixtures/failing.json#/`);
  await page.waitForSelector('#total-expenditure');
  const notice = page.locator('#fail-notice');
  await notice.waitFor();
  const text = await notice.textContent();
  expect(text.includes('本数据有 4 项核对不符') && text.includes('支出各经济分类之和 = 支出合计') && text.includes('对内商贸管理'), `notice: ${text}`);
  expect(await notice.locator('a[href*="#/checks/"]').count() === 4, 'each failing check linked');
  const box = await notice.boundingBox();
  const figures = await page.locator('section.stats').boundingBox();
  expect(box.y < figures.y, 'the notice comes before the figures');
  // Marked: total expenditure, basic expenditure, the spend chart. Not marked: total revenue (revenue = expenditure still holds).
  expect((await page.textContent('#total-expenditure')).includes('✗ 核对不符'), 'total expenditure marked with text');
  expect(!(await page.textContent('#total-revenue')).includes('核对不符'), 'total revenue holds, so no mark');
  expect(await page.locator('#spend-title .fail-mark').count() === 1, 'the expenditure chart carries the mark');
  expect(await page.locator('#spend-title ~ details.data-table tbody tr.failing .fail-mark').count() === 4, 'every category row of its data table is marked');
  const spoken = await page.getAttribute('#total-expenditure .fail-mark', 'aria-label');
  expect(spoken.startsWith('核对不符：第 ') && spoken.includes('支出各经济分类之和 = 支出合计'), `screen readers hear which check: ${spoken}`);
  await shot(page, 'failing-overview-phone');
  await expectAccessible(page, 'overview with failing checks');
  // The mark links to its check by the check's id, which is brought into view and focused.
  const href = await page.getAttribute('#total-expenditure .fail-mark', 'href');
  const written = href.match(/#\/checks\/([^/]+)$/)[1];
  const id = decodeURIComponent(written);
  expect(id === 'expenditure.categories-sum', `the link names the check by its id: ${href}`);
  await page.click('#total-expenditure .fail-mark');
  await page.waitForFunction(([w, id]) => location.hash === `#/checks/${w}` && document.activeElement?.id === `check-${id}`, [written, id], { timeout: 5000 });
  const checkRow = page.locator(`[id="check-${id}"]`);
  const row = await checkRow.textContent();
  expect(row.includes('不符') && row.includes('716.46'), `the linked check: ${row}`);
  expect(await checkRow.locator('td:nth-child(2)').isVisible() && (await checkRow.locator('td:nth-child(2)').textContent()).includes('不符'), 'on a phone the result shows on the check');
  // A link made before checks had ids (its number in the list) still finds it.
  const n = Number((await checkRow.locator('td.num').textContent()).trim());
  expect(await checkRow.locator(`td.num a[id="check-${n}"]`).count() === 1, `the row keeps its old anchor check-${n}`);
  await page.goto('about:blank');
  await page.goto(`${origin}/?bundle=fixtures/failing.json#/checks/${n}`);
  await page.waitForFunction((id) => document.activeElement?.id === `check-${id}`, id, { timeout: 5000 });
  expect(await page.locator('#fail-notice').count() === 0, '数据核对 lists the checks itself, without the notice');
  await expectAccessible(page, 'checks with a focused failing check');
});

await test('a check\'s page link: by its id, and by its number as links made before ids', desktop, async (page) => {
  // The seed's second check is expenditure.categories-sum: the same row either way.
  for (const [at, id] of [['/checks/#check-expenditure.categories-sum', 'expenditure.categories-sum'], ['/checks/#check-2', 'expenditure.categories-sum'], ['/en/checks/#check-balance', 'balance']]) {
    await page.goto('about:blank');
    await page.goto(`${origin}${at}`);
    await page.waitForFunction((id) => document.activeElement?.id === `check-${id}`, id, { timeout: 5000 });
    const focused = await page.evaluate(() => document.activeElement.className);
    expect(focused.includes('focused'), `${at}: the row is marked as the one linked (${focused})`);
  }
  // Every row's number links to it by its id, percent-encoded where the id is not ASCII.
  const links = await page.$$eval('table.checks td.num a', (as) => as.map((a) => [a.getAttribute('href'), a.closest('tr').id]));
  expect(links.length > 50 && links.every(([href, row]) => decodeURIComponent(href.split('#')[1]) === row), `row links: ${JSON.stringify(links.slice(0, 3))}`);
  const ids = links.map(([, row]) => row);
  expect(new Set(ids).size === ids.length, 'row ids are unique');
});

await test('failing checks: the activity row, its treemap and its page are marked; the seed has no marks', desktop, async (page) => {
  await page.goto(`${origin}/?bundle=fixtures/failing.json#/performance`);
  await page.waitForSelector('table.activities');
  const row = page.locator('table.activities tbody tr').nth(7);
  expect((await row.getAttribute('class') || '').includes('failing') && (await row.textContent()).includes('✗ 核对不符'), 'activity 8 row marked');
  // Every activity amount takes part in “activities add up to 项目支出”; only activity 8 also in its sub-activities' sum.
  const spoken8 = await row.locator('td .fail-mark').getAttribute('aria-label');
  const spoken7 = await page.locator('table.activities tbody tr').nth(6).locator('td .fail-mark').getAttribute('aria-label');
  expect(spoken8.includes('项职责活动金额之和 = 项目支出') && spoken8.includes('“对内商贸管理”各子活动之和'), `activity 8: ${spoken8}`);
  expect(spoken7.includes('项职责活动金额之和 = 项目支出') && !spoken7.includes('各子活动之和'), `activity 7: ${spoken7}`);
  expect(await page.locator('#activities-title .fail-mark').count() === 1, 'treemap marked');
  await shot(page, 'failing-performance-desktop');
  await expectAccessible(page, 'performance with failing checks');
  await page.goto(`${origin}/?bundle=fixtures/failing.json#/performance/8`);
  await page.waitForSelector('#activity-title');
  expect((await page.textContent('main p.lead')).includes('核对不符'), 'the activity amount is marked');
  await page.goto(`${origin}/?bundle=fixtures/failing.json&lang=en#/`);
  await page.waitForSelector('#fail-notice');
  expect((await page.textContent('#fail-notice')).includes('check(s) of these figures do not agree') && (await page.textContent('#total-expenditure')).includes('does not check out'), 'English notice and mark');
  await page.goto(`${origin}/#/`);
  await page.waitForSelector('#total-expenditure');
  await page.goto(`${origin}/#/performance`);
  await page.waitForSelector('table.activities');
  expect(await page.locator('.fail-mark, #fail-notice').count() === 0, 'the seed: every check holds, nothing marked');
});

await test('budget tables: 功能分类 drill 类 → 款 → 项 by keyboard and back, deep link, every table listed (desktop)', desktop, async (page) => {
  await page.goto(`${origin}/?bundle=fixtures/jiangsu-2017.json#/`);
  await page.waitForSelector('#total-expenditure');
  expect((await page.textContent('#total-expenditure')).includes('9,146.79'), 'the overview takes the total from the 支出预算总表');
  expect((await page.textContent('#total-revenue')).includes('9,146.79'), 'revenue from the 收支预算总表');
  expect((await page.textContent('section.stats')).includes('676.10'), '“三公” from its table');
  await page.click('nav.sections a:text("预算表")');
  await page.waitForFunction(() => location.hash === '#/budget');
  const surface = page.locator('#functional-title ~ .chart-surface');
  await surface.waitFor();
  await surface.focus();
  const info = page.locator('#functional-info');
  await page.waitForFunction(() => document.querySelector('#functional-info').textContent.startsWith('201 一般公共服务支出：6,463.55 万元'));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#/budget/201');
  expect((await page.textContent('nav.breadcrumb')).includes('201 一般公共服务支出'), 'breadcrumb names the 类');
  await page.locator('#functional-title ~ .chart-surface').focus();
  await page.waitForFunction(() => document.querySelector('#functional-info').textContent.startsWith('20102 政协事务'));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#/budget/20102');
  await page.locator('#functional-title ~ .chart-surface').focus();
  await page.waitForFunction(() => document.querySelector('#functional-info').textContent.startsWith('2010201 行政运行：3,233.03 万元'));
  expect((await info.textContent()).includes('占20102 政协事务'), `share of the 款: ${await info.textContent()}`);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => location.hash === '#/budget/201');
  await page.locator('#functional-title ~ .chart-surface').focus();
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => location.hash === '#/budget');
  // 经济分类 drills too: 类 → 款 (303 → its 款), and back with Escape.
  const econ = page.locator('#economic-title ~ .chart-surface');
  await econ.focus();
  await page.waitForFunction(() => document.querySelector('#economic-info').textContent.startsWith('303 对个人和家庭的补助：2,606.84 万元'));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#/budget/303');
  await page.locator('#economic-title ~ .chart-surface').focus();
  await page.waitForFunction(() => document.querySelector('#economic-info').textContent.startsWith('30302 退休费：1,329.42 万元'));
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => location.hash === '#/budget');
  expect(await page.locator('section.budget-table').count() === 12, `12 tables: ${await page.locator('section.budget-table h4').allTextContents()}`);
  const gp = page.locator('section.budget-table', { has: page.locator('h4:text-is("一般公共预算支出预算表")') });
  expect(await gp.locator('tbody tr').count() === 15, '一般公共预算支出预算表: 合计 and 14 coded lines');
  const fund = page.locator('section.budget-table', { has: page.locator('h4:text-is("财政拨款政府性基金支出预算表")') });
  expect((await fund.textContent()).includes('注：我单位无2017年政府性基金支出安排。'), 'the table note is shown');
  await expectAccessible(page, 'budget tables');
  await shot(page, 'budget-desktop');
  // A deep link opens the 款 straight away.
  await page.goto(`${origin}/?bundle=fixtures/jiangsu-2017.json#/budget/22102`);
  await page.waitForSelector('#functional-title');
  expect((await page.textContent('#functional-title ~ figcaption')).includes('22102 住房改革支出'), 'deep link to a 款');
  const [csv] = await Promise.all([page.waitForEvent('download'), gp.locator('button.download').click()]);
  const text = fs.readFileSync(await csv.path(), 'utf8');
  expect(text.startsWith('\ufeff科目编码,科目名称,金额（万元）') && text.includes('2010205,委员视察,429.30'), `CSV of the table: ${text.slice(0, 120)}`);
});

await test('budget tables: search finds a budget line by name and by code and opens its chart', phone, async (page) => {
  await page.goto(`${origin}/?bundle=fixtures/jiangsu-2017.json#/search`);
  await page.fill('#search-input', '住房公积金');
  await page.waitForFunction(() => [...document.querySelectorAll('ol.search-results a')].some((a) => a.textContent === '2210201 住房公积金'));
  const kind = await page.$$eval('ol.search-results li', (lis) => lis.find((li) => li.querySelector('a').textContent === '2210201 住房公积金').querySelector('.kind').textContent);
  expect(kind === '预算科目', `labelled as a budget line: ${kind}`);
  await page.fill('#search-input', '2080504');
  await page.waitForFunction(() => [...document.querySelectorAll('ol.search-results a')].some((a) => a.textContent.startsWith('2080504 ')));
  await page.click('ol.search-results a:text("2080504 未归口管理的行政单位离退休")');
  await page.waitForFunction(() => location.hash === '#/budget/20805');
  await page.waitForSelector('#functional-title');
  expect((await page.textContent('nav.breadcrumb')).includes('20805'), 'the chart of its 款');
});

await test('budget tables on a phone: no page scroll, charts and tables readable', phone, async (page) => {
  await page.goto(`${origin}/?bundle=fixtures/jiangsu-2017.json#/budget`);
  await page.waitForSelector('section.budget-table');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 1, `no horizontal page scroll (overflow ${overflow}px)`);
  await shot(page, 'budget-phone');
  await expectAccessible(page, 'budget tables (phone)');
  // The seed (a county template without the standard tables) has no 预算表 entry.
  await page.goto(`${origin}/#/`);
  await page.waitForSelector('#total-expenditure');
  expect(await page.locator('nav.sections a:text("预算表")').count() === 0, 'no 预算表 for a bundle without tables');
});

/** The overview's charts as shown: title, summary, source line and whether a bar is drawn. */
async function overviewCharts(page) {
  return page.$$eval('main figure.chart', (fs) => fs.map((f) => ({
    title: f.querySelector('h3').textContent,
    summary: f.querySelector('figcaption').textContent,
    source: (f.querySelector('.chart-source') || {}).textContent || '',
    // A bar: a filled rectangle of some width in the drawing shown.
    bars: [...f.querySelectorAll('svg rect')].filter((r) => ['#0072B2', '#6B6B6B', '#B5490B'].includes((r.getAttribute('fill') || '').toUpperCase()) && r.getBoundingClientRect().width > 0.5).length,
  })));
}

await test('overview: every fixture bundle charts its own breakdowns, titled for what they are, nothing empty or doubled (phone)', phone, async (page) => {
  const expected = {
    'data/pingxiang-fgj-2017.json': ['支出按经济分类', '比上年增减：上年与本年', '“三公”经费：上年与本年'],
    'fixtures/overview/jiangsu-zx-2019.json': ['支出按功能分类（类）', '基本支出按经济分类（类）', '支出按用途（基本支出、项目支出）', '“三公”经费：本年'],
    'fixtures/overview/jiangsu-zx-2017-tables.json': ['支出按功能分类（类）', '基本支出按经济分类（类）', '支出按用途（基本支出、项目支出）', '“三公”经费：本年'],
    'fixtures/overview/putuo-sfj-2026.json': ['收入按来源', '“三公”经费：本年'],
    'fixtures/overview/putuo-ghzy-2024-final.json': [],
  };
  for (const [bundle, titles] of Object.entries(expected)) {
    await page.goto(`${origin}/?bundle=${bundle}#/`);
    await page.waitForSelector('#total-expenditure');
    await page.waitForSelector('#h-3p');
    const charts = await overviewCharts(page);
    expect(JSON.stringify(charts.map((c) => c.title.replace(/✗.*$/, ''))) === JSON.stringify(titles), `${bundle}: chart titles ${JSON.stringify(charts.map((c) => c.title))}`);
    for (const c of charts) {
      expect(c.bars > 0, `${bundle}: ${c.title} draws bars`);
      expect(c.summary.length > 8, `${bundle}: ${c.title} has a summary`);
    }
    const text = await page.textContent('main');
    for (const doubled of ['合计合计', '共 0 项']) expect(!text.includes(doubled), `${bundle}: no “${doubled}”`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow <= 1, `${bundle}: no horizontal page scroll (overflow ${overflow}px)`);
  }
  // The 决算 the importer reads little of: each section one line, no chart.
  const text = await page.textContent('main');
  for (const line of ['支出构成：本文件未列。', '比上年增减未列。', '“三公”经费未列。']) expect(text.includes(line), `the 决算 says ${line}`);
  // The national template: each chart cites its table, and a 类 opens 预算表 at that 类.
  await page.goto(`${origin}/?bundle=fixtures/overview/jiangsu-zx-2019.json#/`);
  const charts = await overviewCharts(page);
  expect(charts[0].source === '出处：一般公共预算支出预算表（功能科目）', `source: ${charts[0].source}`);
  expect(charts[0].summary.startsWith('一般公共预算支出预算表（功能科目） 13,297.11 万元，共 3 项；最大：201 一般公共服务支出 10,191.56 万元'), `summary: ${charts[0].summary}`);
  expect((await page.innerText('section.stats')).includes('基本支出 6,522.75'), '基本支出 as the 支出预算总表 states it');
  await shot(page, 'overview-jiangsu-phone');
  await expectAccessible(page, 'overview of a national-template bundle (phone)');
  await page.locator('#functional-title ~ .chart-surface').focus();
  await page.waitForFunction(() => document.querySelector('#functional-info').textContent.startsWith('201 一般公共服务支出：10,191.56 万元'));
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.querySelector('#functional-info').textContent.startsWith('221 住房保障支出'));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#/budget/221');
  expect((await page.textContent('nav.breadcrumb')).includes('221 住房保障支出'), 'opened 预算表 at the 类');
});

await test('overview of a national-template bundle in English on a phone: titles name the classification, published names stay', phone, async (page) => {
  await page.goto(`${origin}/?bundle=fixtures/overview/jiangsu-zx-2019.json&lang=en#/`);
  await page.waitForSelector('#functional-title');
  const charts = await overviewCharts(page);
  const titles = charts.map((c) => c.title);
  expect(JSON.stringify(titles) === JSON.stringify(['Expenditure by function (class)', 'Basic expenditure by economic nature (class)', 'Expenditure by use (basic, project)', '“Three public” expenses: this year']), `titles: ${JSON.stringify(titles)}`);
  expect(charts[0].source === 'Source: 一般公共预算支出预算表（功能科目）', `source: ${charts[0].source}`);
  expect(await page.getAttribute('#functional-title ~ .chart-source span', 'lang') === 'zh-CN', 'the published title keeps its language');
  expect(charts[0].summary.includes('13,297.11 ×10,000 yuan'), `summary: ${charts[0].summary}`);
  const text = await page.textContent('main');
  expect(text.includes('Change on last year not stated.'), 'an unstated change is one line');
  await shot(page, 'overview-jiangsu-en-phone');
  await expectAccessible(page, 'overview of a national-template bundle in English (phone)');
  await page.goto(`${origin}/?bundle=fixtures/overview/putuo-ghzy-2024-final.json&lang=en#/`);
  await page.waitForSelector('#h-3p');
  expect((await page.textContent('main')).includes('Expenditure breakdown: not stated in this document.'), 'the 决算 in English');
  expect(await page.locator('main figure.chart').count() === 0, 'no chart without data');
  await expectAccessible(page, 'overview of a 决算 with nothing to chart (phone, English)');
});

await test('overview of a national-template bundle without JavaScript: the built page has its breakdowns, in both languages', desktop, async () => {
  const noJs = await browser.newContext({ viewport: phone, javaScriptEnabled: false, locale: 'zh-CN' });
  const p = await noJs.newPage();
  for (const [at, titles] of [
    ['/jiangsu/', ['支出按功能分类（类）', '基本支出按经济分类（类）', '支出按用途（基本支出、项目支出）']],
    ['/jiangsu/en/', ['Expenditure by function (class)', 'Basic expenditure by economic nature (class)', 'Expenditure by use (basic, project)']],
  ]) {
    const r = await p.goto(`${origin}${at}`);
    expect(r && r.status() === 200, `${at}: ${r && r.status()}`);
    const charts = await overviewCharts(p);
    expect(JSON.stringify(charts.slice(0, 3).map((c) => c.title)) === JSON.stringify(titles), `${at}: ${JSON.stringify(charts.map((c) => c.title))}`);
    for (const c of charts) expect(c.bars > 0, `${at}: ${c.title} draws bars (the phone's drawing shows)`);
    expect(await p.isVisible('.at-narrow svg'), `${at}: the chart drawn for a phone shows`);
    // Its rows open 预算表: the page links there.
    expect(await p.locator('main a[href="budget/"], main a[href="en/budget/"]').count() > 0, `${at}: links to 预算表`);
  }
  await noJs.close();
});

await test('overview of a national-template bundle as built, with the app: accessible, and a 类 opens 预算表 (desktop)', desktop, async (page) => {
  // (axe needs timers, which a page without JavaScript does not run: it checks the same DOM here.)
  await page.goto(`${origin}/jiangsu/`);
  await page.waitForSelector('#functional-title');
  await expectAccessible(page, 'built overview of a national-template bundle (desktop)');
  await shot(page, 'overview-jiangsu-desktop');
  await page.locator('#economic-title ~ .chart-surface').focus();
  await page.waitForFunction(() => document.querySelector('#economic-info').textContent.startsWith('301 工资福利支出'));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.pathname === '/jiangsu/budget/301/');
  expect((await page.textContent('section[aria-labelledby="h-economic"] nav.breadcrumb')).includes('301 工资福利支出'), 'opened 预算表 at the 经济分类 类');
});

await test('print: the overview prints without navigation chrome, charts included', desktop, async (page) => {
  await page.goto(`${origin}/`);
  await page.waitForSelector('#total-revenue');
  await page.emulateMedia({ media: 'print' });
  expect(!(await page.isVisible('nav[aria-label="主要栏目"]')) && !(await page.isVisible('footer')), 'no navigation or footer on paper');
  expect(await page.isVisible('figure.chart svg'), 'charts print');
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString() === '%PDF-' && pdf.length > 20000, `a PDF of ${pdf.length} bytes`);
  if (shots) fs.writeFileSync(path.join(outDir, 'overview-print.pdf'), pdf);
});

await test('downloads: bundle JSON and the Fiscal Data Package ZIP', desktop, async (page) => {
  await page.goto(`${origin}/#/other`);
  await page.waitForSelector('p.downloads button');
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('button:text("下载数据包 JSON")')]);
  expect(fs.readFileSync(await json.path(), 'utf8') === seed, 'the bundle JSON is the bundle');
  const [zip] = await Promise.all([page.waitForEvent('download'), page.click('button:text("下载财政数据包（ZIP）")')]);
  expect(zip.suggestedFilename() === '平乡县发展改革局-2017-财政数据包.zip', zip.suggestedFilename());
  const z = fs.readFileSync(await zip.path());
  expect(z.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 3, 4])), 'a ZIP archive');
  for (const f of ['datapackage.json', 'budget.csv', 'indicators.csv', 'assets.csv']) expect(z.includes(Buffer.from(f)), `contains ${f}`);
  fs.copyFileSync(await zip.path(), path.join(process.env.TMPDIR || '/tmp', 'gongkai-fdp-e2e.zip'));
});

await test('a panic is shown on screen, not a blank page', phone, async (page, errors) => {
  await page.goto(`${origin}/`);
  await page.waitForSelector('#total-revenue');
  await page.evaluate(() => { try { window.wasmBindings.panic_self_test(); } catch (e) { /* the wasm trap */ } });
  await page.waitForSelector('#panic[role="alert"]');
  const t = await page.textContent('#panic');
  expect(t.includes('程序内部错误') && t.includes('panic_self_test'), `panic message: ${t}`);
  await shot(page, 'panic-phone');
  errors.length = 0; // the panic is logged to the console on purpose
});

await test('bundle text is shown as text, never run', desktop, async (page) => {
  await page.goto(`${origin}/?bundle=fixtures/xss.json#/performance`);
  await page.waitForSelector('table.activities');
  expect((await page.textContent('header h1')).includes('<img'), 'markup shown literally');
  await page.goto(`${origin}/?bundle=fixtures/xss.json#/other`);
  await page.waitForSelector('dl.glossary');
  expect(await page.evaluate(() => window.__xss === undefined), 'no injected script ran');
  expect(await page.locator('main img, main script, dl.glossary a').count() === 0, 'no injected elements');
});

// ---- where it runs: sub-path, embed, kiosk ----
await test('the built site works from a sub-path (/yusuan/) with every request under it, old links too', desktop, async (page) => {
  const urls = [];
  page.on('request', (r) => urls.push(new URL(r.url()).pathname));
  await page.goto(`${origin}/yusuan/#/assets`);
  await page.waitForSelector('table.assets');
  expect(new URL(page.url()).pathname === '/yusuan/assets/', `old link to its page: ${page.url()}`);
  const outside = urls.filter((u) => !u.startsWith('/yusuan/') && u !== '/favicon.ico');
  expect(outside.length === 0, `requests outside /yusuan/: ${outside.join(', ')}`);
  await page.click('nav a:text("绩效预算")');
  await page.waitForSelector('#activities-title');
  expect(new URL(page.url()).pathname === '/yusuan/performance/', `followed in place: ${page.url()}`);
  await page.goto(`${origin}/yusuan/en/performance/8/3/`);
  await page.waitForSelector('.sub-activity.focused');
  expect((await page.textContent('h1')).includes('平乡县发展改革局') && (await page.getAttribute('html', 'lang')) === 'en', 'an English deep page under the sub-path');
});

await test('embed mode: one view without site navigation, height posted to the portal', desktop, async (page) => {
  await page.goto(`${origin}/host.html`);
  const frame = page.frameLocator('#gongkai-frame');
  await frame.locator('table.assets').waitFor();
  expect(await frame.locator('nav[aria-label="主要栏目"]').count() === 0, 'no site navigation');
  expect(await frame.locator('footer').count() === 0, 'no footer');
  await page.waitForFunction(() => window.heights.length > 0 && window.heights[window.heights.length - 1] > 800);
  const h = await page.evaluate(() => document.getElementById('gongkai-frame').height);
  expect(Number(h) > 800, `iframe fitted to ${h}`);
  // Still interactive inside the frame.
  const surface = frame.locator('#assets-title ~ .chart-surface');
  await surface.focus();
  expect((await frame.locator('#assets-info').textContent()).includes('一、固定资产'), 'chart keyboard works in the embed');
  await shot(page, 'embed-host-desktop');
});

await test('embed dialog gives the iframe snippet of the current view', desktop, async (page) => {
  await page.goto(`${origin}/#/assets`);
  await page.click('button.embed-button');
  const code = await page.inputValue('#embed-code');
  expect(code.includes('<iframe') && code.includes('embed=1') && code.includes('/assets/?embed=1') && code.includes('gongkai:height'), code);
  await expectAccessible(page, 'embed dialog');
  await page.click('.embed-dialog button');
  expect(!(await page.locator('.embed-dialog').getAttribute('open')), 'dialog closes');
});

await test('kiosk mode: no file opener, no context menu, tours the views when idle', phone, async (page) => {
  await page.goto(`${origin}/?kiosk=1&idle=2&advance=1#/assets`);
  await page.waitForSelector('table.assets');
  expect(await page.locator('.open-file, .embed-button').count() === 0, 'no file opener or embed button');
  const blocked = await page.evaluate(() => { const e = new MouseEvent('contextmenu', { bubbles: true, cancelable: true }); document.body.dispatchEvent(e); return e.defaultPrevented; });
  expect(blocked, 'context menu suppressed');
  // Idle → back to the overview, then on to the next view.
  await page.waitForFunction(() => location.pathname === '/', null, { timeout: 5000 });
  await page.waitForFunction(() => location.pathname.endsWith('/duties/'), null, { timeout: 5000 });
  await shot(page, 'kiosk-phone');
  // A touch stops the tour (until the kiosk has been idle for `idle` seconds again).
  await page.mouse.click(5, 300);
  const at = await page.evaluate(() => location.pathname);
  await page.waitForTimeout(1200);
  expect(await page.evaluate(() => location.pathname) === at, 'touch stops the tour');
});

await test('offline: after one visit every view renders with the server gone; installable', desktop, async (page) => {
  // A second server just for this test, so it can be stopped.
  const sockets = new Set();
  const solo = http.createServer(server.listeners('request')[0]);
  solo.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise((r) => solo.listen(0, '127.0.0.1', r));
  const at = `http://127.0.0.1:${solo.address().port}`;
  ownOrigins.push(at);
  await page.goto(`${at}/`);
  await page.waitForSelector('#total-revenue');
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await page.waitForSelector('#total-revenue');
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller), 'service worker controls the page');
  const manifest = await page.evaluate(async () => (await fetch(document.querySelector('link[rel=manifest]').href)).json());
  expect(manifest.icons.some((i) => i.sizes === '512x512') && manifest.start_url === './', 'web app manifest with icons');
  await new Promise((r) => { solo.close(r); for (const s of sockets) s.destroy(); });
  for (const [hash, sel] of [['#/', '#total-revenue'], ['#/duties', 'ol.duties'], ['#/performance/8', 'nav.breadcrumb'], ['#/indicators', 'table.indicators'], ['#/assets', 'table.assets'], ['#/other', 'dl.glossary'], ['#/checks', 'table.checks']]) {
    await page.goto(`${at}/${hash}`);
    await page.waitForSelector(sel, { timeout: 15000 });
  }
  await page.goto(`${at}/?kiosk=1#/assets`);
  await page.waitForSelector('table.assets');
  // Search with pinyin works offline too: the search worker is in the cache.
  await page.goto(`${at}/#/search`);
  await page.waitForFunction(() => document.querySelector('#pinyin-status')?.dataset.state === 'ready', null, { timeout: 20000 });
  await page.fill('#search-input', 'nongcun');
  await page.waitForFunction(() => [...document.querySelectorAll('ol.search-results a')].some((a) => a.textContent === '农村电子商务建设'));
});

await test('two years: the catalog is the home page; switching year keeps the view; comparison shows changes, added and removed lines', desktop, async (page) => {
  await page.goto(`${origin}/multi/`);
  await page.waitForSelector('ul.catalog');
  await page.click('ul.catalog a.year:text("2016 年部门预算")');
  await page.waitForFunction(() => location.pathname === '/multi/b/generated-2016/');
  await appReady(page);
  await page.waitForSelector('#total-revenue');
  expect((await page.textContent('#total-revenue')).includes('2,262.73'), 'the 2016 bundle opened from the catalog');
  // An old address of the home page goes to the first bundle's page of that view.
  await page.goto(`${origin}/multi/#/assets`);
  expect(new URL(page.url()).pathname === '/multi/b/pingxiang-fgj-2017/assets/', `old link redirected: ${page.url()}`);
  await page.waitForSelector('#year-select');
  await page.selectOption('#year-select', 'generated-2016');
  await page.waitForFunction(() => location.pathname === '/multi/b/generated-2016/assets/');
  await appReady(page);
  await page.waitForSelector('table.assets');
  expect((await page.textContent('header')).includes('2016 年'), 'now showing 2016');
  await page.goto(`${origin}/multi/b/pingxiang-fgj-2017/compare/`);
  await page.waitForSelector('table.compare');
  const t = await page.textContent('main');
  expect(t.includes('生成的测试数据'), 'generated data is labelled');
  const total = await page.locator('table.compare tr', { hasText: '支出合计' }).first().textContent();
  expect(total.includes('2,262.73') && total.includes('3,719.45') && total.includes('+1,456.72') && total.includes('+64.4%'), `total row: ${total}`);
  expect(await page.locator('table.compare tr.added', { hasText: '组织编制经济社会发展规划和计划' }).count() === 1, 'added line');
  expect(await page.locator('table.compare tr.removed', { hasText: '已取消的活动' }).count() === 1, 'removed line');
  await expectAccessible(page, 'comparison');
  await page.goto(`${origin}/multi/`);
  await page.waitForSelector('ul.catalog');
  expect(await page.locator('ul.catalog a.year').count() === 2, 'both years listed');
  await page.fill('#catalog-filter', '不存在的部门');
  await page.waitForFunction(() => document.querySelectorAll('ul.catalog a.year').length === 0);
  await shot(page, 'catalog-desktop');
});

// ---- a province: areas, departments, search across every bundle (generated test data) ----
await test('province: the home lists the areas and filters them; an area pages and filters its departments', phone, async (page) => {
  const wasm = [];
  page.on('request', (r) => { if (/\.wasm$/.test(r.url())) wasm.push(new URL(r.url()).pathname); });
  // Before any app: the home's search form is sent by the browser (the CSP allows it).
  await goto_(page, `${origin}/province/`);
  await page.waitForFunction(() => document.readyState === 'complete');
  await page.fill('#site-q', '财政');
  await page.press('#site-q', 'Enter');
  await page.waitForURL((u) => u.pathname === '/province/search/' && u.searchParams.get('q') === '财政');
  await page.goto(`${origin}/province/`);
  await page.waitForSelector('ul.areas');
  await appReady(page);
  expect(await page.locator('ul.areas li').count() === 2, 'two counties');
  expect((await page.textContent('main')).includes('240'), 'the count of documents');
  await page.fill('#area-filter', '0102');
  await page.waitForFunction(() => document.querySelectorAll('ul.areas li').length === 1);
  // The province's own pages start their module, which holds no bundle view.
  expect(wasm.length === 1 && /^\/province\/gongkai-site-[0-9a-f]{16}_bg\.wasm$/.test(wasm[0]), `the province pages' module: ${wasm}`);
  const site = await page.evaluate(() => performance.getEntriesByType('resource').find((e) => /gongkai-site-.*\.wasm$/.test(e.name))?.decodedBodySize);
  const full = fs.readdirSync(dist).find((f) => /^gongkai-web-.*_bg\.wasm$/.test(f));
  expect(site < fs.statSync(path.join(dist, full)).size * 0.8, `smaller than the full app: ${site}`);
  await page.click('ul.areas a');
  await page.waitForFunction(() => location.pathname.startsWith('/province/a/'));
  await appReady(page);
  await page.waitForSelector('ul.catalog');
  // 120 bundles: 40 departments, 30 a page.
  expect(await page.locator('ul.catalog > li').count() === 30, 'first page of departments');
  await page.click('nav.pager button.next');
  await page.waitForFunction(() => document.querySelectorAll('ul.catalog > li').length === 10);
  expect((await page.textContent('nav.pager')).includes('2'), 'page 2 of 2');
  await page.fill('#catalog-filter', '财政局');
  await page.waitForFunction(() => document.querySelectorAll('ul.catalog > li').length === 1);
  expect(await page.locator('ul.catalog a.year').count() === 3, 'three years of the department');
  await expectAccessible(page, 'an area of the province');
  await shot(page, 'province-area-phone');
  await page.click('ul.catalog a.year');
  await page.waitForFunction(() => location.pathname.startsWith('/province/b/'));
  await appReady(page);
  await page.waitForSelector('#total-revenue');
  expect((await page.textContent('h1')).includes('财政局'), 'the department opened');
  expect(wasm.some((w) => /^\/province\/gongkai-web-/.test(w)) && !wasm.some((w) => /gongkai-first-/.test(w)), `a bundle page of a province starts the full app: ${wasm}`);
  expect(!provinceRequests.includes('/province/data/index.json'), 'the whole catalog is never read');
});

await test('province: a bundle page shows its other views as hash addresses, and keeps them on reload', desktop, async (page) => {
  await page.goto(`${origin}/province/b/c01~x001~d02-2018/`);
  await page.waitForSelector('#total-revenue');
  await page.click('nav.sections a:text("职责与机构")');
  await page.waitForFunction(() => location.hash === '#/duties');
  await page.waitForSelector('main h2');
  await page.reload();
  await appReady(page);
  expect((await page.textContent('nav.sections a[aria-current=page]')) === '职责与机构', 'the duties view after reload');
  // Another year of the department, the same view.
  await page.selectOption('#year-select', 'c01~x001~d02-2017');
  await page.waitForFunction(() => location.pathname.endsWith('d02-2017/') && location.hash === '#/duties');
  await appReady(page);
  expect((await page.textContent('header')).includes('2017 年'), 'the other year');
});

await test('province: search every bundle in Chinese, by code and in pinyin; a result opens its page; no bundle is fetched', phone, async (page) => {
  await page.goto(`${origin}/province/search/`);
  const start = provinceRequests.length;
  await page.fill('#site-q', '样例0101县财政局');
  await page.waitForFunction(() => document.querySelectorAll('li.site-result').length > 0 && !document.querySelector('[aria-busy=true]'));
  const first = await page.textContent('li.site-result h2');
  expect(first.includes('样例0101县财政局'), `the department first: ${first}`);
  expect((await page.textContent('li.site-result .place')).includes('部门名称匹配'), 'marked as a name match');
  await page.fill('#site-q', '2010101');
  await page.waitForFunction(() => [...document.querySelectorAll('li.site-result .kind')].some((k) => k.textContent === '预算科目'));
  const amount = await page.textContent('li.site-result .amount');
  expect(/万元/.test(amount), `a budget line names its amount: ${amount}`);
  await page.fill('#site-q', 'nongcun');
  await page.waitForFunction(() => [...document.querySelectorAll('li.site-result .snippet mark')].some((m) => m.textContent === '农村'));
  await page.fill('#site-q', '这个词不在任何公开里');
  await page.waitForFunction(() => (document.querySelector('main p.count')?.textContent || '').includes('没有找到'));
  // (The offline copy keeps the home page's areas file; nothing else of data/ is read.)
  const fetched = provinceRequests.slice(start);
  const data = fetched.filter((p) => p.startsWith('/province/data/') && p !== '/province/data/areas/index.json');
  expect(data.length === 0, `no bundle or catalog fetched by search: ${data.join(', ')}`);
  expect(!provinceRequests.includes('/province/data/index.json'), 'the whole catalog is never read');
  expect(fetched.some((p) => p.startsWith('/province/search-index/s/')), 'shards fetched');
  await page.fill('#site-q', '财政局');
  await page.waitForFunction(() => document.querySelectorAll('li.site-result').length === 5);
  await page.click('button.more');
  await page.waitForFunction(() => document.querySelectorAll('li.site-result').length > 5 && !document.querySelector('button.more[aria-busy=true]'));
  expect(new URL(page.url()).searchParams.get('q') === '财政局', 'the query is in the address');
  await Promise.all([page.waitForNavigation(), page.click('a.lang-switch')]);
  expect(new URL(page.url()).pathname === '/province/en/search/' && new URL(page.url()).searchParams.get('q') === '财政局', `the English search page with the query: ${page.url()}`);
  await page.waitForFunction(() => document.querySelectorAll('li.site-result').length > 0);
  await page.goto(`${origin}/province/search/?q=${encodeURIComponent('财政局')}`);
  await page.waitForFunction(() => document.querySelectorAll('li.site-result').length === 5);
  await page.click('button.more');
  await page.waitForFunction(() => document.querySelectorAll('li.site-result').length > 5 && !document.querySelector('button.more[aria-busy=true]'));
  await expectAccessible(page, 'search every bundle');
  await shot(page, 'province-search-phone');
  await page.click('li.site-result h2 a');
  await page.waitForFunction(() => location.pathname.startsWith('/province/b/'));
  await appReady(page);
  expect((await page.textContent('h1')).includes('财政局'), 'the result opened its bundle');
  // A bundle with more matches than shown: "see every match" opens its own search with the query.
  await page.goto(`${origin}/province/search/?q=${encodeURIComponent('农村')}`);
  await page.waitForSelector('li.more-hits a');
  const all = await page.getAttribute('li.more-hits a', 'href');
  expect(all.includes('?q=%E5%86%9C%E6%9D%91#/search'), `the link carries the query: ${all}`);
  await page.click('li.more-hits a');
  await page.waitForFunction(() => document.querySelector('#search-input')?.value === '农村' && document.querySelectorAll('ol.search-results li').length > 5, null, { timeout: 20000 });
});

// ---- precompressed copies beside the built files (docs/deploy.md) ----
await test('build: every text and wasm file has .gz and .br copies that decompress to it', desktop, async () => {
  const files = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else if (/\.(html|js|css|json|wasm|webmanifest|svg)$/.test(e.name)) files.push(f);
    }
  };
  walk(dist);
  expect(files.some((f) => f.endsWith('.wasm')) && files.some((f) => f.endsWith('index.html')), 'the build is there');
  for (const f of files) {
    const data = fs.readFileSync(f);
    expect(fs.existsSync(`${f}.gz`) && fs.existsSync(`${f}.br`), `copies of ${path.relative(dist, f)}`);
    expect(zlib.gunzipSync(fs.readFileSync(`${f}.gz`)).equals(data), `${path.relative(dist, f)}.gz is the file`);
    expect(zlib.brotliDecompressSync(fs.readFileSync(`${f}.br`)).equals(data), `${path.relative(dist, f)}.br is the file`);
  }
  const wasm = files.filter((f) => f.endsWith('.wasm'));
  for (const f of wasm) expect(fs.statSync(`${f}.br`).size < fs.statSync(f).size / 2, `${path.basename(f)}.br is at least halved`);
  // The offline copy lists the files, not their compressed twins.
  expect(!/\.(gz|br)"/.test(fs.readFileSync(path.join(dist, 'sw.js'), 'utf8')), 'sw.js precaches no .gz/.br');
});

// ---- local files: imported in the browser, nothing uploaded ----
const fx = path.join(root, 'crates/import/tests/fixtures');
const local = [
  ['seed text document', path.join(fx, '000_462ce516b33954bc.txt'), '#/performance', async (page) => {
    await page.waitForSelector('table.activities');
    expect(await page.locator('table.activities tbody tr').count() === 39, '39 activities from the imported text');
    expect((await page.textContent('footer')).includes('本地文件 000_462ce516b33954bc.txt'), 'footer names the local file');
  }],
  ['Word document', path.join(fx, 'seed.docx'), '#/', async (page) => {
    await page.waitForSelector('#total-revenue');
    expect((await page.textContent('#total-revenue')).includes('3,719.45'), 'docx total');
  }],
  ['Excel workbook of the standard tables', path.join(fx, 'jiangsu/江苏省政协办公厅2017年度部门预算公开表.xlsx'), '#/budget', async (page) => {
    await page.waitForSelector('section.budget-table');
    expect(await page.locator('section.budget-table').count() === 12, 'every table of the workbook');
    expect((await page.textContent('h1')).includes('江苏省政协办公厅'), 'department from the workbook');
    expect((await page.textContent('main')).includes('2010205'), 'coded lines');
  }],
  ['Word document of the standard tables', path.join(fx, 'jiangsu/江苏省政协办公厅2017年度部门预算公开表.docx'), '#/budget', async (page) => {
    await page.waitForSelector('section.budget-table');
    expect(await page.locator('section.budget-table').count() === 12, 'every table of the Word document');
  }],
  ['PDF text', path.join(fx, 'seed_pdftext.txt'), '#/checks', async (page) => {
    await page.waitForSelector('#h-import');
    const t = await page.textContent('main');
    expect(t.includes('输入格式：pdf-text'), 'import report shows input kind');
    expect(t.includes('无法可靠还原'), 'import report lists skipped table lines');
  }],
  ['bundle json', path.join(root, 'data/pingxiang-fgj-2017.json'), '#/assets', async (page) => {
    await page.waitForSelector('table.assets');
  }],
];
for (const [name, file, hash, check] of local) {
  await test(`open local file: ${name}`, desktop, async (page) => {
    await page.goto(`${origin}/${hash}`);
    await page.waitForSelector('#open-file-input', { state: 'attached' });
    const requestsBefore = [];
    page.on('request', (r) => { if (r.method() !== 'GET') requestsBefore.push(r.url()); });
    await page.setInputFiles('#open-file-input', file);
    await check(page);
    expect(requestsBefore.length === 0, `nothing uploaded: ${requestsBefore}`);
  });
}
await test('open local file: a document without its department asks for it, never guesses', desktop, async (page) => {
  await page.goto(`${origin}/`);
  await page.waitForSelector('#open-file-input', { state: 'attached' });
  await page.setInputFiles('#open-file-input', path.join(fx, 'jiangsu/江苏省政协办公厅2019年度部门预算.layout.txt'));
  await page.waitForSelector('#facts-form');
  const msg = await page.textContent('section.error');
  expect(msg.includes('没有写明部门名称') && msg.includes('不会自行推断'), `asks for the department: ${msg}`);
  expect(await page.locator('#fact-year').count() === 0, 'the year is stated, so not asked');
  await expectAccessible(page, 'facts form');
  await shot(page, 'import-asks-department');
  await page.fill('#fact-department', '江苏省政协办公厅');
  await page.click('#facts-form button[type=submit]');
  await page.waitForSelector('header.site h1');
  expect((await page.textContent('header.site h1')).includes('江苏省政协办公厅'), 'imported with the department given');
  await page.evaluate(() => { location.hash = '#/checks'; });
  await page.waitForSelector('#h-import');
  expect((await page.textContent('main')).includes('导入时补充（原文件未写明）：meta.department = 江苏省政协办公厅'), 'the checks page says it was supplied');
});

// ---- PDF: read in the browser by the PDF worker, fetched only when a PDF is opened ----
const pdfDir = path.join(fx, 'jiangsu/pdf');
// Drops files on the page as a person would (DragEvent with a DataTransfer of File objects).
async function dropFiles(page, files) {
  const payload = files.map((f) => ({ name: path.basename(f), b64: fs.readFileSync(f).toString('base64') }));
  const dt = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const { name, b64 } of list) {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], name, { type: 'application/pdf' }));
    }
    return dt;
  }, payload);
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
}
await test('PDF: a text file does not fetch the PDF worker; dropping the two 2019 PDFs gives one bundle, with progress and provenance (phone)', phone, async (page) => {
  const fetched = [];
  page.on('request', (r) => fetched.push(r.url()));
  await page.goto(`${origin}/`);
  await page.waitForSelector('#open-file-input', { state: 'attached' });
  await page.setInputFiles('#open-file-input', path.join(fx, '000_462ce516b33954bc.txt'));
  await page.waitForSelector('#total-revenue');
  expect(!fetched.some((u) => u.includes('pdf-import-worker')), 'a text document does not fetch the PDF reader');
  // Record every loading line shown while the PDFs are read.
  await page.evaluate(() => {
    window.__progress = [];
    new MutationObserver(() => {
      const t = document.body.innerText;
      const m = t.match(/正在读取 [^\n]*第 \d+ 页，共 \d+ 页/);
      if (m && !window.__progress.includes(m[0])) window.__progress.push(m[0]);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await dropFiles(page, [
    path.join(pdfDir, '江苏省人大常委会2019年度部门预算公开.pdf'),
    path.join(pdfDir, '江苏省人大常委会办公厅2019年部门预算公开表.pdf'),
  ]);
  await page.waitForFunction(() => document.querySelector('header.site h1')?.textContent.includes('江苏省人大常委会办公厅'), null, { timeout: 30000 });
  expect(fetched.some((u) => u.includes('pdf-import-worker_bg.wasm')), 'the PDF reader is fetched for a PDF');
  const progress = await page.evaluate(() => window.__progress);
  expect(progress.length > 0 && progress.every((p) => /\.pdf：第 \d+ 页，共 (19|13) 页/.test(p)), `progress line while reading: ${JSON.stringify(progress)}`);
  expect((await page.textContent('header.site')).includes('2019'), `year from the documents: ${await page.textContent('header.site')}`);
  expect((await page.textContent('main')).includes('3,719.45') === false, 'not the seed any more');
  // The function breakdown of the tables file.
  await page.evaluate(() => { location.hash = '#/budget'; });
  await page.waitForSelector('section.budget-table');
  expect(await page.locator('section.budget-table').count() === 12, 'the twelve standard tables');
  expect((await page.textContent('main')).includes('2010101'), 'coded 项 lines');
  await expectAccessible(page, 'budget tables from PDF');
  await shot(page, 'pdf-budget-phone');
  // 数据核对: every check holds, the import report says where lines came from.
  await page.evaluate(() => { location.hash = '#/checks'; });
  await page.waitForSelector('#h-import');
  const checks = await page.textContent('main');
  expect(checks.includes('输入格式：pdf'), 'input kind pdf');
  expect(!/核对不符/.test(await page.textContent('table.checks')), 'every check holds');
});
await test('PDF: each table check cites its page, table and row; a scanned, a password-protected and a damaged PDF (the reader panics on it) say why they cannot be read (desktop)', desktop, async (page) => {
  await page.goto(`${origin}/#/checks`);
  await page.waitForSelector('#open-file-input', { state: 'attached' });
  await page.setInputFiles('#open-file-input', path.join(pdfDir, '江苏省政协办公厅2018度部门预算公开表.pdf'));
  await page.waitForFunction(() => document.querySelector('header.site h1')?.textContent.includes('江苏省政协办公厅'), null, { timeout: 30000 });
  await page.evaluate(() => { location.hash = '#/checks'; });
  await page.waitForSelector('table.checks div.source');
  const source = await page.textContent('table.checks div.source');
  expect(/出处：第 \d+ 页 .*表 第 \d+(、\d+)* 行/.test(source), `a check cites page, table and rows: ${source}`);
  await expectAccessible(page, 'checks with sources');
  await shot(page, 'pdf-checks-desktop');
  // reader-panics.pdf: the PDF reader panics on it (found by fuzzing); the worker's panic hook
  // says so before the worker stops.
  for (const [file, words] of [['scanned.pdf', '不做文字识别（OCR）'], ['password.pdf', '设有打开密码'], ['reader-panics.pdf', '可能已损坏']]) {
    await page.setInputFiles('#open-file-input', path.join(fx, 'pdf', file));
    await page.waitForSelector('section.error', { timeout: 30000 });
    const e = await page.textContent('section.error');
    expect(e.includes(file) && e.includes(words), `clear message for ${file}: ${e}`);
  }
  await shot(page, 'pdf-error-desktop');
});

await test('open local file: GBK text and a binary file', phone, async (page) => {
  await page.goto(`${origin}/`);
  await page.waitForSelector('#open-file-input', { state: 'attached' });
  // "某县局\n2018年部门预算公开\n三、“三公”经费预算情况\n安排“三公”经费11.82万元，比上年增加2.35万元。" in GBK.
  const gbk = Buffer.from('c4b3cfd8bed60a32303138c4eab2bfc3c5d4a4cbe3b9abbfaa0ac8fda1a2a1b0c8fdb9aba1b1beadb7d1d4a4cbe3c7e9bff60ab0b2c5c5a1b0c8fdb9aba1b1beadb7d131312e3832cdf2d4aaa3acb1c8c9cfc4ead4f6bcd3322e3335cdf2d4aaa1a30a', 'hex');
  await page.setInputFiles('#open-file-input', { name: 'gbk.txt', mimeType: 'text/plain', buffer: gbk });
  await page.waitForSelector('#total-revenue');
  const t = await page.textContent('main');
  expect(t.includes('11.82') && t.includes('+2.35'), `GBK document imported: ${t.slice(0, 200)}`);
  await page.setInputFiles('#open-file-input', { name: 'junk.docx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 1, 2, 3]) });
  await page.waitForSelector('section.error');
  const e = await page.textContent('section.error');
  expect(e.includes('无法导入文档') && e.includes('junk.docx'), `clear import error: ${e}`);
  await shot(page, 'error-import');
});

await test('performance targets: projects, indicator tree, weakest first, keyboard, table alternative, search (phone)', phone, async (page) => {
  // A 绩效自评表 workbook (generated test data in a real layout) imported by the CLI.
  await page.goto(`${origin}/?bundle=fixtures/overview/perf-self-eval-2023.json#/performance`);
  await page.waitForSelector('#targets-heading').catch(async (e) => { throw new Error(`${e.message.split('\n')[0]}; page: ${(await page.textContent('body')).slice(0, 400)}`); });
  const cards = await page.locator('.target-card h3 a').allTextContents();
  expect(JSON.stringify(cards) === JSON.stringify(['老旧小区雨污分流改造', '城市桥梁定期检测']), `projects: ${cards}`);
  expect((await page.textContent('.target-list')).includes('全年预算数 52.60 万元 · 总分 95.6'), 'funds and score in the list');
  await expectAccessible(page, 'performance targets list (phone)');
  // Keyboard: the first project's link opens its page; Escape goes back to the list.
  await page.locator('.target-card h3 a').first().focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('article.target');
  const summary = await page.textContent('.target .summary');
  expect(summary.includes('执行率 86%') && summary.includes('总分 95.6（满分 100）') && summary.includes('2 项指标未得满分'), `summary: ${summary}`);
  const low = await page.locator('.shortfalls .indicator-card .name').allTextContents();
  expect(JSON.stringify(low) === JSON.stringify(['按期完工率', '指标2：铺设管网长度']), `weakest first: ${low}`);
  expect((await page.textContent('.shortfalls')).includes('雨季停工，调整工期安排'), 'the reason given');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow <= 1, `no horizontal page scroll on a phone (overflow ${overflow}px)`);
  await page.click('details.table-alternative summary');
  expect(await page.locator('table.target-indicators tbody tr').count() === 9, 'nine indicators in the table alternative');
  await shot(page, 'targets-self-eval-phone');
  await expectAccessible(page, 'a 绩效自评表 project (phone)');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#targets-heading');
  // Search finds an indicator and links to its project.
  await page.goto(`${origin}/?bundle=fixtures/overview/perf-self-eval-2023.json#/search`);
  await page.fill('input[type=search]', '管网');
  await page.waitForFunction(() => document.querySelector('main').textContent.includes('铺设管网长度'));
  // English interface, published data in Chinese.
  await page.goto(`${origin}/?bundle=fixtures/overview/perf-targets-2024.json&lang=en#/targets/1`);
  await page.waitForSelector('article.target');
  const t = await page.textContent('article.target');
  expect(t.includes('Annual funds 360 ×10,000 yuan') && t.includes('≥85万平方米'), `English page: ${t.slice(0, 300)}`);
  await expectAccessible(page, 'a 绩效目标表 project in English (phone)');
});

await test('open local file: a workbook of 绩效目标表 alone imports and shows its projects (phone)', phone, async (page) => {
  const wasm = [];
  page.on('request', (r) => { if (/\.wasm$/.test(r.url())) wasm.push(new URL(r.url()).pathname); });
  await page.goto(`${origin}/`);
  await appReady(page);
  await page.waitForSelector('#open-file-input', { state: 'attached' });
  const xlsx = fs.readFileSync(path.join(root, 'crates/import/tests/fixtures/performance/targets-two-projects.xlsx'));
  await page.setInputFiles('#open-file-input', { name: 'targets.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx });
  await page.waitForSelector('.targets-notice', { timeout: 30000 });
  expect((await page.textContent('.targets-notice')).includes('2 张项目绩效目标表'), 'the overview points to the tables');
  await page.click('.targets-notice a');
  await page.waitForSelector('#targets-heading');
  const cards = await page.locator('.target-card h3 a').allTextContents();
  expect(JSON.stringify(cards) === JSON.stringify(['城区道路清扫保洁', '公厕管护']), `projects: ${cards}`);
  // The page started the first-view module, which handed the file to the full app (it alone
  // shows 绩效目标 projects) without leaving the page.
  expect(/gongkai-first-/.test(wasm[0]) && wasm.some((w) => /gongkai-web-/.test(w)), `first-view module, then the full app: ${wasm}`);
});

await test('open local file on a first-view page: a reading line while the full app comes, a clear message if it cannot come; a first-view module that is gone gives way to the full app (phone)', phone, async () => {
  // Its own context without the service worker, so that the test alone decides when (and
  // whether) the full app's wasm arrives.
  const context = await browser.newContext({ viewport: phone, locale: 'zh-CN', serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const full = /\/gongkai-web-[0-9a-f]+_bg\.wasm$/;
  try {
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route(full, async (route) => { await held; await route.continue(); });
    await page.goto(`${origin}/`);
    await appReady(page);
    await page.setInputFiles('#open-file-input', path.join(root, 'data/pingxiang-fgj-2017.json'));
    // The first-view module has given the page up: what is being read, while the full app loads.
    await page.waitForFunction(() => document.querySelector('#app > main.loading [role=status]')?.textContent.includes('正在读取 pingxiang-fgj-2017.json'));
    expect(await page.locator('#total-revenue').count() === 0, 'the built overview is gone');
    await shot(page, 'local-file-handover-phone');
    release();
    await page.waitForSelector('#total-revenue');
    expect((await page.textContent('footer')).includes('本地文件 pingxiang-fgj-2017.json'), 'the full app shows the local file');
    expect(errors.length === 0, `no page error: ${errors}`);
    await page.unroute(full);
    // The full app cannot be fetched: the reading line says so, instead of turning forever.
    await page.route(full, (route) => route.abort());
    await page.goto(`${origin}/performance/`);
    await appReady(page);
    await page.setInputFiles('#open-file-input', path.join(root, 'data/pingxiang-fgj-2017.json'));
    await page.waitForFunction(() => document.querySelector('#app > main [role=status]')?.textContent.includes('查看器未能加载'));
    expect(await page.locator('#app > main[aria-busy=false]').count() === 1 && await page.locator('#app .spinner').count() === 0, 'no spinner left turning');
    await page.unroute(full);
    // A page cached from an older build names a first-view module that is gone: the full app
    // takes the page over instead.
    const wasm = [];
    page.on('request', (r) => { if (/\.wasm$/.test(r.url())) wasm.push(new URL(r.url()).pathname); });
    await page.route(/\/gongkai-first-[0-9a-f]+\.js$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(`${origin}/assets/`);
    await appReady(page);
    expect(wasm.length === 1 && /gongkai-web-/.test(wasm[0]), `the full app instead: ${wasm}`);
  } finally {
    await context.close();
  }
});

await test('预算执行: a 决算 alone — its own 年初预算 against each line, largest gaps first, reasons, “三公”, the budget it lacks named (phone)', phone, async (page) => {
  await page.goto(`${origin}/?bundle=fixtures/final/ghzy-2024-final.json#/execution`);
  await page.waitForSelector('#execution-gaps');
  const docs = await page.textContent('.execution-docs');
  expect(docs.includes('本站没有该部门2024 年的部门预算'), `says the budget is missing: ${docs}`);
  const summary = await page.textContent('.execution-summary');
  expect(summary.includes('一般公共预算财政拨款支出：预算 10,210.34 万元，决算 9,746.50 万元，完成率 95.45%'), `summary: ${summary}`);
  expect(summary.includes('2120201 城乡社区规划与管理（−370.58 万元）'), `largest gap named: ${summary}`);
  const first = await page.locator('#execution-gaps tbody tr').first().textContent();
  expect(first.includes('2120201') && first.includes('3,110.14') && first.includes('2,739.56') && first.includes('−370.58') && first.includes('88.08%') && first.includes('决算说明'), `largest gap first: ${first}`);
  const reason = await page.locator('#execution-gaps tbody tr.reason').first().textContent();
  expect(reason.includes('规划服务商务单元更新提升方案'), `its reason: ${reason}`);
  const three = await page.textContent('#execution-three');
  expect(three.includes('公务接待费') && three.includes('2.85') && three.includes('0.39') && three.includes('13.68%'), `“三公” budget against actual: ${three}`);
  const unplaced = await page.textContent('#execution-unplaced');
  expect(unplaced.includes('其他国土资源事务支出'), 'lines named otherwise than in the table are listed as the narrative states them');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 1, `no horizontal page scroll (overflow ${overflow}px)`);
  await shot(page, 'execution-final-phone');
  await expectAccessible(page, '预算执行 of a 决算 alone (phone)');
});

await test('预算执行: a 决算 and its budget linked on a site — budgets from both named, drill 类 → 款 by keyboard, Escape goes up, English (desktop)', desktop, async (page) => {
  await page.goto(`${origin}/final/b/ghzy-2024-final/execution/`);
  await page.waitForSelector('#execution-lines');
  // The budget of the same year is fetched and its figures fill the lines the 决算 does not compare.
  await page.waitForFunction(() => document.querySelector('#execution-lines').textContent.includes('部门预算'));
  const docs = await page.textContent('.execution-docs');
  expect(docs.includes('对照2024 年的部门决算与部门预算'), `names both documents: ${docs}`);
  const header = await page.getAttribute('.year-switch a.counterpart', 'href');
  expect(header.includes('ghzy-2024-budget') && header.endsWith('execution/'), `the header offers the same year's budget: ${header}`);
  const link = await page.getAttribute('.execution-docs a', 'href');
  expect(link.includes('ghzy-2024-budget') && link.includes('execution'), `links the budget's view: ${link}`);
  const row212 = await page.locator('#execution-lines tbody tr', { hasText: '212 城乡社区支出' }).first().textContent();
  expect(row212.includes('4,215.60') && row212.includes('3,832.36') && row212.includes('部门预算'), `a 类 the narrative does not compare takes the budget's figure: ${row212}`);
  await page.locator('#execution-lines a', { hasText: '212' }).first().focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.pathname.endsWith('/execution/212/'));
  await page.waitForFunction(() => document.querySelector('nav.breadcrumb [aria-current]')?.textContent.includes('212 城乡社区支出'));
  await page.locator('#execution-lines a').first().focus();
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => location.pathname.endsWith('/execution/'));
  await shot(page, 'execution-linked-desktop');
  await expectAccessible(page, '预算执行 linked (desktop)');
  // The budget's own page offers the comparison too.
  await page.goto(`${origin}/final/b/ghzy-2024-budget/execution/`);
  await page.waitForFunction(() => document.querySelector('#execution-gaps')?.textContent.includes('决算说明')
    && document.querySelector('#execution-lines').textContent.includes('3,832.36'));
  expect((await page.textContent('.execution-docs')).includes('对照2024 年的部门预算与部门决算'), 'the budget names its 决算');
  await page.goto(`${origin}/final/en/b/ghzy-2024-final/execution/`);
  await page.waitForSelector('#execution-gaps');
  expect((await page.textContent('main h2')).startsWith('Budget execution'), 'English title');
  await expectAccessible(page, '预算执行 in English');
});

await browser.close();
server.close();
fs.rmSync(multiDir, { recursive: true, force: true });
fs.rmSync(provinceDir, { recursive: true, force: true });
if (foreign.length) { failures++; console.log(`FAIL requests to other origins: ${[...new Set(foreign)].join(', ')}`); }
console.log(`\n${passed} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
