// The public pages (PUB-1, PUB-2, PMAP, DIS-1..6) without a session, and "me", the work tab and the tab bar per role.
const { fakeApi, problem, load, settle, text, signedIn, OWNER, COMPANY, COMMITTEE } = require('../helpers');
const gcj = require('../../src/utils/gcj02.js');

test('home shows the latest notices and opens the public pages', async () => {
  const calls = fakeApi({ 'GET /public/notices': { items: [{ id: 3, title: '12 月 8 日停水通知', urgent: true, publisherName: '横琴物业', publishedAt: '2026-12-04T02:00:00Z' }], total: 1 } });
  const page = load('pages/home/home');
  await page.instance.onLoad({});
  expect(calls[0].query).toEqual({ page: '0', size: '5' });
  expect(text(page)).toContain('紧急 12 月 8 日停水通知');
  page.querySelector('#go-disclosure').dispatchEvent('tap');
  page.querySelector('.notice-item').dispatchEvent('tap');
  await settle();
  expect(wx.__nav).toEqual([{ kind: 'navigateTo', url: '/pages/disclosure/disclosure' }, { kind: 'navigateTo', url: '/pages/publishing/detail?kind=notices&id=3' }]);
});

test('the public surface over its limit (429) says how long to wait', async () => {
  fakeApi({ 'GET /public/notices': () => ({ ...problem(429, 'problem.publicRateLimited', 'x'), header: { 'Retry-After': '30' } }) });
  const page = load('pages/home/home');
  await page.instance.onLoad({});
  expect(page.data.message).toBe('访问过于频繁，请 30 秒后再试');
});

test('policies: a page at a time with "more", then the full text', async () => {
  const calls = fakeApi({
    'GET /public/policies': req => ({ items: [{ id: Number(req.query.page) + 1, title: `条例 ${req.query.page}`, issuer: '珠海市人大常委会', docNumber: '第 1 号', summary: '摘要' }], total: 2 }),
    'GET /public/policies/1': { id: 1, title: '珠海经济特区物业管理条例', issuer: '珠海市人大常委会', fullText: '第一条 为了规范物业管理活动……' },
  });
  const list = load('pages/publishing/list');
  await list.instance.onLoad({ kind: 'policies' });
  expect(text(list)).toContain('珠海市人大常委会 · 第 1 号');
  list.querySelector('#more').dispatchEvent('tap');
  await settle();
  expect(calls[1].query.page).toBe('1');
  expect(list.data.items).toHaveLength(2);
  expect(list.querySelector('#more')).toBeFalsy();
  const detail = load('pages/publishing/detail');
  await detail.instance.onLoad({ kind: 'policies', id: '1' });
  expect(text(detail)).toContain('第一条 为了规范物业管理活动');
});

const MAP = {
  type: 'FeatureCollection', zoom: 13, clustered: false,
  features: [
    { type: 'Feature', id: 'estate-1', geometry: { type: 'Point', coordinates: [113.53, 22.13] }, properties: { kind: 'point', estateId: 1, name: '澳门新街坊' } },
    { type: 'Feature', id: 'cluster-13-9', geometry: { type: 'Point', coordinates: [113.5, 22.1] }, properties: { kind: 'cluster', count: 3, estateIds: [2, 3, 4] } },
  ],
};

test('the public map: estates in GCJ-02 for the visible region, a cluster zooms in, an estate opens its panel', async () => {
  const calls = fakeApi({
    'GET /public/map/estates': MAP,
    'GET /public/map/estates/1/panels/overview': { panel: 'overview', estateId: 1, estateName: '澳门新街坊', overview: { name: '澳门新街坊', address: '横琴新区环岛东路', companyName: '横琴物业服务有限公司', feeStandard: 3.2, buildingCount: 27, houseCount: 4000 } },
  });
  const page = load('pages/map/map');
  await page.instance.onLoad({});
  page.instance.onReady();
  expect(calls[0].query).toEqual({ bbox: '113.47,22.08,113.57,22.16', zoom: '13' });
  const estate = page.data.markers.find(m => m.id === 1);
  const expected = gcj.wgs84ToGcj02(22.13, 113.53);
  expect(estate.latitude).toBeCloseTo(expected.latitude, 12);
  expect(estate.longitude).toBeCloseTo(expected.longitude, 12);
  // moving the map asks for the new region with the new zoom
  page.instance.moved({ type: 'end' });
  await settle();
  expect(calls[1].query.zoom).toBe('15');
  expect(calls[1].query.bbox).toBe(`${gcj.gcj02ToWgs84(22.1, 113.5).longitude.toFixed(6)},${gcj.gcj02ToWgs84(22.1, 113.5).latitude.toFixed(6)},${gcj.gcj02ToWgs84(22.14, 113.55).longitude.toFixed(6)},${gcj.gcj02ToWgs84(22.14, 113.55).latitude.toFixed(6)}`);
  const cluster = page.data.markers.find(m => m.id < 0);
  await page.instance.tapMarker({ detail: { markerId: cluster.id } });
  expect(page.data.scale).toBe(15);
  await page.instance.tapMarker({ detail: { markerId: 1 } });
  await settle();
  const panel = text(page.querySelector('#map-panel'));
  expect(panel).toContain('横琴物业服务有限公司');
  expect(panel).toContain('3.2 元/㎡·月');
  expect(panel).toContain('27 · 房屋 4000');
});

test('disclosures: one tab at a time from /public/...', async () => {
  const calls = fakeApi({
    'GET /public/credit': { items: [{ companyId: 3, companyName: '横琴物业服务有限公司', grade: 'AA', score: 82, blacklisted: false }, { companyId: 4, companyName: '某物业', grade: 'C', score: 40, blacklisted: true }], total: 2 },
    'GET /public/votes': { items: [{ id: 12, title: '更换电梯', status: 'PUBLISHED', estateName: '澳门新街坊', endsAt: '2026-11-01T00:00:00Z' }], total: 1 },
    'GET /public/assessment/top10': { roundName: '2026 年第三季度', items: [{ rank: 1, companyId: 3, companyName: '横琴物业服务有限公司', score: 95.5 }] },
  });
  const page = load('pages/disclosure/disclosure');
  await page.instance.onLoad({});
  expect(text(page)).toContain('AA · 82');
  expect(text(page)).toContain('黑名单');
  page.querySelector('#tab-votes').dispatchEvent('tap');
  await settle();
  expect(text(page)).toContain('结果已公布');
  page.querySelector('#tab-top10').dispatchEvent('tap');
  await settle();
  expect(text(page)).toContain('2026 年第三季度');
  expect(text(page)).toContain('1. 横琴物业服务有限公司');
  expect(calls.map(c => c.path)).toEqual(['/public/credit', '/public/votes', '/public/assessment/top10']);
  expect(calls.every(c => !c.header.Authorization)).toBe(true);
});

test('the work tab per role, and the way to the login without a session', async () => {
  const page = load('pages/work/work');
  await page.instance.onShow();
  expect(page.querySelector('#work-login')).toBeTruthy();
  signedIn(COMPANY);
  await page.instance.onShow();
  expect(page.dom.querySelector('[data-role]').getAttribute('data-role')).toBe('COMPANY');
  expect(page.data.items.map(i => i.key)).toEqual(['repairs', 'complaints', 'reports', 'patrols', 'votes']);
  expect(text(page)).toContain('物业服务企业工作');
  page.querySelector('#work-patrols').dispatchEvent('tap');
  await settle();
  expect(wx.__nav).toEqual([{ kind: 'navigateTo', url: '/pages/cases/list?domain=patrol' }]);
});

test('the tab bar: the work tab named for the role, only with a session', async () => {
  const bar = load('custom-tab-bar/index');
  bar.instance.refresh('home');
  expect(bar.data.tabs.map(t => t.text)).toEqual(['首页', '一张图', '我的']);
  signedIn(COMMITTEE);
  bar.instance.refresh('work');
  await settle();
  expect(bar.data.tabs.map(t => t.text)).toEqual(['首页', '一张图', '业委会', '我的']);
  bar.querySelector('#tab-map').dispatchEvent('tap');
  await settle();
  expect(wx.__nav).toEqual([{ kind: 'switchTab', url: '/pages/map/map' }]);
});

test('me: the language switch (kept, texts follow) and the role bindings switch', async () => {
  signedIn(OWNER);
  const calls = fakeApi({
    'GET /auth/me/bindings': { active: 'owner:70', bindings: [{ key: 'owner:70', label: '业主 · 澳门新街坊', active: true }, { key: 'committee:1', label: '业主委员会 · 澳门新街坊', active: false }] },
    'POST /auth/me/binding': {},
    'GET /auth/me': { ...OWNER, scope: { kind: 'COMMITTEE', estateIds: [1] } },
  });
  const page = load('pages/me/me');
  await page.instance.onShow();
  expect(page.querySelector('#me-username').dom.textContent).toBe('demo-owner');
  expect(text(page)).toContain('业主委员会 · 澳门新街坊');
  page.querySelector('#lang-en').dispatchEvent('tap');
  await settle();
  expect(wx.getStorageSync('spm.locale')).toBe('en');
  expect(text(page)).toContain('Switch role');
  expect(text(page)).toContain('Sign out');
  page.instance.switchTo({ currentTarget: { dataset: { key: 'committee:1' } } });
  await settle();
  expect(calls.find(c => c.method === 'POST').data).toEqual({ key: 'committee:1' });
  expect(calls.filter(c => c.path === '/auth/me/bindings').pop().header['Accept-Language']).toBe('en');
  expect(page.data.role).toBe('COMMITTEE');
  expect(page.querySelector('#me-notice').dom.textContent).toBe('Role switched');
});

test('me without a session: the login button', async () => {
  const page = load('pages/me/me');
  await page.instance.onShow();
  page.querySelector('#me-login').dispatchEvent('tap');
  await settle();
  expect(wx.__nav).toEqual([{ kind: 'navigateTo', url: '/pages/login/login' }]);
});
