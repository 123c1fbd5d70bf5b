// Issue 13 item 2 and 4: each role sees only its menus (from its permissions) and cannot open another's page by URL;
// each role's home page (counts, deadlines, notices from its scope); the session that ends while someone works keeps
// their work (re-login dialog, the call repeated); axe-core on the shell's pages.
const MENUS = {
  // must see / must not see (menu keys = data-test="menu-<key>")
  'demo-regulator': { see: ['home', 'estates', 'companies', 'committees', 'complaints', 'repairs', 'deadlines'], not: ['accounts', 'audit', 'network'] },
  'demo-officer': { see: ['home', 'estates', 'complaints'], not: ['accounts', 'audit', 'network'] },
  'demo-company': { see: ['home', 'complaints', 'repairs'], not: ['accounts', 'audit', 'network'] },
  'demo-committee': { see: ['home', 'complaints'], not: ['accounts', 'audit', 'network'] },
  'demo-owner': { see: ['home'], not: ['accounts', 'audit', 'network', 'companies'] },
  'demo-ops': { see: ['home', 'network', 'health'], not: ['accounts', 'audit', 'complaints', 'estates'] },
  'demo-sysadmin': { see: ['home', 'accounts'], not: ['audit', 'complaints', 'estates'] },
  'demo-auditor': { see: ['home', 'audit'], not: ['accounts', 'complaints', 'estates', 'network'] },
};

async function menuKeys(page) {
  return page.locator('[data-test^="menu-"]').evaluateAll(els => els.map(e => e.dataset.test.slice(5)).filter(k => k !== ''));
}

export default async function (t) {
  for (const [user, { see, not }] of Object.entries(MENUS)) {
    // the login form itself is exercised by the other suites: here the session is the account's token in the tab
    const token = await t.token(user);
    const page = await t.newPage();
    await page.addInitScript(value => sessionStorage.setItem('spm.token', value), token);
    await page.goto(t.console + '/', { waitUntil: 'domcontentloaded' });
    await page.locator('[data-test="menu-home"]').waitFor({ timeout: 20000 });
    const keys = await menuKeys(page);
    const missing = see.filter(k => !keys.includes(k));
    const extra = not.filter(k => keys.includes(k));
    t.check(!missing.length && !extra.length, `${user} sees its menus only`, `menu ${keys.join(',')}; missing ${missing.join(',')}; not allowed but shown ${extra.join(',')}`);
    // a page of another role by URL goes back home
    const forbidden = not.find(k => k !== 'home');
    if (forbidden) {
      await page.goto(`${t.console}/${forbidden}`, { waitUntil: 'domcontentloaded' });
      await page.locator('[data-test="welcome"]').waitFor({ timeout: 20000 });
      t.check(new URL(page.url()).pathname === '/console/', `${user} opening /console/${forbidden} by URL lands on the home page`, page.url());
    }
    await page.locator('[data-test="welcome"]').waitFor({ timeout: 20000 });
    await page.waitForLoadState('networkidle');
    await t.shot(page, `16-home-${user.replace('demo-', '')}`);
    if (user === 'demo-regulator') {
      const overdue = Number(await page.locator('[data-test="stat-overdue"]').textContent());
      const rows = await page.locator('[data-test="home-overdue"] .el-table__body tr').count();
      t.check(overdue > 0 && rows === Math.min(5, overdue), 'the regulator home page counts the overdue items and lists the first 5', `${overdue} overdue, ${rows} rows`);
      const values = (await page.locator('[data-test="status-chart"]').getAttribute('data-values')).split(',').map(Number);
      t.check(values.length === 8 && values.reduce((a, b) => a + b, 0) > 0, 'the complaints-per-status chart has its 8 bars', values.join(','));
      const notices = (await t.call(await t.token('demo-regulator'), '/notifications?size=5')).body.total;
      const shown = await page.locator('[data-test="home-notices"] li a').count();
      t.check(shown === Math.min(5, notices), 'the regulator home page shows the latest notices (at most 5)', `${shown} of ${notices}`);
      await t.axe(page, 'the home page');
    }
    if (user === 'demo-owner') {
      t.check(await page.locator('[data-test="stat-overdue"]').count() === 0, 'the owner home page has no deadline monitoring (no deadline:monitor)');
    }
    await page.context().close();
  }

  // the session ends while the regulator types: the dialog asks the password, the page and the input stay, the call is repeated
  const page = await t.newPage();
  await page.goto(t.console + '/estates', { waitUntil: 'domcontentloaded' });
  await page.locator('[data-test="username"]').waitFor({ timeout: 20000 });
  await t.axe(page, 'the login page');
  await t.consoleLogin(page, 'demo-regulator');
  await page.locator('[data-test="estates"] .el-table__body tr').first().waitFor({ timeout: 20000 });
  await t.axe(page, 'the estates list');
  const token = await page.evaluate(() => sessionStorage.getItem('spm.token'));
  const out = await t.call(token, '/auth/logout', { method: 'POST' });
  t.check(out.status === 204 || out.status === 200, 'the session is ended from outside (POST /auth/logout)', String(out.status));
  await page.locator('input[data-test="estate-search"]').fill('澳门');
  await page.locator('input[data-test="estate-search"]').press('Enter');
  await page.locator('input[data-test="relogin-password"]').waitFor({ timeout: 20000 });
  t.check(new URL(page.url()).pathname === '/console/estates', 'the re-login dialog opens over the estates page', page.url());
  await t.shot(page, '17-relogin');
  const repeated = page.waitForResponse(r => r.url().includes('/api/v1/estates?') && r.status() === 200);
  await page.locator('input[data-test="relogin-password"]').fill(t.password);
  await page.locator('[data-test="relogin-submit"]').click();
  const answer = await repeated;
  t.check(new URL(answer.url()).searchParams.get('name') === '澳门', 'after the re-login the search is repeated with the typed text', answer.url());
  t.check(await page.locator('input[data-test="estate-search"]').inputValue() === '澳门', 'the typed text is still in the field');
  const gone = await page.locator('input[data-test="relogin-password"]').waitFor({ state: 'hidden', timeout: 10000 }).then(() => true, () => false);
  t.check(gone, 'the dialog is gone');
  await page.context().close();
}
