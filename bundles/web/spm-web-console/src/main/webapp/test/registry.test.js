// The registry pages (issue 13 item 2): the estate detail (SUP-EST-2, ID-2) and the filing review form (SUP-CO-2).
import { describe, expect, it, vi, afterEach } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../src/i18n.js';
import { session } from '../src/session.js';
import EstateDetailView from '../src/areas/estates/EstateDetailView.vue';
import CompanyDetailView from '../src/areas/companies/CompanyDetailView.vue';
import CommitteeDetailView from '../src/areas/committees/CommitteeDetailView.vue';

// this machine is shared: a slow first mount must not fail the test
vi.setConfig({ testTimeout: 20000 });

const json = (status, body, headers = {}) => new Response(JSON.stringify(body), {
  status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
});

/** A fetch stub answering by method and path (query included); records every call. */
function stubApi(routes) {
  const calls = [];
  const fetchMock = vi.fn((url, init = {}) => {
    const method = init.method || 'GET';
    calls.push({ url, method, headers: init.headers || {}, body: init.body });
    for (const [pattern, answer] of routes) {
      const [m, re] = pattern;
      if (m === method && re.test(url)) return Promise.resolve(typeof answer === 'function' ? answer(url, init) : answer());
    }
    return Promise.resolve(json(404, { status: 404, detail: `no stub for ${method} ${url}` }));
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

async function routerAt(path) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { template: '<div/>' } },
      { path: '/estates', component: { template: '<div/>' } },
      { path: '/estates/:id', component: { template: '<div/>' } },
      { path: '/companies', component: { template: '<div/>' } },
      { path: '/companies/:id', component: { template: '<div/>' } },
      { path: '/committees/:id', component: { template: '<div/>' } },
    ],
  });
  router.push(path);
  await router.isReady();
  return router;
}

const waitForErrors = () => new Promise(resolve => setTimeout(resolve, 150)); // Element Plus shows a form item's error after 100 ms

afterEach(() => {
  vi.unstubAllGlobals();
  session.me = null;
  document.body.innerHTML = '';
});

const ESTATE = { id: 1, name: 'Macao New Neighbourhood', projectCode: 'HQ-DEMO-001', community: 'Fuxiang Bay', status: 'ACTIVE',
  companyId: 2, companyName: 'Huaqin Property', buildingCount: 2, houseCount: 6, version: 1 };
const BUILDINGS = [
  { id: 11, number: 'T1', name: 'Tower 1', floorsAbove: 2, floorsBelow: 1,
    units: [{ id: 1, name: 'U1', floors: [{ floor: 1, houseCount: 2 }, { floor: 2, houseCount: 2 }] }] },
  { id: 12, number: 'T2', name: 'Tower 2', floorsAbove: 1, floorsBelow: 0, units: [{ id: 2, name: 'U1', floors: [{ floor: 1, houseCount: 2 }] }] },
];
const HOUSES = {
  items: [
    { id: 1, unitCode: '440402104004GB00100F00100001', buildingId: 11, unitName: 'U1', floor: 1, roomNo: '101', use: 'RESIDENTIAL',
      measuredArea: 88.5, status: 'SOLD', owners: [{ id: 7, name: 'S*L', idType: 'MO_RESIDENT_ID', idNumber: '1*****56', masked: true }] },
    { id: 2, unitCode: '440402104004GB00100F00100002', buildingId: 11, unitName: 'U1', floor: 1, roomNo: '102', use: 'RESIDENTIAL',
      measuredArea: 90, status: 'UNSOLD', owners: [] },
  ],
  page: 0, size: 20, total: 4,
};

describe('EstateDetailView (SUP-EST-2, ID-2)', () => {
  function estateApi() {
    return stubApi([
      [['GET', /^\/api\/v1\/estates\/1$/], () => json(200, ESTATE, { ETag: '"1"' })],
      [['GET', /^\/api\/v1\/estates\/1\/buildings$/], () => json(200, BUILDINGS)],
      [['GET', /^\/api\/v1\/estates\/1\/houses\?/], () => json(200, HOUSES)],
      [['GET', /^\/api\/v1\/houses\/440402104004GB00100F00100001\?unmasked=true$/], () => json(200, {
        ...HOUSES.items[0], owners: [{ id: 7, name: 'Sou Chi Long', idType: 'MO_RESIDENT_ID', idNumber: '15447356', phone: '+85360482906', masked: false }],
      })],
    ]);
  }

  async function mountDetail(permissions) {
    setLocale('en');
    session.me = { username: 'someone', permissions, scope: { kind: 'ALL' } };
    const calls = estateApi();
    const router = await routerAt('/estates/1');
    const wrapper = mount(EstateDetailView, { global: { plugins: [i18n, router] }, attachTo: document.body });
    await flushPromises();
    await flushPromises();
    return { wrapper, calls };
  }

  it('shows the fields, the building table and the first building houses one page at a time, owners masked', async () => {
    const { wrapper, calls } = await mountDetail(['estate:read']);
    expect(wrapper.find('[data-test="estate-name"]').text()).toContain('Macao New Neighbourhood');
    expect(wrapper.find('[data-test="estate-fields"]').text()).toContain('HQ-DEMO-001');
    const buildings = wrapper.findAll('[data-test="estate-buildings"] .el-table__body tr');
    expect(buildings.length).toBe(2);
    expect(buildings[0].text()).toContain('T1');
    expect(buildings[0].text()).toContain('4'); // houses summed over the floors
    const houses = calls.find(c => c.url.includes('/houses?'));
    expect(houses.url).toBe('/api/v1/estates/1/houses?page=0&size=20&sort=unitCode&buildingId=11');
    expect(wrapper.findAll('[data-test="estate-houses"] .el-table__body tr').length).toBe(2);
    expect(wrapper.findAll('[data-test="house-owner"]').map(w => w.text())).toEqual(['S*L']);
    // no owner:view-full: no unmasked view is offered, and none was asked for
    expect(wrapper.find('[data-test="house-unmasked"]').exists()).toBe(false);
    expect(calls.some(c => c.url.includes('unmasked'))).toBe(false);

    // another building: its houses are asked for
    await wrapper.findAll('[data-test="building-houses"]')[1].trigger('click');
    await flushPromises();
    expect(calls.at(-1).url).toBe('/api/v1/estates/1/houses?page=0&size=20&sort=unitCode&buildingId=12');
    wrapper.unmount();
  });

  it('offers owner:view-full the explicit, audited unmasked view of one house', async () => {
    const { wrapper, calls } = await mountDetail(['estate:read', 'owner:view-full']);
    const buttons = wrapper.findAll('[data-test="house-unmasked"]');
    expect(buttons.length).toBe(1); // only the house with an owner
    await buttons[0].trigger('click');
    await flushPromises();
    expect(calls.at(-1).url).toBe('/api/v1/houses/440402104004GB00100F00100001?unmasked=true');
    const dialog = document.querySelector('[data-test="unmasked-dialog"]');
    expect(dialog.textContent).toContain('Sou Chi Long');
    expect(dialog.textContent).toContain('audit log');
    expect(dialog.textContent).toContain('Macao resident identity card');
    wrapper.unmount();
  });
});

describe('the filing review form (SUP-CO-2)', () => {
  const COMPANY = { id: 7, name: 'Test Property Ltd', creditCode: '91440400MA4W3K2L94', status: 'APPLYING', servicePeriods: [], version: 1 };
  const FILING = { id: 9, companyId: 7, status: 'SUBMITTED', qualificationGrade: 'II', certificateNumber: 'C-1', submittedBy: 'it-company',
    submittedAt: '2026-01-05T02:00:00Z', materials: [{ title: 'Business licence', fileId: 'f-1', name: 'licence.pdf' }], version: 3 };

  async function mountCompany(permissions, returnAnswer) {
    setLocale('en');
    session.me = { username: 'demo-regulator', permissions, scope: { kind: 'ALL' } };
    let filing = FILING;
    const calls = stubApi([
      [['GET', /^\/api\/v1\/companies\/7$/], () => json(200, COMPANY)],
      [['GET', /^\/api\/v1\/companies\/7\/filings$/], () => json(200, [filing])],
      [['GET', /^\/api\/v1\/companies\/7\/filings\/history$/], () => json(200, [])],
      [['POST', /^\/api\/v1\/companies\/7\/filings\/9\/return$/], (url, init) => {
        const answer = returnAnswer(JSON.parse(init.body));
        if (answer.status === 200) filing = { ...FILING, status: 'RETURNED', version: 4, reason: JSON.parse(init.body).reason };
        return json(answer.status, answer.status === 200 ? filing : answer.body);
      }],
    ]);
    const router = await routerAt('/companies/7');
    const wrapper = mount(CompanyDetailView, { global: { plugins: [i18n, router] }, attachTo: document.body });
    await flushPromises();
    await flushPromises();
    return { wrapper, calls };
  }

  it('shows the API field error under the reason, sends If-Match, and shows the returned status', async () => {
    const { wrapper, calls } = await mountCompany(['company:read', 'company:review'], body => (body.reason
      ? { status: 200 }
      : { status: 400, body: { status: 400, detail: 'invalid', errors: [{ field: 'reason', code: 'reason.required', message: 'A returned filing needs a reason' }] } }));
    expect(wrapper.find('[data-test="company-status"]').text()).toBe('Applying');
    expect(wrapper.find('[data-test="filing-status"]').text()).toBe('Awaiting review');
    expect(wrapper.find('[data-test="filing-submit-open"]').exists()).toBe(false);

    await wrapper.find('[data-test="filing-return"]').trigger('click');
    await flushPromises();
    const dialog = () => document.querySelector('[data-test="review-dialog"]');
    dialog().querySelector('[data-test="review-submit"]').click();
    await flushPromises();
    await waitForErrors();
    const post = calls.find(c => c.method === 'POST');
    expect(post.url).toBe('/api/v1/companies/7/filings/9/return');
    expect(post.headers['If-Match']).toBe('"3"');
    expect(JSON.parse(post.body)).toEqual({});
    const reasonItem = dialog().querySelector('[data-test="review-reason"]').closest('.el-form-item');
    expect(reasonItem.querySelector('.el-form-item__error').textContent).toContain('A returned filing needs a reason');

    const textarea = dialog().querySelector('[data-test="review-reason"]');
    textarea.value = 'The certificate copy is unreadable';
    textarea.dispatchEvent(new Event('input'));
    await flushPromises();
    dialog().querySelector('[data-test="review-submit"]').click();
    await flushPromises();
    await flushPromises();
    expect(JSON.parse(calls.filter(c => c.method === 'POST').at(-1).body)).toEqual({ reason: 'The certificate copy is unreadable' });
    expect(wrapper.find('[data-test="filing-status"]').text()).toBe('Returned');
    expect(wrapper.find('[data-test="filing-return"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('offers no review to an account without company:review', async () => {
    const { wrapper } = await mountCompany(['company:read'], () => ({ status: 403 }));
    expect(wrapper.find('[data-test="filing-status"]').text()).toBe('Awaiting review');
    expect(wrapper.find('[data-test="filing-approve"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="filing-return"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="company-suspend"]').exists()).toBe(false);
    wrapper.unmount();
  });
});

describe('the company files its own filing (COS-2)', () => {
  it('uploads the material, posts the filing and shows the API field error at the material', async () => {
    setLocale('en');
    session.me = { username: 'it-company', permissions: ['company:read', 'company:file', 'file:upload'], scope: { kind: 'COMPANY', companyId: 7 } };
    const calls = stubApi([
      [['GET', /^\/api\/v1\/companies\/7$/], () => json(200, { id: 7, name: 'Test Property Ltd', status: 'APPLYING', servicePeriods: [], version: 1 })],
      [['GET', /^\/api\/v1\/companies\/7\/filings$/], () => json(200, [])],
      [['GET', /^\/api\/v1\/companies\/7\/filings\/history$/], () => json(200, [])],
      [['POST', /^\/api\/v1\/files\?name=licence\.pdf$/], () => json(201, { id: 'file-1', name: 'licence.pdf' })],
      [['POST', /^\/api\/v1\/companies\/7\/filings$/], () => json(400, { status: 400, detail: 'invalid',
        errors: [{ field: 'materials[0].title', code: 'field.required', message: 'The material needs a title' }] })],
    ]);
    const router = await routerAt('/companies/7');
    const wrapper = mount(CompanyDetailView, { global: { plugins: [i18n, router] }, attachTo: document.body });
    await flushPromises();
    await flushPromises();
    expect(wrapper.find('[data-test="filing-status"]').text()).toBe('Not filed yet');
    expect(wrapper.find('[data-test="filing-approve"]').exists()).toBe(false);
    await wrapper.find('[data-test="filing-submit-open"]').trigger('click');
    await flushPromises();
    const form = document.querySelector('[data-test="filing-form"]');
    const input = form.querySelector('[data-test="filing-material-file-0"]');
    Object.defineProperty(input, 'files', { value: [new File(['%PDF-1.4'], 'licence.pdf', { type: 'application/pdf' })] });
    input.dispatchEvent(new Event('change'));
    form.querySelector('[data-test="filing-submit"]').click();
    await flushPromises();
    await flushPromises();
    await waitForErrors();
    const upload = calls.find(c => c.url.startsWith('/api/v1/files'));
    expect(upload.headers['Content-Type']).toBe('application/pdf');
    expect(upload.body).toBeInstanceOf(File);
    const filing = calls.filter(c => c.method === 'POST').at(-1);
    expect(JSON.parse(filing.body).materials).toEqual([{ title: '', fileId: 'file-1' }]);
    const title = form.querySelector('[data-test="filing-material-title-0"]').closest('.el-form-item');
    expect(title.querySelector('.el-form-item__error').textContent).toContain('The material needs a title');
    wrapper.unmount();
  });
});

describe('CommitteeDetailView (SUP-OC-2, OCS-4)', () => {
  it('lists the members head first and approves the committee filing with If-Match', async () => {
    setLocale('en');
    session.me = { username: 'demo-regulator', permissions: ['committee:read', 'committee:review'], scope: { kind: 'ALL', estateIds: [] } };
    const committee = { id: 3, estateId: 1, name: 'Owners committee', headName: 'Sou', status: 'ACTIVE', filingStatus: 'SUBMITTED', version: 2,
      members: [{ ownerId: 6, name: 'Tang', position: 'MEMBER' }, { ownerId: 1, name: 'Sou', position: 'HEAD' }, { ownerId: 4, name: 'Ho', position: 'DEPUTY' }] };
    let filing = { id: 5, committeeId: 3, status: 'SUBMITTED', submittedBy: 'demo-committee', materials: [], version: 1 };
    const calls = stubApi([
      [['GET', /^\/api\/v1\/committees\/3$/], () => json(200, committee)],
      [['GET', /^\/api\/v1\/committees\/3\/history$/], () => json(200, [{ id: 1, committeeId: 3, action: 'create', changedBy: 'demo-seed',
        changedAt: '2026-01-01T00:00:00Z', changes: [{ field: 'name', after: 'Owners committee' }] }])],
      [['GET', /^\/api\/v1\/committees\/3\/filings$/], () => json(200, [filing])],
      [['GET', /^\/api\/v1\/committees\/3\/filings\/history$/], () => json(200, [])],
      [['POST', /^\/api\/v1\/committees\/3\/filings\/5\/approve$/], () => {
        filing = { ...filing, status: 'APPROVED', version: 2 };
        return json(200, filing);
      }],
    ]);
    const router = await routerAt('/committees/3');
    const wrapper = mount(CommitteeDetailView, { global: { plugins: [i18n, router] }, attachTo: document.body });
    await flushPromises();
    await flushPromises();
    expect(wrapper.findAll('[data-test="committee-members"] .el-table__body tr').map(r => r.text()))
      .toEqual([expect.stringContaining('Head'), expect.stringContaining('Deputy'), expect.stringContaining('Member')]);
    expect(wrapper.find('[data-test="committee-history"]').text()).toContain('Registered');
    expect(wrapper.find('[data-test="committee-history"]').text()).toContain('Name: — → Owners committee');
    expect(wrapper.find('[data-test="filing-submit-open"]').exists()).toBe(false);
    await wrapper.find('[data-test="filing-approve"]').trigger('click');
    await flushPromises();
    document.querySelector('[data-test="review-dialog"] [data-test="review-submit"]').click();
    await flushPromises();
    await flushPromises();
    const post = calls.find(c => c.method === 'POST');
    expect(post.url).toBe('/api/v1/committees/3/filings/5/approve');
    expect(post.headers['If-Match']).toBe('"1"');
    expect(wrapper.find('[data-test="filing-status"]').text()).toBe('Approved');
    wrapper.unmount();
  });
});
