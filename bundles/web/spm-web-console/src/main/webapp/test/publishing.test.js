// Issue 16 part 3, the publishing pages: the notice list pages through GET /notices with its filters and the review queue;
// the detail shows a returned notice's reason, publishes with If-Match, and the regulator's return sends the reason and shows
// the API's field error; the notice body the form sends; the policy list searches through GET /policies?q=.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../src/i18n.js';
import { session } from '../src/session.js';
import NoticesView from '../src/areas/publishing/NoticesView.vue';
import NoticeDetailView from '../src/areas/publishing/NoticeDetailView.vue';
import PoliciesView from '../src/areas/publishing/PoliciesView.vue';
import area from '../src/areas/publishing/area.js';
import { isOwn, noticeBody, publisherKind } from '../src/areas/publishing/publishing.js';
import { visibleMenu } from '../src/menu.js';
import { json, stubApi } from './support/api-stub.js';

vi.setConfig({ testTimeout: 30000 });



async function mountAt(component, path, pattern) {
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: pattern || '/:rest(.*)*', component },
    { path: '/:other(.*)*', component: { template: '<div/>' } },
  ] });
  router.push(path);
  await router.isReady();
  const wrapper = mount(component, { global: { plugins: [i18n, router] }, attachTo: document.body });
  await flushPromises();
  await flushPromises();
  return wrapper;
}

const waitForErrors = () => new Promise(resolve => setTimeout(resolve, 150));

afterEach(() => {
  vi.unstubAllGlobals();
  session.me = null;
  document.body.innerHTML = '';
});

const CATEGORIES = [
  { code: 'GENERAL', label: 'General', windowRequired: false, reviewCompany: false, reviewCommittee: false },
  { code: 'RULES', label: 'Estate rules', windowRequired: false, reviewCompany: true, reviewCommittee: true },
  { code: 'WATER_CUT', label: 'Water cut', windowRequired: true, reviewCompany: false, reviewCommittee: false },
];
const NOTICE = (extra = {}) => ({ id: 7, publisherKind: 'COMPANY', publisherName: 'Zhuhai Property Co.', estateIds: [3], category: 'RULES',
  categoryLabel: 'Estate rules', title: 'Lift rules', body: 'No smoking in the lifts.', urgent: false, windowStart: null, windowEnd: null,
  publishAt: null, expireAt: null, publishedAt: null, status: 'RETURNED', reviewRequired: true, reason: 'Name the legal basis',
  attachments: [], version: 4, ...extra });

describe('the publishing area (issue 16 part 3)', () => {
  it('shows its menu by permission: notices to publishing:read, policies to publishing:manage', () => {
    expect(area.menu.map(m => m.permission)).toEqual(['publishing:read', 'publishing:manage']);
    session.me = { username: 'demo-company', permissions: ['publishing:read', 'publishing:notice'], scope: { kind: 'COMPANY', companyId: 5 } };
    const keys = visibleMenu(session.me.permissions).map(m => m.key);
    expect(keys).toContain('publishingNotices');
    expect(keys).not.toContain('publishingPolicies');
  });

  it('sends the notice as the API takes it: numbers, ISO instants, the attachments named', () => {
    const body = noticeBody({ category: 'WATER_CUT', title: ' Water cut ', body: ' Tomorrow ', estateIds: '3', urgent: 1,
      windowStart: new Date('2026-03-02T01:00:00Z'), windowEnd: '2026-03-02T05:00:00Z', publishAt: '', expireAt: null,
      attachments: [{ title: 'map.pdf', fileId: 'f1', name: 'x' }] });
    expect(body).toEqual({ category: 'WATER_CUT', title: 'Water cut', body: 'Tomorrow', estateIds: [3], urgent: true,
      windowStart: '2026-03-02T01:00:00.000Z', windowEnd: '2026-03-02T05:00:00.000Z', publishAt: null, expireAt: null,
      attachments: [{ title: 'map.pdf', fileId: 'f1' }] });
    expect(publisherKind({ scope: { kind: 'COMMITTEE', estateIds: [3] } })).toBe('COMMITTEE');
    expect(isOwn({ publisherKind: 'REGULATOR' }, { scope: { kind: 'ALL' } })).toBe(true);
    expect(isOwn({ publisherKind: 'COMPANY' }, { scope: { kind: 'ALL' } })).toBe(false);
  });

  it('lists one page of notices with the filters; the reviewer\'s queue asks for SUBMITTED ones', async () => {
    setLocale('en');
    session.me = { username: 'demo-regulator', permissions: ['publishing:read', 'publishing:manage', 'publishing:review'], scope: { kind: 'ALL' } };
    const calls = stubApi([
      [['GET', /\/notices\/categories$/], () => json(200, CATEGORIES)],
      [['GET', /\/notices\?/], () => json(200, { items: [NOTICE({ status: 'SUBMITTED' })], page: 0, size: 20, total: 1 })],
    ]);
    const wrapper = await mountAt(NoticesView, '/publishing/notices');
    expect(wrapper.find('[data-test="notices"]').text()).toContain('Lift rules');
    expect(wrapper.find('[data-test="notice-status"]').text()).toBe('Awaiting review');
    await wrapper.find('[data-test="notice-review-queue"]').trigger('click');
    await flushPromises();
    const last = calls.filter(c => /\/notices\?/.test(c.url)).pop();
    expect(last.url).toContain('status=SUBMITTED');
    expect(last.url).toContain('page=0');
    expect(wrapper.find('[data-test="notice-new"]').exists()).toBe(true);
  });

  it('shows a returned notice\'s reason to its company and publishes it again with If-Match', async () => {
    setLocale('en');
    session.me = { username: 'demo-company', permissions: ['publishing:read', 'publishing:notice'], scope: { kind: 'COMPANY', companyId: 5 } };
    const calls = stubApi([
      [['GET', /\/notices\/7\/history$/], () => json(200, [{ id: 1, roundId: 1, action: 'SUBMIT', actor: 'demo-company', at: '2026-03-01T02:00:00Z' },
        { id: 2, roundId: 1, action: 'RETURN', actor: 'demo-regulator', at: '2026-03-01T03:00:00Z', reason: 'Name the legal basis' }])],
      [['GET', /\/notices\/7$/], () => json(200, NOTICE())],
      [['GET', /\/estates\/3$/], () => json(200, { id: 3, name: 'Bay Garden' })],
      [['POST', /\/notices\/7\/submit$/], () => json(200, NOTICE({ status: 'SUBMITTED', reason: null, version: 5 }))],
    ]);
    const wrapper = await mountAt(NoticeDetailView, '/publishing/notices/7', '/publishing/notices/:id');
    expect(wrapper.find('[data-test="notice-reason"]').text()).toContain('Name the legal basis');
    expect(wrapper.find('[data-test="notice-estates-shown"]').text()).toBe('Bay Garden');
    expect(wrapper.find('[data-test="notice-history"]').text()).toContain('Returned');
    expect(wrapper.find('[data-test="notice-approve"]').exists()).toBe(false);
    await wrapper.find('[data-test="notice-submit"]').trigger('click');
    await flushPromises();
    const post = calls.find(c => c.method === 'POST');
    expect(post.headers['If-Match']).toBe('"4"');
    expect(wrapper.find('[data-test="notice-detail-status"]').text()).toBe('Awaiting review');
    expect(wrapper.find('[data-test="notice-submit"]').exists()).toBe(false);
  });

  it('lets the regulator return a submitted notice with a reason and shows the API\'s field error', async () => {
    setLocale('en');
    session.me = { username: 'demo-regulator', permissions: ['publishing:read', 'publishing:manage', 'publishing:review'], scope: { kind: 'ALL' } };
    let answer = json(400, { status: 400, detail: 'invalid', errors: [{ field: 'reason', message: 'Give the reason for the return' }] });
    const calls = stubApi([
      [['GET', /\/notices\/7\/history$/], () => json(200, [])],
      [['GET', /\/notices\/7$/], () => json(200, NOTICE({ status: 'SUBMITTED', reason: null }))],
      [['POST', /\/notices\/7\/return$/], () => answer],
    ]);
    const wrapper = await mountAt(NoticeDetailView, '/publishing/notices/7', '/publishing/notices/:id');
    await wrapper.find('[data-test="notice-return"]').trigger('click');
    await flushPromises();
    document.querySelector('[data-test="notice-return-send"]').click();
    await flushPromises();
    await waitForErrors();
    expect(document.querySelector('[data-test="notice-return-dialog"]').textContent).toContain('Give the reason for the return');
    answer = json(200, NOTICE({ status: 'RETURNED', reason: 'Name the legal basis', version: 5 }));
    const input = document.querySelector('[data-test="notice-return-reason"] textarea') || document.querySelector('textarea[data-test="notice-return-reason"]');
    input.value = 'Name the legal basis';
    input.dispatchEvent(new Event('input'));
    await flushPromises();
    document.querySelector('[data-test="notice-return-send"]').click();
    await flushPromises();
    const posts = calls.filter(c => c.method === 'POST');
    expect(JSON.parse(posts[1].body)).toEqual({ reason: 'Name the legal basis' });
    expect(posts[1].headers['If-Match']).toBe('"4"');
    expect(wrapper.find('[data-test="notice-detail-status"]').text()).toBe('Returned');
  });

  it('searches the policy library with the words typed and shows a repealed one as such', async () => {
    setLocale('zh-CN');
    session.me = { username: 'demo-regulator', permissions: ['publishing:read', 'publishing:manage'], scope: { kind: 'ALL' } };
    const calls = stubApi([
      [['GET', /\/policies\?/], () => json(200, { items: [{ id: 1, level: 'NATIONAL', issuer: '国务院', docNumber: '国务院令第379号', title: '物业管理条例',
        effectiveDate: '2003-09-01', repealed: true, status: 'PUBLISHED', version: 2 }], page: 0, size: 20, total: 1 })],
    ]);
    const wrapper = await mountAt(PoliciesView, '/publishing/policies');
    await wrapper.find('input[data-test="policy-search"]').setValue('物业管理');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const last = calls.filter(c => /\/policies\?/.test(c.url)).pop();
    expect(decodeURIComponent(last.url)).toContain('q=物业管理');
    expect(wrapper.find('[data-test="policies"]').text()).toContain('已废止');
    expect(wrapper.find('[data-test="policy-withdraw"]').exists()).toBe(true);
  });
});
