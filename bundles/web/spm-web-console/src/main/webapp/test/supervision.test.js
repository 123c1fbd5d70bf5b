// Issue 13 item 2, the supervision pages: server paging and filters of the complaint list and the deadline view
// (SVC-CMP-5, SLA-3), the transition form with If-Match / Idempotency-Key and the API's field errors next to the fields
// (SVC-CMP-4), and which transitions an account is offered (SVC-CMP-2..4, SVC-REP-1, SVC-PAT-1).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../src/i18n.js';
import { session } from '../src/session.js';
import { allowedTransitions, WORKFLOWS } from '../src/areas/complaints/case/workflow.js';
import { forgetEstateNames } from '../src/areas/complaints/case/estates.js';

function router() {
  return createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { template: '<div/>' } }] });
}
const json = (status, body, type = 'application/json') => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } }));
const wait = ms => new Promise(resolve => setTimeout(resolve, ms));
const listCalls = (mock, path) => mock.mock.calls.map(c => c[0]).filter(u => u.startsWith(`/api/v1${path}?`));

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
  forgetEstateNames();
});

describe('ComplaintsView (SVC-CMP-5)', () => {
  it('asks one page per request, filters by status on the server and pages to the next', async () => {
    setLocale('en');
    const complaint = i => ({ id: i, number: `TS-2026-${String(i).padStart(6, '0')}`, title: `C ${i}`, category: 'COMPLAINT', estateId: 7, status: 'REGISTERED', registeredAt: '2026-12-01T00:00:00Z' });
    const fetchMock = vi.fn(url => {
      const u = new URL(url, 'http://x');
      if (u.pathname === '/api/v1/estates/7') return json(200, { id: 7, name: 'Estate seven', companyId: 2, companyName: 'Co' });
      const p = Number(u.searchParams.get('page'));
      const total = u.searchParams.get('status') ? 3 : 45;
      const n = Math.max(0, Math.min(20, total - p * 20));
      return json(200, { items: Array.from({ length: n }, (_, i) => complaint(p * 20 + i + 1)), page: p, size: 20, total });
    });
    vi.stubGlobal('fetch', fetchMock);
    const View = (await import('../src/areas/complaints/ComplaintsView.vue')).default;
    const wrapper = mount(View, { global: { plugins: [i18n, router()] }, attachTo: document.body });
    await flushPromises();
    expect(listCalls(fetchMock, '/complaints')).toEqual(['/api/v1/complaints?page=0&size=20&sort=-registeredAt']);
    expect(wrapper.findAll('[data-test="complaints-table"] .el-table__body tr').length).toBe(20);
    expect(wrapper.find('[data-test="complaint-estate"]').text()).toBe('Estate seven'); // the name read once by id
    expect(fetchMock.mock.calls.filter(c => c[0] === '/api/v1/estates/7').length).toBe(1);

    await wrapper.find('[data-test="complaints-pager"] .btn-next').trigger('click');
    await flushPromises();
    expect(listCalls(fetchMock, '/complaints').at(-1)).toBe('/api/v1/complaints?page=1&size=20&sort=-registeredAt');

    // the status filter: a new first page from the server with status=
    await wrapper.find('[data-test="complaints-status"] .el-select__wrapper').trigger('click');
    await flushPromises();
    const option = [...document.querySelectorAll('.el-select-dropdown__item')].find(li => li.textContent.trim() === 'Resolved');
    option.click();
    await flushPromises();
    expect(listCalls(fetchMock, '/complaints').at(-1)).toBe('/api/v1/complaints?page=0&size=20&sort=-registeredAt&status=RESOLVED');
    expect(wrapper.findAll('[data-test="complaints-table"] .el-table__body tr').length).toBe(3);
    wrapper.unmount();
  }, 30000);
});

describe('DeadlinesView (SLA-3)', () => {
  it('shows the overdue items first and asks the server for the near ones on the switch', async () => {
    setLocale('en');
    session.me = { accountId: 2, permissions: ['complaint:read', 'deadline:monitor'], scope: { kind: 'ALL' } };
    const item = (id, state) => ({ id, domain: 'complaint', itemId: id, category: 'COMPLAINT', title: `TS ${id}`, estateId: null, amount: 10, unit: 'WORKING_DAYS',
      startedAt: '2026-01-01T00:00:00Z', warnAt: '2026-01-10T00:00:00Z', dueAt: state === 'overdue' ? '2026-01-12T00:00:00Z' : '2999-01-01T00:00:00Z' });
    const fetchMock = vi.fn(url => {
      const state = new URL(url, 'http://x').searchParams.get('state');
      return json(200, { items: [item(1, state), item(2, state)], page: 0, size: 20, total: 2 });
    });
    vi.stubGlobal('fetch', fetchMock);
    const View = (await import('../src/areas/deadlines/DeadlinesView.vue')).default;
    const wrapper = mount(View, { global: { plugins: [i18n, router()] }, attachTo: document.body });
    await flushPromises();
    expect(listCalls(fetchMock, '/monitoring/deadlines')).toEqual(['/api/v1/monitoring/deadlines?page=0&size=20&sort=dueAt&state=overdue']);
    expect(wrapper.findAll('[data-test="deadline-state"]').map(w => w.attributes('data-state'))).toEqual(['overdue', 'overdue']);
    expect(wrapper.find('[data-test="deadline-link"]').attributes('href')).toBe('/complaints/1');
    await wrapper.find('[data-test="deadlines-state-near"] input').setValue(true);
    await flushPromises();
    expect(listCalls(fetchMock, '/monitoring/deadlines').at(-1)).toBe('/api/v1/monitoring/deadlines?page=0&size=20&sort=dueAt&state=near');
    wrapper.unmount();
    session.me = null;
  }, 30000);
});

describe('TransitionDialog (SVC-CMP-4)', () => {
  it('sends If-Match and an Idempotency-Key, shows the API field error next to its field, then succeeds', async () => {
    setLocale('en');
    const fetchMock = vi.fn((url, init) => {
      const body = JSON.parse(init.body);
      if (!body.result) {
        return json(400, { status: 400, code: 'validation', detail: 'invalid', errors: [{ field: 'result', code: 'result.required', message: 'Enter the result' }] }, 'application/problem+json');
      }
      return json(200, { id: 5, status: 'RESOLVED', version: 4 });
    });
    vi.stubGlobal('fetch', fetchMock);
    const Dialog = (await import('../src/areas/complaints/case/TransitionDialog.vue')).default;
    const resolve = WORKFLOWS.complaint.rows.find(r => r.name === 'resolve');
    const wrapper = mount(Dialog, {
      props: { modelValue: false, domain: 'complaint', record: { id: 5, version: 3, status: 'IN_PROGRESS' }, transition: resolve },
      global: { plugins: [i18n, router()] }, attachTo: document.body,
    });
    await wrapper.setProps({ modelValue: true });
    await flushPromises();
    document.querySelector('[data-test="transition-submit"]').click();
    await flushPromises();
    await wait(150); // Element Plus shows a form item's error after 100 ms
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/v1/complaints/5/resolve');
    expect(init.method).toBe('POST');
    expect(init.headers['If-Match']).toBe('"3"');
    expect(init.headers['Idempotency-Key']).toMatch(/^.+-[0-9a-f]{8}$/);
    expect(JSON.parse(init.body)).toEqual({});
    const item = document.querySelector('[data-test="transition-item-result"]');
    expect(item.querySelector('.el-form-item__error').textContent).toContain('Enter the result');
    expect(wrapper.emitted('done')).toBeUndefined();

    const textarea = document.querySelector('textarea[data-test="transition-field-result"], [data-test="transition-field-result"] textarea');
    textarea.value = 'Fixed on site';
    textarea.dispatchEvent(new Event('input'));
    await flushPromises();
    document.querySelector('[data-test="transition-submit"]').click();
    await flushPromises();
    const second = fetchMock.mock.calls[1][1];
    expect(JSON.parse(second.body)).toEqual({ result: 'Fixed on site' });
    expect(second.headers['Idempotency-Key']).not.toBe(init.headers['Idempotency-Key']); // another body, another key
    expect(wrapper.emitted('done')[0][0]).toEqual({ id: 5, status: 'RESOLVED', version: 4 });
    wrapper.unmount();
  }, 30000);

  it('puts the dispatch target error (officerAccountId) at the target item', async () => {
    setLocale('en');
    const fetchMock = vi.fn(() => json(400, { status: 400, errors: [{ field: 'officerAccountId', code: 'dispatch.notOfficer', message: 'Account 99 is not an officer' }] }, 'application/problem+json'));
    vi.stubGlobal('fetch', fetchMock);
    const Dialog = (await import('../src/areas/complaints/case/TransitionDialog.vue')).default;
    const dispatch = WORKFLOWS.complaint.rows.find(r => r.name === 'dispatch');
    const wrapper = mount(Dialog, {
      props: { modelValue: false, domain: 'complaint', record: { id: 6, version: 1, status: 'REGISTERED', companyId: 2 }, transition: dispatch },
      global: { plugins: [i18n, router()] }, attachTo: document.body,
    });
    await wrapper.setProps({ modelValue: true });
    await flushPromises();
    document.querySelector('[data-test="transition-submit"]').click();
    await flushPromises();
    await wait(150);
    expect(JSON.parse(fetchMock.mock.calls[0][1].body)).toEqual({ officerAccountId: null });
    expect(document.querySelector('[data-test="transition-item-target"] .el-form-item__error').textContent).toContain('Account 99 is not an officer');
    wrapper.unmount();
  });
});

describe('the verdict on resolve (CRD-2: a complaint upheld becomes a bad credit record)', () => {
  async function resolveAs(me) {
    session.me = me;
    const fetchMock = vi.fn(() => json(200, { id: 7, status: 'RESOLVED', version: 5 }));
    vi.stubGlobal('fetch', fetchMock);
    const Dialog = (await import('../src/areas/complaints/case/TransitionDialog.vue')).default;
    const resolve = WORKFLOWS.complaint.rows.find(r => r.name === 'resolve');
    const wrapper = mount(Dialog, {
      props: { modelValue: false, domain: 'complaint', record: { id: 7, version: 4, status: 'IN_PROGRESS', companyId: 3 }, transition: resolve },
      global: { plugins: [i18n, router()] }, attachTo: document.body,
    });
    await wrapper.setProps({ modelValue: true });
    await flushPromises();
    const textarea = document.querySelector('textarea[data-test="transition-field-result"], [data-test="transition-field-result"] textarea');
    textarea.value = 'Confirmed on site';
    textarea.dispatchEvent(new Event('input'));
    return { fetchMock, wrapper };
  }

  it('the regulator may mark the complaint upheld; the company complained about is never offered the verdict', async () => {
    setLocale('en');
    const regulator = await resolveAs({ username: 'demo-regulator', permissions: ['complaint:handle'], scope: { kind: 'ALL' } });
    const box = document.querySelector('[data-test="transition-item-upheld"] input[type="checkbox"]');
    expect(box).not.toBeNull();
    box.click();
    await flushPromises();
    document.querySelector('[data-test="transition-submit"]').click();
    await flushPromises();
    expect(JSON.parse(regulator.fetchMock.mock.calls[0][1].body)).toEqual({ result: 'Confirmed on site', upheld: true });
    regulator.wrapper.unmount();
    document.body.innerHTML = '';

    const company = await resolveAs({ username: 'demo-company', permissions: ['complaint:handle'], scope: { kind: 'COMPANY', companyId: 3 } });
    expect(document.querySelector('[data-test="transition-item-upheld"]')).toBeNull();
    document.querySelector('[data-test="transition-submit"]').click();
    await flushPromises();
    expect(JSON.parse(company.fetchMock.mock.calls[0][1].body)).toEqual({ result: 'Confirmed on site' });
    company.wrapper.unmount();
    session.me = null;
  }, 30000);
});

describe('transitions offered (SVC-CMP-2..4, SVC-REP-1, SVC-PAT-1)', () => {
  const regulator = { accountId: 2, permissions: ['complaint:read', 'complaint:dispatch', 'complaint:handle'], scope: { kind: 'ALL' } };
  const officer = { accountId: 3, permissions: ['complaint:read', 'complaint:handle'], scope: { kind: 'ALL' } };
  const company = { accountId: 10, permissions: ['complaint:read', 'complaint:handle', 'repair:handle', 'repair:read', 'patrol:handle'], scope: { kind: 'COMPANY', companyId: 2 } };
  const owner = { accountId: 12, permissions: ['complaint:read', 'repair:request', 'repair:read'], scope: { kind: 'OWNER' } };
  const names = (domain, record, me) => allowedTransitions(domain, record, me).map(r => r.name);

  it('follows status, permission and party', () => {
    expect(names('complaint', { status: 'REGISTERED' }, regulator)).toEqual(['dispatch', 'reject']);
    expect(names('complaint', { status: 'REGISTERED' }, officer)).toEqual([]);
    expect(names('complaint', { status: 'DISPATCHED', assigneeAccountId: 3 }, officer)).toEqual(['accept', 'reject']);
    expect(names('complaint', { status: 'DISPATCHED', assigneeAccountId: 4 }, officer)).toEqual([]);
    expect(names('complaint', { status: 'IN_PROGRESS', forwardedToCompany: true, companyId: 2 }, company)).toEqual(['wait', 'resolve', 'reject']);
    expect(names('complaint', { status: 'IN_PROGRESS', forwardedToCompany: true, companyId: 3 }, company)).toEqual([]);
    expect(names('complaint', { status: 'RESOLVED', complainantAccountId: 12 }, owner)).toEqual(['close', 'reopen']);
    expect(names('repair', { status: 'SCHEDULED', companyId: 2 }, company)).toEqual(['schedule', 'complete', 'reject']);
    expect(names('repair', { status: 'COMPLETED', companyId: 2, requesterAccountId: 12 }, owner)).toEqual(['confirm', 'reopen']);
    expect(names('patrol', { status: 'INSPECTED', companyId: 2 }, company)).toEqual(['inspect', 'close']);
    expect(names('patrol', { status: 'OPEN', companyId: 5 }, company)).toEqual([]);
  });
});
