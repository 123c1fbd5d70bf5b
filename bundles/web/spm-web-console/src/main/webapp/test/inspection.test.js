// Issue 14, the random inspection pages (双随机一公开): the task's draw with If-Match and its frozen list, the replay with
// "identical", a result per object and item, finish and publish with If-Match; the task form's body and field errors;
// the libraries page through the API and edit with PUT + If-Match.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../src/i18n.js';
import { session } from '../src/session.js';
import TaskDetailView from '../src/areas/inspection/TaskDetailView.vue';
import TasksView from '../src/areas/inspection/TasksView.vue';
import LibraryView from '../src/areas/inspection/LibraryView.vue';
import { json, stubApi } from './support/api-stub.js';

vi.setConfig({ testTimeout: 30000 });



async function mountAt(component, path, props = {}) {
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/inspection/tasks/:id', component: { template: '<div/>' } },
    { path: '/:rest(.*)*', component: { template: '<div/>' } },
  ] });
  router.push(path);
  await router.isReady();
  const wrapper = mount(component, { props, global: { plugins: [i18n, router] }, attachTo: document.body });
  await flushPromises();
  await flushPromises();
  return { wrapper, router };
}

const waitForErrors = () => new Promise(resolve => setTimeout(resolve, 150));
const writes = calls => calls.filter(c => c.method !== 'GET');
const errorUnder = el => (el.closest('.el-form-item').querySelector('.el-form-item__error') || { textContent: '' }).textContent.trim();

afterEach(() => {
  vi.unstubAllGlobals();
  session.me = null;
  document.body.innerHTML = '';
});

const ITEMS = { items: [
  { id: 1, code: 'CI-01', name: 'Service contract on file', target: 'COMPANY', active: true, version: 1 },
  { id: 2, code: 'CI-02', name: 'Fire equipment checked', target: 'COMPANY', active: true, version: 1 },
  { id: 3, code: 'CE-01', name: 'Lifts maintained', target: 'ESTATE', active: true, version: 1 },
], page: 0, size: 100, total: 3 };
const TASK = { id: 9, number: 'SS-2026-0009', name: 'Spring 2026', authority: 'Hengqin Urban Construction Bureau', target: 'COMPANY', itemIds: [1, 2],
  drawDate: '2026-03-01', startDate: '2026-03-02', endDate: '2026-03-31', rule: { mode: 'COUNT', perLevel: { HIGH: 1, NORMAL: 1 } },
  inspectorsPerObject: 2, seed: '7f3a9c01', status: 'PLANNED', version: 1 };
const DRAW = { taskId: 9, seed: '7f3a9c01', algorithm: 'SHA256-FY-1', objects: [
  { objectId: 41, name: 'Huaqin Property', riskLevel: 'HIGH', inspectors: [{ id: 5, name: 'Ho Ka Man' }, { id: 6, name: 'Lei Chi' }] },
  { objectId: 42, name: 'Macao Bay Services', riskLevel: 'NORMAL', inspectors: [{ id: 7, name: 'Chan Wai' }, { id: 5, name: 'Ho Ka Man' }] },
] };

function taskApi() {
  let task = TASK;
  const results = [];
  const calls = stubApi([
    [['GET', /^\/api\/v1\/inspections\/tasks\/9$/], () => json(200, task)],
    [['GET', /^\/api\/v1\/inspections\/items\?/], () => json(200, ITEMS)],
    [['GET', /^\/api\/v1\/inspections\/tasks\/9\/draw$/], () => json(200, DRAW)],
    [['GET', /^\/api\/v1\/inspections\/tasks\/9\/draw\/replay$/], () => json(200, { ...DRAW, identical: true })],
    [['GET', /^\/api\/v1\/inspections\/tasks\/9\/results$/], () => json(200, results)],
    [['POST', /^\/api\/v1\/inspections\/tasks\/9\/draw$/], () => { task = { ...task, status: 'DRAWN', version: 2, drawnAt: '2026-03-01T01:00:00Z' }; return json(200, task); }],
    [['POST', /^\/api\/v1\/inspections\/tasks\/9\/results$/], (url, init) => {
      const body = JSON.parse(init.body);
      if (!body.outcome) return json(400, { status: 400, detail: 'invalid', errors: [{ field: 'outcome', code: 'field.required', message: 'Choose an outcome' }] });
      const r = { id: results.length + 1, ...body, inspector: 'Ho Ka Man', recordedAt: '2026-03-05T02:00:00Z' };
      results.push(r);
      return json(201, r);
    }],
    [['POST', /^\/api\/v1\/inspections\/tasks\/9\/finish$/], () => { task = { ...task, status: 'FINISHED', version: 3, publishDueAt: '2026-04-20T16:00:00Z' }; return json(200, task); }],
    [['POST', /^\/api\/v1\/inspections\/tasks\/9\/publish$/], () => { task = { ...task, status: 'PUBLISHED', version: 4, publishedAt: '2026-04-01T02:00:00Z' }; return json(200, task); }],
  ]);
  return calls;
}

describe('an inspection task (issue 14)', () => {
  it('draws with If-Match, shows the frozen list, replays it as identical, records a result, finishes and publishes', async () => {
    setLocale('en');
    session.me = { username: 'demo-regulator', permissions: ['inspection:read', 'inspection:plan', 'inspection:record'], scope: { kind: 'ALL' } };
    const calls = taskApi();
    const { wrapper } = await mountAt(TaskDetailView, '/inspection/tasks/9');
    expect(wrapper.find('[data-test="task-detail-status"]').text()).toBe('Planned');
    expect(wrapper.find('[data-test="task-seed"]').text()).toBe('7f3a9c01');
    expect(wrapper.find('[data-test="task-items-shown"]').text()).toContain('CI-02 Fire equipment checked');
    expect(wrapper.find('[data-test="task-replay"]').exists()).toBe(false);
    expect(calls.some(c => c.url.includes('/draw'))).toBe(false); // nothing drawn yet

    await wrapper.find('[data-test="task-draw"]').trigger('click');
    await flushPromises();
    await flushPromises();
    const draw = writes(calls)[0];
    expect(draw.url).toBe('/api/v1/inspections/tasks/9/draw');
    expect(draw.headers['If-Match']).toBe('"1"');
    expect(wrapper.find('[data-test="task-detail-status"]').text()).toBe('Drawn');
    expect(wrapper.find('[data-test="task-draw"]').exists()).toBe(false);
    const drawn = wrapper.findAll('[data-test="draw-objects"] .el-table__body tr');
    expect(drawn.map(r => r.text())).toEqual([expect.stringContaining('Huaqin Property'), expect.stringContaining('Macao Bay Services')]);
    expect(drawn[0].text()).toContain('High risk');
    expect(wrapper.findAll('[data-test="draw-inspectors"]').map(w => w.text())).toEqual(['Ho Ka Man、Lei Chi', 'Chan Wai、Ho Ka Man']);
    expect(wrapper.find('[data-test="draw-algorithm"]').text()).toBe('SHA256-FY-1');

    await wrapper.find('[data-test="task-replay"]').trigger('click');
    await flushPromises();
    expect(calls.at(-1).url).toBe('/api/v1/inspections/tasks/9/draw/replay');
    expect(wrapper.find('[data-test="replay-identical"]').text()).toBe('Identical to the frozen draw');
    expect(wrapper.find('[data-test="replay-identical"]').attributes('data-identical')).toBe('true');
    expect(wrapper.findAll('[data-test="replay-objects"] .el-table__body tr').length).toBe(2);

    // a result without an outcome: the API's error under the outcome; then PASS with a note
    expect(wrapper.find('[data-test="results-count"]').text()).toContain('0 of 4');
    await wrapper.find('[data-test="result-save-41-1"]').trigger('click');
    await flushPromises();
    await waitForErrors();
    expect(errorUnder(wrapper.find('[data-test="result-outcome-41-1"]').element)).toBe('Choose an outcome');
    await wrapper.find('[data-test="result-outcome-41-1-PASS"] input').setValue(true);
    await wrapper.find('input[data-test="result-note-41-1"]').setValue('Contract seen');
    await wrapper.find('[data-test="result-save-41-1"]').trigger('click');
    await flushPromises();
    await flushPromises();
    const result = writes(calls).filter(c => c.url.endsWith('/results')).at(-1);
    expect(JSON.parse(result.body)).toEqual({ objectId: 41, itemId: 1, outcome: 'PASS', note: 'Contract seen', photos: [] });
    expect(wrapper.find('[data-test="result-outcome-tag-41-1"]').text()).toBe('Pass');
    expect(wrapper.find('[data-test="results-count"]').text()).toContain('1 of 4');

    await wrapper.find('[data-test="task-finish"]').trigger('click');
    await flushPromises();
    await flushPromises();
    expect(writes(calls).at(-1).url).toBe('/api/v1/inspections/tasks/9/finish');
    expect(writes(calls).at(-1).headers['If-Match']).toBe('"2"');
    expect(wrapper.find('[data-test="result-save-41-1"]').exists()).toBe(false); // no entry after the finish
    await wrapper.find('[data-test="task-publish"]').trigger('click');
    await flushPromises();
    await flushPromises();
    expect(writes(calls).at(-1).url).toBe('/api/v1/inspections/tasks/9/publish');
    expect(writes(calls).at(-1).headers['If-Match']).toBe('"3"');
    expect(wrapper.find('[data-test="task-detail-status"]').text()).toBe('Published');
    wrapper.unmount();
  });

  it('shows a replay that differs, and no draw, finish or entry without the permissions', async () => {
    setLocale('en');
    session.me = { username: 'demo-inspector', permissions: ['inspection:read'], scope: { kind: 'ALL' } };
    stubApi([
      [['GET', /^\/api\/v1\/inspections\/tasks\/9$/], () => json(200, { ...TASK, status: 'DRAWN', version: 2 })],
      [['GET', /^\/api\/v1\/inspections\/items\?/], () => json(200, ITEMS)],
      [['GET', /^\/api\/v1\/inspections\/tasks\/9\/draw$/], () => json(200, DRAW)],
      [['GET', /^\/api\/v1\/inspections\/tasks\/9\/results$/], () => json(200, [])],
      [['GET', /^\/api\/v1\/inspections\/tasks\/9\/draw\/replay$/], () => json(200, { ...DRAW, objects: DRAW.objects.slice(1), identical: false })],
    ]);
    const { wrapper } = await mountAt(TaskDetailView, '/inspection/tasks/9');
    for (const test of ['task-draw', 'task-finish', 'task-publish', 'result-save-41-1']) expect(wrapper.find(`[data-test="${test}"]`).exists(), test).toBe(false);
    expect(wrapper.find('[data-test="result-none-41-1"]').exists()).toBe(true);
    await wrapper.find('[data-test="task-replay"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-test="replay-identical"]').attributes('data-identical')).toBe('false');
    expect(wrapper.find('[data-test="replay-identical"]').text()).toBe('Differs from the frozen draw');
    wrapper.unmount();
  });
});

describe('the task list and form (issue 14)', () => {
  it('asks one page, posts the task with its rule and shows the API field errors under the fields', async () => {
    setLocale('en');
    session.me = { username: 'demo-regulator', permissions: ['inspection:read', 'inspection:plan'], scope: { kind: 'ALL' } };
    const calls = stubApi([
      [['GET', /^\/api\/v1\/inspections\/tasks\?/], () => json(200, { items: [{ ...TASK, status: 'PUBLISHED' }], page: 0, size: 20, total: 1 })],
      [['GET', /^\/api\/v1\/inspections\/items\?/], () => json(200, ITEMS)],
      [['POST', /^\/api\/v1\/inspections\/tasks$/], () => json(400, { status: 400, detail: 'invalid', errors: [
        { field: 'inspectorsPerObject', code: 'task.inspectors', message: 'At least two inspectors per object' },
        { field: 'rule.perLevel.HIGH', code: 'task.rule', message: 'A count is a whole number' },
        { field: 'itemIds', code: 'field.required', message: 'Choose the check items' },
      ] })],
    ]);
    const { wrapper } = await mountAt(TasksView, '/inspection');
    expect(calls[0].url).toBe('/api/v1/inspections/tasks?page=0&size=20');
    expect(wrapper.find('[data-test="task-status"]').text()).toBe('Published');
    await wrapper.find('[data-test="task-new"]').trigger('click');
    await flushPromises();
    const form = document.querySelector('[data-test="task-form"]');
    const name = form.querySelector('input[data-test="task-name"]');
    name.value = 'Autumn 2026';
    name.dispatchEvent(new Event('input'));
    await flushPromises();
    document.querySelector('[data-test="task-submit"]').click();
    await flushPromises();
    await waitForErrors();
    const post = writes(calls)[0];
    expect(JSON.parse(post.body)).toEqual({
      name: 'Autumn 2026', authority: '', target: 'COMPANY', itemIds: [], drawDate: null, startDate: null, endDate: null,
      rule: { mode: 'COUNT', perLevel: { HIGH: 1, ELEVATED: 1, NORMAL: 1, LOW: 0 } }, inspectorsPerObject: 2,
    });
    expect(errorUnder(form.querySelector('[data-test="task-inspectors-per-object"]'))).toBe('At least two inspectors per object');
    expect(errorUnder(form.querySelector('[data-test="task-level-HIGH"]'))).toBe('A count is a whole number');
    expect(errorUnder(form.querySelector('[data-test="task-items"]'))).toBe('Choose the check items');
    wrapper.unmount();
  });
});

describe('the libraries (issue 14)', () => {
  it('pages the inspectors with their ties and edits one with PUT and If-Match', async () => {
    setLocale('en');
    session.me = { username: 'demo-regulator', permissions: ['inspection:read', 'inspection:plan'], scope: { kind: 'ALL' } };
    const inspector = { id: 5, name: 'Ho Ka Man', unit: 'Hengqin Bureau', unitKind: 'BUREAU', accountName: 'demo-inspector', active: true, version: 7,
      ties: [{ companyId: 2, kind: 'FORMER_EMPLOYER', since: '2019-01-01', until: '2022-06-30' }] };
    const calls = stubApi([
      [['GET', /^\/api\/v1\/inspections\/inspectors\?/], () => json(200, { items: [inspector], page: 0, size: 20, total: 21 })],
      [['PUT', /^\/api\/v1\/inspections\/inspectors\/5$/], (url, init) => json(200, { ...inspector, ...JSON.parse(init.body), version: 8 })],
    ]);
    const { wrapper } = await mountAt(LibraryView, '/inspection/inspectors', { kind: 'inspectors' });
    expect(calls[0].url).toBe('/api/v1/inspections/inspectors?page=0&size=20');
    expect(wrapper.find('[data-test="library-tie"]').text()).toContain('Former employer #2');
    await wrapper.find('[data-test="library-inspectors-pager"] .btn-next').trigger('click');
    await flushPromises();
    expect(calls.at(-1).url).toBe('/api/v1/inspections/inspectors?page=1&size=20');
    await wrapper.find('[data-test="library-inspectors-edit"]').trigger('click');
    await flushPromises();
    document.querySelector('[data-test="library-save"]').click();
    await flushPromises();
    const put = writes(calls)[0];
    expect(put.method).toBe('PUT');
    expect(put.headers['If-Match']).toBe('"7"');
    expect(JSON.parse(put.body)).toEqual({ name: 'Ho Ka Man', unit: 'Hengqin Bureau', unitKind: 'BUREAU', accountName: 'demo-inspector',
      ties: [{ companyId: 2, kind: 'FORMER_EMPLOYER', since: '2019-01-01', until: '2022-06-30' }], active: true });
    wrapper.unmount();
  });
});
