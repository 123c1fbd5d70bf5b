// Issue 13 item 2: the provincial real-name login buttons of the browser apps, through the simulators of the dev profile.
// The console's 粤政易 button (gd-zwy): zwy-officer lands back in the console as demo-officer (its linked account), the
// handoff code of the way back works once and no token is in any address; zwy-unbound lands back on the login page with
// the text of idp.notLinked. The portal's 广东省统一身份认证 button (gd-tyrz): 陈志明 lands on the portal logged in.
export default async function (t) {
  /** Every address the page's frames went to (the way through the provider and back). */
  function track(page) {
    const urls = [];
    page.on('framenavigated', frame => urls.push(frame.url()));
    page.on('request', r => { if (r.isNavigationRequest()) urls.push(r.url()); });
    return urls;
  }

  // --- console: 粤政易 as zwy-officer → demo-officer
  const page = await t.newPage();
  const urls = track(page);
  await page.goto(t.console + '/login', { waitUntil: 'networkidle' });
  const zwy = page.locator('[data-test="login-zwy"]');
  await zwy.waitFor({ timeout: 20000 });
  t.check((await zwy.textContent()).trim() === '粤政易登录', 'the console login page has the 粤政易 button', await zwy.textContent());
  const authorize = page.waitForResponse(r => r.url().includes('/api/v1/auth/idp/gd-zwy/authorize'));
  await zwy.click();
  const authorized = await authorize;
  t.check(authorized.ok() && new URL(authorized.url()).searchParams.get('returnTo') === '/console/login',
    'the button asks authorize for gd-zwy with returnTo=/console/login', `${authorized.status()} ${authorized.url()}`);
  await page.locator('a#zwy-officer').waitFor({ timeout: 20000 });
  t.check(page.url().includes('/connect/oauth2/authorize'), 'the browser is on the 粤政易 (simulator) page', page.url());
  await t.shot(page, '12-realname-zwy-simulator');
  const handoff = page.waitForRequest(r => r.url().endsWith('/api/v1/auth/idp/handoff') && r.method() === 'POST', { timeout: 30000 });
  await page.locator('a#zwy-officer').click();
  const handoffRequest = await handoff;
  const code = JSON.parse(handoffRequest.postData() || '{}').code;
  await page.locator('[data-test="menu-home"]').waitFor({ timeout: 30000 });
  t.check(true, 'back in the console, logged in: the menu is shown');
  await page.locator('[data-test="welcome"]').waitFor({ timeout: 20000 });
  t.check((await page.locator('[data-test="welcome"]').textContent()).includes('demo-officer'), 'the home page names demo-officer',
    await page.locator('[data-test="welcome"]').textContent());
  t.check(!page.url().includes('handoff='), 'the handoff code is gone from the address', page.url());
  const token = await page.evaluate(() => sessionStorage.getItem('spm.token'));
  const me = await t.call(token, '/auth/me');
  t.check(me.status === 200 && me.body.username === 'demo-officer', 'whoami: the session of the tab is demo-officer', JSON.stringify(me.body).slice(0, 200));
  t.check(urls.some(u => u.includes('/console/login?handoff=')), 'the callback sent the browser back to /console/login?handoff=…',
    urls.filter(u => u.includes('/console/')).join(' '));
  t.check(!!token && !urls.some(u => u.includes(token)), 'no token in any address of the way', `${urls.length} addresses`);
  const reused = await t.call(null, '/auth/idp/handoff', { method: 'POST', body: { code } });
  t.check(typeof code === 'string' && code.length === 43 && reused.status === 400
    && (reused.body.errors || []).some(e => e.field === 'code' && e.code === 'idp.handoff'),
  'the handoff code works once: a second POST /auth/idp/handoff is 400 idp.handoff', `${reused.status} ${JSON.stringify(reused.body).slice(0, 200)}`);
  await t.shot(page, '12-realname-zwy-officer-home');
  await page.context().close();

  // --- console: zwy-unbound → back on the login page with the text of idp.notLinked
  const refused = await t.newPage();
  const refusedUrls = track(refused);
  await refused.goto(t.console + '/login', { waitUntil: 'networkidle' });
  await refused.locator('[data-test="login-zwy"]').click();
  await refused.locator('a#zwy-unbound').waitFor({ timeout: 20000 });
  await refused.locator('a#zwy-unbound').click();
  const message = refused.locator('[data-test="login-message"]');
  await message.waitFor({ timeout: 30000 });
  const text = (await message.textContent()).trim();
  t.check(text.includes('该粤政易账号尚未关联本平台的工作人员账号'), 'zwy-unbound lands back on the login page with the idp.notLinked text', text);
  t.check(refusedUrls.some(u => u.includes('/console/login?idpError=idp.notLinked')), 'the callback sent the browser back with idpError=idp.notLinked',
    refusedUrls.filter(u => u.includes('/console/')).join(' '));
  await refused.waitForURL(u => !u.search.includes('idpError'), { timeout: 10000 });
  t.check(await refused.locator('[data-test="username"]').isVisible(), 'the password form is still there');
  t.check(await refused.evaluate(() => sessionStorage.getItem('spm.token')) === null, 'no session for zwy-unbound');
  await t.shot(refused, '12-realname-zwy-unbound');
  await refused.context().close();

  // --- portal: 广东省统一身份认证 as 陈志明
  const portal = await t.newPage({ viewport: { width: 1280, height: 800 } });
  const portalUrls = track(portal);
  await portal.goto(t.portal + '/login', { waitUntil: 'networkidle' });
  const tyrz = portal.locator('[data-test="login-tyrz"]');
  await tyrz.waitFor({ timeout: 20000 });
  t.check((await tyrz.textContent()).trim() === '广东省统一身份认证登录', 'the portal login page has the 广东省统一身份认证 button', await tyrz.textContent());
  await tyrz.click();
  const chen = portal.locator('a', { hasText: '陈志明' });
  await chen.waitFor({ timeout: 20000 });
  t.check(portal.url().includes('/sso/connect/page/oauth2/authorize'), 'the browser is on the provincial (simulator) login page', portal.url());
  await chen.click();
  await portal.locator('[data-test="logout"]').waitFor({ timeout: 30000 });
  t.check(true, 'back on the portal, logged in: the logout button is shown');
  const portalToken = await portal.evaluate(() => sessionStorage.getItem('spm.portal.token'));
  const portalMe = await t.call(portalToken, '/auth/me');
  t.check(portalMe.status === 200 && portalMe.body.username === 'gd-tyrz:gdsim-mainland', 'whoami: the portal session is 陈志明 (gd-tyrz:gdsim-mainland)',
    JSON.stringify(portalMe.body).slice(0, 200));
  // the portal replaces the /login?handoff=… address once the session is stored: wait for it rather than read it at once
  await portal.waitForURL(u => !u.pathname.startsWith('/login') && !u.search.includes('handoff='), { timeout: 15000 }).catch(() => {});
  t.check(!new URL(portal.url()).pathname.startsWith('/login') && !portal.url().includes('handoff='), 'the portal left the login page for an own page',
    portal.url());
  t.check(portalUrls.some(u => /\/login\?handoff=/.test(u)) && !portalUrls.some(u => u.includes(portalToken)),
    'the portal got a handoff code on /login, never the token in an address', portalUrls.filter(u => u.includes('/login')).join(' '));
  await t.shot(portal, '12-realname-portal-tyrz');
  await portal.context().close();
}
