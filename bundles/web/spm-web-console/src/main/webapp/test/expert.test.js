// Issue 15, the expert pages (评标专家库, SUP-EX-1..3, TND-5): an expert account without a record applies (POST
// /experts/applications with its ties; field errors at the tie), then confirms its own seat of a draw; the regulator
// suspends an expert (the reason required: field error, then If-Match) and sees the admission rounds; a draw's replay
// says whether it matches, and the masked names stay as the API gives them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../src/i18n.js';
import { session } from '../src/session.js';
import MyExpertView from '../src/areas/expert/MyExpertView.vue';
import ExpertDetailView from '../src/areas/expert/ExpertDetailView.vue';
import DrawDetailView from '../src/areas/expert/DrawDetailView.vue';
import ExpertsView from '../src/areas/expert/ExpertsView.vue';

vi.setConfig({ testTimeout: 30000 });

const json = (status, body) => new Response(JSON.stringify(body), {
  status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
});
function stubApi(routes) {
  const calls = [];
  vi.stubGlobal('fetch', vi.fn((url, init = {}) => {
    const method = init.method || 'GET';
    calls.push({ url, method, headers: init.headers || {}, body: init.body });
    for (const [[m, re], answer] of routes) {
      if (m === method && re.test(url)) return Promise.resolve(answer(url, init));
    }
    return Promise.resolve(json(404, { status: 404, detail: `no stub for ${method} ${url}` }));
  }));
  return calls;
}
async function mountAt(component, path, props = {}) {
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/experts/:id', component: { template: '<div/>' } },
    { path: '/expert-draws/:id', component: { template: '<div/>' } },
    { path: '/:rest(.*)*', component: { template: '<div/>' } },
  ] });
  router.push(path);
  await router.isReady();
  const wrapper = mount(component, { props, global: { plugins: [i18n, router] }, attachTo: document.body });
  await flushPromises();
  await flushPromises();
  return { wrapper, router };
}
const settle = async () => { await flushPromises(); await flushPromises(); await new Promise(r => setTimeout(r, 150)); };
const writes = calls => calls.filter(c => c.method !== 'GET');
const errorUnder = el => (el.closest('.el-form-item').querySelector('.el-form-item__error') || { textContent: '' }).textContent.trim();
function type(selector, value) {
  const input = document.querySelector(selector);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}
afterEach(() => {
  vi.unstubAllGlobals();
  session.me = null;
  document.body.innerHTML = '';
});

const EXPERT = {
  id: 4, version: 2, name: 'Lam Ka Man', title: 'Senior engineer', specialties: ['PROPERTY_MANAGEMENT'], employerName: 'Macao University',
  accountName: 'demo-expert', status: 'ACTIVE', ties: [{ companyId: 21, companyName: 'Huaqin Property', kind: 'FORMER_EMPLOYER', since: '2019-01-01', until: '2024-06-30' }],
};

describe('the expert’s own page (SUP-EX-1, SUP-EX-3)', () => {
  it('without a record offers the application; the API’s field error shows at the tie', async () => {
    setLocale('en');
    session.me = { username: 'demo-expert', permissions: ['expert:read', 'expert:apply', 'expert:confirm'], scope: { kind: 'NONE' } };
    const calls = stubApi([
      [['GET', /^\/api\/v1\/experts\/me$/], () => json(404, { status: 404, detail: 'Not found' })],
      [['GET', /^\/api\/v1\/public\/companies\?/], () => json(200, { items: [{ id: 21, name: 'Huaqin Property' }], page: 0, size: 100, total: 1 })],
      [['POST', /^\/api\/v1\/experts\/applications$/], () => json(400, { status: 400, detail: 'invalid', errors: [
        { field: 'ties[0].companyId', code: 'field.required', message: 'Name the company' },
        { field: 'phone', code: 'phone.format', message: 'Not a mobile number' },
      ] })],
    ]);
    const { wrapper } = await mountAt(MyExpertView, '/experts/me');
    expect(wrapper.find('[data-test="me-none"]').exists()).toBe(true);
    await wrapper.find('[data-test="me-apply"]').trigger('click');
    await settle();
    type('input[data-test="expert-name"]', 'Lam Ka Man');
    type('input[data-test="expert-phone"]', '123');
    document.querySelector('[data-test="expert-tie-add"]').click();
    await settle();
    document.querySelector('[data-test="expert-save"]').click();
    await settle();
    const sent = writes(calls).at(-1);
    expect(sent.url).toBe('/api/v1/experts/applications');
    expect(JSON.parse(sent.body)).toMatchObject({ name: 'Lam Ka Man', phone: '123', ties: [{ companyId: null, kind: 'EMPLOYER' }] });
    expect(JSON.parse(sent.body).accountName).toBeUndefined();
    expect(errorUnder(document.querySelector('input[data-test="expert-phone"]'))).toBe('Not a mobile number');
    expect(document.querySelector('[data-test="expert-tie-0"]').textContent).toContain('Name the company');
    wrapper.unmount();
  });

  it('confirms its own seat of a draw; other seats stay masked and without buttons', async () => {
    setLocale('en');
    session.me = { username: 'demo-expert', permissions: ['expert:read', 'expert:apply', 'expert:confirm'], scope: { kind: 'NONE' } };
    let state = 'PENDING';
    const calls = stubApi([
      [['GET', /^\/api\/v1\/experts\/me$/], () => json(200, EXPERT)],
      [['GET', /^\/api\/v1\/experts\/4\/admission$/], () => json(200, [{ id: 2, status: 'APPROVED', submittedBy: 'demo-expert' }])],
      [['GET', /^\/api\/v1\/experts\/4\/admission\/history$/], () => json(200, [])],
      [['GET', /^\/api\/v1\/experts\/4\/evaluations$/], () => json(200, [])],
      [['GET', /^\/api\/v1\/expert-draws$/], () => json(200, [{ id: 8, projectId: 3, projectNumber: 'ZB-2026-000005', projectTitle: 'Bay Garden' }])],
      [['GET', /^\/api\/v1\/expert-draws\/8\/confirmations$/], () => json(200, [
        { seat: 1, name: 'Expert 1', status: 'CONFIRMED' },
        { seat: 2, expertId: 4, accountName: 'demo-expert', name: 'Lam Ka Man', status: state, dueAt: '2026-12-06T02:00:00Z' },
      ])],
      [['POST', /^\/api\/v1\/expert-draws\/8\/confirmations\/2\/confirm$/], () => { state = 'CONFIRMED'; return json(200, { seat: 2, status: 'CONFIRMED' }); }],
    ]);
    const { wrapper } = await mountAt(MyExpertView, '/experts/me');
    expect(wrapper.find('[data-test="expert-edit"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="admission-status"]').text()).toBe('Approved');
    const mine = wrapper.find('[data-test="me-confirmations-8"]');
    expect(mine.findAll('[data-test="confirmation-name"]').map(n => n.text())).toEqual(['Lam Ka Man']);
    await mine.find('[data-test="confirmation-confirm"]').trigger('click');
    await settle();
    expect(writes(calls).at(-1).url).toBe('/api/v1/expert-draws/8/confirmations/2/confirm');
    expect(mine.find('[data-test="confirmation-state"]').text()).toBe('Confirmed');
    expect(mine.find('[data-test="confirmation-confirm"]').exists()).toBe(false);
    wrapper.unmount();
  });
});

describe('the pool (SUP-EX-1, SUP-EX-2)', () => {
  it('lists one page, and the regulator suspends an expert with a reason (field error first, then If-Match)', async () => {
    setLocale('en');
    session.me = { username: 'demo-regulator', permissions: ['expert:read', 'expert:manage', 'expert:review', 'expert:draw', 'expert:confirm'], scope: { kind: 'ALL' } };
    let expert = EXPERT;
    const calls = stubApi([
      [['GET', /^\/api\/v1\/experts\?/], () => json(200, { items: [EXPERT], page: 0, size: 20, total: 1 })],
      [['GET', /^\/api\/v1\/experts\/4$/], () => json(200, expert)],
      [['GET', /^\/api\/v1\/experts\/4\/admission$/], () => json(200, [])],
      [['GET', /^\/api\/v1\/experts\/4\/admission\/history$/], () => json(200, [])],
      [['GET', /^\/api\/v1\/experts\/4\/evaluations$/], () => json(200, [{ id: 31, projectNumber: 'ZB-2026-000002', projectTitle: 'Lotus Court', rating: 4, evaluatedAt: '2026-10-01T02:00:00Z' }])],
      [['POST', /^\/api\/v1\/experts\/4\/status$/], (url, init) => {
        const body = JSON.parse(init.body);
        if (!body.reason) return json(400, { status: 400, detail: 'invalid', errors: [{ field: 'reason', code: 'reason.required', message: 'Give the reason' }] });
        expert = { ...expert, status: body.status, statusReason: body.reason, version: 3 };
        return json(200, expert);
      }],
    ]);
    const list = await mountAt(ExpertsView, '/experts');
    expect(calls[0].url).toBe('/api/v1/experts?page=0&size=20');
    expect(list.wrapper.find('[data-test="expert-status"]').text()).toBe('Active');
    expect(list.wrapper.find('[data-test="expert-new"]').exists()).toBe(true);
    list.wrapper.unmount();

    const { wrapper } = await mountAt(ExpertDetailView, '/experts/4');
    expect(wrapper.find('[data-test="expert-ties"]').text()).toContain('Former employer');
    expect(wrapper.find('[data-test="expert-evaluations"]').text()).toContain('Lotus Court');
    expect(wrapper.find('[data-test="admission-submit-open"]').exists()).toBe(false);
    await wrapper.find('[data-test="expert-status-open"]').trigger('click');
    await settle();
    document.querySelector('[data-test="expert-status-submit"]').click();
    await settle();
    expect(errorUnder(document.querySelector('[data-test="expert-status-reason"]'))).toBe('Give the reason');
    type('textarea[data-test="expert-status-reason"]', 'Did not attend twice');
    await flushPromises();
    document.querySelector('[data-test="expert-status-submit"]').click();
    await settle();
    const sent = writes(calls).at(-1);
    expect(sent.headers['If-Match']).toBe('"2"');
    expect(JSON.parse(sent.body)).toEqual({ status: 'SUSPENDED', reason: 'Did not attend twice' });
    expect(wrapper.find('[data-test="expert-detail-status"]').text()).toBe('Suspended');
    wrapper.unmount();
  });

  it('the applications page asks for status APPLYING', async () => {
    setLocale('en');
    session.me = { username: 'demo-regulator', permissions: ['expert:read', 'expert:review'], scope: { kind: 'ALL' } };
    const calls = stubApi([[['GET', /^\/api\/v1\/experts\?/], () => json(200, { items: [], page: 0, size: 20, total: 0 })]]);
    const { wrapper } = await mountAt(ExpertsView, '/experts/admissions', { admissions: true });
    expect(calls[0].url).toBe('/api/v1/experts?page=0&size=20&status=APPLYING');
    wrapper.unmount();
  });
});

describe('a draw (SUP-EX-3)', () => {
  it('shows method and seed, the masked seats as given, and the replay that matches', async () => {
    setLocale('en');
    session.me = { username: 'demo-developer', permissions: ['expert:read', 'expert:draw', 'tender:read', 'tender:apply'], scope: { kind: 'DEVELOPER' } };
    stubApi([
      [['GET', /^\/api\/v1\/expert-draws\/8$/], () => json(200, { id: 8, projectId: 3, method: 'SPM-EX3-SHA256-1', seed: 'a1b2c3', panelSize: 5, drawnCount: 4, reserveCount: 2,
        seats: [{ seat: 1, name: 'Expert 1', masked: true }, { seat: 2, name: 'Expert 2', masked: true }, { seat: 5, name: 'Wong Kin', representative: true }],
        reserves: [{ rank: 5, name: 'Reserve 1' }], eligible: 12 })],
      [['GET', /^\/api\/v1\/expert-draws\/8\/events$/], () => json(200, [{ id: 1, kind: 'REPLACED', seat: 2, actor: 'system', at: '2026-12-05T02:00:00Z' }])],
      [['GET', /^\/api\/v1\/expert-draws\/8\/confirmations$/], () => json(200, [{ seat: 1, name: 'Expert 1', status: 'PENDING', confirmBy: '2026-12-06T02:00:00Z', masked: true }])],
      [['GET', /^\/api\/v1\/expert-draws\/8\/replay$/], () => json(200, { method: 'SPM-EX3-SHA256-1', seed: 'a1b2c3', matches: true, drawn: [{ name: 'Expert 1' }, { name: 'Expert 2' }], reserves: [] })],
    ]);
    const { wrapper } = await mountAt(DrawDetailView, '/expert-draws/8');
    expect(wrapper.find('[data-test="draw-method"]').text()).toBe('SPM-EX3-SHA256-1');
    expect(wrapper.find('[data-test="draw-seed"]').text()).toBe('a1b2c3');
    expect(wrapper.find('[data-test="draw-drawn"]').text()).toBe('Expert 1、Expert 2');
    expect(wrapper.find('[data-test="draw-events"]').text()).toContain('Replaced by a reserve');
    expect(wrapper.find('[data-test="confirmation-confirm"]').exists()).toBe(false); // the developer records nothing
    await wrapper.find('[data-test="draw-replay"]').trigger('click');
    await settle();
    expect(wrapper.find('[data-test="draw-replay-matches"]').attributes('data-matches')).toBe('true');
    expect(wrapper.find('[data-test="draw-replay-matches"]').text()).toBe('Matches the draw');
    wrapper.unmount();
  });
});
