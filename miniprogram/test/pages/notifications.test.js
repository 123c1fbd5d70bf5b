// The way back from the real-name web-view (the platform's return page read through bindload), subscription messages
// (consent asked in the tap; a message opens pages/notifications/index?link=…) and the inbox.
const { fakeApi, load, settle, text, signedIn, OWNER } = require('../helpers');

test('the web-view\'s return page hands the code to pages/bind; a refusal goes back to the login with its code', async () => {
  const idp = load('pages/idp/idp');
  idp.instance.onLoad({ url: encodeURIComponent('http://localhost:8184/idp?state=1') });
  idp.instance.loaded({ detail: { src: 'http://localhost:8184/idp?state=1' } });
  expect(wx.__nav).toEqual([]);
  idp.instance.loaded({ detail: { src: 'http://localhost:8181/api/v1/auth/wechat/return?handoff=Zx_9-a' } });
  idp.instance.loaded({ detail: { src: 'http://localhost:8181/api/v1/auth/wechat/return?idpError=idp.notReal' } });
  expect(wx.__nav).toEqual([
    { kind: 'redirectTo', url: '/pages/bind/bind?handoff=Zx_9-a' },
    { kind: 'redirectTo', url: '/pages/login/login?idpError=idp.notReal' },
  ]);
  const { returned } = require('../../src/utils/handoff.js');
  expect(returned('https://other.example/api/v1/auth/wechat/return/x?handoff=1')).toBeNull();
  expect(returned('/api/v1/auth/wechat/return')).toEqual({ idpError: 'other' });
});

test('notification links open the mini program page that shows them', () => {
  const { pageOf } = require('../../src/utils/links.js');
  expect([
    '/repairs/42', '/complaints/9', '/patrols/tasks/5', '/patrols/5', '/votes/11', '/notices/3', '/me/surveys', '/survey/answer/21',
    '/assessment/rounds/2', '', null,
  ].map(pageOf)).toEqual([
    '/pages/cases/detail?domain=repair&id=42', '/pages/cases/detail?domain=complaint&id=9', '/pages/cases/detail?domain=patrol&id=5',
    '/pages/cases/detail?domain=patrol&id=5', '/pages/votes/vote?id=11', '/pages/publishing/detail?kind=notices&id=3',
    '/pages/surveys/list', '/pages/surveys/answer?id=21', '', '', '',
  ]);
});

test('a subscription message opens its case at once; the inbox marks read and opens', async () => {
  signedIn(OWNER);
  const direct = load('pages/notifications/index');
  await direct.instance.onLoad({ link: encodeURIComponent('/repairs/42') });
  expect(wx.__nav).toEqual([{ kind: 'redirectTo', url: '/pages/cases/detail?domain=repair&id=42' }]);
  wx.__nav.length = 0;
  const calls = fakeApi({
    'GET /notifications': { items: [{ id: 5, text: '您的报修 BX-2026-000042 已完成', link: '/repairs/42', createdAt: '2026-12-05T02:00:00Z', readAt: null }], total: 1 },
    'POST /notifications/5/read': {},
  });
  const page = load('pages/notifications/index');
  await page.instance.onLoad({});
  expect(text(page)).toContain('未读');
  page.querySelector('.notification').dispatchEvent('tap');
  await settle();
  expect(calls.map(c => `${c.method} ${c.path}`)).toEqual(['GET /notifications', 'POST /notifications/5/read']);
  expect(page.data.items[0].unread).toBe(false);
  expect(wx.__nav).toEqual([{ kind: 'navigateTo', url: '/pages/cases/detail?domain=repair&id=42' }]);
});

test('consent to subscription messages is asked in the tap only when templates are configured', () => {
  const config = require('../../src/config.js');
  wx.requestSubscribeMessage = jest.fn();
  const subscribe = require('../../src/utils/subscribe.js');
  config.subscribeTemplates = [];
  subscribe.ask();
  expect(wx.requestSubscribeMessage).not.toHaveBeenCalled();
  config.subscribeTemplates = ['t1', 't2', 't3', 't4'];
  subscribe.ask();
  expect(wx.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['t1', 't2', 't3']);
});

test('me: unbinding WeChat deletes the binding, signs out and goes home', async () => {
  signedIn(OWNER);
  const calls = fakeApi({ 'GET /auth/me/bindings': { bindings: [] }, 'DELETE /auth/wechat/binding': () => ({ __response: true, statusCode: 204, data: '', header: {} }), 'POST /auth/logout': {} });
  const page = load('pages/me/me');
  await page.instance.onShow();
  page.querySelector('#me-unbind').dispatchEvent('tap');
  await settle();
  expect(calls.map(c => `${c.method} ${c.path}`)).toEqual(['GET /auth/me/bindings', 'DELETE /auth/wechat/binding', 'POST /auth/logout']);
  expect(wx.getStorageSync('spm.token')).toBe('');
  expect(wx.__nav).toEqual([{ kind: 'reLaunch', url: '/pages/home/home' }]);
});

test('a message opened without a session offers the login', async () => {
  const page = load('pages/notifications/index');
  await page.instance.onLoad({ link: encodeURIComponent('/repairs/42') });
  expect(wx.__nav).toEqual([]);
  page.querySelector('#notifications-login').dispatchEvent('tap');
  await settle();
  expect(wx.__nav).toEqual([{ kind: 'navigateTo', url: '/pages/login/login' }]);
});
