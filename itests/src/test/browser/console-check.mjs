// Issue 13: the browser console in a real Chromium against a running platform. ConsoleBrowserIT runs it inside the
// Pax Exam container as `node console-check.mjs <baseUrl> <screenshotDir>`; by hand against a started assembly:
//   (cd itests/src/test/browser && npm ci) && node itests/src/test/browser/console-check.mjs http://localhost:8181 /tmp/shots
// Exit 0 when every check passed; each check prints one line "ok …" or "FAIL …".
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const base = (process.argv[2] || 'http://localhost:8181').replace(/\/$/, '');
const shots = process.argv[3] || 'target/screenshots';
const chromiumPath = process.env.SPM_CHROMIUM || '/usr/bin/chromium';
const password = 'Demo@2026spm';
mkdirSync(shots, { recursive: true });

const failures = [];
function check(ok, what, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ' — ' + detail : ''}`);
  if (!ok) failures.push(what);
}

async function login(page, username) {
  await page.locator('[data-test="username"]').fill(username);
  await page.locator('[data-test="password"]').fill(password);
  await page.locator('[data-test="login"]').click();
  await page.locator('[data-test="menu-home"]').waitFor({ timeout: 20000 });
}

const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox'] });
try {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', m => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', e => problems.push(String(e)));

  // the headers of /console/
  const response = await page.goto(base + '/console/', { waitUntil: 'networkidle' });
  const h = response.headers();
  const csp = h['content-security-policy'] || '';
  const scriptSrc = (csp.split(';').find(d => d.trim().startsWith('script-src')) || '').trim();
  check(response.status() === 200, 'GET /console/ answers 200', String(response.status()));
  check(scriptSrc === "script-src 'self'", 'CSP allows scripts from the platform only', csp);
  check(csp.includes("frame-ancestors 'none'"), 'CSP denies framing');
  check(h['x-frame-options'] === 'DENY' && h['x-content-type-options'] === 'nosniff', 'X-Frame-Options DENY, nosniff');
  check((h['cache-control'] || '').includes('no-cache'), 'index.html is revalidated', h['cache-control']);

  // the regulator: login, menu by permission, estates paged from the API
  await page.locator('[data-test="username"]').waitFor({ timeout: 20000 });
  check(page.url().endsWith('/console/login'), 'without a token the console shows the login page', page.url());
  await page.screenshot({ path: `${shots}/01-login.png` });
  await login(page, 'demo-regulator');
  check(await page.locator('[data-test="menu-estates"]').isVisible(), 'demo-regulator sees the estates menu');
  check((await page.locator('[data-test="welcome"]').textContent()).includes('demo-regulator'), 'home page names the account');
  await page.screenshot({ path: `${shots}/02-home-regulator.png` });
  const firstPage = page.waitForResponse(r => r.url().includes('/api/v1/estates?'));
  await page.locator('[data-test="menu-estates"]').click();
  const estates = await firstPage;
  check(/[?&]page=0/.test(estates.url()) && /[?&]size=20/.test(estates.url()), 'the estates list asks one page', estates.url());
  await page.locator('[data-test="estates"] .el-table__body tr').first().waitFor({ timeout: 20000 });
  const rows = await page.locator('[data-test="estates"] .el-table__body tr').count();
  const total = (await estates.json()).total;
  check(rows > 0 && rows <= 20 && total >= rows, 'the estates table shows rows of one page', `${rows} rows of ${total}`);
  check(estates.request().headers()['accept-language'] === 'zh-CN', 'the API is asked in zh-CN by default');
  await page.screenshot({ path: `${shots}/03-estates-zh-CN.png` });
  if (total > 20) {
    const second = page.waitForResponse(r => r.url().includes('/api/v1/estates?') && /[?&]page=1(&|$)/.test(r.url()));
    await page.locator('[data-test="pager"] .el-pager li', { hasText: /^2$/ }).click();
    await second;
    await page.waitForFunction(n => document.querySelectorAll('[data-test="estates"] .el-table__body tr').length === n,
      Math.min(20, total - 20), { timeout: 10000 });
    check(true, 'page 2 of the pagination asks the API for page=1 and shows its rows');
    const first = page.waitForResponse(r => r.url().includes('/api/v1/estates?') && /[?&]page=0(&|$)/.test(r.url()));
    await page.locator('[data-test="pager"] .btn-prev').click();
    await first;
  }

  // language switch: English labels and Accept-Language: en on the next calls
  const again = page.waitForRequest(r => r.url().includes('/api/v1/estates?'));
  await page.locator('.el-header .spm-lang').click();
  await page.locator('.el-select-dropdown__item', { hasText: 'English' }).click();
  const english = await again;
  check(english.headers()['accept-language'] === 'en', 'after the switch the API is asked in English', english.headers()['accept-language']);
  await page.locator('[data-test="menu-estates"]', { hasText: 'Estates' }).waitFor({ timeout: 10000 });
  check((await page.locator('[data-test="menu-home"]').textContent()).trim() === 'Home', 'the menu is in English');
  await page.screenshot({ path: `${shots}/04-estates-en.png` });

  // a reload of a route answers the app (SPA fallback) and keeps the session of the tab
  await page.reload({ waitUntil: 'networkidle' });
  await page.locator('[data-test="estates"] .el-table__body tr').first().waitFor({ timeout: 20000 });
  check(page.url().endsWith('/console/estates'), 'a reload of /console/estates stays on the estates page', page.url());

  // a token the API no longer knows: the next call answers 401 and the console returns to the login page
  await page.evaluate(() => sessionStorage.setItem('spm.token', 'not-a-token'));
  await page.reload({ waitUntil: 'networkidle' });
  await page.locator('[data-test="username"]').waitFor({ timeout: 20000 });
  check(page.url().includes('/console/login'), 'a 401 returns to the login page', page.url());
  await login(page, 'demo-regulator');

  // the owner: no accounts menu
  await page.locator('[data-test="logout"]').click();
  await page.locator('[data-test="username"]').waitFor({ timeout: 10000 });
  await login(page, 'demo-owner');
  check(await page.locator('[data-test="menu-accounts"]').count() === 0, 'demo-owner does not see the accounts menu');
  await page.screenshot({ path: `${shots}/05-home-owner.png` });

  const csp_violations = problems.filter(p => /Content Security Policy|Refused to/i.test(p));
  check(csp_violations.length === 0, 'no Content Security Policy violation', csp_violations.slice(0, 3).join(' | '));
  console.log(`console errors: ${problems.length}`, problems.slice(0, 5));
  await context.close();
} catch (e) {
  failures.push(String(e));
  console.log('FAIL', e);
} finally {
  await browser.close();
}
console.log(failures.length ? `${failures.length} check(s) failed` : 'all checks passed');
process.exit(failures.length ? 1 : 0);
