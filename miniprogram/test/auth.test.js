// The login (utils/auth.js): wx.login's code → POST /auth/wechat/session; a bound openid signs in (token kept, me read),
// an unbound one keeps the ticket; the two bindings (username/password(+TOTP), real-name handoff) send the ticket; an
// answer that needs a password change or TOTP enrolment is refused here; the real-name page's URL; role switching.
const path = require('path');
const { SRC, fakeApi, problem, OWNER } = require('./helpers');

const auth = () => require(path.join(SRC, 'utils', 'auth.js'));
const LOGIN = { token: 'tok-9', expiresAt: '2026-12-05T20:00:00Z', limited: false, mustChangePassword: false, totpEnrollmentRequired: false, username: 'demo-owner', roles: ['OWNER'] };

test('a bound openid signs in at once: the code is sent, the token kept, me read', async () => {
  const calls = fakeApi({ 'POST /auth/wechat/session': LOGIN, 'GET /auth/me': OWNER });
  const result = await auth().loginWithWechat();
  expect(calls[0].data).toEqual({ code: 'test-code' });
  expect(calls[1].header.Authorization).toBe('Bearer tok-9');
  expect(result.me.username).toBe('demo-owner');
  expect(wx.getStorageSync('spm.token')).toBe('tok-9');
  expect(wx.getStorageSync('spm.me')).toEqual(OWNER);
});

test('an unbound openid keeps the ticket and signs nobody in', async () => {
  fakeApi({ 'POST /auth/wechat/session': { bindingRequired: true, ticket: 'tk-1' } });
  expect(await auth().loginWithWechat('sim-x')).toEqual({ bindingRequired: true });
  expect(wx.getStorageSync('spm.wechat.ticket')).toBe('tk-1');
  expect(wx.getStorageSync('spm.token')).toBe('');
});

test('binding with username, password and TOTP sends the ticket, then forgets it', async () => {
  wx.setStorageSync('spm.wechat.ticket', 'tk-1');
  const calls = fakeApi({ 'POST /auth/wechat/bind': LOGIN, 'GET /auth/me': OWNER });
  await auth().bindWithPassword({ username: 'demo-committee', password: 'pw', totp: '123456' });
  expect(calls[0].data).toEqual({ ticket: 'tk-1', username: 'demo-committee', password: 'pw', totp: '123456' });
  expect(wx.getStorageSync('spm.wechat.ticket')).toBe('');
  expect(wx.getStorageSync('spm.token')).toBe('tok-9');
});

test('binding with the real-name handoff code sends ticket and handoff', async () => {
  wx.setStorageSync('spm.wechat.ticket', 'tk-2');
  const calls = fakeApi({ 'POST /auth/wechat/bind': LOGIN, 'GET /auth/me': OWNER });
  await auth().bindWithHandoff('hand-1');
  expect(calls[0].data).toEqual({ ticket: 'tk-2', handoff: 'hand-1' });
});

test('a login answer with an initial password or TOTP to enrol is refused here, no token kept', async () => {
  fakeApi({ 'POST /auth/wechat/session': { ...LOGIN, limited: true, mustChangePassword: true } });
  const error = await auth().loginWithWechat().catch(e => e);
  expect(error.limited).toBe(true);
  expect(error.message).toContain('初始密码');
  expect(wx.getStorageSync('spm.token')).toBe('');
});

test('a refused binding keeps the problem (field errors) and the ticket', async () => {
  wx.setStorageSync('spm.wechat.ticket', 'tk-3');
  fakeApi({ 'POST /auth/wechat/bind': problem(400, 'validation', '请检查', [{ field: 'password', code: 'field.required', message: '必填' }]) });
  const error = await auth().bindWithPassword({ username: 'x', password: '' }).catch(e => e);
  expect(error.fields.password).toBe('必填');
  expect(wx.getStorageSync('spm.wechat.ticket')).toBe('tk-3');
});

test('the real-name page: authorize with returnTo = the handoff page; null when the provider is not configured', async () => {
  const calls = fakeApi({ 'GET /auth/idp/gd-tyrz/authorize': { url: 'http://localhost:8184/idp/authorize?state=s1' } });
  expect(await auth().realNameUrl()).toBe('http://localhost:8184/idp/authorize?state=s1');
  expect(calls[0].query).toEqual({ returnTo: '/api/v1/auth/wechat/return' });
  fakeApi({});
  expect(await auth().realNameUrl()).toBeNull();
});

test('switching the role binding posts the key and reads me again; logout revokes and forgets', async () => {
  wx.setStorageSync('spm.token', 'tok-9');
  const calls = fakeApi({ 'POST /auth/me/binding': {}, 'GET /auth/me': { ...OWNER, scope: { kind: 'COMMITTEE' } }, 'POST /auth/logout': {} });
  const me = await auth().switchBinding('committee:1');
  expect(calls[0].data).toEqual({ key: 'committee:1' });
  expect(me.scope.kind).toBe('COMMITTEE');
  expect(wx.getStorageSync('spm.me').scope.kind).toBe('COMMITTEE');
  await auth().logout();
  expect(calls.map(c => `${c.method} ${c.path}`)).toContain('POST /auth/logout');
  expect(wx.getStorageSync('spm.token')).toBe('');
});
