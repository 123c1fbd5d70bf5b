// Issue 15, tendering in public (DIS-3): the announcements and the results page through GET /public/tenders without a
// login; a tender's page shows the announcement and, once published, the winner, the bidders' scores and the panel's
// names; the page is in the public navigation and its route is the portal's.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../src/i18n.js';
import { signOut } from '../src/session.js';
import { PUBLIC_NAV } from '../src/nav.js';
import TendersView from '../src/views/TendersView.vue';
import TenderView from '../src/views/TenderView.vue';

const json = body => Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));

async function mountView(component, answer, props = {}, path = '/tenders') {
  const calls = [];
  vi.stubGlobal('fetch', vi.fn((url, init) => { calls.push([url, init]); return json(answer(url)); }));
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { template: '<div/>' } }] });
  await router.push(path);
  const wrapper = mount(component, { props, global: { plugins: [i18n, router] }, attachTo: document.body });
  await flushPromises();
  return { wrapper, calls };
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const ANNOUNCED = { id: 5, number: 'ZB-2026-000005', title: 'Bay Garden early-stage property services', method: 'OPEN', estateName: 'Hengqin Bay Garden',
  tendererName: 'Hengqin Development Co.', publishedAt: '2026-11-20T01:00:00Z', bidDeadline: '2026-12-20T07:00:00Z' };

describe('tendering in public (DIS-3)', () => {
  it('lists the announcements without a login, then the results with the winner', async () => {
    setLocale('en');
    signOut();
    const { wrapper, calls } = await mountView(TendersView, url => (url.includes('kind=result')
      ? { items: [{ ...ANNOUNCED, id: 4, winnerName: 'Huaqin Property', resultPublishedAt: '2026-11-01T02:00:00Z' }], page: 0, size: 10, total: 1 }
      : { items: [ANNOUNCED], page: 0, size: 10, total: 1 }));
    expect(calls[0][0]).toBe('/api/v1/public/tenders?page=0&size=10&kind=announcement');
    expect(calls[0][1].headers.Authorization).toBeUndefined();
    const card = wrapper.find('[data-test="public-tender"]');
    expect(card.text()).toContain('Bay Garden early-stage property services');
    expect(card.text()).toContain('Open tender');
    expect(card.attributes('href')).toBe('/tenders/5');
    expect(wrapper.find('[data-test="public-tender-deadline"]').text()).toContain('20/12/2026');
    wrapper.findComponent({ name: 'ElRadioGroup' }).vm.$emit('update:modelValue', 'result');
    await flushPromises();
    expect(calls.at(-1)[0]).toBe('/api/v1/public/tenders?page=0&size=10&kind=result');
    expect(wrapper.find('[data-test="public-tender-winner"]').text()).toBe('Winner: Huaqin Property');
    wrapper.unmount();
  });

  it('shows a tender with its announcement and the published result: winner, scores and the panel', async () => {
    setLocale('zh-CN');
    signOut();
    const { wrapper, calls } = await mountView(TenderView, () => ({
      ...ANNOUNCED, serviceMonths: 36,
      announcement: { text: '横琴湾花园前期物业服务公开招标。', publishAt: '2026-11-20T01:00:00Z', documentsFrom: '2026-11-20T01:00:00Z', bidDeadline: '2026-12-20T07:00:00Z', openingAt: '2026-12-20T08:00:00Z' },
      winnerName: '华琴物业',
      result: { method: 'TRIMMED_MEAN', winnerCompanyId: 21, winnerName: '华琴物业', publishedAt: '2026-12-22T02:00:00Z', publicityUntil: '2026-12-25T16:00:00Z',
        bidders: [{ companyId: 21, companyName: '华琴物业', seatTotals: [88, 89, 88.5], score: 88.5, rank: 1 }, { companyId: 22, companyName: '澳湾服务', seatTotals: [80, 80, 80], score: 80, rank: 2 }] },
      panel: { drawId: 8, size: 5, complete: true, seats: [{ seat: 1, name: '林嘉文', representative: false, confirmed: true }, { seat: 2, name: '陈伟', representative: false, confirmed: true }] },
    }), { id: '5' }, '/tenders/5');
    expect(calls[0][0]).toBe('/api/v1/public/tenders/5');
    expect(wrapper.find('[data-test="public-tender-text"]').text()).toBe('横琴湾花园前期物业服务公开招标。');
    expect(wrapper.find('[data-test="public-tender-result-winner"]').text()).toBe('中标人：华琴物业');
    expect(wrapper.findAll('[data-test="public-tender-bidder"]').map(r => r.text())).toEqual([expect.stringContaining('88.5'), expect.stringContaining('80')]);
    expect(wrapper.findAll('[data-test="public-tender-bidder"]')[0].text()).toContain('中标');
    expect(wrapper.find('[data-test="public-tender-panel"]').text()).toBe('林嘉文、陈伟');
    wrapper.unmount();
  });

  it('shows no result before it is published', async () => {
    setLocale('en');
    const { wrapper } = await mountView(TenderView, () => ANNOUNCED, { id: '5' }, '/tenders/5');
    expect(wrapper.find('[data-test="public-tender-announcement"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="public-tender-result"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('is in the public navigation', () => {
    expect(PUBLIC_NAV.map(n => n.path)).toContain('/tenders');
  });
});
