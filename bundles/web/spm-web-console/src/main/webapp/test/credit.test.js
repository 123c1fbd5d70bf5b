// Issue 14, the credit pages: the company list pages through the API with its filters, the detail asks again for
// another "as of" day, the reviewer verifies every declared item with If-Match, the company's appeal shows the API's
// field errors under the fields, appeals are withdrawn with If-Match and rules edited with PUT + If-Match.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { ElDatePicker } from 'element-plus';
import { i18n, setLocale } from '../src/i18n.js';
import { session } from '../src/session.js';
import CreditCompaniesView from '../src/areas/credit/CreditCompaniesView.vue';
import CreditCompanyView from '../src/areas/credit/CreditCompanyView.vue';
import CreditAppealsView from '../src/areas/credit/CreditAppealsView.vue';
import CreditRulesView from '../src/areas/credit/CreditRulesView.vue';
import OwnCreditView from '../src/areas/credit/OwnCreditView.vue';
import area from '../src/areas/credit/area.js';
import { mayOpen, visibleMenu } from '../src/menu.js';
import { json, stubApi } from './support/api-stub.js';

vi.setConfig({ testTimeout: 30000 });


/** A fetch stub answering by method and path (query included); records every call. */

async function routerAt(path) {
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/credit/companies/:id', component: { template: '<div/>' } },
    { path: '/:rest(.*)*', component: { template: '<div/>' } },
  ] });
  router.push(path);
  await router.isReady();
  return router;
}

async function mountAt(component, path, props = {}) {
  const router = await routerAt(path);
  const wrapper = mount(component, { props, global: { plugins: [i18n, router] }, attachTo: document.body });
  await flushPromises();
  await flushPromises();
  return wrapper;
}

const waitForErrors = () => new Promise(resolve => setTimeout(resolve, 150)); // Element Plus shows a form item's error after 100 ms
const errorUnder = el => (el.closest('.el-form-item').querySelector('.el-form-item__error') || { textContent: '' }).textContent.trim();
const posts = calls => calls.filter(c => c.method !== 'GET');

async function pickOption(wrapper, testId, text) {
  await wrapper.find(`[data-test="${testId}"] .el-select__wrapper`).trigger('click');
  await flushPromises();
  const option = [...document.querySelectorAll('.el-select-dropdown__item')].find(li => li.textContent.trim() === text);
  option.click();
  await flushPromises();
}

afterEach(() => {
  vi.unstubAllGlobals();
  session.me = null;
  document.body.innerHTML = '';
});

const ROW = (id, extra = {}) => ({ companyId: id, companyName: `Company ${id}`, score: 80 + id, grade: 'AA', blacklisted: false, baseScore: 60,
  goodPoints: 25, badPoints: 5, veto: false, updatedAt: '2026-03-01T02:00:00Z', ...extra });

describe('the credit list (issue 14)', () => {
  it('asks one page with the name, grade and blacklist filters and shows the blacklist flag', async () => {
    setLocale('en');
    session.me = { username: 'demo-regulator', permissions: ['credit:read'], scope: { kind: 'ALL' } };
    const calls = stubApi([[['GET', /^\/api\/v1\/credit\/companies\?/], url => {
      const blacklisted = new URL(url, 'http://x').searchParams.get('blacklisted') === 'true';
      return json(200, { items: blacklisted ? [ROW(3, { grade: 'C', blacklisted: true, score: 31, veto: true })] : [ROW(1), ROW(2)], page: 0, size: 20, total: blacklisted ? 1 : 42 });
    }]]);
    const wrapper = await mountAt(CreditCompaniesView, '/credit');
    const lists = () => calls.filter(c => c.url.startsWith('/api/v1/credit/companies?')).map(c => c.url);
    expect(lists()).toEqual(['/api/v1/credit/companies?page=0&size=20&sort=-score']);
    expect(wrapper.findAll('[data-test="credit-companies"] .el-table__body tr').length).toBe(2);
    expect(wrapper.find('[data-test="credit-blacklisted-tag"]').exists()).toBe(false);

    const name = wrapper.find('input[data-test="credit-search"]');
    await name.setValue('Company');
    await name.trigger('keyup', { key: 'Enter' });
    await flushPromises();
    expect(lists().at(-1)).toBe('/api/v1/credit/companies?page=0&size=20&sort=-score&q=Company');
    await pickOption(wrapper, 'credit-grade', 'C');
    expect(lists().at(-1)).toBe('/api/v1/credit/companies?page=0&size=20&sort=-score&q=Company&grade=C');
    await pickOption(wrapper, 'credit-blacklisted', 'Blacklisted only');
    expect(lists().at(-1)).toBe('/api/v1/credit/companies?page=0&size=20&sort=-score&q=Company&grade=C&blacklisted=true');
    expect(wrapper.findAll('[data-test="credit-companies"] .el-table__body tr').length).toBe(1);
    expect(wrapper.find('[data-test="credit-blacklisted-tag"]').text()).toBe('Blacklisted');
    expect(wrapper.find('[data-test="credit-grade-tag"]').text()).toBe('C');
    expect(calls.every(c => !c.url.includes('size=1000'))).toBe(true);
    wrapper.unmount();
  });
});

const RECORD_BAD = { id: 31, companyId: 7, companyName: 'Huaqin Property', kind: 'BAD', source: 'COMPLAINT', ruleCode: 'CMP-OVERDUE', points: 10,
  veto: false, occurredOn: '2026-02-01', validUntil: '2027-02-01', issuer: 'demo-regulator', reason: 'Complaint handled late', status: 'ACTIVE',
  version: 2, evidence: [], appealable: true };
const RECORD_GOOD = { ...RECORD_BAD, id: 32, kind: 'GOOD', source: 'AWARD', points: 5, reason: 'City award', appealable: false };
const DETAIL = {
  companyId: 7, companyName: 'Huaqin Property', asOf: '2026-03-02', score: 75, grade: 'A', blacklisted: false, baseScore: 80, goodPoints: 5, badPoints: 10,
  veto: false, records: [RECORD_BAD, RECORD_GOOD],
  history: [
    { at: '2026-02-01T02:00:00Z', score: 75, grade: 'A', blacklisted: false, cause: 'Bad record #31' },
    { at: '2026-01-10T02:00:00Z', score: 85, grade: 'AA', blacklisted: false, cause: 'Good record #32' },
    { at: '2026-01-01T02:00:00Z', score: 80, grade: 'AA', blacklisted: false, cause: 'Declaration verified' },
  ],
};
const DECLARATION = { id: 12, companyId: 7, status: 'SUBMITTED', submittedBy: 'demo-company', submittedAt: '2026-03-01T02:00:00Z', version: 4,
  items: [
    { id: 21, category: 'QUALIFICATION', title: 'ISO 9001', claimedPoints: 10, verifiedPoints: null, note: null, evidence: [{ title: 'iso.pdf', fileId: 'f-1' }] },
    { id: 22, category: 'STAFF', title: 'Certified managers', claimedPoints: 6, verifiedPoints: null, note: null, evidence: [{ title: 'staff.pdf', fileId: 'f-2' }] },
  ] };

function detailApi(extra = [], declarations = [DECLARATION]) {
  return stubApi([
    [['GET', /^\/api\/v1\/credit\/companies\/7(\?asOf=2025-06-30)?$/], url => json(200, url.includes('asOf=2025-06-30')
      ? { ...DETAIL, asOf: '2025-06-30', score: 88, grade: 'AA', records: [RECORD_GOOD], history: DETAIL.history.slice(2) }
      : DETAIL)],
    [['GET', /^\/api\/v1\/credit\/companies\/7\/declarations$/], () => json(200, declarations)],
    [['GET', /^\/api\/v1\/credit\/appeals\?/], () => json(200, { items: [], page: 0, size: 10, total: 0 })],
    ...extra,
  ]);
}

describe('the credit detail (issue 14)', () => {
  it('shows score and grade, the records in force and the history, and asks again for another as-of day', async () => {
    setLocale('en');
    session.me = { username: 'demo-inspector', permissions: ['credit:read'], scope: { kind: 'ALL' } };
    const calls = detailApi();
    const wrapper = await mountAt(CreditCompanyView, '/credit/companies/7');
    expect(calls[0].url).toBe('/api/v1/credit/companies/7');
    expect(wrapper.find('[data-test="credit-detail-score"]').text()).toBe('75');
    expect(wrapper.find('[data-test="credit-detail-grade"]').text()).toBe('A');
    expect(wrapper.find('[data-test="credit-detail-blacklist"]').text()).toBe('Not blacklisted');
    expect(wrapper.findAll('[data-test="credit-detail-records"] .el-table__body tr').length).toBe(2);
    expect(wrapper.findAll('[data-test="credit-history"] .el-table__body tr').length).toBe(3);
    expect(wrapper.find('[data-test="credit-chart"]').attributes('data-values')).toBe('80,85,75'); // oldest first
    // no appeal, repair, add record or review without their permissions; no appeals list for a reader
    for (const test of ['record-appeal', 'record-repair', 'credit-add-record', 'declaration-verify', 'declaration-open']) {
      expect(wrapper.find(`[data-test="${test}"]`).exists(), test).toBe(false);
    }
    expect(calls.some(c => c.url.startsWith('/api/v1/credit/appeals'))).toBe(false);

    wrapper.findComponent(ElDatePicker).vm.$emit('update:modelValue', '2025-06-30');
    await flushPromises();
    await flushPromises();
    expect(calls.filter(c => c.url.startsWith('/api/v1/credit/companies/7?')).map(c => c.url)).toEqual(['/api/v1/credit/companies/7?asOf=2025-06-30']);
    expect(wrapper.find('[data-test="credit-detail-score"]').text()).toBe('88');
    expect(wrapper.find('[data-test="credit-detail-grade"]').text()).toBe('AA');
    expect(wrapper.findAll('[data-test="credit-detail-records"] .el-table__body tr').length).toBe(1);
    wrapper.unmount();
  });

  it('lets the reviewer verify every item with its verified points and note, with If-Match', async () => {
    setLocale('en');
    session.me = { username: 'demo-regulator', permissions: ['credit:read', 'credit:review', 'credit:write'], scope: { kind: 'ALL' } };
    let declaration = DECLARATION;
    const calls = detailApi([[['POST', /^\/api\/v1\/credit\/companies\/7\/declarations\/12\/verify$/], (url, init) => {
      const body = JSON.parse(init.body);
      declaration = { ...DECLARATION, status: 'APPROVED', version: 5, baseScore: 76,
        items: DECLARATION.items.map((i, n) => ({ ...i, verifiedPoints: body.items[n].verifiedPoints, note: body.items[n].note })) };
      return json(200, declaration);
    }]]);
    const wrapper = await mountAt(CreditCompanyView, '/credit/companies/7');
    expect(wrapper.find('[data-test="declaration-status"]').text()).toBe('Awaiting review');
    expect(wrapper.findAll('[data-test="declaration-evidence"]').map(w => w.text())).toEqual(['iso.pdf', 'staff.pdf']);
    expect(wrapper.findAll('[data-test="record-repair"]').length).toBe(1); // the BAD ACTIVE record only
    expect(wrapper.find('[data-test="record-appeal"]').exists()).toBe(false); // not the regulator's own company
    await wrapper.find('[data-test="declaration-verify"]').trigger('click');
    await flushPromises();
    const dialog = document.querySelector('[data-test="verify-dialog"]');
    expect(dialog.querySelector('[data-test="verify-claimed-1"]').textContent).toBe('6');
    const points = dialog.querySelector('[data-test="verify-points-1"] input');
    points.value = '4';
    points.dispatchEvent(new Event('input'));
    points.dispatchEvent(new Event('change'));
    const note = dialog.querySelector('[data-test="verify-note-1"] input, input[data-test="verify-note-1"]');
    note.value = 'Two of the certificates expired';
    note.dispatchEvent(new Event('input'));
    await flushPromises();
    document.querySelector('[data-test="verify-submit"]').click();
    await flushPromises();
    await flushPromises();
    const post = posts(calls)[0];
    expect(post.url).toBe('/api/v1/credit/companies/7/declarations/12/verify');
    expect(post.headers['If-Match']).toBe('"4"');
    expect(JSON.parse(post.body)).toEqual({
      items: [{ itemId: 21, verifiedPoints: 10, note: '' }, { itemId: 22, verifiedPoints: 4, note: 'Two of the certificates expired' }],
      reason: '',
    });
    wrapper.unmount();
  });

  it('shows the API field errors of the company appeal under the reason and the evidence', async () => {
    setLocale('en');
    session.me = { username: 'demo-company', permissions: ['credit:read', 'credit:declare'], scope: { kind: 'COMPANY', companyId: 7 } };
    const calls = detailApi([
      [['POST', /^\/api\/v1\/credit\/records\/31\/appeals$/], () => json(400, { status: 400, detail: 'invalid', errors: [
        { field: 'reason', code: 'field.required', message: 'Give the grounds of the appeal' },
        { field: 'evidence', code: 'appeal.evidence', message: 'An appeal needs at least one file' },
      ] })],
    ], [{ ...DECLARATION, status: 'APPROVED' }]);
    const wrapper = await mountAt(OwnCreditView, '/credit/own');
    expect(calls[0].url).toBe('/api/v1/credit/companies/7');
    expect(wrapper.find('[data-test="declaration-open"]').exists()).toBe(true); // no declaration waiting: may declare again
    expect(wrapper.find('[data-test="declaration-verify"]').exists()).toBe(false);
    expect(calls.some(c => c.url === '/api/v1/credit/appeals?page=0&size=10&companyId=7')).toBe(true);
    const appeal = wrapper.findAll('[data-test="record-appeal"]');
    expect(appeal.length).toBe(1); // the BAD ACTIVE record, not the good one
    await appeal[0].trigger('click');
    await flushPromises();
    document.querySelector('[data-test="appeal-submit"]').click();
    await flushPromises();
    await waitForErrors();
    const post = posts(calls)[0];
    expect(post.url).toBe('/api/v1/credit/records/31/appeals');
    expect(JSON.parse(post.body)).toEqual({ reason: '', evidence: [] });
    expect(errorUnder(document.querySelector('[data-test="appeal-reason"]'))).toBe('Give the grounds of the appeal');
    expect(errorUnder(document.querySelector('[data-test="appeal-evidence"]'))).toBe('An appeal needs at least one file');
    wrapper.unmount();
  });
});

describe('credit records (issue 14)', () => {
  it('adds a manual record for the company shown (source MANUAL) and shows the API field error under the reason', async () => {
    setLocale('en');
    session.me = { username: 'demo-officer', permissions: ['credit:read', 'credit:write'], scope: { kind: 'ALL' } };
    const calls = detailApi([[['POST', /^\/api\/v1\/credit\/records$/], () => json(400, { status: 400, detail: 'invalid', errors: [
      { field: 'reason', code: 'field.required', message: 'State the facts' },
      { field: 'occurredOn', code: 'field.required', message: 'When did it happen?' },
    ] })]]);
    const wrapper = await mountAt(CreditCompanyView, '/credit/companies/7');
    await wrapper.find('[data-test="credit-add-record"]').trigger('click');
    await flushPromises();
    const dialog = document.querySelector('[data-test="record-dialog"]');
    expect(dialog.querySelector('[data-test="record-company"]').textContent).toContain('Huaqin Property');
    document.querySelector('[data-test="record-submit"]').click();
    await flushPromises();
    await waitForErrors();
    const post = posts(calls)[0];
    expect(post.url).toBe('/api/v1/credit/records');
    expect(JSON.parse(post.body)).toEqual({ companyId: 7, kind: 'BAD', source: 'MANUAL', points: 5, veto: false, occurredOn: null, validMonths: 12,
      reason: '', evidence: [] });
    expect(errorUnder(dialog.querySelector('[data-test="record-reason"]'))).toBe('State the facts');
    expect(errorUnder(dialog.querySelector('[data-test="record-item-occurredOn"] .el-form-item__content'))).toBe('When did it happen?');
    wrapper.unmount();
  });
});

describe('appeals and rules (issue 14)', () => {
  it('withdraws a record on appeal with If-Match and asks the SUBMITTED page first', async () => {
    setLocale('en');
    session.me = { username: 'demo-regulator', permissions: ['credit:read', 'credit:review'], scope: { kind: 'ALL' } };
    const appeal = { id: 4, recordId: 31, companyId: 7, companyName: 'Huaqin Property', status: 'SUBMITTED', reason: 'Was on time', submittedBy: 'demo-company',
      submittedAt: '2026-03-01T02:00:00Z', dueAt: '2026-03-15T10:00:00Z', version: 1, evidence: [] };
    const calls = stubApi([
      [['GET', /^\/api\/v1\/credit\/appeals\?/], () => json(200, { items: [appeal], page: 0, size: 20, total: 1 })],
      [['POST', /^\/api\/v1\/credit\/appeals\/4\/withdraw$/], () => json(200, { ...appeal, status: 'WITHDRAWN', version: 2 })],
    ]);
    const wrapper = await mountAt(CreditAppealsView, '/credit/appeals');
    expect(calls[0].url).toBe('/api/v1/credit/appeals?page=0&size=20&status=SUBMITTED');
    await wrapper.find('[data-test="appeal-withdraw"]').trigger('click');
    await flushPromises();
    const reason = document.querySelector('[data-test="appeal-decision-reason"] textarea, textarea[data-test="appeal-decision-reason"]');
    reason.value = 'The complaint was answered in time';
    reason.dispatchEvent(new Event('input'));
    await flushPromises();
    document.querySelector('[data-test="appeal-decision-submit"]').click();
    await flushPromises();
    const post = posts(calls)[0];
    expect(post.url).toBe('/api/v1/credit/appeals/4/withdraw');
    expect(post.headers['If-Match']).toBe('"1"');
    expect(JSON.parse(post.body)).toEqual({ reason: 'The complaint was answered in time' });
    wrapper.unmount();
  });

  it('edits a rule with PUT and If-Match only with credit:rules', async () => {
    setLocale('en');
    session.me = { username: 'demo-regulator', permissions: ['credit:read', 'credit:rules'], scope: { kind: 'ALL' } };
    const rule = { code: 'CMP-OVERDUE', source: 'COMPLAINT', condition: 'A complaint handled after its time limit', kind: 'BAD', points: 10, validMonths: 12,
      veto: false, active: true, version: 3 };
    const calls = stubApi([
      [['GET', /^\/api\/v1\/credit\/rules$/], () => json(200, [rule])],
      [['PUT', /^\/api\/v1\/credit\/rules\/CMP-OVERDUE$/], (url, init) => json(200, { ...rule, ...JSON.parse(init.body), version: 4 })],
    ]);
    const wrapper = await mountAt(CreditRulesView, '/credit/rules');
    await wrapper.find('[data-test="rule-edit"]').trigger('click');
    await flushPromises();
    document.querySelector('[data-test="rule-save"]').click();
    await flushPromises();
    const put = posts(calls)[0];
    expect(put.method).toBe('PUT');
    expect(put.headers['If-Match']).toBe('"3"');
    expect(JSON.parse(put.body)).toEqual({ points: 10, validMonths: 12, veto: false, active: true });
    wrapper.unmount();

    session.me = { username: 'demo-company', permissions: ['credit:read', 'credit:declare'], scope: { kind: 'COMPANY', companyId: 7 } };
    stubApi([[['GET', /^\/api\/v1\/credit\/rules$/], () => json(200, [rule])]]);
    const readOnly = await mountAt(CreditRulesView, '/credit/rules');
    expect(readOnly.find('[data-test="rule-edit"]').exists()).toBe(false);
    readOnly.unmount();
  });

  it('shows the menu entries with their permissions', () => {
    const company = visibleMenu(['credit:read', 'credit:declare'], area.menu).map(e => e.key);
    expect(company).toEqual(['creditOwn', 'credit', 'creditRecords', 'creditRules']);
    expect(visibleMenu(['credit:read', 'credit:review'], area.menu).map(e => e.key)).toContain('creditAppeals');
    expect(mayOpen('/credit/appeals', ['credit:read'], area.menu)).toBe(false);
    expect(mayOpen('/credit/companies/7', ['credit:read'], area.menu)).toBe(true);
    expect(mayOpen('/credit/own', ['credit:read'], area.menu)).toBe(false);
  });
});
