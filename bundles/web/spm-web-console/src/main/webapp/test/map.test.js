// Issue 17 part 2, the one map in the console: the layer URL for the view (bbox, whole zoom), what the account may open
// (panels and themes by permission), the estates a clustered answer covers, the legend's colours, and the panel drawer:
// one tab per panel, each loaded from GET /map/estates/{id}/panels/{panel} when first shown, lists with their total.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { i18n, setLocale } from '../src/i18n.js';
import { session } from '../src/session.js';
import area from '../src/areas/map/area.js';
import MapPanels from '../src/areas/map/MapPanels.vue';
import { clusterRadius } from '@spm-common/onemap.js';
import { allowed, apiZoom, bboxParam, classColor, estatesShown, layerUrl, PANEL_PERMISSION, PANELS, THEME_PERMISSION } from '../src/areas/map/onemap.js';
import { visibleMenu } from '../src/menu.js';
import { json, stubApi } from './support/api-stub.js';

vi.setConfig({ testTimeout: 30000 });

afterEach(() => {
  vi.unstubAllGlobals();
  session.me = null;
  document.body.innerHTML = '';
});

describe('the one map (issue 17 part 2)', () => {
  it('asks for the view\'s bbox and whole zoom, the estates layer or a theme (MAP-1)', () => {
    expect(bboxParam([113.4, 22.0, 113.7, 22.25])).toBe('113.400000,22.000000,113.700000,22.250000');
    expect(bboxParam([-200, -95, 200, 95])).toBe('-180.000000,-90.000000,180.000000,90.000000');
    expect(clusterRadius(2)).toBe(15);
    expect(clusterRadius(1 << 20)).toBe(28); // capped: a province-wide cluster stays a readable circle
    expect(apiZoom(12.6)).toBe(13);
    expect(apiZoom(40)).toBe(22);
    expect(apiZoom(undefined)).toBe(12);
    expect(layerUrl('', [113.4, 22, 113.7, 22.25], 11.2)).toBe('/map/estates?bbox=113.400000,22.000000,113.700000,22.250000&zoom=11');
    expect(layerUrl('credit-grade', [113.4, 22, 113.7, 22.25], 15)).toMatch(/^\/map\/themes\/credit-grade\?bbox=.*&zoom=15$/);
  });

  it('offers the panels and themes the account may read; the menu entry needs map:read', () => {
    const committee = ['map:read', 'estate:read', 'committee:read', 'tender:read', 'vote:read', 'publishing:read', 'complaint:read',
      'repair:read', 'patrol:read', 'survey:read'];
    expect(allowed(PANEL_PERMISSION, committee)).toEqual(PANELS);
    expect(allowed(PANEL_PERMISSION, ['estate:read'])).toEqual(['overview', 'company']);
    expect(allowed(THEME_PERMISSION, committee)).toEqual(['complaint-density', 'open-repairs']);
    expect(area.menu).toEqual([{ key: 'onemap', path: '/map', permission: 'map:read' }]);
    expect(visibleMenu(['map:read']).map(m => m.key)).toContain('onemap');
    expect(visibleMenu(['estate:read']).map(m => m.key)).not.toContain('onemap');
  });

  it('counts the estates of clusters and points, not boundaries; colours by the legend', () => {
    const fc = { features: [{ properties: { kind: 'cluster', count: 5 } }, { properties: { kind: 'point' } }, { properties: { kind: 'boundary' } }] };
    expect(estatesShown(fc)).toBe(6);
    const legend = [{ key: 'A', color: '#a6d96a' }, { key: 'none', color: '#bdbdbd' }];
    expect(classColor(legend, 'A')).toBe('#a6d96a');
    expect(classColor(legend, 'X')).toBe('#bdbdbd');
  });

  it('has every text in the four languages', () => {
    const keys = o => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v).map(x => `${k}.${x}`) : [k])).sort();
    const zh = keys(area.messages['zh-CN']);
    for (const code of ['zh-TW', 'pt', 'en']) expect(keys(area.messages[code]), code).toEqual(zh);
  });

  it('loads a panel when its tab is first shown and lists with their total (MAP-2, MAP-8)', async () => {
    setLocale('en');
    session.me = { username: 'demo-regulator', permissions: ['map:read'], scope: { kind: 'ALL' } };
    const calls = stubApi([
      [['GET', /\/map\/estates\/3\/panels\/overview$/], () => json(200, { panel: 'overview', estateId: 3, estateName: 'Lotus Garden', overview: {
        name: 'Lotus Garden', address: '1 Lotus Road', community: 'Xiaohengqin', longitude: 113.53, latitude: 22.12, developer: 'Dev Co.',
        companyId: 5, companyName: 'Zhuhai Property Co.', feeStandard: 2.5, overview: 'Twelve towers', buildingCount: 12, houseCount: 960 } })],
      [['GET', /\/map\/estates\/3\/panels\/complaints$/], () => json(200, { panel: 'complaints', estateId: 3, total: 41, items: [
        { id: 9, number: 'TS-2026-000009', title: 'Lift out of order', kind: 'FACILITY', status: 'RESOLVED', at: '2026-03-02T01:00:00Z', detail: 'Repaired' }] })],
    ]);
    const wrapper = mount(MapPanels, { props: { estateId: 3, panels: ['overview', 'complaints'] }, global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    expect(wrapper.find('[data-test="map-panel-overview"]').attributes('data-loaded')).toBe('true');
    expect(wrapper.find('[data-test="map-panel-overview"]').text()).toContain('Zhuhai Property Co.');
    expect(wrapper.find('[data-test="map-panel-overview"]').text()).toContain('12 buildings · 960 households');
    expect(calls.map(c => c.url)).toEqual(['/api/v1/map/estates/3/panels/overview']);
    await wrapper.find('[data-test="map-panel-tab-complaints"]').trigger('click');
    await flushPromises();
    const pane = wrapper.find('[data-test="map-panel-complaints"]');
    expect(pane.attributes('data-loaded')).toBe('true');
    expect(pane.find('[data-test="map-total-complaints"]').text()).toBe('41 in all');
    expect(pane.findAll('[data-test="map-item"]')).toHaveLength(1);
    expect(pane.text()).toContain('TS-2026-000009 Lift out of order');
    expect(pane.text()).toContain('Repaired');
    expect(calls).toHaveLength(2);
  });

  it('shows a refused panel\'s problem in its pane', async () => {
    setLocale('en');
    stubApi([[['GET', /\/panels\/committee$/], () => json(404, { status: 404, title: 'Not found', detail: 'No estate found: 4' })]]);
    const wrapper = mount(MapPanels, { props: { estateId: 4, panels: ['committee'] }, global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    expect(wrapper.find('[data-test="map-panel-committee"]').attributes('data-loaded')).toBe('true');
    expect(wrapper.find('[data-test="map-panel-committee"]').text()).toContain('No estate found: 4');
  });
});
