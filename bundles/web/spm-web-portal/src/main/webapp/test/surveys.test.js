// Issue 16 part 2, the satisfaction pages of the portal (OWN-6, SVC-SAT-2, MAP-11): the public ranking of companies and
// committees without a login; the estate panel's section of the map (that estate's results only); the owner's surveys,
// answered once with the required questions first (a second answer shows the API's 409 text); the navigation entries.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../src/i18n.js';
import { signOut } from '../src/session.js';
import { ownNav, PUBLIC_NAV } from '../src/nav.js';
import SatisfactionView from '../src/views/survey/SatisfactionView.vue';
import EstateSatisfaction from '../src/views/survey/EstateSatisfaction.vue';
import MySurveysView from '../src/views/survey/MySurveysView.vue';

vi.setConfig({ testTimeout: 30000 });

const json = (status, body) => (status === 204 ? new Response(null, { status }) : new Response(JSON.stringify(body), {
  status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
}));

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

const settle = async () => { await flushPromises(); await flushPromises(); await new Promise(r => setTimeout(r, 50)); await flushPromises(); };

async function mountView(component, props = {}) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { template: '<div/>' } }] });
  await router.push('/');
  const wrapper = mount(component, { props, global: { plugins: [i18n, router] }, attachTo: document.body });
  await settle();
  return wrapper;
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
  signOut();
});

const entry = (subjectId, name, score, rank) => ({ surveyId: 3, title: 'Q3', periodFrom: '2026-07-01', periodTo: '2026-09-30', subjectId, name,
  score, responseRate: 40, rank, ranked: 2 });
const QUESTIONS = [
  { id: 11, ordinal: 1, kind: 'SCORE', text: 'Overall', options: [], required: true },
  { id: 12, ordinal: 2, kind: 'TEXT', text: 'Comments', options: [], required: false },
];
const MINE = { survey: { id: 9, title: 'Q4 satisfaction', periodTo: '2026-12-31', questions: QUESTIONS, targets: [] }, answered: false, estateIds: [1] };

describe('the satisfaction pages (issue 16 part 2)', () => {
  it('the public ranking lists both subjects without a login', async () => {
    setLocale('en');
    const calls = stubApi([
      [['GET', /ranking\?subject=COMPANY/], () => json(200, { surveyId: 3, title: 'Q3 companies', periodFrom: '2026-07-01', periodTo: '2026-09-30',
        subject: 'COMPANY', rows: [entry(10, 'Huaqin Property', 87.5, 1), entry(20, 'Aomen Services', 60, 2)] })],
      [['GET', /ranking\?subject=COMMITTEE/], () => json(200, { surveyId: null, subject: 'COMMITTEE', rows: [] })],
    ]);
    const wrapper = await mountView(SatisfactionView);
    expect(calls.every(c => !('Authorization' in (c.headers || {})))).toBe(true);
    expect(wrapper.findAll('[data-test="ranking-COMPANY"] [data-test="ranking-name"]').map(x => x.text())).toEqual(['Huaqin Property', 'Aomen Services']);
    expect(wrapper.find('[data-test="ranking-score"]').text()).toBe('87.50');
    expect(wrapper.find('[data-test="ranking-COMMITTEE"] [data-test="ranking-none"]').text()).toBe('No published results yet');
  });

  it("the map panel shows that estate's company and committee results (MAP-11)", async () => {
    setLocale('en');
    const calls = stubApi([[['GET', /\/public\/surveys\/results\?estateId=5$/], () => json(200, { company: entry(10, 'Huaqin Property', 87.5, 1), committee: null,
      history: [entry(10, 'Huaqin Property', 87.5, 1), { ...entry(10, 'Huaqin Property', 70, 3), surveyId: 2, title: 'Q2' }] })]]);
    const wrapper = await mountView(EstateSatisfaction, { estateId: 5 });
    expect(calls.map(c => c.url)).toEqual(['/api/v1/public/surveys/results?estateId=5']);
    expect(wrapper.find('[data-test="estate-satisfaction-company"]').text()).toContain('Property company: 87.50 (rank 1 of 2)');
    expect(wrapper.find('[data-test="estate-satisfaction-committee"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-test="estate-satisfaction-older"]').map(x => x.text())).toEqual(['Q2: 70.00']);
  });

  it('an owner answers once: required questions first, then the body; the second time the API says 409', async () => {
    setLocale('en');
    let status = 204;
    const calls = stubApi([
      [['GET', /\/surveys\/mine$/], () => json(200, [MINE])],
      [['POST', /\/surveys\/9\/answers$/], () => json(status, { status: 409, code: 'answer.already', detail: 'You have already answered this survey' })],
    ]);
    const wrapper = await mountView(MySurveysView);
    await wrapper.find('[data-test="my-survey-answer"]').trigger('click');
    await settle();
    await wrapper.find('[data-test="my-survey-submit"]').trigger('click');
    await settle();
    expect(wrapper.find('[data-test="my-survey-error"]').text()).toBe('Please answer the required questions: 1');
    await wrapper.find('[data-test="answer-score-1-5"] input').setValue(true);
    await wrapper.find('[data-test="answer-text-2"]').setValue('Friendly guards');
    await wrapper.find('[data-test="my-survey-submit"]').trigger('click');
    await settle();
    const post = calls.find(c => c.method === 'POST');
    expect(JSON.parse(post.body)).toEqual({ estateId: 1, answers: [{ questionId: 11, score: 5 }, { questionId: 12, text: 'Friendly guards' }] });
    expect(wrapper.find('[data-test="my-survey-done"]').text()).toBe('Sent. Thank you for your evaluation');
    status = 409;
    await wrapper.find('[data-test="my-survey-answer"]').trigger('click');
    await settle();
    await wrapper.find('[data-test="answer-score-1-2"] input').setValue(true);
    await wrapper.find('[data-test="my-survey-submit"]').trigger('click');
    await settle();
    expect(wrapper.find('[data-test="my-survey-error"]').text()).toBe('You have already answered this survey');
  });

  it('the navigation: the public ranking for all, my surveys with survey:answer', () => {
    expect(PUBLIC_NAV.map(x => x.key)).toContain('satisfaction');
    expect(ownNav({ permissions: ['survey:answer'], scope: { kind: 'OWNER' } }).map(x => x.key)).toContain('mySurveys');
    expect(ownNav({ permissions: ['house:verify'], scope: { kind: 'OWNER' } }).map(x => x.key)).not.toContain('mySurveys');
  });
});
