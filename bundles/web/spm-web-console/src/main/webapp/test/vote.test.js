// Issue 16, the e-voting pages (SVC-VOTE-1/2, COS-4, OCS-6; VOTE-2..8; docs/voting-contract.md): the list asks one page
// with the status filter and offers "new vote" only with vote:manage; the form sends the matters with their art. 278
// category and shows the API's field errors under the matter; the notice refused for a start < 15 days ahead (VOTE-8);
// the regulator suspends with a required reason (If-Match); the committee enters a paper ballot with its scan (the scan
// required first); the result per matter with ratios as the API gives them, quorum failing on heads while met on area,
// deemed votes apart, and the recount; ratio text without floats; the menus.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../src/i18n.js';
import { session } from '../src/session.js';
import { visibleMenu } from '../src/menu.js';
import VotesView from '../src/areas/vote/VotesView.vue';
import VoteDetailView from '../src/areas/vote/VoteDetailView.vue';
import { fraction, percent, effective, hasResult } from '../src/areas/vote/vote.js';
import { json, stubApi } from './support/api-stub.js';

vi.setConfig({ testTimeout: 30000 });



async function mountAt(component, path) {
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/votes/:id', component: { template: '<div/>' } },
    { path: '/:rest(.*)*', component: { template: '<div/>' } },
  ] });
  router.push(path);
  await router.isReady();
  const wrapper = mount(component, { global: { plugins: [i18n, router] }, attachTo: document.body });
  await settle();
  return { wrapper, router };
}

const settle = async () => { await flushPromises(); await flushPromises(); await new Promise(r => setTimeout(r, 150)); await flushPromises(); };
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

const RULE_SIMPLE = { quorum: { numerator: 2, denominator: 3, comparison: 'GE' }, pass: { numerator: 1, denominator: 2, comparison: 'GT' } };
const RULE_STRICT = { quorum: { numerator: 2, denominator: 3, comparison: 'GE' }, pass: { numerator: 3, denominator: 4, comparison: 'GE' } };
const VOTE = {
  id: 7, version: 4, estateId: 1, estateName: 'Macau New Neighbourhood', title: 'Hire a new property company and raise the fund', description: '',
  initiatorKind: 'COMMITTEE', initiatorName: 'Committee of Macau New Neighbourhood', status: 'OPEN', suspendedFrom: null, reason: null,
  startsAt: '2026-12-01T01:00:00Z', endsAt: '2026-12-15T09:00:00Z', ballotChangeAllowed: true, deemedAllowed: false, unsoldRule: 'EACH_HOUSE_ONE_HEAD',
  electorHeads: 12, electorArea: '1234.56', participatingHeads: 5,
  matters: [
    { id: 71, seq: 1, title: 'Hire Huaqin Property', description: '', category: 'PROPERTY_SERVICE', article: 4, rule: RULE_SIMPLE },
    { id: 72, seq: 2, title: 'Raise the maintenance fund', description: '', category: 'FUND_RAISE', article: 6, rule: RULE_STRICT },
  ],
  createdBy: 'demo-committee', createdAt: '2026-11-01T01:00:00Z',
};
const COMMON = [
  [['GET', /^\/api\/v1\/vote-settings\/1$/], () => json(200, { estateId: 1, deemedAllowed: false, basis: null, version: 0 })],
  [['GET', /^\/api\/v1\/votes\/7\/events$/], () => json(200, [{ action: 'NOTICE', fromStatus: 'DRAFT', toStatus: 'NOTICED', actor: 'demo-committee', at: '2026-11-10T01:00:00Z', reason: null }])],
  [['GET', /^\/api\/v1\/votes\/7\/electorate\?/], () => json(200, { items: [{ key: 'O12', kind: 'OWNER', units: ['AMXJF-1-0101', 'AMXJF-1-0102'], area: '180.40', heads: 1, voted: false }],
    page: 0, size: 20, total: 1, heads: 12, area: '1234.56', unverifiedHouses: 2 })],
  [['GET', /^\/api\/v1\/votes\/7\/ballots\?/], () => json(200, { items: [{ electorKey: 'O3', units: ['AMXJF-2-0301'], matterId: 71, choice: 'AGREE', channel: 'ONLINE',
    castAt: '2026-12-02T01:00:00Z', receipt: 'a'.repeat(64), scan: [] }], page: 0, size: 20, total: 1 })],
];

describe('the vote list (SVC-VOTE-1/2)', () => {
  it('asks one page, filters by status, and offers a new vote only with vote:manage', async () => {
    setLocale('en');
    session.me = { username: 'demo-regulator', permissions: ['vote:read', 'vote:supervise', 'vote:rules'], scope: { kind: 'ALL' } };
    const calls = stubApi([[['GET', /^\/api\/v1\/votes\?/], () => json(200, { items: [VOTE], page: 0, size: 20, total: 1 })]]);
    const { wrapper } = await mountAt(VotesView, '/votes');
    expect(calls[0].url).toBe('/api/v1/votes?page=0&size=20&sort=-id');
    expect(wrapper.find('[data-test="vote-status"]').text()).toBe('Open');
    expect(wrapper.find('[data-test="vote-link"]').text()).toBe(VOTE.title);
    expect(wrapper.find('[data-test="vote-turnout"]').text()).toBe('5 / 12');
    expect(wrapper.find('[data-test="vote-new"]').exists()).toBe(false);
    wrapper.findComponent({ name: 'ElSelect' }).vm.$emit('update:modelValue', 'OPEN');
    wrapper.findComponent({ name: 'ElSelect' }).vm.$emit('change', 'OPEN');
    await settle();
    expect(calls.at(-1).url).toBe('/api/v1/votes?page=0&size=20&sort=-id&status=OPEN');
    wrapper.unmount();
  });

  it('the committee creates a vote: matters with their category; the API field errors under the matter', async () => {
    setLocale('en');
    session.me = { username: 'demo-committee', permissions: ['vote:read', 'vote:manage', 'vote:paper', 'vote:settings'], scope: { kind: 'COMMITTEE' } };
    let sent = null;
    const calls = stubApi([
      [['GET', /^\/api\/v1\/votes\?/], () => json(200, { items: [], page: 0, size: 20, total: 0 })],
      [['GET', /^\/api\/v1\/estates\?/], () => json(200, { items: [{ id: 1, name: 'Macau New Neighbourhood' }], page: 0, size: 20, total: 1 })],
      [['POST', /^\/api\/v1\/votes$/], (url, init) => {
        sent = JSON.parse(init.body);
        if (!sent.title) return json(400, { status: 400, detail: 'invalid', errors: [{ field: 'title', code: 'field.required', message: 'Give the title' },
          { field: 'matters[0].title', code: 'field.required', message: 'Name the matter' }] });
        return json(201, { ...VOTE, id: 9, status: 'DRAFT' });
      }],
    ]);
    const { wrapper, router } = await mountAt(VotesView, '/votes');
    await wrapper.find('[data-test="vote-new"]').trigger('click');
    await settle();
    document.querySelector('[data-test="vote-save"]').click();
    await settle();
    expect(errorUnder(document.querySelector('input[data-test="vote-title"]'))).toBe('Give the title');
    expect(errorUnder(document.querySelector('input[data-test="vote-matter-title-0"]'))).toBe('Name the matter');
    expect(sent.matters).toEqual([{ title: '', description: '', category: 'OTHER' }]);
    expect(sent.ballotChangeAllowed).toBe(true);
    // the proposed start is at least 15 days ahead (VOTE-8) and the end after it
    expect(new Date(sent.startsAt).getTime()).toBeGreaterThan(Date.now() + 15 * 86400000);
    expect(new Date(sent.endsAt).getTime()).toBeGreaterThan(new Date(sent.startsAt).getTime());
    type('input[data-test="vote-title"]', 'Hire a new property company');
    type('input[data-test="vote-matter-title-0"]', 'Hire Huaqin Property');
    await flushPromises();
    document.querySelector('[data-test="vote-matter-add"]').click();
    await settle();
    type('input[data-test="vote-matter-title-1"]', 'Raise the fund');
    await flushPromises();
    document.querySelector('[data-test="vote-save"]').click();
    await settle();
    expect(writes(calls).at(-1).url).toBe('/api/v1/votes');
    expect(sent.title).toBe('Hire a new property company');
    expect(sent.matters.map(m => [m.title, m.category])).toEqual([['Hire Huaqin Property', 'OTHER'], ['Raise the fund', 'OTHER']]);
    await settle();
    expect(router.currentRoute.value.path).toBe('/votes/9');
    wrapper.unmount();
  });
});

describe('a vote (SVC-VOTE-2, COS-4, OCS-6)', () => {
  it('the notice is refused for a start less than 15 days ahead (VOTE-8): the API message shows; If-Match is the version', async () => {
    setLocale('en');
    session.me = { username: 'demo-committee', permissions: ['vote:read', 'vote:manage', 'vote:paper', 'vote:settings'], scope: { kind: 'COMMITTEE' } };
    const draft = { ...VOTE, status: 'DRAFT', electorHeads: null, electorArea: null, participatingHeads: 0, deemedAllowed: null, unsoldRule: null };
    const calls = stubApi([
      ...COMMON,
      [['GET', /^\/api\/v1\/votes\/7$/], () => json(200, draft)],
      [['POST', /^\/api\/v1\/votes\/7\/notice$/], () => json(400, { status: 400, detail: 'The vote starts less than 15 days after the notice (VOTE-8)',
        errors: [{ field: 'startsAt', code: 'vote.noticeTooShort', message: 'Voting may start 15 days after the notice at the earliest (VOTE-8)' }] })],
    ]);
    const { wrapper } = await mountAt(VoteDetailView, '/votes/7');
    expect(wrapper.find('[data-test="vote-detail-status"]').text()).toBe('Draft');
    expect(wrapper.find('[data-test="vote-edit"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="vote-suspend"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="vote-notice-hint"]').text()).toContain('15 days');
    expect(wrapper.find('[data-test="vote-result"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="vote-electorate"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-test="vote-matter-rule"]').map(x => x.text())).toEqual([
      'Quorum: area and owners ≥ 2/3Passes: participating area and owners > 1/2', 'Quorum: area and owners ≥ 2/3Passes: participating area and owners ≥ 3/4']);
    await wrapper.find('[data-test="vote-notice"]').trigger('click');
    await settle();
    const sent = writes(calls).at(-1);
    expect(sent.url).toBe('/api/v1/votes/7/notice');
    expect(sent.headers['If-Match']).toBe('"4"');
    expect(wrapper.find('[data-test="vote-action-error"]').text()).toContain('15 days');
    wrapper.unmount();
  });

  it('the regulator suspends with a reason (required first, then If-Match); no initiator buttons', async () => {
    setLocale('en');
    session.me = { username: 'demo-regulator', permissions: ['vote:read', 'vote:supervise', 'vote:rules', 'vote:settings'], scope: { kind: 'ALL' } };
    let vote = VOTE;
    const calls = stubApi([
      ...COMMON,
      [['GET', /^\/api\/v1\/votes\/7$/], () => json(200, vote)],
      [['POST', /^\/api\/v1\/votes\/7\/suspend$/], (url, init) => {
        const body = JSON.parse(init.body);
        if (!body.reason) return json(400, { status: 400, detail: 'invalid', errors: [{ field: 'reason', code: 'field.required', message: 'Give the reason' }] });
        vote = { ...VOTE, version: 5, status: 'SUSPENDED', suspendedFrom: 'OPEN', reason: body.reason };
        return json(200, vote);
      }],
    ]);
    const { wrapper } = await mountAt(VoteDetailView, '/votes/7');
    expect(wrapper.find('[data-test="vote-notice"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="vote-paper-open"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="vote-electorate-summary"]').text()).toContain('12 owners, exclusive area 1234.56 m²');
    expect(wrapper.find('[data-test="vote-electorate-summary"]').text()).toContain('2 houses without a verified title');
    expect(wrapper.findAll('[data-test="ballot-channel"]').map(x => x.text())).toEqual(['Online']);
    await wrapper.find('[data-test="vote-suspend"]').trigger('click');
    await settle();
    document.querySelector('[data-test="vote-reason-submit"]').click();
    await settle();
    expect(errorUnder(document.querySelector('textarea[data-test="vote-reason-input"]'))).toBe('Give the reason');
    type('textarea[data-test="vote-reason-input"]', 'Complaints that owners were not noticed');
    await flushPromises();
    document.querySelector('[data-test="vote-reason-submit"]').click();
    await settle();
    const sent = writes(calls).at(-1);
    expect(sent.url).toBe('/api/v1/votes/7/suspend');
    expect(sent.headers['If-Match']).toBe('"4"');
    expect(JSON.parse(sent.body)).toEqual({ reason: 'Complaints that owners were not noticed' });
    expect(wrapper.find('[data-test="vote-detail-status"]').text()).toBe('Suspended');
    expect(wrapper.find('[data-test="vote-suspended"]').text()).toContain('Complaints that owners were not noticed');
    expect(wrapper.find('[data-test="vote-resume"]').exists()).toBe(true);
    wrapper.unmount();
  });

  it('the committee enters a paper ballot: the scan is required, then uploaded and sent with the choices', async () => {
    setLocale('en');
    session.me = { username: 'demo-committee', permissions: ['vote:read', 'vote:manage', 'vote:paper', 'vote:settings'], scope: { kind: 'COMMITTEE' } };
    let body = null;
    const calls = stubApi([
      ...COMMON,
      [['GET', /^\/api\/v1\/votes\/7$/], () => json(200, VOTE)],
      [['POST', /^\/api\/v1\/files\?/], () => json(201, { id: 'f-scan-1', name: 'ballot.pdf', contentType: 'application/pdf', size: 10 })],
      [['POST', /^\/api\/v1\/votes\/7\/paper-ballots$/], (url, init) => {
        body = JSON.parse(init.body);
        if (!body.scan.length) return json(400, { status: 400, detail: 'invalid', errors: [{ field: 'scan', code: 'vote.scanRequired', message: 'Attach the scanned ballot' }] });
        return json(200, { receipts: body.choices.map(c => ({ ...c, channel: 'PAPER', castAt: '2026-12-03T01:00:00Z', receipt: 'b'.repeat(64), changed: false })) });
      }],
    ]);
    const { wrapper } = await mountAt(VoteDetailView, '/votes/7');
    await wrapper.find('[data-test="vote-paper-open"]').trigger('click');
    await settle();
    const form = wrapper.findAllComponents({ name: 'ElSelect' }).find(c => c.attributes('data-test') === 'vote-paper-elector');
    form.vm.$emit('update:modelValue', 'O12');
    const groups = wrapper.findAllComponents({ name: 'ElRadioGroup' });
    groups[0].vm.$emit('update:modelValue', 'AGREE');
    groups[1].vm.$emit('update:modelValue', 'DISAGREE');
    await settle();
    document.querySelector('[data-test="vote-paper-submit"]').click();
    await settle();
    expect(body).toEqual({ electorKey: 'O12', choices: [{ matterId: 71, choice: 'AGREE' }, { matterId: 72, choice: 'DISAGREE' }], scan: [] });
    expect(errorUnder(document.querySelector('input[data-test="vote-paper-file"]'))).toBe('Attach the scanned ballot');
    const input = document.querySelector('input[data-test="vote-paper-file"]');
    Object.defineProperty(input, 'files', { value: [new File(['%PDF-1.4'], 'ballot.pdf', { type: 'application/pdf' })], configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle();
    expect(calls.some(c => c.method === 'POST' && c.url === '/api/v1/files?name=ballot.pdf')).toBe(true);
    expect(document.querySelector('[data-test="vote-paper-scan"]').textContent).toContain('ballot.pdf');
    document.querySelector('[data-test="vote-paper-submit"]').click();
    await settle();
    expect(body.scan).toEqual([{ title: 'ballot.pdf', fileId: 'f-scan-1' }]);
    expect(wrapper.find('[data-test="vote-paper-saved"]').text()).toBe('Paper ballot entered: 2 matters');
    wrapper.unmount();
  });

  it('the result per matter: ratios as given, quorum met on area but not on heads (NO_QUORUM), deemed apart, the recount', async () => {
    setLocale('en');
    session.me = { username: 'demo-company', permissions: ['vote:read', 'vote:manage'], scope: { kind: 'COMPANY' } };
    const closed = { ...VOTE, status: 'CLOSED', deemedAllowed: true, initiatorKind: 'COMPANY' };
    const part = (heads, area) => ({ heads, area });
    const RESULT = {
      voteId: 7, computedAt: '2026-12-15T09:01:00Z', electorHeads: 12, electorArea: '1234.56', deemedAllowed: true, hash: 'c'.repeat(64),
      matters: [
        { matterId: 71, seq: 1, title: 'Hire Huaqin Property', category: 'PROPERTY_SERVICE', article: 4, rule: RULE_SIMPLE,
          agree: part(6, '700.00'), disagree: part(2, '150.00'), abstain: part(1, '50.00'), participating: part(9, '900.00'),
          deemed: part(1, '80.00'), quorumArea: { met: true, ratio: '0.7290' }, quorumHeads: { met: true, ratio: '0.7500' }, quorumMet: true,
          passArea: { met: true, ratio: '0.7778' }, passHeads: { met: true, ratio: '0.6667' }, outcome: 'PASSED' },
        { matterId: 72, seq: 2, title: 'Raise the maintenance fund', category: 'FUND_RAISE', article: 6, rule: RULE_STRICT,
          agree: part(5, '850.00'), disagree: part(1, '20.00'), abstain: part(0, '0.00'), participating: part(6, '870.00'),
          deemed: { heads: 0, area: '0.00', side: null }, quorumArea: { met: true, ratio: '0.7047' }, quorumHeads: { met: false, ratio: '0.5000' }, quorumMet: false,
          passArea: { met: true, ratio: '0.9770' }, passHeads: { met: true, ratio: '0.8333' }, outcome: 'NO_QUORUM' },
      ],
    };
    RESULT.matters[0].deemed.side = 'AGREE';
    const calls = stubApi([
      ...COMMON,
      [['GET', /^\/api\/v1\/votes\/7$/], () => json(200, closed)],
      [['GET', /^\/api\/v1\/votes\/7\/result$/], () => json(200, RESULT)],
      [['GET', /^\/api\/v1\/votes\/7\/result\/verify$/], () => json(200, { matches: true, storedHash: 'c'.repeat(64), recomputedHash: 'c'.repeat(64), ballots: 15 })],
    ]);
    const { wrapper } = await mountAt(VoteDetailView, '/votes/7');
    expect(wrapper.find('[data-test="vote-publish"]').exists()).toBe(true);
    const outcomes = wrapper.findAll('[data-test="vote-result-matters"] .el-table__body [data-test="vote-result-outcome"]').map(x => x.text());
    expect(outcomes).toEqual(['Passed', 'No quorum']);
    const cells = name => wrapper.findAll(`[data-test="vote-result-matters"] .el-table__body [data-test="${name}"]`).map(x => x.text());
    expect(cells('vote-result-quorum-area')).toEqual(['72.90%', '70.47%']);
    expect(cells('vote-result-quorum-heads')).toEqual(['75.00%', '50.00%']);
    expect(cells('vote-result-pass-heads')).toEqual(['66.67%', '83.33%']);
    expect(cells('vote-result-deemed')).toEqual(['1 owners · 80.00 m² · Agree', '—']);
    expect(wrapper.find('[data-test="vote-result-hash"]').text()).toBe('c'.repeat(64));
    await wrapper.find('[data-test="vote-result-verify"]').trigger('click');
    await settle();
    expect(calls.at(-1).url).toBe('/api/v1/votes/7/result/verify');
    expect(wrapper.find('[data-test="vote-result-check"]').attributes('data-matches')).toBe('true');
    expect(wrapper.find('[data-test="vote-result-check"]').text()).toContain('15 ballots');
    wrapper.unmount();
  });

  it("a company does not act on a committee's vote (409 vote.notInitiator): no initiator buttons", async () => {
    setLocale('en');
    session.me = { username: 'demo-company', permissions: ['vote:read', 'vote:manage'], scope: { kind: 'COMPANY' } };
    stubApi([...COMMON, [['GET', /^\/api\/v1\/votes\/7$/], () => json(200, { ...VOTE, status: 'DRAFT' })]]);
    const { wrapper } = await mountAt(VoteDetailView, '/votes/7');
    expect(wrapper.find('[data-test="vote-detail-status"]').text()).toBe('Draft');
    expect(wrapper.find('[data-test="vote-notice"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="vote-edit"]').exists()).toBe(false);
    wrapper.unmount();
  });
});

describe('vote helpers and menus', () => {
  it('ratios are text moved by two places, never floats; rule fractions keep ≥ and >', () => {
    expect(percent('0.6667')).toBe('66.67%');
    expect(percent('1.0000')).toBe('100.00%');
    expect(percent('0.0500')).toBe('5.00%');
    expect(percent('0')).toBe('0.00%');
    expect(percent(null)).toBe('');
    expect(fraction({ numerator: 2, denominator: 3, comparison: 'GE' })).toBe('≥ 2/3');
    expect(fraction({ numerator: 1, denominator: 2, comparison: 'GT' })).toBe('> 1/2');
    expect(effective({ status: 'SUSPENDED', suspendedFrom: 'CLOSED' })).toBe('CLOSED');
    expect(hasResult({ status: 'SUSPENDED', suspendedFrom: 'CLOSED' })).toBe(true);
    expect(hasResult({ status: 'OPEN' })).toBe(false);
  });

  it('the menus follow the permissions: the regulator also the rules, a company the votes only', () => {
    const keys = permissions => visibleMenu(permissions).map(m => m.key);
    expect(keys(['vote:read', 'vote:supervise', 'vote:rules'])).toEqual(expect.arrayContaining(['votes', 'voteRules']));
    expect(keys(['vote:read', 'vote:manage'])).toContain('votes');
    expect(keys(['vote:read', 'vote:manage'])).not.toContain('voteRules');
  });
});
