// 随手拍 (SVC-PAT-1): an owner's photo report with the phone's position and photos; the company makes a patrol task of
// reports of one estate (COS-5).
const { fakeApi, problem, load, settle, text, signedIn, OWNER, COMPANY } = require('../helpers');

test('an owner reports a problem with the position (WGS 84) and a photo', async () => {
  signedIn(OWNER);
  wx.getLocation = ({ type, success }) => success({ latitude: 22.12345678, longitude: 113.5412345, type });
  const calls = fakeApi({ 'GET /estates': { items: [{ id: 1, name: '澳门新街坊' }], total: 1 }, 'POST /files': { id: 'f-1' }, 'POST /patrols/reports': { id: 3 } });
  const page = load('pages/patrols/report-form');
  await page.instance.onLoad({});
  expect(page.querySelector('#position').dom.textContent).toBe('纬度 22.12346，经度 113.54123');
  page.querySelector('#photos').querySelector('#photo-add').dispatchEvent('tap');
  await settle(10);
  page.instance.setData({ description: '5 栋门口路灯不亮', location: '5 栋门口' });
  page.querySelector('#form-send').dispatchEvent('tap');
  await settle();
  expect(calls.find(c => c.path === '/patrols/reports').data).toEqual({
    latitude: 22.12345678, longitude: 113.5412345, description: '5 栋门口路灯不亮', photos: [{ fileId: 'f-1' }], estateId: 1, location: '5 栋门口',
  });
  expect(wx.__nav).toEqual([{ kind: 'redirectTo', url: '/pages/patrols/reports?sent=1' }]);
});

test('without a position the API\'s field error shows at the position', async () => {
  signedIn(OWNER);
  wx.getLocation = ({ fail }) => fail({ errMsg: 'getLocation:fail auth deny' });
  fakeApi({ 'GET /estates': { items: [], total: 0 }, 'POST /patrols/reports': problem(400, 'validation', '请检查', [{ field: 'latitude', code: 'latitude.range', message: '位置须在横琴' }]) });
  const page = load('pages/patrols/report-form');
  await page.instance.onLoad({});
  expect(text(page)).toContain('无法取得位置');
  page.querySelector('#form-send').dispatchEvent('tap');
  await settle();
  expect(page.querySelector('#error-position').dom.textContent).toBe('位置须在横琴');
});

test('the company selects reported items and makes a patrol task of them', async () => {
  signedIn(COMPANY);
  const calls = fakeApi({
    'GET /patrols/reports': { items: [
      { id: 1, estateId: 1, status: 'REPORTED', description: '路灯不亮', reportedAt: '2026-12-04T01:00:00Z', photos: [{ fileId: 'f-1' }] },
      { id: 2, estateId: 1, status: 'REPORTED', description: '路灯闪烁', reportedAt: '2026-12-04T02:00:00Z', photos: [] },
      { id: 3, estateId: 1, status: 'TASKED', taskId: 8, description: '垃圾', reportedAt: '2026-12-01T02:00:00Z', photos: [] },
    ], total: 3 },
    'POST /patrols': { id: 9, number: 'XC-2026-000009' },
  });
  const page = load('pages/patrols/reports');
  await page.instance.onLoad({});
  expect(page.querySelector('#report-create')).toBeFalsy();
  expect(page.querySelector('#select-3')).toBeFalsy();
  page.querySelector('#select-1').dispatchEvent('tap');
  page.querySelector('#select-2').dispatchEvent('tap');
  await settle();
  expect(page.querySelector('#create-task').dom.textContent).toContain('(2)');
  page.querySelector('#create-task').dispatchEvent('tap');
  await settle();
  const post = calls.find(c => c.method === 'POST');
  expect(post.data).toEqual({ reportIds: [1, 2], title: '路灯不亮' });
  expect(post.header['Idempotency-Key']).toMatch(/-1\.2$/);
  expect(wx.__nav).toEqual([{ kind: 'navigateTo', url: '/pages/cases/detail?domain=patrol&id=9' }]);
});
