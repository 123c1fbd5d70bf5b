// Issue 14, DIS-6: the public 物业考核 TOP10 — the latest published round's ten best companies with rank and score and
// the round's period, asked without a login; a portal without a published round says so; the page is in the navigation.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../src/i18n.js';
import { signOut } from '../src/session.js';
import { PUBLIC_NAV } from '../src/nav.js';
import AssessmentView from '../src/views/AssessmentView.vue';

const answer = (status, body) => Promise.resolve(new Response(JSON.stringify(body), {
  status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
}));

async function mountView(status, body) {
  const calls = [];
  vi.stubGlobal('fetch', vi.fn((url, init) => { calls.push([url, init]); return answer(status, body); }));
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { template: '<div/>' } }] });
  await router.push('/assessment');
  const wrapper = mount(AssessmentView, { global: { plugins: [i18n, router] }, attachTo: document.body });
  await flushPromises();
  return { wrapper, calls };
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const TOP10 = {
  roundId: 8, roundName: 'Assessment 2026 H1', periodFrom: '2026-01-01', periodTo: '2026-06-30', publishedAt: '2026-07-20T02:00:00Z',
  items: Array.from({ length: 10 }, (_, i) => ({ rank: i + 1, companyId: 100 + i, companyName: `Company ${i + 1}`, score: 95 - i * 2.5 })),
};

describe('物业考核 TOP10 (DIS-6)', () => {
  it('asks without a login and shows rank, company and score with the round and its period', async () => {
    setLocale('en');
    signOut();
    const { wrapper, calls } = await mountView(200, TOP10);
    expect(calls.map(c => c[0])).toEqual(['/api/v1/public/assessment/top10']);
    expect(calls[0][1].headers.Authorization).toBeUndefined();
    expect(wrapper.find('h1').text()).toBe('Property company assessment: TOP 10');
    expect(wrapper.find('[data-test="public-top10-round"]').text()).toBe('Assessment 2026 H1');
    expect(wrapper.find('[data-test="public-top10-period"]').text()).toBe('2026-01-01 – 2026-06-30');
    const rows = wrapper.findAll('[data-test="public-top10-item"]');
    expect(rows.length).toBe(10);
    expect(rows.slice(0, 2).map(r => [r.find('[data-test="public-top10-rank"]').text(), r.find('[data-test="public-top10-company"]').text(),
      r.find('[data-test="public-top10-score"]').text()])).toEqual([['1', 'Company 1', '95'], ['2', 'Company 2', '92.5']]);
    expect(wrapper.findAll('th').map(th => th.text())).toEqual(['Rank', 'Property company', 'Score']);
    expect(wrapper.find('[data-test="public-top10-none"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('says so when no round is published yet', async () => {
    setLocale('zh-CN');
    signOut();
    const { wrapper } = await mountView(404, { status: 404, detail: 'none' });
    expect(wrapper.find('[data-test="public-top10"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="public-top10-none"]').text()).toBe('尚未公布考核结果');
    wrapper.unmount();
    // the API's answer while nothing is published: roundId null and no items
    const empty = await mountView(200, { roundId: null, roundName: null, periodFrom: null, periodTo: null, publishedAt: null, items: [] });
    expect(empty.wrapper.find('[data-test="public-top10"]').exists()).toBe(false);
    expect(empty.wrapper.find('[data-test="public-top10-none"]').exists()).toBe(true);
    empty.wrapper.unmount();
  });

  it('is in the public navigation', () => {
    expect(PUBLIC_NAV.map(n => n.path)).toContain('/assessment');
  });
});
