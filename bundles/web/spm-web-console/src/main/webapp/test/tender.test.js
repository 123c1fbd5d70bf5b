// Issue 15, the tendering pages (招投标, SUP-TND-1..5, TND-1..7): the list asks one page with the stage filter; the
// regulator returns a project review with a reason (field error first, then If-Match); the announcement's dates with
// the API's field errors under them; a company's registration refused with the API's message and code; the panel's
// masked names shown as given; an expert's scores with the points' field errors; the menus of each role.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../src/i18n.js';
import { session } from '../src/session.js';
import { visibleMenu } from '../src/menu.js';
import TendersView from '../src/areas/tender/TendersView.vue';
import TenderDetailView from '../src/areas/tender/TenderDetailView.vue';
import { json, stubApi } from './support/api-stub.js';

vi.setConfig({ testTimeout: 30000 });



async function mountAt(component, path) {
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/tenders/:id', component: { template: '<div/>' } },
    { path: '/:rest(.*)*', component: { template: '<div/>' } },
  ] });
  router.push(path);
  await router.isReady();
  const wrapper = mount(component, { global: { plugins: [i18n, router] }, attachTo: document.body });
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

const TENDER = {
  id: 5, version: 3, number: 'ZB-2026-000005', estateId: 1, estateName: 'Hengqin Bay Garden', tendererKind: 'DEVELOPER', tendererId: 2,
  tendererName: 'Hengqin Development Co.', title: 'Early-stage property services for Bay Garden', method: 'OPEN', invitedCompanyIds: [], serviceMonths: 36,
  criteria: [{ code: 'PLAN', name: 'Service plan', weight: 60 }, { code: 'PRICE', name: 'Price', weight: 40 }], stage: 'PROJECT_REVIEW', projectStatus: 'SUBMITTED',
  createdAt: '2026-11-01T02:00:00Z',
};
const ROUND = { id: 11, tenderId: 5, version: 1, status: 'SUBMITTED', submittedBy: 'demo-developer', submittedAt: '2026-11-02T02:00:00Z', materials: [{ title: 'Filing form', fileId: 'f1' }] };

describe('the tender list (SUP-TND-1)', () => {
  it('asks one page, filters by stage, and offers a new tender only with tender:apply', async () => {
    setLocale('en');
    session.me = { username: 'demo-regulator', permissions: ['tender:read', 'tender:review', 'tender:rules'], scope: { kind: 'ALL' } };
    const calls = stubApi([[['GET', /^\/api\/v1\/tenders\?/], () => json(200, { items: [{ ...TENDER, stage: 'BIDDING', bidDeadline: '2026-12-20T07:00:00Z' }], page: 0, size: 20, total: 1 })]]);
    const { wrapper } = await mountAt(TendersView, '/tenders');
    expect(calls[0].url).toBe('/api/v1/tenders?page=0&size=20');
    expect(wrapper.find('[data-test="tender-stage"]').text()).toBe('Bidding');
    expect(wrapper.find('[data-test="tender-link"]').text()).toBe('ZB-2026-000005');
    expect(wrapper.find('[data-test="tender-new"]').exists()).toBe(false);
    wrapper.findComponent({ name: 'ElSelect' }).vm.$emit('update:modelValue', 'BIDDING');
    wrapper.findComponent({ name: 'ElSelect' }).vm.$emit('change', 'BIDDING');
    await settle();
    expect(calls.at(-1).url).toBe('/api/v1/tenders?page=0&size=20&stage=BIDDING');
    wrapper.unmount();

    session.me = { username: 'demo-developer', permissions: ['tender:read', 'tender:apply'], scope: { kind: 'DEVELOPER' } };
    const again = await mountAt(TendersView, '/tenders');
    expect(again.wrapper.find('[data-test="tender-new"]').exists()).toBe(true);
    again.wrapper.unmount();
  });
});

describe('a tender (SUP-TND-2..5)', () => {
  it('the regulator returns the project review: the reason is required (field error), then sent with If-Match', async () => {
    setLocale('en');
    session.me = { username: 'demo-regulator', permissions: ['tender:read', 'tender:review'], scope: { kind: 'ALL' } };
    let rounds = [ROUND];
    const calls = stubApi([
      [['GET', /^\/api\/v1\/tenders\/5$/], () => json(200, TENDER)],
      [['GET', /^\/api\/v1\/tenders\/5\/project$/], () => json(200, rounds)],
      [['GET', /^\/api\/v1\/tenders\/5\/project\/history$/], () => json(200, [{ id: 1, roundId: 11, action: 'SUBMIT', to: 'SUBMITTED', actor: 'demo-developer', at: '2026-11-02T02:00:00Z' }])],
      [['POST', /^\/api\/v1\/tenders\/5\/project\/11\/return$/], (url, init) => {
        const body = JSON.parse(init.body);
        if (!body.reason) return json(400, { status: 400, detail: 'invalid', errors: [{ field: 'reason', code: 'reason.required', message: 'Give the reason' }] });
        rounds = [{ ...ROUND, status: 'RETURNED', reason: body.reason, decidedBy: 'demo-regulator' }];
        return json(200, rounds[0]);
      }],
    ]);
    const { wrapper } = await mountAt(TenderDetailView, '/tenders/5');
    expect(wrapper.find('[data-test="tender-detail-stage"]').text()).toBe('Filing under review');
    expect(wrapper.find('[data-test="project-status"]').text()).toBe('Under review');
    expect(wrapper.find('[data-test="project-history"]').text()).toContain('Submitted');
    expect(wrapper.find('[data-test="tender-edit"]').exists()).toBe(false);
    await wrapper.find('[data-test="project-return"]').trigger('click');
    await settle();
    document.querySelector('[data-test="project-decision-submit"]').click();
    await settle();
    expect(errorUnder(document.querySelector('[data-test="project-decision-reason"]'))).toBe('Give the reason');
    type('textarea[data-test="project-decision-reason"]', 'The filing form lacks the estate plan');
    await flushPromises();
    document.querySelector('[data-test="project-decision-submit"]').click();
    await settle();
    const sent = writes(calls).at(-1);
    expect(sent.url).toBe('/api/v1/tenders/5/project/11/return');
    expect(sent.headers['If-Match']).toBe('"1"'); // the round's version (review kernel)
    expect(JSON.parse(sent.body)).toEqual({ reason: 'The filing form lacks the estate plan' });
    expect(wrapper.find('[data-test="project-status"]').text()).toBe('Returned');
    expect(wrapper.find('[data-test="project-reason"]').text()).toBe('The filing form lacks the estate plan');
    wrapper.unmount();
  });

  it('the developer drafts the announcement: the TND-3/TND-4 rules from the rule table, the API field errors under the dates, PUT with If-Match', async () => {
    setLocale('en');
    session.me = { username: 'demo-developer', permissions: ['tender:read', 'tender:apply'], scope: { kind: 'DEVELOPER' } };
    const tender = { ...TENDER, stage: 'ANNOUNCEMENT', projectStatus: 'APPROVED' };
    const calls = stubApi([
      [['GET', /^\/api\/v1\/tenders\/5$/], () => json(200, tender)],
      [['GET', /^\/api\/v1\/tenders\/5\/project$/], () => json(200, [{ ...ROUND, status: 'APPROVED' }])],
      [['GET', /^\/api\/v1\/tenders\/5\/project\/history$/], () => json(200, [])],
      [['GET', /^\/api\/v1\/tenders\/5\/announcement$/], () => json(200, { draft: null, rounds: [], history: [] })],
      [['GET', /^\/api\/v1\/tenders\/rules$/], () => json(200, [{ code: 'ANNOUNCEMENT_LEAD', amount: 10, unit: 'CALENDAR_DAYS', version: 1 },
        { code: 'BID_PERIOD', amount: 20, unit: 'CALENDAR_DAYS', version: 1 }, { code: 'CLARIFICATION_LEAD', amount: 15, unit: 'CALENDAR_DAYS', version: 1 }])],
      [['PUT', /^\/api\/v1\/tenders\/5\/announcement$/], () => json(400, { status: 400, detail: 'invalid', errors: [
        { field: 'bidDeadline', code: 'announcement.bidPeriod', message: 'At least 20 days from the documents to the deadline (TND-3)' },
        { field: 'publishAt', code: 'announcement.lead', message: 'At least 10 days after the filing (TND-4)' },
      ] })],
    ]);
    const { wrapper } = await mountAt(TenderDetailView, '/tenders/5');
    expect(wrapper.find('[data-test="announcement-rules"]').text()).toContain('at least 10 days before the announcement');
    expect(wrapper.find('[data-test="announcement-rules"]').text()).toContain('at least 20 days');
    expect(wrapper.find('[data-test="announcement-submit-open"]').exists()).toBe(false); // nothing drafted yet
    await wrapper.find('[data-test="announcement-edit"]').trigger('click');
    await settle();
    type('textarea[data-test="announcement-text-input"]', 'Bay Garden seeks a property company.');
    await flushPromises();
    document.querySelector('[data-test="announcement-save"]').click();
    await settle();
    const put = writes(calls).at(-1);
    expect(put.method).toBe('PUT');
    expect(put.headers['If-Match']).toBe('"3"');
    expect(JSON.parse(put.body)).toMatchObject({ text: 'Bay Garden seeks a property company.', bidDeadline: null, invitedCompanyIds: [] });
    expect(errorUnder(document.querySelector('[data-test="announcement-item-bidDeadline"] input'))).toBe('At least 20 days from the documents to the deadline (TND-3)');
    expect(errorUnder(document.querySelector('[data-test="announcement-item-publishAt"] input'))).toBe('At least 10 days after the filing (TND-4)');
    wrapper.unmount();
  });

  it('a blacklisted company registering as a bidder sees the refusal with its message (TND-7)', async () => {
    setLocale('en');
    session.me = { username: 'demo-company', permissions: ['tender:read', 'tender:bid'], scope: { kind: 'COMPANY', companyId: 3 } };
    const tender = { ...TENDER, stage: 'BIDDING', projectStatus: 'APPROVED', bidDeadline: '2026-12-20T07:00:00Z' };
    const calls = stubApi([
      [['GET', /^\/api\/v1\/tenders\/5$/], () => json(200, tender)],
      [['GET', /^\/api\/v1\/tenders\/5\/bidders$/], () => json(200, [])],
      [['GET', /^\/api\/v1\/tenders\/5\/clarifications$/], () => json(200, [])],
      [['POST', /^\/api\/v1\/tenders\/5\/bidders$/], () => json(409, { status: 409, code: 'tender.bidder.blacklisted',
        detail: 'Bad Bay Property is blacklisted (credit grade C) and may not bid' })],
    ]);
    const { wrapper } = await mountAt(TenderDetailView, '/tenders/5');
    expect(wrapper.find('[data-test="project-submit-open"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="tender-close-bidding"]').exists()).toBe(false);
    await wrapper.find('[data-test="bidder-register"]').trigger('click');
    await settle();
    expect(writes(calls).at(-1).url).toBe('/api/v1/tenders/5/bidders');
    const refusal = wrapper.find('[data-test="bidder-refusal"]');
    expect(refusal.attributes('data-code')).toBe('tender.bidder.blacklisted');
    expect(refusal.text()).toContain('A blacklisted company may not bid');
    expect(refusal.text()).toContain('credit grade C');
    wrapper.unmount();
  });

  it('shows the panel with the masked names as given and sends an expert’s scores, the points’ field error under the point', async () => {
    setLocale('zh-CN');
    session.me = { username: 'demo-expert', permissions: ['tender:read', 'tender:score', 'expert:read', 'expert:apply', 'expert:confirm'], scope: { kind: 'NONE' } };
    const tender = { ...TENDER, stage: 'EVALUATION', projectStatus: 'APPROVED' };
    const calls = stubApi([
      [['GET', /^\/api\/v1\/tenders\/5$/], () => json(200, tender)],
      [['GET', /^\/api\/v1\/tenders\/5\/panel$/], () => json(200, { drawId: 8, size: 5, complete: true, seats: [
        { seat: 1, name: '专家 1', representative: false }, { seat: 2, expertId: 4, accountName: 'demo-expert', name: '林嘉文', representative: false },
        { seat: 3, name: '专家 3', representative: false }, { seat: 4, name: '专家 4', representative: false }, { seat: 5, name: '王建国', representative: true },
      ] })],
      [['GET', /^\/api\/v1\/tenders\/5\/bidders$/], () => json(200, [{ companyId: 21, companyName: '华琴物业' }, { companyId: 22, companyName: '澳湾服务' }])],
      [['GET', /^\/api\/v1\/tenders\/5\/scores$/], () => json(200, [])],
      [['POST', /^\/api\/v1\/tenders\/5\/scores$/], () => json(400, { status: 400, detail: 'invalid', errors: [
        { field: 'scores[1].points', code: 'score.range', message: '价格分不能超过 40' },
      ] })],
    ]);
    const { wrapper } = await mountAt(TenderDetailView, '/tenders/5');
    expect(wrapper.findAll('[data-test="panel-seat-name"]').map(n => n.text())).toEqual(['专家 1', '林嘉文', '专家 3', '专家 4', '王建国']);
    expect(wrapper.find('[data-test="panel-draw"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="result-compute"]').exists()).toBe(false);
    const point = wrapper.find('[data-test="score-21-PLAN"] input');
    await point.setValue('55');
    await point.trigger('blur');
    await wrapper.find('[data-test="score-submit"]').trigger('click');
    await settle();
    const sent = writes(calls).at(-1);
    expect(sent.url).toBe('/api/v1/tenders/5/scores');
    const body = JSON.parse(sent.body);
    expect(body.seat).toBeUndefined();
    expect(body.scores.length).toBe(4);
    expect(body.scores[0]).toEqual({ companyId: 21, criterion: 'PLAN', points: 55 });
    expect(body.scores[1]).toEqual({ companyId: 21, criterion: 'PRICE', points: null });
    expect(wrapper.find('[data-test="score-bidder-21"]').text()).toContain('价格分不能超过 40');
    wrapper.unmount();
  });
});

describe('the result and the award filing (SUP-TND-5, TND-6)', () => {
  it('shows the winner, each bidder’s per-seat totals and score, and lets the tenderer file the award with a file', async () => {
    setLocale('en');
    session.me = { username: 'demo-committee', permissions: ['tender:read', 'tender:apply', 'tender:score'], scope: { kind: 'COMMITTEE' } };
    const tender = { ...TENDER, stage: 'PUBLICITY', projectStatus: 'APPROVED', winnerCompanyId: 21, winnerName: 'Huaqin Property', awardDueAt: '2026-12-20T16:00:00Z' };
    const calls = stubApi([
      [['GET', /^\/api\/v1\/tenders\/5$/], () => json(200, tender)],
      [['GET', /^\/api\/v1\/tenders\/5\/result$/], () => json(200, { method: 'TRIMMED_MEAN', winnerCompanyId: 21, winnerName: 'Huaqin Property',
        publishedAt: '2026-12-05T02:00:00Z', publicityUntil: '2026-12-08T16:00:00Z', bidders: [
          { companyId: 21, companyName: 'Huaqin Property', seatTotals: [88, 90, 86, 91, 87], score: 88.33, rank: 1 },
          { companyId: 22, companyName: 'Macao Bay Services', seatTotals: [80, 82, 79, 85, 78], score: 80.33, rank: 2 }] })],
      [['GET', /^\/api\/v1\/tenders\/5\/award$/], () => json(200, [])],
      [['GET', /^\/api\/v1\/tenders\/5\/award\/history$/], () => json(200, [])],
      [['GET', /^\/api\/v1\/tenders\/5\/(project|panel|scores|bidders|clarifications|announcement)(\/history)?$/], () => json(200, [])],
      [['POST', /^\/api\/v1\/files\?/], () => json(201, { id: 'file-9', name: 'award.pdf' })],
      [['POST', /^\/api\/v1\/tenders\/5\/award$/], () => json(201, { id: 7, tenderId: 5, version: 0, status: 'SUBMITTED' })],
    ]);
    const { wrapper } = await mountAt(TenderDetailView, '/tenders/5');
    expect(wrapper.find('[data-test="result-winner"]').text()).toBe('Huaqin Property');
    expect(wrapper.findAll('[data-test="result-score"]').map(n => n.text())).toEqual(['88.33', '80.33']);
    expect(wrapper.find('[data-test="result-ranking"]').text()).toContain('88 / 90 / 86 / 91 / 87');
    expect(wrapper.find('[data-test="result-compute"]').exists()).toBe(false);
    await wrapper.find('[data-test="award-submit-open"]').trigger('click');
    await settle();
    const input = document.querySelector('[data-test="award-materials-file"]');
    Object.defineProperty(input, 'files', { value: [new File(['%PDF-1.4'], 'award.pdf', { type: 'application/pdf' })] });
    input.dispatchEvent(new Event('change'));
    await settle();
    document.querySelector('[data-test="award-submit"]').click();
    await settle();
    const sent = writes(calls).at(-1);
    expect(sent.url).toBe('/api/v1/tenders/5/award');
    expect(JSON.parse(sent.body)).toEqual({ materials: [{ title: 'award.pdf', fileId: 'file-9' }] });
    wrapper.unmount();
  });
});

describe('menus of issue 15 (the permissions of docs/tendering-contract.md)', () => {
  const keys = permissions => visibleMenu(permissions).map(e => e.key);
  it('gives each role its tendering and expert pages', () => {
    const regulator = keys(['tender:read', 'tender:review', 'tender:rules', 'expert:read', 'expert:manage', 'expert:review', 'expert:draw', 'expert:confirm']);
    expect(regulator).toEqual(expect.arrayContaining(['tenders', 'tenderRules', 'experts', 'expertAdmissions', 'expertDraws']));
    expect(regulator).not.toContain('expertMe');
    const developer = keys(['tender:read', 'tender:apply', 'tender:score', 'expert:read', 'expert:draw']);
    expect(developer).toEqual(expect.arrayContaining(['tenders', 'expertDraws']));
    expect(developer).not.toEqual(expect.arrayContaining(['tenderRules']));
    expect(developer.filter(k => ['experts', 'expertAdmissions', 'expertMe', 'tenderRules'].includes(k))).toEqual([]);
    const company = keys(['tender:read', 'tender:bid']);
    expect(company.filter(k => ['tenders', 'tenderRules', 'experts', 'expertDraws', 'expertMe'].includes(k))).toEqual(['tenders']);
    const expert = keys(['tender:read', 'tender:score', 'expert:read', 'expert:apply', 'expert:confirm']);
    expect(expert.filter(k => ['tenders', 'experts', 'expertAdmissions', 'expertDraws', 'expertMe'].includes(k)).sort()).toEqual(['expertMe', 'tenders']);
  });
});
