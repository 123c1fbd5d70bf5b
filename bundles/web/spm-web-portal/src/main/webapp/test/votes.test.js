// Issue 16, the e-voting pages of the portal (DIS-4, OWN-3, MAP-6): the public list pages through GET /public/votes
// without a login; the receipt check (64 hex first, then counted / superseded / unknown); a vote's public page with the
// result per matter (ratios as given, NO_QUORUM, deemed apart); the owner casts a choice per matter all at once and sees
// the receipts; a cast ballot is final where the vote says so; an owner outside the electorate cannot cast; the
// navigation entries.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../src/i18n.js';
import { session, signOut } from '../src/session.js';
import { ownNav, PUBLIC_NAV } from '../src/nav.js';
import VotesView from '../src/views/vote/VotesView.vue';
import VoteView from '../src/views/vote/VoteView.vue';
import CastView from '../src/views/vote/CastView.vue';

vi.setConfig({ testTimeout: 30000 });

const json = (status, body) => new Response(JSON.stringify(body), {
  status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
});
function stubApi(routes) {
  const calls = [];
  vi.stubGlobal('fetch', vi.fn((url, init = {}) => {
    const method = init.method || 'GET';
    calls.push({ url, method, body: init.body });
    for (const [[m, re], answer] of routes) if (m === method && re.test(url)) return Promise.resolve(answer(url, init));
    return Promise.resolve(json(404, { status: 404, detail: `no stub for ${method} ${url}` }));
  }));
  return calls;
}
const settle = async () => { await flushPromises(); await flushPromises(); await new Promise(r => setTimeout(r, 100)); await flushPromises(); };
async function mountView(component, props = {}, path = '/votes') {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { template: '<div/>' } }] });
  await router.push(path);
  const wrapper = mount(component, { props, global: { plugins: [i18n, router] }, attachTo: document.body });
  await settle();
  return wrapper;
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
  signOut();
});

const PUBLIC = { id: 7, estateId: 1, estateName: 'Macau New Neighbourhood', title: 'Hire a new property company', initiatorKind: 'COMMITTEE', status: 'PUBLISHED',
  startsAt: '2026-11-01T01:00:00Z', endsAt: '2026-11-15T09:00:00Z', electorHeads: 12, participatingHeads: 9, matterCount: 2 };
const RULE = { quorum: { numerator: 2, denominator: 3, comparison: 'GE' }, pass: { numerator: 1, denominator: 2, comparison: 'GT' } };
const RESULT = {
  voteId: 7, computedAt: '2026-11-15T09:01:00Z', electorHeads: 12, electorArea: '1234.56', deemedAllowed: true, hash: 'c'.repeat(64),
  matters: [
    { matterId: 71, seq: 1, title: 'Hire Huaqin Property', category: 'PROPERTY_SERVICE', article: 4, rule: RULE,
      agree: { heads: 6, area: '700.00' }, disagree: { heads: 2, area: '150.00' }, abstain: { heads: 1, area: '50.00' }, participating: { heads: 9, area: '900.00' },
      deemed: { heads: 2, area: '160.00', side: 'AGREE' }, quorumArea: { met: true, ratio: '0.7290' }, quorumHeads: { met: true, ratio: '0.7500' }, quorumMet: true,
      passArea: { met: true, ratio: '0.7778' }, passHeads: { met: true, ratio: '0.6667' }, outcome: 'PASSED' },
    { matterId: 72, seq: 2, title: 'Raise the fund', category: 'FUND_RAISE', article: 6, rule: RULE,
      agree: { heads: 5, area: '850.00' }, disagree: { heads: 1, area: '20.00' }, abstain: { heads: 0, area: '0.00' }, participating: { heads: 6, area: '870.00' },
      deemed: { heads: 0, area: '0.00', side: null }, quorumArea: { met: true, ratio: '0.7047' }, quorumHeads: { met: false, ratio: '0.5000' }, quorumMet: false,
      passArea: { met: true, ratio: '0.9770' }, passHeads: { met: true, ratio: '0.8333' }, outcome: 'NO_QUORUM' },
  ],
};

describe('votes in public (DIS-4)', () => {
  it('lists the votes without a login; the receipt check refuses a malformed receipt, then answers counted, superseded, unknown', async () => {
    setLocale('en');
    const receipt = 'ab'.repeat(32);
    let answer = () => json(200, { receipt, counted: true, superseded: false, voteId: 7, matterId: 71, channel: 'ONLINE', castAt: '2026-11-02T01:00:00Z' });
    const calls = stubApi([
      [['GET', /^\/api\/v1\/public\/votes\?/], () => json(200, { items: [PUBLIC], page: 0, size: 10, total: 1 })],
      [['GET', /^\/api\/v1\/public\/vote-receipts\//], () => answer()],
    ]);
    const wrapper = await mountView(VotesView);
    expect(calls[0].url).toBe('/api/v1/public/votes?page=0&size=10');
    expect(calls[0].url).not.toContain('Authorization');
    expect(wrapper.find('[data-test="public-vote-status"]').text()).toBe('Result published');
    expect(wrapper.find('[data-test="public-vote-turnout"]').text()).toContain('9 of 12 voted');
    const input = wrapper.find('input[data-test="receipt-input"]');
    await input.setValue('not-a-receipt');
    await wrapper.find('[data-test="receipt-check"] form').trigger('submit');
    await settle();
    expect(wrapper.find('[data-test="receipt-error"]').text()).toContain('64 hexadecimal');
    expect(calls.filter(c => c.url.includes('vote-receipts'))).toHaveLength(0);
    await input.setValue(receipt.toUpperCase());
    await wrapper.find('[data-test="receipt-check"] form').trigger('submit');
    await settle();
    expect(calls.at(-1).url).toBe(`/api/v1/public/vote-receipts/${receipt}`);
    expect(wrapper.find('[data-test="receipt-counted"]').text()).toContain('was counted (online');
    answer = () => json(200, { receipt, counted: false, superseded: true, voteId: 7, matterId: 71, channel: 'ONLINE', castAt: '2026-11-02T01:00:00Z' });
    await wrapper.find('[data-test="receipt-check"] form').trigger('submit');
    await settle();
    expect(wrapper.find('[data-test="receipt-superseded"]').exists()).toBe(true);
    answer = () => json(404, { status: 404, code: 'vote.receiptUnknown', detail: 'Unknown receipt' });
    await wrapper.find('[data-test="receipt-check"] form').trigger('submit');
    await settle();
    expect(wrapper.find('[data-test="receipt-error"]').text()).toBe('Unknown receipt.');
    wrapper.unmount();
  });

  it('a receipt in the address (the cast page\'s link) is checked at once', async () => {
    setLocale('en');
    const receipt = 'cd'.repeat(32);
    const calls = stubApi([
      [['GET', /^\/api\/v1\/public\/votes\?/], () => json(200, { items: [], page: 0, size: 10, total: 0 })],
      [['GET', /^\/api\/v1\/public\/vote-receipts\//], () => json(200, { receipt, counted: true, superseded: false, voteId: 7, matterId: 71, channel: 'PAPER', castAt: '2026-11-02T01:00:00Z' })],
    ]);
    const wrapper = await mountView(VotesView, {}, `/votes?receipt=${receipt}`);
    expect(calls.some(c => c.url === `/api/v1/public/vote-receipts/${receipt}`)).toBe(true);
    expect(wrapper.find('[data-test="receipt-counted"]').text()).toContain('paper ballot');
    expect(wrapper.find('[data-test="public-votes-empty"]').exists()).toBe(true);
    wrapper.unmount();
  });

  it('a published vote shows the result per matter: ratios as given, NO_QUORUM on heads, deemed votes apart', async () => {
    setLocale('en');
    stubApi([[['GET', /^\/api\/v1\/public\/votes\/7$/], () => json(200, { vote: PUBLIC, matters: [
      { id: 71, seq: 1, title: 'Hire Huaqin Property', category: 'PROPERTY_SERVICE', article: 4 },
      { id: 72, seq: 2, title: 'Raise the fund', category: 'FUND_RAISE', article: 6 }], result: RESULT })]]);
    const wrapper = await mountView(VoteView, { id: '7' }, '/votes/7');
    expect(wrapper.find('[data-test="public-vote-title"]').text()).toBe(PUBLIC.title);
    expect(wrapper.find('[data-test="public-vote-matters"]').text()).toContain('Civil Code art. 278 item 6');
    expect(wrapper.findAll('[data-test="vote-result-outcome"]').map(x => x.text())).toEqual(['Passed', 'No quorum, failed']);
    expect(wrapper.findAll('[data-test="vote-result-quorum-heads"]').map(x => x.text())).toEqual(['75.00%', '50.00%']);
    expect(wrapper.findAll('[data-test="vote-result-pass-heads"]').map(x => x.text())).toEqual(['66.67%', '83.33%']);
    expect(wrapper.findAll('[data-test="vote-result-deemed"]').map(x => x.text())).toEqual(['Deemed with the majority (shown apart): 2 owners, 160.00 m² · Agree']);
    expect(wrapper.text()).not.toMatch(/demo-owner|Owner [A-Z]/);
    wrapper.unmount();
  });

  it('a vote not yet published shows no result', async () => {
    setLocale('en');
    stubApi([[['GET', /^\/api\/v1\/public\/votes\/8$/], () => json(200, { vote: { ...PUBLIC, id: 8, status: 'OPEN' }, matters: [], result: null })]]);
    const wrapper = await mountView(VoteView, { id: '8' }, '/votes/8');
    expect(wrapper.find('[data-test="public-vote-no-result"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="vote-result"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('is in the public navigation, and my votes in the own one with vote:cast', () => {
    expect(PUBLIC_NAV.map(x => x.key)).toContain('votes');
    expect(ownNav({ permissions: ['vote:cast', 'house:verify'], scope: { kind: 'OWNER' } }).map(x => x.key)).toContain('myVotes');
    expect(ownNav({ permissions: ['house:verify'], scope: { kind: 'OWNER' } }).map(x => x.key)).not.toContain('myVotes');
  });
});

const VOTE = { id: 9, version: 3, estateId: 1, estateName: 'Macau New Neighbourhood', title: 'Install the lifts', description: 'Two lifts in building 3',
  initiatorKind: 'COMMITTEE', initiatorName: 'Committee', status: 'OPEN', startsAt: '2026-12-01T01:00:00Z', endsAt: '2026-12-15T09:00:00Z',
  ballotChangeAllowed: true, matters: [
    { id: 91, seq: 1, title: 'Install two lifts', category: 'REBUILD', article: 7, rule: RULE },
    { id: 92, seq: 2, title: 'Use the fund for them', category: 'FUND_USE', article: 5, rule: RULE }] };
const ELECTOR = { key: 'O5', kind: 'OWNER', units: ['AMXJF-3-0501'], area: '96.20', heads: 1, voted: false };

describe('casting a ballot (OWN-3, VOTE-6)', () => {
  it('the owner chooses on each matter, sends all at once and keeps the receipts', async () => {
    setLocale('en');
    session.token = 't';
    session.me = { username: 'demo-owner', permissions: ['vote:read', 'vote:cast'], scope: { kind: 'OWNER' } };
    let mine = { elector: ELECTOR, canCast: true, canChange: true, ballots: [] };
    let sent = null;
    const calls = stubApi([
      [['GET', /^\/api\/v1\/votes\/9$/], () => json(200, VOTE)],
      [['GET', /^\/api\/v1\/votes\/9\/my-ballot$/], () => json(200, mine)],
      [['POST', /^\/api\/v1\/votes\/9\/ballots$/], (url, init) => {
        sent = JSON.parse(init.body);
        if (sent.choices.length < 2) return json(400, { status: 400, detail: 'invalid', errors: [{ field: 'choices', code: 'vote.allMatters', message: 'Choose on every matter' }] });
        const receipts = sent.choices.map((c, i) => ({ ...c, channel: 'ONLINE', castAt: '2026-12-02T01:00:00Z', receipt: String(i + 1).repeat(64), changed: false }));
        mine = { ...mine, elector: { ...ELECTOR, voted: true }, ballots: receipts };
        return json(200, { receipts });
      }],
    ]);
    const wrapper = await mountView(CastView, { id: '9' }, '/me/votes/9');
    expect(wrapper.find('[data-test="cast-title"]').text()).toBe('Install the lifts');
    expect(wrapper.find('[data-test="cast-elector"]').text()).toContain('AMXJF-3-0501');
    expect(wrapper.find('[data-test="cast-submit"]').text()).toBe('Cast my ballot');
    const groups = wrapper.findAllComponents({ name: 'ElRadioGroup' });
    groups[0].vm.$emit('update:modelValue', 'AGREE');
    await settle();
    await wrapper.find('[data-test="cast-form"]').trigger('submit');
    await settle();
    expect(sent).toEqual({ choices: [{ matterId: 91, choice: 'AGREE' }] });
    expect(wrapper.find('[data-test="cast-message"]').text()).toBe('Choose on every matter');
    groups[1].vm.$emit('update:modelValue', 'ABSTAIN');
    await settle();
    await wrapper.find('[data-test="cast-form"]').trigger('submit');
    await settle();
    expect(writes(calls).at(-1).url).toBe('/api/v1/votes/9/ballots');
    expect(sent).toEqual({ choices: [{ matterId: 91, choice: 'AGREE' }, { matterId: 92, choice: 'ABSTAIN' }] });
    expect(wrapper.find('[data-test="cast-done"]').exists()).toBe(true);
    expect(wrapper.findAll('[data-test="cast-receipt-code"]').map(x => x.text())).toEqual(['1'.repeat(64), '2'.repeat(64)]);
    // the vote allows a change: the button now changes the ballot
    expect(wrapper.find('[data-test="cast-submit"]').text()).toBe('Change my ballot');
    wrapper.unmount();
  });

  it('a cast ballot is final where the vote says so; an owner outside the electorate cannot cast', async () => {
    setLocale('en');
    session.token = 't';
    session.me = { username: 'demo-owner', permissions: ['vote:read', 'vote:cast'], scope: { kind: 'OWNER' } };
    let mine = { elector: ELECTOR, canCast: false, canChange: false,
      ballots: [{ matterId: 91, choice: 'DISAGREE', channel: 'PAPER', castAt: '2026-12-02T01:00:00Z', receipt: 'e'.repeat(64) }] };
    stubApi([
      [['GET', /^\/api\/v1\/votes\/9$/], () => json(200, { ...VOTE, ballotChangeAllowed: false })],
      [['GET', /^\/api\/v1\/votes\/9\/my-ballot$/], () => json(200, mine)],
    ]);
    let wrapper = await mountView(CastView, { id: '9' }, '/me/votes/9');
    expect(wrapper.find('[data-test="cast-final"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="cast-paper"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="cast-submit"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-test="cast-receipt-code"]').map(x => x.text())).toEqual(['e'.repeat(64)]);
    wrapper.unmount();

    mine = { elector: null, canCast: false, canChange: false, ballots: [] };
    wrapper = await mountView(CastView, { id: '9' }, '/me/votes/9');
    expect(wrapper.find('[data-test="cast-not-elector"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="cast-form"]').exists()).toBe(false);
    wrapper.unmount();
  });
});

const writes = calls => calls.filter(c => c.method !== 'GET');
