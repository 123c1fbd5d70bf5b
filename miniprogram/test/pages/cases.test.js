// Repairs and complaints with photos and progress (OWN-4, OWN-5) and the company's and committee's lists and steps
// (COS-5..7, OCS-7/8), rendered with miniprogram-simulate.
const { fakeApi, problem, load, settle, text, signedIn, OWNER, COMPANY, COMMITTEE } = require('../helpers');

const ESTATES = { items: [{ id: 1, name: '澳门新街坊', companyId: 3 }], total: 1 };
const HOUSES = { items: [{ unitCode: '440404001001GB00001F00010001', roomNo: '1-101', owners: [] }], total: 1 };

test('an owner files a repair with two photos: uploaded first, then POST /repairs naming them', async () => {
  signedIn(OWNER);
  let uploads = 0;
  const calls = fakeApi({
    'GET /estates': ESTATES, 'GET /estates/1/houses': HOUSES,
    'POST /files': () => ({ id: `f-${++uploads}`, name: 'p.jpg' }),
    'POST /repairs': req => ({ id: 42, number: 'BX-2026-000042', ...req.data }),
  });
  wx.chooseMedia = ({ success }) => success({ tempFiles: [{ tempFilePath: 'wxfile://tmp/a.jpg' }, { tempFilePath: 'wxfile://tmp/b.png' }] });
  const page = load('pages/cases/repair-form');
  await page.instance.onLoad({});
  expect(text(page)).toContain('澳门新街坊 · 1-101');
  const picker = page.querySelector('#photos');
  picker.querySelector('#photo-add').dispatchEvent('tap');
  await settle(10);
  expect(uploads).toBe(2);
  expect(calls.filter(c => c.path === '/files').map(c => c.header['Content-Type'])).toEqual(['image/jpeg', 'image/png']);
  page.instance.setData({ description: '厨房水管漏水' });
  page.querySelector('#form-send').dispatchEvent('tap');
  await settle();
  const post = calls.find(c => c.method === 'POST' && c.path === '/repairs');
  expect(post.data).toEqual({ category: 'NORMAL', description: '厨房水管漏水', photos: [{ fileId: 'f-1' }, { fileId: 'f-2' }], unitCode: '440404001001GB00001F00010001' });
  expect(post.header['Idempotency-Key']).toMatch(/^mp-/);
  expect(wx.__nav).toEqual([{ kind: 'redirectTo', url: '/pages/cases/detail?domain=repair&id=42' }]);
});

test('the repair form shows the API field errors next to the fields, the rest above', async () => {
  signedIn(OWNER);
  fakeApi({
    'GET /estates': ESTATES, 'GET /estates/1/houses': HOUSES,
    'POST /repairs': problem(400, 'validation', '请检查填写的内容', [
      { field: 'description', code: 'field.required', message: '请填写报修内容' }, { field: 'photos[0].fileId', code: 'photos.notImage', message: '只能上传照片' }]),
  });
  const page = load('pages/cases/repair-form');
  await page.instance.onLoad({});
  page.querySelector('#target-common').dispatchEvent('tap');
  await settle();
  expect(page.querySelector('#field-location')).toBeTruthy();
  page.querySelector('#form-send').dispatchEvent('tap');
  await settle();
  expect(page.querySelector('#error-description').dom.textContent).toBe('请填写报修内容');
  expect(page.querySelector('#form-message').dom.textContent).toBe('请检查填写的内容; 只能上传照片');
  expect(wx.__nav).toEqual([]);
});

test('a complaint from the mini program is filed with channel MINI_PROGRAM to the estate\'s company or the regulator', async () => {
  signedIn(COMMITTEE);
  const calls = fakeApi({ 'GET /estates': ESTATES, 'POST /complaints': { id: 9 } });
  const page = load('pages/cases/complaint-form');
  await page.instance.onLoad({});
  page.instance.setData({ subject: '电梯故障', content: '3 号楼电梯停运两天' });
  page.querySelector('#form-send').dispatchEvent('tap');
  await settle();
  expect(calls.find(c => c.path === '/complaints').data).toEqual({
    channel: 'MINI_PROGRAM', category: 'COMPLAINT', estateId: 1, companyId: 3, title: '电梯故障', content: '3 号楼电梯停运两天', photos: [],
  });
  page.querySelector('#to-regulator').dispatchEvent('tap');
  await settle();
  page.querySelector('#form-send').dispatchEvent('tap');
  await settle();
  expect(calls.filter(c => c.path === '/complaints')[1].data.companyId).toBeNull();
});

test('the list asks one page, newest first, with the status filter; the owner may create', async () => {
  signedIn(OWNER);
  const calls = fakeApi({
    '/repairs': null,
    'GET /repairs': req => ({
      items: [{ id: 1, number: 'BX-2026-000001', status: req.query.status || 'REQUESTED', description: '门锁坏了', unitCode: 'U1', requestedAt: '2026-12-01T01:00:00Z', dueAt: '2026-12-02T00:00:00Z' }],
      total: 21,
    }),
  });
  const page = load('pages/cases/list');
  await page.instance.onLoad({ domain: 'repair' });
  expect(calls[0].query).toEqual({ page: '0', size: '20', sort: '-requestedAt' });
  expect(text(page)).toContain('BX-2026-000001');
  expect(text(page)).toContain('待受理');
  expect(text(page)).toContain('已超期');
  expect(page.querySelector('#case-create')).toBeTruthy();
  page.querySelector('#filter-COMPLETED').dispatchEvent('tap');
  await settle();
  expect(calls[1].query.status).toBe('COMPLETED');
  expect(text(page)).toContain('已完成');
  page.querySelector('#more').dispatchEvent('tap');
  await settle();
  expect(calls[2].query.page).toBe('1');
});

test('a company sees its estates\' repairs without a create button', async () => {
  signedIn(COMPANY);
  fakeApi({ 'GET /repairs': { items: [], total: 0 } });
  const page = load('pages/cases/list');
  await page.instance.onLoad({ domain: 'repair' });
  expect(page.querySelector('#case-create')).toBeFalsy();
  expect(page.querySelector('#cases-empty')).toBeTruthy();
});

const REPAIR = {
  id: 42, number: 'BX-2026-000042', status: 'COMPLETED', version: 4, companyId: 3, estateId: 1, requesterAccountId: 7, unitCode: 'U1',
  category: 'NORMAL', description: '水管漏水', photos: [{ fileId: 'f-1' }], reportPhotos: [{ fileId: 'f-9' }], report: '已更换水管',
  requestedAt: '2026-12-01T01:00:00Z', completedAt: '2026-12-03T01:00:00Z',
};
const EVENTS = [
  { id: 1, action: 'create', toStatus: 'REQUESTED', at: '2026-12-01T01:00:00Z', actor: 'demo-owner' },
  { id: 2, action: 'complete', toStatus: 'COMPLETED', at: '2026-12-03T01:00:00Z', actor: 'demo-company', note: '已更换水管' },
];

test('the requester sees the progress and photos and confirms the completion with If-Match', async () => {
  signedIn(OWNER);
  let status = 'COMPLETED';
  const calls = fakeApi({
    'GET /repairs/42': () => ({ ...REPAIR, status }),
    'GET /repairs/42/events': EVENTS,
    'POST /repairs/42/confirm': () => { status = 'CONFIRMED'; return { ...REPAIR, status }; },
  });
  const page = load('pages/cases/detail');
  await page.instance.onLoad({ domain: 'repair', id: '42' });
  await settle();
  expect(text(page)).toContain('维修完成并反馈');
  expect(text(page)).toContain('已更换水管');
  expect(page.data.groups.map(g => g.label)).toEqual(['照片', '维修完成照片']);
  expect(page.data.transitions.map(t => t.name)).toEqual(['confirm', 'reopen']);
  page.querySelector('#step-confirm').dispatchEvent('tap');
  await settle();
  expect(page.querySelector('#case-form')).toBeTruthy();
  page.instance.setData({ 'form.note': '满意' });
  page.querySelector('#step-send').dispatchEvent('tap');
  await settle();
  const post = calls.find(c => c.method === 'POST');
  expect(post.path).toBe('/repairs/42/confirm');
  expect(post.header['If-Match']).toBe('"4"');
  expect(post.data).toEqual({ note: '满意' });
  expect(page.data.record.status).toBe('CONFIRMED');
  expect(page.querySelector('#case-notice').dom.textContent).toBe('已办理');
  expect(page.data.transitions.map(t => t.name)).toEqual(['reopen']);
});

test('the company schedules a visit: the date and time are sent as ISO-8601; a refusal is shown in the form', async () => {
  signedIn(COMPANY);
  const calls = fakeApi({
    'GET /repairs/42': { ...REPAIR, status: 'ACCEPTED', requesterAccountId: 1 },
    'GET /repairs/42/events': [],
    'POST /repairs/42/schedule': problem(400, 'validation', '请检查', [{ field: 'appointmentAt', code: 'appointment.past', message: '上门时间已过' }]),
  });
  const page = load('pages/cases/detail');
  await page.instance.onLoad({ domain: 'repair', id: '42' });
  await settle();
  expect(page.data.transitions.map(t => t.name)).toEqual(['schedule', 'reject']);
  page.querySelector('#step-schedule').dispatchEvent('tap');
  await settle();
  page.instance.setData({ 'form.day': '2026-12-08', 'form.time': '14:30' });
  page.querySelector('#step-send').dispatchEvent('tap');
  await settle();
  const post = calls.find(c => c.method === 'POST');
  expect(post.data.appointmentAt).toBe(new Date(2026, 11, 8, 14, 30).toISOString());
  expect(text(page.querySelector('#case-form'))).toContain('上门时间已过');
});

test('a company closes a patrol task with the fix and photos (COS-5)', async () => {
  signedIn(COMPANY);
  const calls = fakeApi({
    'GET /patrols/5': { id: 5, number: 'XC-2026-000005', status: 'INSPECTED', version: 2, companyId: 3, title: '垃圾堆放', findingPhotos: [{ fileId: 'f-3' }] },
    'GET /patrols/5/events': [],
    'POST /files': { id: 'f-8' },
    'POST /patrols/5/close': { id: 5, status: 'CLOSED' },
  });
  const page = load('pages/cases/detail');
  await page.instance.onLoad({ domain: 'patrol', id: '5' });
  await settle();
  page.querySelector('#step-close').dispatchEvent('tap');
  await settle();
  expect(text(page.querySelector('#case-form'))).toContain('整改情况 *');
  page.querySelector('#photos').querySelector('#photo-add').dispatchEvent('tap');
  await settle(10);
  page.instance.setData({ 'form.text': '已清理' });
  page.querySelector('#step-send').dispatchEvent('tap');
  await settle();
  expect(calls.find(c => c.path === '/patrols/5/close').data).toEqual({ text: '已清理', photos: [{ fileId: 'f-8' }] });
});
