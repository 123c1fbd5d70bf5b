// Issue 17 part 3, the analytics pages (统计分析, ANA-1..6): one page per request of the ranking with its ranks (ties), the
// trend beside it, the filters in the query, a name narrowing to its estate, the server-side sort, the CSV export in the UI
// language, the menu entries with their permission, the helpers.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../src/i18n.js';
import { session } from '../src/session.js';
import AnalyticsView from '../src/areas/analytics/AnalyticsView.vue';
import { visibleMenu } from '../src/menu.js';
import { cell, queryOf } from '../src/areas/analytics/analytics.js';
import { json, stubApi } from './support/api-stub.js';

vi.setConfig({ testTimeout: 30000 });

const TABLE = {
  view: 'estates', grain: 'estate', columns: ['complaints', 'satisfaction'], sort: 'complaints', descending: true, page: 0, size: 20, total: 3,
  rows: [
    { rank: 1, id: 10, name: 'East Garden', community: 'Hengqin-East', values: { complaints: 2, satisfaction: 87.5 } },
    { rank: 1, id: 12, name: 'Bay Court', community: 'Hengqin-East', values: { complaints: 2, satisfaction: null } },
    { rank: 3, id: 11, name: 'West Garden', community: 'Hengqin-West', values: { complaints: 1, satisfaction: 100 } },
  ],
};
const TREND = [{ month: '2026-03', values: { complaints: 2, satisfaction: 87.5 } }, { month: '2026-04', values: { complaints: 3, satisfaction: null } }];

async function mountView(view = 'estates') {
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/analytics/' + view, component: AnalyticsView, meta: { view } },
    { path: '/:rest(.*)*', component: { template: '<div/>' } },
  ] });
  router.push('/analytics/' + view);
  await router.isReady();
  const wrapper = mount(AnalyticsView, { global: { plugins: [i18n, router] }, attachTo: document.body });
  await flushPromises();
  await flushPromises();
  return wrapper;
}

afterEach(() => {
  vi.unstubAllGlobals();
  session.me = null;
  document.body.innerHTML = '';
  setLocale('zh-CN');
});

describe('analytics pages', () => {
  it('shows the ranking with tied ranks and the trend, one page per request', async () => {
    setLocale('en');
    const calls = stubApi([
      [['GET', /\/analytics\/estates\/trend/], () => json(200, TREND)],
      [['GET', /\/analytics\/estates\?/], () => json(200, TABLE)],
    ]);
    const w = await mountView();
    const root = document.querySelector('[data-test="analytics"]');
    expect(root.getAttribute('data-loaded')).toBe('true');
    expect([...document.querySelectorAll('[data-test="analytics-rank"]')].map(e => e.textContent)).toEqual(['1', '1', '3']);
    expect([...document.querySelectorAll('[data-test="analytics-cell-satisfaction"]')].map(e => e.textContent)).toEqual(['87.50', '–', '100']);
    expect(document.querySelector('[data-test="analytics-chart"]').getAttribute('data-months')).toBe('2026-03,2026-04');
    expect(document.querySelector('[data-test="analytics-chart"]').getAttribute('data-values')).toBe('2,3');
    expect(document.querySelector('h2').textContent).toBe('Estate statistics');
    const page = calls.find(c => /\/analytics\/estates\?/.test(c.url));
    expect(page.url).toContain('page=0');
    expect(page.url).toContain('size=20');
    w.unmount();
  });

  it('narrows to an estate by its name and sorts on the server', async () => {
    const calls = stubApi([
      [['GET', /\/analytics\/estates\/trend/], () => json(200, TREND)],
      [['GET', /\/analytics\/estates\?/], () => json(200, TABLE)],
    ]);
    const w = await mountView();
    document.querySelector('[data-test="analytics-name"]').click();
    await flushPromises();
    await flushPromises();
    const last = calls.filter(c => /\/analytics\/estates\/trend/.test(c.url)).pop();
    expect(last.url).toContain('estateId=10');
    expect(document.querySelector('[data-test="analytics-narrowed"]').textContent).toContain('East Garden');
    w.findComponent({ name: 'ElTable' }).vm.$emit('sort-change', { prop: 'satisfaction', order: 'ascending' });
    await flushPromises();
    expect(calls.filter(c => /\/analytics\/estates\?/.test(c.url)).pop().url).toContain('sort=satisfaction');
    w.unmount();
  });

  it('exports CSV in the UI language with the filters', async () => {
    setLocale('pt');
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {}); // no navigation to the blob
    const calls = stubApi([
      [['GET', /\/analytics\/companies\/trend/], () => json(200, [])],
      [['GET', /format=csv/], () => new Response('\uFEFFPosição,Nome\r\n', { status: 200, headers: { 'Content-Type': 'text/csv' } })],
      [['GET', /\/analytics\/companies\?/], () => json(200, { ...TABLE, view: 'companies', grain: 'company', rows: [] })],
    ]);
    const w = await mountView('companies');
    document.querySelector('[data-test="analytics-csv"]').click();
    await flushPromises();
    await flushPromises();
    const exp = calls.find(c => /format=csv/.test(c.url));
    expect(exp).toBeTruthy();
    expect(exp.headers['Accept-Language']).toMatch(/^pt/);
    expect(URL.createObjectURL).toHaveBeenCalled();
    expect(click).toHaveBeenCalled();
    click.mockRestore();
    expect(document.querySelector('[data-test="analytics-table"]').textContent).toContain('Sem dados');
    w.unmount();
  });

  it('shows an error of the API (a company outside its scope gets 403)', async () => {
    stubApi([[['GET', /\/analytics\//], () => json(403, { status: 403, detail: 'Only the regulator and property companies may see the statistics' })]]);
    const w = await mountView();
    expect(document.querySelector('[data-test="analytics-error"]').textContent).toContain('property companies');
    expect(document.querySelector('[data-test="analytics"]').getAttribute('data-loaded')).toBe('true');
    w.unmount();
  });

  it('lists the six statistics for analytics:read only', () => {
    const keys = permissions => visibleMenu(permissions).map(m => m.key).filter(k => k.startsWith('analytics'));
    expect(keys(['analytics:read'])).toEqual(['analyticsEstates', 'analyticsCompanies', 'analyticsTenders', 'analyticsServices',
      'analyticsSatisfaction', 'analyticsAssessment']);
    expect(keys(['complaint:read'])).toEqual([]);
  });

  it('builds the query from the filters and formats cells', () => {
    expect(queryOf({ from: '2026-01', to: '', community: ' East ', subject: 'COMMITTEE', estateId: '', companyId: 3 }, { format: 'csv' }))
      .toEqual({ from: '2026-01', community: 'East', subject: 'COMMITTEE', companyId: 3, format: 'csv' });
    expect(cell(null)).toBe('–');
    expect(cell(12.5)).toBe('12.50');
    expect(cell(3)).toBe('3');
    expect(cell('A')).toBe('A');
  });
});
