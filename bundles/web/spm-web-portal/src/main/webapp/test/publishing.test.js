// Issue 16 part 3 in public (PUB-1, PUB-2, MAP-7): the news page through GET /public/notices with its category, a notice's
// page with the cut's time window, the policy search sending the words typed, a policy's page, the map panel's notices of the
// chosen estate, and both pages in the public navigation.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../src/i18n.js';
import { signOut } from '../src/session.js';
import { PUBLIC_NAV } from '../src/nav.js';
import NewsView from '../src/views/publishing/NewsView.vue';
import NoticeView from '../src/views/publishing/NoticeView.vue';
import PoliciesView from '../src/views/publishing/PoliciesView.vue';
import PolicyView from '../src/views/publishing/PolicyView.vue';

const json = body => Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));

async function mountView(component, answer, props = {}, path = '/') {
  const calls = [];
  vi.stubGlobal('fetch', vi.fn((url, init) => { calls.push([url, init]); return json(answer(url)); }));
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { template: '<div/>' } }] });
  await router.push(path);
  const wrapper = mount(component, { props, global: { plugins: [i18n, router] }, attachTo: document.body });
  mounted.push(wrapper);
  await flushPromises();
  await flushPromises();
  return { wrapper, calls };
}

const mounted = [];
afterEach(() => {
  mounted.splice(0).forEach(w => w.unmount());
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const CUT = { id: 9, publisherKind: 'COMPANY', publisherName: 'Zhuhai Property Co.', estateIds: [3], category: 'WATER_CUT', categoryLabel: 'Water cut',
  title: 'Water cut in Bay Garden', body: 'Tanks are cleaned.', urgent: true, windowStart: '2026-03-02T01:00:00Z', windowEnd: '2026-03-02T07:00:00Z',
  publishedAt: '2026-03-01T02:00:00Z', expireAt: '2026-03-02T09:00:00Z', attachments: [] };
const CATEGORIES = [{ code: 'GENERAL', label: 'General' }, { code: 'WATER_CUT', label: 'Water cut' }];

describe('publishing in public (issue 16 part 3)', () => {
  it('has the news and the policies in the public navigation', () => {
    expect(PUBLIC_NAV.map(n => n.path)).toEqual(expect.arrayContaining(['/notices', '/policies']));
  });

  it('lists the published notices without a login and filters by category', async () => {
    setLocale('en');
    signOut();
    const { wrapper, calls } = await mountView(NewsView, url => (url.includes('/categories') ? CATEGORIES
      : { items: [CUT], page: 0, size: 10, total: 1 }), {}, '/notices');
    const list = calls.find(c => c[0].startsWith('/api/v1/public/notices?'));
    expect(list[0]).toBe('/api/v1/public/notices?page=0&size=10');
    expect(list[1].headers.Authorization).toBeUndefined();
    const card = wrapper.find('[data-test="public-notice"]');
    expect(card.attributes('href')).toBe('/notices/9');
    expect(card.text()).toContain('Urgent');
    expect(wrapper.find('[data-test="public-notice-window"]').text()).toContain('02/03/2026');
    wrapper.findComponent({ name: 'ElSelect' }).vm.$emit('update:modelValue', 'WATER_CUT');
    wrapper.findComponent({ name: 'ElSelect' }).vm.$emit('change', 'WATER_CUT');
    await flushPromises();
    expect(calls.at(-1)[0]).toBe('/api/v1/public/notices?page=0&size=10&category=WATER_CUT');
  });

  it('shows a notice with its body and window, and says so when it is gone', async () => {
    setLocale('zh-CN');
    const { wrapper } = await mountView(NoticeView, () => ({ ...CUT, body: '二次供水设施清洗。' }), { id: '9' }, '/notices/9');
    expect(wrapper.find('[data-test="public-notice-body"]').text()).toBe('二次供水设施清洗。');
    expect(wrapper.find('[data-test="public-notice-window"]').text()).toContain('时间段');
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(JSON.stringify({ status: 404, detail: 'x' }),
      { status: 404, headers: { 'Content-Type': 'application/problem+json' } }))));
    await wrapper.setProps({ id: '10' });
    await flushPromises();
    expect(wrapper.find('[data-test="public-notice-error"]').text()).toContain('没有找到这条通知公告');
  });

  it('searches the policies with the words typed and marks a repealed one', async () => {
    setLocale('zh-CN');
    const { wrapper, calls } = await mountView(PoliciesView, () => ({ items: [{ id: 1, level: 'NATIONAL', issuer: '国务院', docNumber: '国务院令第379号',
      title: '物业管理条例', effectiveDate: '2003-09-01', repealed: true }], page: 0, size: 10, total: 1 }), {}, '/policies');
    await wrapper.find('input[data-test="public-policies-q"]').setValue('业主大会 379');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(decodeURIComponent(calls.at(-1)[0].replace(/\+/g, ' '))).toContain('q=业主大会 379');
    expect(wrapper.find('[data-test="public-policy-repealed"]').text()).toBe('已废止');
    expect(wrapper.find('[data-test="public-policies-total"]').text()).toBe('共 1 条');
  });

  it('shows a policy with its number and summary', async () => {
    setLocale('en');
    const { wrapper, calls } = await mountView(PolicyView, () => ({ id: 1, level: 'NATIONAL', issuer: 'State Council', docNumber: 'Decree 379',
      title: 'Property Management Regulations', summary: 'Owners and their assembly.', effectiveDate: '2003-09-01', repealed: false, attachments: [] }),
    { id: '1' }, '/policies/1');
    expect(calls[0][0]).toBe('/api/v1/public/policies/1');
    expect(wrapper.find('[data-test="public-policy-number"]').text()).toBe('Decree 379');
    expect(wrapper.text()).toContain('Owners and their assembly.');
  });
});
