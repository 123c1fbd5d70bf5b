// The login and binding pages (issue 18; OWN-1, OCS-1, COS-1) rendered with miniprogram-simulate.
const { fakeApi, problem, load, settle, text, OWNER } = require('../helpers');

const LOGIN = { token: 'tok-1', limited: false, mustChangePassword: false, totpEnrollmentRequired: false, username: 'demo-owner', roles: ['OWNER'] };

test('WeChat login of a bound openid goes to the work tab', async () => {
  fakeApi({ 'POST /auth/wechat/session': LOGIN, 'GET /auth/me': OWNER });
  const page = load('pages/login/login');
  page.instance.onLoad({});
  page.querySelector('#login-wechat').dispatchEvent('tap');
  await settle();
  expect(wx.__nav).toEqual([{ kind: 'reLaunch', url: '/pages/work/work' }]);
  expect(wx.getStorageSync('spm.token')).toBe('tok-1');
});

test('an unbound openid shows both ways to bind; the staff binding shows the field messages', async () => {
  fakeApi({
    'POST /auth/wechat/session': { bindingRequired: true, ticket: 'tk-1' },
    'POST /auth/wechat/bind': problem(400, 'validation', '请检查填写的内容', [{ field: 'password', code: 'field.required', message: '密码必填' }]),
  });
  const page = load('pages/login/login');
  page.instance.onLoad({});
  page.querySelector('#login-wechat').dispatchEvent('tap');
  await settle();
  expect(page.data.step).toBe('bind');
  expect(text(page)).toContain('广东省统一身份认证');
  expect(text(page)).toContain('此微信尚未绑定平台账号');
  page.instance.setData({ username: 'demo-committee', password: '' });
  page.querySelector('#login-bind').dispatchEvent('tap');
  await settle();
  expect(text(page)).toContain('密码必填');
  expect(page.querySelector('#login-message').dom.textContent).toBe('请检查填写的内容');
  expect(wx.__nav).toEqual([]);
});

test('an account with TOTP asks for the code, then binds with it', async () => {
  wx.setStorageSync('spm.wechat.ticket', 'tk-1');
  let tries = 0;
  const calls = fakeApi({
    'POST /auth/wechat/bind': () => (++tries === 1 ? problem(401, 'auth.totpRequired', '需要动态口令') : LOGIN),
    'GET /auth/me': OWNER,
  });
  const page = load('pages/login/login');
  page.instance.onLoad({});
  expect(page.data.step).toBe('bind');
  page.instance.setData({ username: 'demo-company', password: 'pw' });
  page.querySelector('#login-bind').dispatchEvent('tap');
  await settle();
  expect(page.data.needTotp).toBe(true);
  expect(page.querySelector('#login-totp')).toBeTruthy();
  page.instance.setData({ totp: '654321' });
  page.querySelector('#login-bind').dispatchEvent('tap');
  await settle();
  expect(calls.filter(c => c.path === '/auth/wechat/bind')[1].data).toEqual({ ticket: 'tk-1', username: 'demo-company', password: 'pw', totp: '654321' });
  expect(wx.__nav).toEqual([{ kind: 'reLaunch', url: '/pages/work/work' }]);
});

test('the real-name binding opens the provider in the web-view page', async () => {
  wx.setStorageSync('spm.wechat.ticket', 'tk-1');
  fakeApi({ 'GET /auth/idp/gd-tyrz/authorize': { url: 'https://idp.example/authorize?state=s' } });
  const page = load('pages/login/login');
  page.instance.onLoad({});
  page.querySelector('#login-realname').dispatchEvent('tap');
  await settle();
  expect(wx.__nav).toEqual([{ kind: 'navigateTo', url: `/pages/idp/idp?url=${encodeURIComponent('https://idp.example/authorize?state=s')}` }]);
  const idp = load('pages/idp/idp');
  idp.instance.onLoad({ url: encodeURIComponent('https://idp.example/authorize?state=s') });
  expect(idp.data.src).toBe('https://idp.example/authorize?state=s');
  idp.instance.onLoad({ url: 'javascript:alert(1)' });
  expect(idp.data.src).toBe('');
});

test('a refusal of the identity provider (?idpError=) is explained in the UI language', async () => {
  wx.setStorageSync('spm.locale', 'en');
  const page = load('pages/login/login');
  page.instance.onLoad({ idpError: 'idp.notReal' });
  expect(page.data.message).toContain('has not verified its real name');
  page.instance.onLoad({ idpError: '<script>' });
  expect(page.data.message).toBe('The unified identity sign-in did not complete; try again');
});

test('the bind page redeems the handoff with the kept ticket', async () => {
  wx.setStorageSync('spm.wechat.ticket', 'tk-7');
  const calls = fakeApi({ 'POST /auth/wechat/bind': LOGIN, 'GET /auth/me': OWNER });
  const page = load('pages/bind/bind');
  await page.instance.onLoad({ handoff: 'code-abc' });
  expect(calls[0].data).toEqual({ ticket: 'tk-7', handoff: 'code-abc' });
  expect(wx.__nav).toEqual([{ kind: 'reLaunch', url: '/pages/work/work' }]);
});

test('without a ticket the bind page logs in with WeChat first for a fresh one; an expired code is shown', async () => {
  const calls = fakeApi({
    'POST /auth/wechat/session': { bindingRequired: true, ticket: 'tk-new' },
    'POST /auth/wechat/bind': problem(400, 'idp.handoff', '认证结果已失效，请重新认证', [{ field: 'handoff', code: 'idp.handoff', message: '已失效' }]),
  });
  const page = load('pages/bind/bind');
  await page.instance.onLoad({ handoff: 'old' });
  expect(calls[1].data).toEqual({ ticket: 'tk-new', handoff: 'old' });
  expect(page.querySelector('#bind-message').dom.textContent).toBe('认证结果已失效，请重新认证; 已失效');
  page.querySelector('#bind-back').dispatchEvent('tap');
  await settle();
  expect(wx.__nav).toEqual([{ kind: 'redirectTo', url: '/pages/login/login' }]);
});
