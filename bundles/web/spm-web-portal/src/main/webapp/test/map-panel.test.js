// Issue 17 part 2, the public map's estate panel (PMAP, MAP-2..7): every section comes from
// GET /public/map/estates/{id}/panels/{panel} (no other public list is asked), shows what the API gives (masked names and
// phones as they come), says data-loaded per section, and a section whose answer failed says so without hiding the others.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../src/i18n.js';
import EstatePanel from '../src/views/map/EstatePanel.vue';

const ok = body => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
const ESTATE = { id: 3, name: 'Bay Garden', address: '1 Bay Road', community: 'Xiaohengqin', developer: 'Dev Co.', companyName: 'Zhuhai Property Co.',
  feeStandard: 2.5, overview: 'Twelve towers', buildingCount: 12, houseCount: 960 };
const PANELS = {
  overview: { panel: 'overview', estateId: 3, overview: { ...ESTATE, name: 'Bay Garden', longitude: 113.53, latitude: 22.12 } },
  company: { panel: 'company', estateId: 3, company: { id: 5, name: 'Zhuhai Property Co.', legalRepresentative: '张*丰', qualificationGrade: 'I',
    certificateNumber: 'C-1', contact: '李*光', phone: '138****5678', officeAddress: '2 Office Road', estates: [{ id: 3, name: 'Bay Garden' }, { id: 4, name: 'Lotus' }] } },
  committee: { panel: 'committee', estateId: 3, committee: null },
  tenders: { panel: 'tenders', estateId: 3, total: 1, items: [{ id: 8, number: 'ZB-2026-008', title: 'Property service tender', detail: 'Zhuhai Property Co.' }] },
  votes: { panel: 'votes', estateId: 3, total: 1, items: [{ id: 6, title: 'Renew the lifts', kind: 'COMMITTEE', status: 'OPEN', from: '2026-03-01T00:00:00Z',
    until: '2026-03-15T00:00:00Z', count: 40, of: 120 }] },
  notices: { panel: 'notices', estateId: 3, total: 1, items: [{ id: 9, title: 'Water cut', kind: 'WATER_CUT', kindLabel: 'Water cut',
    at: '2026-03-01T02:00:00Z', from: '2026-03-02T01:00:00Z', until: '2026-03-02T07:00:00Z' }] },
};

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

async function mountPanel(answer) {
  const calls = [];
  vi.stubGlobal('fetch', vi.fn(url => {
    calls.push(url);
    return Promise.resolve(answer(url));
  }));
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { template: '<div/>' } }] });
  await router.push('/map');
  const wrapper = mount(EstatePanel, { props: { estate: ESTATE }, global: { plugins: [i18n, router] }, attachTo: document.body });
  await flushPromises();
  await flushPromises();
  return { wrapper, calls };
}

describe('the public map\'s estate panel (PMAP, MAP-2..7)', () => {
  it('reads every section from the public panel endpoints and shows them', async () => {
    setLocale('en');
    const { wrapper, calls } = await mountPanel(url => {
      const m = /\/public\/map\/estates\/3\/panels\/(\w+)$/.exec(url);
      if (m && PANELS[m[1]]) return ok(PANELS[m[1]]);
      return ok({ company: null, committee: null, history: [] }); // the satisfaction component (survey's own endpoint)
    });
    const panelCalls = calls.filter(u => u.includes('/public/map/'));
    expect(panelCalls.sort()).toEqual(['overview', 'company', 'committee', 'tenders', 'votes', 'notices']
      .map(p => `/api/v1/public/map/estates/3/panels/${p}`).sort());
    expect(calls.some(u => /\/public\/(tenders|votes|notices)\?/.test(u))).toBe(false);
    expect(wrapper.find('[data-test="estate-panel"]').text()).toContain('Bay Garden');
    expect(wrapper.find('[data-test="estate-company-phone"]').text()).toBe('138****5678');
    expect(wrapper.find('[data-test="estate-company"]').text()).toContain('2 estates');
    expect(wrapper.find('[data-test="estate-committee"]').text()).toContain('No owners\' committee published');
    expect(wrapper.findAll('[data-test="estate-tenders"] li')).toHaveLength(1);
    expect(wrapper.find('[data-test="estate-tenders"]').text()).toContain('ZB-2026-008');
    expect(wrapper.find('[data-test="estate-vote"]').text()).toContain('Renew the lifts');
    expect(wrapper.find('[data-test="map-notices"]').attributes('data-loaded')).toBe('true');
    expect(wrapper.findAll('[data-test="map-notice"][data-category="WATER_CUT"] [data-test="map-notice-window"]')).toHaveLength(1);
  });

  it('says which section failed and still shows the others', async () => {
    setLocale('en');
    const { wrapper } = await mountPanel(url => {
      if (url.endsWith('/panels/company')) {
        return new Response(JSON.stringify({ status: 503, title: 'Service unavailable', detail: 'Service temporarily unavailable: company' }),
          { status: 503, headers: { 'Content-Type': 'application/problem+json' } });
      }
      const m = /\/panels\/(\w+)$/.exec(url);
      return ok(m ? PANELS[m[1]] : { company: null, committee: null, history: [] });
    });
    expect(wrapper.find('[data-test="estate-company"]').attributes('data-loaded')).toBe('true');
    expect(wrapper.find('[data-test="estate-company"]').text()).toContain('Could not read: Property company');
    expect(wrapper.find('[data-test="estate-vote"]').exists()).toBe(true);
  });
});
