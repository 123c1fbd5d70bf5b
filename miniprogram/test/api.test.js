// The request module (utils/api.js): the token kept in storage and sent as the bearer, the UI language as
// Accept-Language, problem+json → ApiError with the field messages, 401 → the session ends and the login page opens
// (never for the login calls themselves), the network failure, 429 with Retry-After, the photo upload as the raw body.
const path = require('path');
const { SRC, fakeApi, problem } = require('./helpers');

const api = () => require(path.join(SRC, 'utils', 'api.js'));

test('a call carries the stored token, the language and the JSON body; the answer is the JSON', async () => {
  wx.setStorageSync('spm.token', 'abc');
  wx.setStorageSync('spm.locale', 'en');
  const calls = fakeApi({ 'POST /repairs': req => ({ id: 5, echo: req.data }) });
  const answer = await api().request('/repairs', { method: 'POST', data: { description: '漏水' }, header: { 'Idempotency-Key': 'k1' } });
  expect(answer).toEqual({ id: 5, echo: { description: '漏水' } });
  expect(calls[0].header).toMatchObject({ Authorization: 'Bearer abc', 'Accept-Language': 'en', 'Content-Type': 'application/json', 'Idempotency-Key': 'k1' });
  expect(wx.__requests[0].url).toBe('http://localhost:8181/api/v1/repairs');
});

test('without a token no Authorization header; empty query values are left out; a page asks page and size', async () => {
  const calls = fakeApi({ 'GET /public/notices': { items: [], total: 0 } });
  await api().page('/public/notices', { size: 5, category: '', estateId: null, q: '水 电' });
  expect(calls[0].header.Authorization).toBeUndefined();
  expect(calls[0].query).toEqual({ page: '0', size: '5', q: '水 电' });
});

test('problem+json becomes an ApiError with detail, code and field messages', async () => {
  fakeApi({ 'POST /repairs': problem(400, 'validation', '请检查填写的内容', [
    { field: 'description', code: 'field.required', message: '必填' }, { field: 'photos[0].fileId', code: 'photos.notImage', message: '只能是照片' },
  ]) });
  const error = await api().request('/repairs', { method: 'POST', data: {} }).catch(e => e);
  expect(error).toBeInstanceOf(api().ApiError);
  expect(error.status).toBe(400);
  expect(error.code).toBe('validation');
  expect(error.message).toBe('请检查填写的内容');
  expect(error.fields).toEqual({ description: '必填', 'photos[0].fileId': '只能是照片' });
  expect(api().problemText(error, ['description'])).toBe('请检查填写的内容; 只能是照片');
});

test('401 on an ordinary call ends the session and opens the login page', async () => {
  wx.setStorageSync('spm.token', 'old');
  wx.setStorageSync('spm.me', { username: 'demo-owner' });
  fakeApi({ 'GET /auth/me': problem(401, 'auth.expired', '登录已过期') });
  const error = await api().request('/auth/me').catch(e => e);
  expect(error.status).toBe(401);
  expect(wx.getStorageSync('spm.token')).toBe('');
  expect(wx.getStorageSync('spm.me')).toBe('');
  expect(wx.__nav).toEqual([{ kind: 'reLaunch', url: '/pages/login/login' }]);
});

test('401 of a login call (wrong password) keeps the page and the ticket', async () => {
  wx.setStorageSync('spm.wechat.ticket', 't1');
  fakeApi({ 'POST /auth/wechat/bind': problem(401, 'auth.invalid', '账号或密码错误') });
  const error = await api().request('/auth/wechat/bind', { method: 'POST', data: {} }).catch(e => e);
  expect(error.code).toBe('auth.invalid');
  expect(wx.__nav).toEqual([]);
  expect(wx.getStorageSync('spm.wechat.ticket')).toBe('t1');
});

test('the handler of a 401 can be replaced (the contract script has no pages)', async () => {
  const seen = [];
  const m = api();
  m.setUnauthorizedHandler(e => seen.push(e.code));
  fakeApi({ 'GET /votes': problem(401, 'auth.required', '请先登录') });
  await m.request('/votes').catch(() => {});
  expect(seen).toEqual(['auth.required']);
  expect(wx.__nav).toEqual([]);
});

test('a network failure is an ApiError with status 0 and the texts of the UI language', async () => {
  wx.__fake = () => ({ fail: true });
  const error = await api().request('/public/notices').catch(e => e);
  expect(error.status).toBe(0);
  expect(error.message).toBe('无法连接平台，请检查网络后重试');
});

test('429 of the public surface keeps Retry-After; 204 answers null', async () => {
  fakeApi({
    'GET /public/credit': () => ({ ...problem(429, 'problem.publicRateLimited', 'too many'), header: { 'retry-after': '17', 'Content-Type': 'application/problem+json' } }),
    'POST /notifications/read': () => ({ __response: true, statusCode: 204, data: '', header: {} }),
  });
  const error = await api().request('/public/credit').catch(e => e);
  expect(error.retryAfter).toBe(17);
  expect(await api().request('/notifications/read', { method: 'POST', data: {} })).toBeNull();
});

test('a photo is uploaded as the request body (POST /files?name=), not as multipart', async () => {
  wx.setStorageSync('spm.token', 'abc');
  const calls = fakeApi({ 'POST /files': { id: 'f-1', name: 'photo1.jpg', contentType: 'image/jpeg' } });
  const file = await api().upload('wxfile://tmp/photo1.jpg');
  expect(file.id).toBe('f-1');
  expect(calls[0].query).toEqual({ name: 'photo1.jpg' });
  expect(calls[0].header['Content-Type']).toBe('image/jpeg');
  expect(wx.__requests[0].data).toBeInstanceOf(ArrayBuffer);
  const png = fakeApi({ 'POST /files': { id: 'f-2' } });
  await api().upload('http://tmp/a b.PNG');
  expect(png[0].header['Content-Type']).toBe('image/png');
  expect(png[0].query.name).toBe('a_b.PNG');
});

test('a thumbnail is downloaded with the bearer token; a failure gives an empty path', async () => {
  wx.setStorageSync('spm.token', 'abc');
  let seen;
  wx.downloadFile = o => { seen = o; o.success({ statusCode: 200, tempFilePath: 'wxfile://t.jpg' }); };
  expect(await api().download('/files/f-1/thumbnail')).toBe('wxfile://t.jpg');
  expect(seen.header.Authorization).toBe('Bearer abc');
  expect(seen.url).toBe('http://localhost:8181/api/v1/files/f-1/thumbnail');
  wx.downloadFile = o => o.success({ statusCode: 404 });
  expect(await api().download('/files/x/thumbnail')).toBe('');
});

test('idempotency keys differ', () => {
  const keys = new Set(Array.from({ length: 50 }, () => api().idempotencyKey()));
  expect(keys.size).toBe(50);
});

test('a 401 whose handler signs in again repeats the call once with the new token', async () => {
  wx.setStorageSync('spm.token', 'old');
  const m = api();
  m.setUnauthorizedHandler(async () => { wx.setStorageSync('spm.token', 'new'); return true; });
  const calls = fakeApi({ 'GET /repairs': req => (req.header.Authorization === 'Bearer new' ? { items: [1], total: 1 } : problem(401, 'auth.expired', '登录已过期')) });
  expect(await m.request('/repairs')).toEqual({ items: [1], total: 1 });
  expect(calls.map(c => c.header.Authorization)).toEqual(['Bearer old', 'Bearer new']);
  // the repeated call meeting a 401 again fails without asking a second time
  let asked = 0;
  m.setUnauthorizedHandler(async () => { asked++; wx.setStorageSync('spm.token', 'bad'); return true; });
  fakeApi({ 'GET /repairs': problem(401, 'auth.expired', '登录已过期') });
  const error = await m.request('/repairs').catch(e => e);
  expect(error.status).toBe(401);
  expect(asked).toBe(1);
  expect(wx.getStorageSync('spm.token')).toBe('');
});

test('app.js: an ended session signs in again silently through WeChat when the openid is bound, else the login page', async () => {
  let app;
  global.App = def => { app = def; };
  const LOGIN = { token: 'tok-2', limited: false, mustChangePassword: false, totpEnrollmentRequired: false, username: 'demo-owner', roles: ['OWNER'] };
  require('../src/app.js');
  wx.setStorageSync('spm.token', 'old');
  wx.setStorageSync('spm.me', { username: 'demo-owner' });
  app.onLaunch.call(app);
  let bound = true;
  const calls = fakeApi({
    'GET /votes': req => (req.header.Authorization === 'Bearer tok-2' ? { items: [], total: 0 } : problem(401, 'auth.expired', '登录已过期')),
    'POST /auth/wechat/session': () => (bound ? LOGIN : { bindingRequired: true, ticket: 't' }),
    'GET /auth/me': { username: 'demo-owner', permissions: [] },
  });
  const a = require('../src/utils/api.js');
  expect(await a.request('/votes')).toEqual({ items: [], total: 0 });
  expect(calls.map(c => `${c.method} ${c.path}`)).toEqual(['GET /votes', 'POST /auth/wechat/session', 'GET /auth/me', 'GET /votes']);
  expect(wx.__nav).toEqual([]);
  bound = false;
  wx.setStorageSync('spm.token', 'old-again');
  const error = await a.request('/votes').catch(e => e);
  expect(error.status).toBe(401);
  expect(wx.__nav).toEqual([{ kind: 'reLaunch', url: '/pages/login/login' }]);
});
