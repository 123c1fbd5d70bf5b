// Issue 13 item 5 bench: how soon a console list page shows its first rows after the click on its menu entry, in
// Debian's Chromium (playwright-core of itests/src/test/browser; run `npm ci` there once). Against a running platform
// with the demo data (e.g. `distribution/target/assembly/bin/karaf` started by the README's run command):
//   node bench/console-lists.mjs [http://localhost:8181] [runs=10]
// For each list: log in as the account that sees it, then RUNS times: go home, click the menu entry, wait for the
// first table row. Prints median and worst in ms (goal ≤ 1000 ms) and the size of the API answer.
import { createRequire } from 'node:module';

const require = createRequire(new URL('../itests/src/test/browser/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const base = (process.argv[2] || 'http://localhost:8181').replace(/\/$/, '');
const runs = Number(process.argv[3] || 10);
const LISTS = [
  { user: 'demo-regulator', menu: 'estates', table: '[data-test="estates"]' },
  { user: 'demo-regulator', menu: 'complaints', table: '[data-test="complaints-table"]' },
  { user: 'demo-regulator', menu: 'repairs', table: '[data-test="repairs-table"]' },
  { user: 'demo-regulator', menu: 'companies', table: '[data-test="companies"]' },
  { user: 'demo-regulator', menu: 'committees', table: '[data-test="committees"]' },
  { user: 'demo-regulator', menu: 'deadlines', table: '[data-test="deadlines-table"]' },
  { user: 'demo-company', menu: 'complaints', table: '[data-test="complaints-table"]' },
];

const browser = await chromium.launch({ executablePath: process.env.SPM_CHROMIUM || '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const rows = [];
for (const list of LISTS) {
  const page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 860 } })).newPage();
  await page.goto(base + '/console/login');
  await page.locator('[data-test="username"]').fill(list.user);
  await page.locator('[data-test="password"]').fill('Demo@2026spm');
  await page.locator('[data-test="login"]').click();
  await page.locator('[data-test="menu-home"]').waitFor({ timeout: 20000 });
  if (!(await page.locator(`[data-test="menu-${list.menu}"]`).count())) {
    rows.push({ list: list.menu, note: 'no such menu entry' });
    continue;
  }
  const times = [];
  for (let i = 0; i <= runs; i++) {
    await page.locator('[data-test="menu-home"]').click();
    await page.locator('[data-test="welcome"]').waitFor();
    const started = Date.now();
    await page.locator(`[data-test="menu-${list.menu}"]`).click();
    await page.locator(`${list.table} .el-table__body tr`).first().waitFor({ timeout: 20000 });
    if (i > 0) times.push(Date.now() - started); // the first run loads the page's chunk: reported apart
    else rows.push({ list: list.menu, first: Date.now() - started });
  }
  times.sort((a, b) => a - b);
  Object.assign(rows.at(-1), { median: times[Math.floor(times.length / 2)], worst: times.at(-1), runs });
  await page.context().close();
}
await browser.close();
console.log('list                 first visit  median   worst (ms, click → first row)');
for (const r of rows) {
  console.log(r.note ? `${r.list.padEnd(20)} ${r.note}` : `${r.list.padEnd(20)} ${String(r.first).padStart(11)} ${String(r.median).padStart(7)} ${String(r.worst).padStart(7)}`);
}
