// The console's shell: security headers of /console/, login, the menu of the permissions, the estates list paged from
// the API, the language switch, reload of a route, a dead token back to the login page, the owner's menu.
export default async function (t) {

  const page = await t.newPage({ viewport: { width: 1280, height: 800 } });

  // the headers of /console/
  const response = await page.goto(t.console + '/', { waitUntil: 'networkidle' });
  const h = response.headers();
  const csp = h['content-security-policy'] || '';
  const scriptSrc = (csp.split(';').find(d => d.trim().startsWith('script-src')) || '').trim();
  t.check(response.status() === 200, 'GET /console/ answers 200', String(response.status()));
  t.check(scriptSrc === "script-src 'self'", 'CSP allows scripts from the platform only', csp);
  t.check(csp.includes("frame-ancestors 'none'"), 'CSP denies framing');
  t.check(h['x-frame-options'] === 'DENY' && h['x-content-type-options'] === 'nosniff', 'X-Frame-Options DENY, nosniff');
  t.check((h['cache-control'] || '').includes('no-cache'), 'index.html is revalidated', h['cache-control']);

  // the regulator: login, menu by permission, estates paged from the API
  await page.locator('[data-test="username"]').waitFor({ timeout: 20000 });
  t.check(page.url().endsWith('/console/login'), 'without a token the console shows the login page', page.url());
  await page.screenshot({ path: `${t.shots}/01-login.png` });
  await t.consoleLogin(page, 'demo-regulator');
  t.check(await page.locator('[data-test="menu-estates"]').isVisible(), 'demo-regulator sees the estates menu');
  t.check((await page.locator('[data-test="welcome"]').textContent()).includes('demo-regulator'), 'home page names the account');
  await page.screenshot({ path: `${t.shots}/02-home-regulator.png` });
  const firstPage = page.waitForResponse(r => r.url().includes('/api/v1/estates?'));
  await page.locator('[data-test="menu-estates"]').click();
  const estates = await firstPage;
  t.check(/[?&]page=0/.test(estates.url()) && /[?&]size=20/.test(estates.url()), 'the estates list asks one page', estates.url());
  await page.locator('[data-test="estates"] .el-table__body tr').first().waitFor({ timeout: 20000 });
  const rows = await page.locator('[data-test="estates"] .el-table__body tr').count();
  const total = (await estates.json()).total;
  t.check(rows > 0 && rows <= 20 && total >= rows, 'the estates table shows rows of one page', `${rows} rows of ${total}`);
  t.check(estates.request().headers()['accept-language'] === 'zh-CN', 'the API is asked in zh-CN by default');
  await page.screenshot({ path: `${t.shots}/03-estates-zh-CN.png` });
  if (total > 20) {
    const second = page.waitForResponse(r => r.url().includes('/api/v1/estates?') && /[?&]page=1(&|$)/.test(r.url()));
    await page.locator('[data-test="pager"] .el-pager li', { hasText: /^2$/ }).click();
    await second;
    await page.waitForFunction(n => document.querySelectorAll('[data-test="estates"] .el-table__body tr').length === n,
      Math.min(20, total - 20), { timeout: 10000 });
    t.check(true, 'page 2 of the pagination asks the API for page=1 and shows its rows');
    const first = page.waitForResponse(r => r.url().includes('/api/v1/estates?') && /[?&]page=0(&|$)/.test(r.url()));
    await page.locator('[data-test="pager"] .btn-prev').click();
    await first;
  }

  // language switch: English labels and Accept-Language: en on the next calls
  const again = page.waitForRequest(r => r.url().includes('/api/v1/estates?'));
  await page.locator('.el-header .spm-lang').click();
  await page.locator('.el-select-dropdown__item', { hasText: 'English' }).click();
  const english = await again;
  t.check(english.headers()['accept-language'] === 'en', 'after the switch the API is asked in English', english.headers()['accept-language']);
  await page.locator('[data-test="menu-estates"]', { hasText: 'Estates' }).waitFor({ timeout: 10000 });
  t.check((await page.locator('[data-test="menu-home"]').textContent()).trim() === 'Home', 'the menu is in English');
  await page.screenshot({ path: `${t.shots}/04-estates-en.png` });

  // a reload of a route answers the app (SPA fallback) and keeps the session of the tab
  await page.reload({ waitUntil: 'networkidle' });
  await page.locator('[data-test="estates"] .el-table__body tr').first().waitFor({ timeout: 20000 });
  t.check(page.url().endsWith('/console/estates'), 'a reload of /console/estates stays on the estates page', page.url());

  // a token the API no longer knows: the next call answers 401 and the console returns to the login page
  await page.evaluate(() => sessionStorage.setItem('spm.token', 'not-a-token'));
  await page.reload({ waitUntil: 'networkidle' });
  await page.locator('[data-test="username"]').waitFor({ timeout: 20000 });
  t.check(page.url().includes('/console/login'), 'a 401 returns to the login page', page.url());
  await t.consoleLogin(page, 'demo-regulator');

  // the owner: no accounts menu
  await page.locator('[data-test="logout"]').click();
  await page.locator('[data-test="username"]').waitFor({ timeout: 10000 });
  await t.consoleLogin(page, 'demo-owner');
  t.check(await page.locator('[data-test="menu-accounts"]').count() === 0, 'demo-owner does not see the accounts menu');
  await page.screenshot({ path: `${t.shots}/05-home-owner.png` });

  await page.context().close();
}
