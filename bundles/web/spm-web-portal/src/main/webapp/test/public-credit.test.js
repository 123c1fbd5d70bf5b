// Issue 14, the public pages: company credit (DIS-1) with the blacklist flag clearly shown, and the published random
// inspections (DIS-5) with their outcome counts; both page through the public API without a login, and are in the
// portal's navigation.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../src/i18n.js';
import { signOut } from '../src/session.js';
import { PUBLIC_NAV } from '../src/nav.js';
import CreditView from '../src/views/CreditView.vue';
import InspectionsView from '../src/views/InspectionsView.vue';

const json = body => Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));

async function mountView(component, answer) {
  const calls = [];
  vi.stubGlobal('fetch', vi.fn((url, init) => { calls.push([url, init]); return json(answer(url)); }));
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { template: '<div/>' } }] });
  await router.push('/');
  const wrapper = mount(component, { global: { plugins: [i18n, router] }, attachTo: document.body });
  await flushPromises();
  return { wrapper, calls };
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const CREDIT = {
  items: [
    { companyId: 3, companyName: 'Bad Bay Property', grade: 'C', score: 31, blacklisted: true, goodRecords: 0, badRecords: 3,
      records: [{ kind: 'BAD', source: 'PENALTY', points: 40, veto: true, occurredOn: '2026-02-01', validUntil: '2029-02-01' }] },
    { companyId: 2, companyName: 'Huaqin Property', grade: 'AA', score: 88, blacklisted: false, goodRecords: 2, badRecords: 0,
      records: [{ kind: 'GOOD', source: 'AWARD', points: 5, veto: false, occurredOn: '2026-01-10', validUntil: '2027-01-10' }] },
  ],
  page: 0, size: 10, total: 2,
};

describe('public credit (DIS-1)', () => {
  it('asks one page without a login, shows grade and score, and the blacklist flag as a banner on the blacklisted company only', async () => {
    setLocale('en');
    signOut();
    const { wrapper, calls } = await mountView(CreditView, () => CREDIT);
    expect(calls[0][0]).toBe('/api/v1/public/credit?page=0&size=10');
    expect(calls[0][1].headers.Authorization).toBeUndefined();
    const cards = wrapper.findAll('[data-test="public-credit-company"]');
    expect(cards.length).toBe(2);
    const flag = cards[0].find('[data-test="public-credit-blacklisted"]');
    expect(flag.exists()).toBe(true);
    expect(flag.text()).toContain('Blacklisted');
    expect(flag.attributes('role')).toBe('note');
    expect(cards[1].find('[data-test="public-credit-blacklisted"]').exists()).toBe(false);
    expect(cards[1].find('[data-test="public-credit-not-blacklisted"]').text()).toBe('Not blacklisted');
    expect(cards.map(c => c.find('[data-test="public-credit-grade"]').text())).toEqual(['C', 'AA']);
    expect(cards.map(c => c.find('[data-test="public-credit-score"]').text())).toEqual(['31', '88']);
    expect(cards[0].find('[data-test="public-credit-record"]').text()).toContain('Bad −40');
    expect(cards[0].find('[data-test="public-credit-record"]').text()).toContain('Administrative penalty');
    expect(cards[0].find('[data-test="public-credit-record"]').text()).toContain('valid until 2029-02-01');
    expect(cards[0].find('[data-test="public-credit-veto"]').text()).toBe('Veto');
    expect(cards[1].find('[data-test="public-credit-veto"]').exists()).toBe(false);
    expect(cards[1].find('[data-test="public-credit-record"]').text()).toContain('Good +5');

    await wrapper.find('input[data-test="public-credit-search"]').setValue('Huaqin');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(calls.at(-1)[0]).toBe('/api/v1/public/credit?page=0&size=10&q=Huaqin');
    wrapper.unmount();
  });
});

describe('published random inspections (DIS-5)', () => {
  it('shows each published task with the drawn objects and their outcome counts, no inspectors', async () => {
    setLocale('en');
    signOut();
    const { wrapper, calls } = await mountView(InspectionsView, () => ({
      items: [{ taskId: 9, number: 'SS-2026-0009', name: 'Spring 2026', authority: 'Hengqin Urban Construction Bureau', target: 'COMPANY',
        startDate: '2026-03-02', endDate: '2026-03-31', publishedAt: '2026-04-01T02:00:00Z',
        objects: [
          { objectId: 41, name: 'Huaqin Property', riskLevel: 'HIGH', outcomes: { PASS: 2, FAIL: 1, NOT_APPLICABLE: 0 } },
          { name: 'Macao Bay Services', kind: 'COMPANY', pass: 3, fail: 1, notApplicable: 1, failedItems: ['Fire equipment checked'] },
        ] }],
      page: 0, size: 10, total: 1,
    }));
    expect(calls[0][0]).toBe('/api/v1/public/inspections?page=0&size=10');
    const task = wrapper.find('[data-test="public-inspection"]');
    expect(task.text()).toContain('Spring 2026');
    expect(task.text()).toContain('Hengqin Urban Construction Bureau');
    const objects = wrapper.findAll('[data-test="public-inspection-object"]');
    expect(objects.map(o => [o.find('[data-test="outcome-pass"]').text(), o.find('[data-test="outcome-fail"]').text(), o.find('[data-test="outcome-na"]').text()]))
      .toEqual([['2', '1', '0'], ['3', '1', '1']]);
    expect(objects[1].find('[data-test="public-inspection-failed"]').text()).toBe('Failed items: Fire equipment checked');
    expect(objects[0].text()).toContain('High risk');
    expect(wrapper.find('[data-test="inspections-patrols"]').attributes('href')).toBe('/disclosure/patrols');
    wrapper.unmount();
  });

  it('puts both pages in the public navigation', () => {
    expect(PUBLIC_NAV.map(n => n.path)).toEqual(expect.arrayContaining(['/credit', '/inspections']));
  });
});
