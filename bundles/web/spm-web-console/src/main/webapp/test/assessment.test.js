// Issue 14, the assessment pages (物业考核): the indicator set editor with the running total of the leaf weights and the
// API's field errors under the fields; the review of a report (points for every self-reported indicator with If-Match,
// a return needs a reason); the company's report (submitted again after a return); close and publish with If-Match and
// the ranking; the menu entries with their permissions.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../src/i18n.js';
import { session } from '../src/session.js';
import SetEditorView from '../src/areas/assessment/SetEditorView.vue';
import ReportReviewView from '../src/areas/assessment/ReportReviewView.vue';
import RoundDetailView from '../src/areas/assessment/RoundDetailView.vue';
import OwnAssessmentView from '../src/areas/assessment/OwnAssessmentView.vue';
import area from '../src/areas/assessment/area.js';
import { mayOpen, visibleMenu } from '../src/menu.js';
import { json, stubApi } from './support/api-stub.js';

vi.setConfig({ testTimeout: 30000 });


/** A fetch stub answering by method and path (query included); records every call. */

async function mountAt(component, path) {
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/assessment/sets/:id', component: { template: '<div/>' } },
    { path: '/assessment/rounds/:id', component: { template: '<div/>' } },
    { path: '/assessment/rounds/:id/reports/:companyId', component: { template: '<div/>' } },
    { path: '/:rest(.*)*', component: { template: '<div/>' } },
  ] });
  router.push(path);
  await router.isReady();
  const wrapper = mount(component, { global: { plugins: [i18n, router] }, attachTo: document.body });
  await flushPromises();
  await flushPromises();
  return wrapper;
}

const waitForErrors = () => new Promise(resolve => setTimeout(resolve, 150)); // Element Plus shows a form item's error after 100 ms
const errorUnder = el => (el.closest('.el-form-item').querySelector('.el-form-item__error') || { textContent: '' }).textContent.trim();
const writes = calls => calls.filter(c => c.method !== 'GET');

function typeNumber(selector, value) {
  const input = document.querySelector(`[data-test="${selector}"] input`);
  input.value = String(value);
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('change'));
}
function typeText(selector, value) {
  const input = document.querySelector(`input[data-test="${selector}"], textarea[data-test="${selector}"], [data-test="${selector}"] input, [data-test="${selector}"] textarea`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

afterEach(() => {
  vi.unstubAllGlobals();
  session.me = null;
  document.body.innerHTML = '';
});

const REGULATOR = { username: 'demo-regulator', permissions: ['assessment:read', 'assessment:manage'], scope: { kind: 'ALL' } };
const INDICATORS = [
  { id: 1, parentId: null, code: 'A', name: 'Service quality', weight: 60, method: null, ordinal: 1 },
  { id: 2, parentId: 1, code: 'A1', name: 'Staff training', weight: 30, method: 'SELF_REPORTED', evidenceRequired: true, ordinal: 1 },
  { id: 3, parentId: 1, code: 'A2', name: 'Repairs on time', weight: 30, method: 'COMPUTED', metric: 'REPAIR_ON_TIME', best: 0.95, worst: 0.6, ordinal: 2 },
  { id: 4, parentId: null, code: 'B', name: 'Safety drills', weight: 30, method: 'SELF_REPORTED', evidenceRequired: false, ordinal: 2 },
];
const SET = { id: 5, name: 'Assessment 2026', setVersion: 2, version: 3, status: 'DRAFT', totalWeight: 90, indicators: INDICATORS };

describe('the indicator set editor (issue 14)', () => {
  it('shows the running total of the leaf weights and the API field errors under the fields, saving with PUT and If-Match', async () => {
    setLocale('en');
    session.me = REGULATOR;
    const calls = stubApi([
      [['GET', /^\/api\/v1\/assessment\/indicator-sets\/5$/], () => json(200, SET)],
      [['PUT', /^\/api\/v1\/assessment\/indicator-sets\/5$/], () => json(400, { status: 400, detail: 'invalid', errors: [
        { field: 'indicators[2].weight', message: 'must be at most 25' },
        { field: 'indicators[3].code', message: 'is used twice' },
      ] })],
    ]);
    const wrapper = await mountAt(SetEditorView, '/assessment/sets/5');
    const total = () => wrapper.find('[data-test="set-total"]');
    expect(total().attributes('data-total')).toBe('90');
    expect(total().text()).toBe('Total weight of the scored indicators 90 / 100');
    expect(wrapper.find('[data-test="ind-0-weight-sum"]').text()).toBe('60'); // a group's weight is its indicators'
    expect(wrapper.find('[data-test="ind-0-1-metric"]').exists()).toBe(true); // computed: metric, best, worst
    expect(wrapper.find('[data-test="ind-0-0-metric"]').exists()).toBe(false);

    typeNumber('ind-1-weight', 40);
    await flushPromises();
    expect(total().attributes('data-total')).toBe('100');
    expect(total().classes()).toContain('ok');

    // a new level-2 indicator under B: B stops being scored itself, its weight becomes the sum
    await wrapper.find('[data-test="ind-1-add"]').trigger('click');
    typeText('ind-1-0-code', 'B1');
    typeText('ind-1-0-name', 'Fire drills');
    typeNumber('ind-1-0-weight', 40);
    await flushPromises();
    expect(wrapper.find('[data-test="ind-1-weight-sum"]').text()).toBe('40');
    expect(total().attributes('data-total')).toBe('100');

    await wrapper.find('[data-test="set-save"]').trigger('click');
    await flushPromises();
    await waitForErrors();
    const put = writes(calls)[0];
    expect(put.method).toBe('PUT');
    expect(put.headers['If-Match']).toBe('"3"');
    const body = JSON.parse(put.body);
    expect(body.name).toBe('Assessment 2026');
    // IndicatorInput: the tree by parentCode, the order by the list; a group's weight is left to the API (its children's sum)
    expect(body.indicators.map(i => [i.code, i.parentCode, i.weight, i.method])).toEqual([
      ['A', null, null, null], ['A1', 'A', 30, 'SELF_REPORTED'], ['A2', 'A', 30, 'COMPUTED'], ['B', null, null, null], ['B1', 'B', 40, 'SELF_REPORTED'],
    ]);
    expect(Object.keys(body.indicators[0]).sort()).toEqual(['best', 'code', 'evidenceRequired', 'method', 'metric', 'name', 'parentCode', 'weight', 'worst']);
    expect(body.indicators[2]).toMatchObject({ metric: 'REPAIR_ON_TIME', best: 0.95, worst: 0.6, evidenceRequired: false });
    expect(body.indicators[1]).toMatchObject({ evidenceRequired: true, metric: null });
    expect(errorUnder(document.querySelector('[data-test="ind-0-1-weight"]'))).toBe('must be at most 25');
    expect(errorUnder(document.querySelector('[data-test="ind-1-code"]'))).toBe('is used twice');
    expect(wrapper.find('[data-test="set-message"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('freezes a set at 100 after saving what is on the screen, with If-Match', async () => {
    setLocale('en');
    session.me = REGULATOR;
    const full = { ...SET, totalWeight: 100, indicators: INDICATORS.map(i => (i.id === 4 ? { ...i, weight: 40 } : i)) };
    const calls = stubApi([
      [['GET', /^\/api\/v1\/assessment\/indicator-sets\/5$/], () => json(200, SET)],
      [['PUT', /^\/api\/v1\/assessment\/indicator-sets\/5$/], () => json(200, { ...full, version: 4 })],
      [['POST', /^\/api\/v1\/assessment\/indicator-sets\/5\/freeze$/], () => json(200, { ...full, status: 'FROZEN', version: 5 })],
    ]);
    const wrapper = await mountAt(SetEditorView, '/assessment/sets/5');
    expect(wrapper.find('[data-test="set-title"]').text()).toContain('Version 2');
    expect(wrapper.find('[data-test="set-freeze"]').exists()).toBe(false); // 90 / 100
    typeNumber('ind-1-weight', 40);
    await flushPromises();
    await wrapper.find('[data-test="set-freeze"]').trigger('click');
    await flushPromises();
    expect(writes(calls).map(c => [c.method, c.url, c.headers['If-Match']])).toEqual([
      ['PUT', '/api/v1/assessment/indicator-sets/5', '"3"'], ['POST', '/api/v1/assessment/indicator-sets/5/freeze', '"4"'],
    ]);
    expect(wrapper.find('[data-test="set-detail-status"]').text()).toBe('Frozen');
    expect(wrapper.find('[data-test="set-editor"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('shows a frozen set read only with "copy to a new version"', async () => {
    setLocale('en');
    session.me = REGULATOR;
    const calls = stubApi([
      [['GET', /^\/api\/v1\/assessment\/indicator-sets\/5$/], () => json(200, { ...SET, status: 'FROZEN', indicators: INDICATORS.map(i => (i.id === 4 ? { ...i, weight: 40 } : i)) })],
      [['POST', /^\/api\/v1\/assessment\/indicator-sets\/5\/copy$/], () => json(201, { ...SET, id: 6, version: 4 })],
    ]);
    const wrapper = await mountAt(SetEditorView, '/assessment/sets/5');
    expect(wrapper.find('[data-test="set-editor"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-test="set-indicators"] .el-table__body tr').length).toBe(4);
    await wrapper.find('[data-test="set-copy"]').trigger('click');
    await flushPromises();
    expect(writes(calls).map(c => c.url)).toEqual(['/api/v1/assessment/indicator-sets/5/copy']);
    wrapper.unmount();
  });
});

const ROUND = { id: 8, name: 'Assessment 2026 H1', periodFrom: '2026-01-01', periodTo: '2026-06-30', indicatorSetId: 5, dueDate: '2026-07-15',
  status: 'OPEN', companies: 3, submitted: 2, version: 2 };
const REPORT = { id: 30, roundId: 8, companyId: 7, companyName: 'Huaqin Property', status: 'SUBMITTED', submittedAt: '2026-07-01T02:00:00Z', version: 6,
  values: [
    // as the API answers an attachment: with the file's name, type and size beside title and fileId
    { indicatorId: 2, value: '12 trainings', evidence: [{ title: 'training.pdf', fileId: 'f-1', name: 'training.pdf', contentType: 'application/pdf', size: 123 }] },
    { indicatorId: 4, value: '4 drills', evidence: [] },
  ] };

function reviewApi(extra = [], report = REPORT) {
  return stubApi([
    [['GET', /^\/api\/v1\/assessment\/rounds\/8$/], () => json(200, ROUND)],
    [['GET', /^\/api\/v1\/assessment\/rounds\/8\/reports\/7$/], () => json(200, report)],
    [['GET', /^\/api\/v1\/assessment\/indicator-sets\/5$/], () => json(200, { ...SET, status: 'FROZEN' })],
    ...extra,
  ]);
}

describe('the review of a report (issue 14)', () => {
  it('accepts with points for every self-reported indicator and If-Match', async () => {
    setLocale('en');
    session.me = REGULATOR;
    const calls = reviewApi([[['POST', /^\/api\/v1\/assessment\/rounds\/8\/reports\/7\/accept$/], () => json(200, { ...REPORT, status: 'APPROVED', version: 7 })]]);
    const wrapper = await mountAt(ReportReviewView, '/assessment/rounds/8/reports/7');
    expect(wrapper.find('[data-test="report-detail-status"]').text()).toBe('Awaiting review');
    expect(wrapper.find('[data-test="review-value-0"]').text()).toBe('12 trainings');
    expect(wrapper.findAll('[data-test="review-evidence-0"]').map(e => e.text())).toEqual(['training.pdf']);
    expect(wrapper.find('[data-test="review-value-1"]').text()).toBe('4 drills');
    expect(wrapper.find('[data-test="review-points-shown-A2"]').text()).toBe('Computed at closing'); // computed: no input
    expect(wrapper.find('[data-test="review-points-2"]').exists()).toBe(false);

    typeNumber('review-points-0', 25);
    typeText('review-note-0', 'Two trainings lacked records');
    typeNumber('review-points-1', 30);
    await flushPromises();
    await wrapper.find('[data-test="review-accept"]').trigger('click');
    await flushPromises();
    const post = writes(calls)[0];
    expect(post.url).toBe('/api/v1/assessment/rounds/8/reports/7/accept');
    expect(post.headers['If-Match']).toBe('"6"');
    expect(JSON.parse(post.body)).toEqual({
      points: [{ indicatorId: 2, points: 25, note: 'Two trainings lacked records' }, { indicatorId: 4, points: 30, note: '' }],
      reason: '',
    });
    wrapper.unmount();
  });

  it('returns only with a reason, with If-Match; no review buttons without assessment:manage', async () => {
    setLocale('en');
    session.me = REGULATOR;
    const calls = reviewApi([[['POST', /^\/api\/v1\/assessment\/rounds\/8\/reports\/7\/return$/], () => json(200, { ...REPORT, status: 'RETURNED', version: 7 })]]);
    const wrapper = await mountAt(ReportReviewView, '/assessment/rounds/8/reports/7');
    await wrapper.find('[data-test="review-return"]').trigger('click');
    await flushPromises();
    document.querySelector('[data-test="return-submit"]').click();
    await flushPromises();
    await waitForErrors();
    expect(writes(calls)).toEqual([]);
    expect(errorUnder(document.querySelector('[data-test="return-reason"]'))).toBe('Required');
    typeText('return-reason', 'The training records are missing');
    await flushPromises();
    document.querySelector('[data-test="return-submit"]').click();
    await flushPromises();
    const post = writes(calls)[0];
    expect(post.url).toBe('/api/v1/assessment/rounds/8/reports/7/return');
    expect(post.headers['If-Match']).toBe('"6"');
    expect(JSON.parse(post.body)).toEqual({ reason: 'The training records are missing' });
    wrapper.unmount();

    session.me = { username: 'demo-inspector', permissions: ['assessment:read'], scope: { kind: 'ALL' } };
    reviewApi();
    const reader = await mountAt(ReportReviewView, '/assessment/rounds/8/reports/7');
    expect(reader.find('[data-test="review-value-0"]').text()).toBe('12 trainings');
    expect(reader.find('[data-test="review-accept"]').exists()).toBe(false);
    expect(reader.find('[data-test="review-return"]').exists()).toBe(false);
    expect(reader.find('[data-test="review-points-0"]').exists()).toBe(false);
    reader.unmount();
  });
});

describe('a report of a closed round (issue 14)', () => {
  it('may still be accepted but no longer returned, and shows the computed points and their metric value', async () => {
    setLocale('en');
    session.me = REGULATOR;
    const closed = { ...REPORT, values: [...REPORT.values,
      { indicatorId: 3, code: 'A2', method: 'COMPUTED', value: '0.88', points: 24, valueStatus: 'VALUE' }] };
    stubApi([
      [['GET', /^\/api\/v1\/assessment\/rounds\/8$/], () => json(200, { ...ROUND, status: 'CLOSED' })],
      [['GET', /^\/api\/v1\/assessment\/rounds\/8\/reports\/7$/], () => json(200, closed)],
      [['GET', /^\/api\/v1\/assessment\/indicator-sets\/5$/], () => json(200, { ...SET, status: 'FROZEN' })],
    ]);
    const wrapper = await mountAt(ReportReviewView, '/assessment/rounds/8/reports/7');
    expect(wrapper.find('[data-test="review-accept"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="review-return"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="review-points-shown-A2"]').text()).toBe('24');
    expect(wrapper.find('[data-test="review-item-A2"]').text()).toContain('Repairs on time: 0.88');
    wrapper.unmount();
  });
});

describe('the company\'s own assessment (issue 14)', () => {
  it('shows the reason of a return and submits the figures and evidence of every self-reported indicator again', async () => {
    setLocale('en');
    session.me = { username: 'demo-company', permissions: ['assessment:read', 'assessment:report'], scope: { kind: 'COMPANY', companyId: 7 } };
    const returned = { ...REPORT, status: 'RETURNED', reason: 'The training records are missing', version: 7 };
    const calls = stubApi([
      [['GET', /^\/api\/v1\/assessment\/rounds\?page=0&size=20&status=OPEN$/], () => json(200, { items: [ROUND], page: 0, size: 20, total: 1 })],
      [['GET', /^\/api\/v1\/assessment\/rounds\?page=0&size=10&status=PUBLISHED$/], () => json(200, { items: [{ ...ROUND, id: 4, name: 'Assessment 2025', status: 'PUBLISHED', publishedAt: '2026-01-20T02:00:00Z' }], page: 0, size: 10, total: 1 })],
      [['GET', /^\/api\/v1\/assessment\/rounds\/8\/reports\/7$/], () => json(200, returned)],
      [['GET', /^\/api\/v1\/assessment\/rounds\/4\/reports\/7$/], () => json(200, { ...REPORT, roundId: 4, status: 'APPROVED', score: 86.5, rank: 2 })],
      [['GET', /^\/api\/v1\/assessment\/indicator-sets\/5$/], () => json(200, { ...SET, status: 'FROZEN' })],
      [['POST', /^\/api\/v1\/files\?name=drills\.pdf$/], () => json(201, { id: 'f-9', name: 'drills.pdf' })],
      [['POST', /^\/api\/v1\/assessment\/rounds\/8\/reports\/7\/submit$/], () => json(200, { ...returned, status: 'SUBMITTED', reason: null, version: 8 })],
    ]);
    const wrapper = await mountAt(OwnAssessmentView, '/assessment/own');
    await flushPromises();
    expect(wrapper.find('[data-test="own-report-status"]').text()).toBe('Returned');
    expect(wrapper.find('[data-test="own-returned-reason"]').text()).toContain('The training records are missing');
    expect(wrapper.find('[data-test="own-value-0"]').element.value).toBe('12 trainings');
    expect(wrapper.find('[data-test="own-submit"]').text()).toBe('Submit again');
    expect(wrapper.find('[data-test="own-result-score"]').text()).toBe('86.5');
    expect(wrapper.find('[data-test="own-result-rank"]').text()).toBe('2');

    typeText('own-value-0', '14 trainings');
    const file = wrapper.find('[data-test="own-evidence-1-file"]');
    Object.defineProperty(file.element, 'files', { value: [new File(['%PDF-1.4'], 'drills.pdf', { type: 'application/pdf' })] });
    await file.trigger('change');
    await flushPromises();
    await wrapper.find('[data-test="own-submit"]').trigger('click');
    await flushPromises();
    const post = writes(calls).find(c => c.url.endsWith('/submit'));
    expect(post.url).toBe('/api/v1/assessment/rounds/8/reports/7/submit');
    expect(JSON.parse(post.body)).toEqual({ values: [
      { indicatorId: 2, value: '14 trainings', evidence: [{ title: 'training.pdf', fileId: 'f-1' }] },
      { indicatorId: 4, value: '4 drills', evidence: [{ title: 'drills.pdf', fileId: 'f-9' }] },
    ] });
    await flushPromises();
    expect(wrapper.find('[data-test="own-report-status"]').text()).toBe('Awaiting review');
    expect(wrapper.find('[data-test="own-submit"]').exists()).toBe(false);
    wrapper.unmount();
  });
});

describe('a round (issue 14)', () => {
  it('publishes a closed round with If-Match and shows the ranking as a chart and a table', async () => {
    setLocale('en');
    session.me = REGULATOR;
    let round = { ...ROUND, status: 'CLOSED', version: 5 };
    const calls = stubApi([
      [['GET', /^\/api\/v1\/assessment\/rounds\/8$/], () => json(200, round)],
      [['GET', /^\/api\/v1\/assessment\/rounds\/8\/reports\?/], () => json(200, { items: [{ ...REPORT, status: 'APPROVED', score: 91, rank: 1 }], page: 0, size: 20, total: 1 })],
      [['GET', /^\/api\/v1\/assessment\/rounds\/8\/results$/], () => json(200, [
        { companyId: 7, companyName: 'Huaqin Property', score: 91, rank: 1 }, { companyId: 9, companyName: 'Bay Services', score: 78.5, rank: 2 },
      ])],
      [['POST', /^\/api\/v1\/assessment\/rounds\/8\/publish$/], () => { round = { ...round, status: 'PUBLISHED', version: 6 }; return json(200, round); }],
    ]);
    const wrapper = await mountAt(RoundDetailView, '/assessment/rounds/8');
    expect(calls.some(c => c.url === '/api/v1/assessment/rounds/8/reports?page=0&size=20')).toBe(true);
    expect(wrapper.find('[data-test="report-link"]').attributes('href')).toBe('/assessment/rounds/8/reports/7');
    expect(wrapper.find('[data-test="report-score"]').text()).toBe('91');
    expect(wrapper.find('[data-test="results-chart"]').attributes('data-values')).toBe('91,78.5');
    expect(wrapper.findAll('[data-test="result-company"]').map(c => c.text())).toEqual(['Huaqin Property', 'Bay Services']);
    expect(wrapper.find('[data-test="round-close"]').exists()).toBe(false);
    await wrapper.find('[data-test="round-publish"]').trigger('click');
    await flushPromises();
    const post = writes(calls)[0];
    expect(post.url).toBe('/api/v1/assessment/rounds/8/publish');
    expect(post.headers['If-Match']).toBe('"5"');
    expect(wrapper.find('[data-test="round-detail-status"]').text()).toBe('Published');
    expect(wrapper.find('[data-test="round-publish"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('closes an open round with If-Match; no buttons without assessment:manage', async () => {
    setLocale('en');
    session.me = REGULATOR;
    const calls = stubApi([
      [['GET', /^\/api\/v1\/assessment\/rounds\/8$/], () => json(200, ROUND)],
      [['GET', /^\/api\/v1\/assessment\/rounds\/8\/reports\?/], () => json(200, { items: [], page: 0, size: 20, total: 0 })],
      [['POST', /^\/api\/v1\/assessment\/rounds\/8\/close$/], () => json(200, { ...ROUND, status: 'CLOSED', version: 3 })],
    ]);
    const wrapper = await mountAt(RoundDetailView, '/assessment/rounds/8');
    expect(wrapper.find('[data-test="results"]').exists()).toBe(false);
    await wrapper.find('[data-test="round-close"]').trigger('click');
    await flushPromises();
    expect(writes(calls)[0].headers['If-Match']).toBe('"2"');
    wrapper.unmount();

    session.me = { username: 'demo-inspector', permissions: ['assessment:read'], scope: { kind: 'ALL' } };
    stubApi([
      [['GET', /^\/api\/v1\/assessment\/rounds\/8$/], () => json(200, ROUND)],
      [['GET', /^\/api\/v1\/assessment\/rounds\/8\/reports\?/], () => json(200, { items: [], page: 0, size: 20, total: 0 })],
    ]);
    const reader = await mountAt(RoundDetailView, '/assessment/rounds/8');
    expect(reader.find('[data-test="round-title"]').exists()).toBe(true);
    expect(reader.find('[data-test="round-close"]').exists()).toBe(false);
    reader.unmount();
  });

  it('shows the menu entries with their permissions', () => {
    expect(area.menu.map(m => [m.path, m.permission])).toEqual([
      ['/assessment/own', 'assessment:report'], ['/assessment', 'assessment:read'], ['/assessment/sets', 'assessment:read'],
    ]);
    const company = visibleMenu(['assessment:read', 'assessment:report']).map(m => m.path);
    expect(company).toEqual(expect.arrayContaining(['/assessment/own', '/assessment']));
    expect(visibleMenu(['assessment:read']).map(m => m.path)).not.toContain('/assessment/own');
    expect(mayOpen('/assessment/own', ['assessment:read'])).toBe(false);
    expect(mayOpen('/assessment/rounds/8/reports/7', ['assessment:read'])).toBe(true);
  });
});
