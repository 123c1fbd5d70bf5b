// Issue 16 part 2, the satisfaction-survey pages (满意度调查): the regulator's questionnaire editor (POST with the questions
// as the API takes them, the API's field errors under the question), the detail's DRAFT → OPEN step with If-Match and the
// results with ranks and comments, the committee's answer sheet (required questions, the body, done), the shared helpers,
// the menu entries with their permissions.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../src/i18n.js';
import { session } from '../src/session.js';
import SurveyEditorView from '../src/areas/survey/SurveyEditorView.vue';
import SurveyDetailView from '../src/areas/survey/SurveyDetailView.vue';
import MySurveysView from '../src/areas/survey/MySurveysView.vue';
import { visibleMenu } from '../src/menu.js';
import { answerBody, emptySheet, missing, questionBody, rateText, scoreText } from '@spm-common/survey.js';
import { json, stubApi } from './support/api-stub.js';

vi.setConfig({ testTimeout: 30000 });



async function mountAt(component, path) {
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/survey/surveys/:id(\\d+)', component: { template: '<div/>' } },
    { path: '/survey/answer/:id(\\d+)', component: { template: '<div/>' } },
    { path: '/:rest(.*)*', component: { template: '<div/>' } },
  ] });
  router.push(path);
  await router.isReady();
  const wrapper = mount(component, { global: { plugins: [i18n, router] }, attachTo: document.body });
  await flushPromises();
  await flushPromises();
  return { wrapper, router };
}

const waitForErrors = () => new Promise(resolve => setTimeout(resolve, 150));
const errorUnder = el => (el.closest('.el-form-item').querySelector('.el-form-item__error') || { textContent: '' }).textContent.trim();
const writes = calls => calls.filter(c => c.method !== 'GET');
function typeText(selector, value) {
  const input = document.querySelector(`[data-test="${selector}"] input, [data-test="${selector}"] textarea, input[data-test="${selector}"], textarea[data-test="${selector}"]`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

afterEach(() => {
  vi.unstubAllGlobals();
  session.me = null;
  document.body.innerHTML = '';
});

const REGULATOR = { username: 'demo-regulator', permissions: ['survey:read', 'survey:manage'], scope: { kind: 'ALL' } };
const COMMITTEE = { username: 'demo-committee', permissions: ['survey:read', 'survey:answer'], scope: { kind: 'COMMITTEE', estateIds: [1] } };
const QUESTIONS = [
  { id: 11, ordinal: 1, kind: 'SCORE', text: 'Overall', options: [], required: true },
  { id: 12, ordinal: 2, kind: 'SINGLE', text: 'Cleaning', options: ['Good', 'Poor'], required: true },
  { id: 13, ordinal: 3, kind: 'MULTIPLE', text: 'Improve', options: ['Security', 'Parking', 'Repairs'], required: false },
  { id: 14, ordinal: 4, kind: 'TEXT', text: 'Comments', options: [], required: false },
];
const SURVEY = {
  id: 7, title: 'Q4 satisfaction', subject: 'COMPANY', status: 'DRAFT', periodFrom: '2026-10-01', periodTo: '2026-12-31', allEstates: true,
  estateIds: [], targets: [], questions: QUESTIONS, respondents: 0, version: 4,
};

describe('the survey pages (issue 16 part 2)', () => {
  it('the editor posts the questionnaire and shows the field errors under the question', async () => {
    setLocale('en');
    session.me = REGULATOR;
    const calls = stubApi([
      [['GET', /^\/api\/v1\/estates\?/], () => json(200, { items: [{ id: 1, name: 'Estate 1' }], total: 1 })],
      [['POST', /^\/api\/v1\/surveys$/], () => json(400, { status: 400, detail: 'invalid', errors: [
        { field: 'questions[0].text', message: 'required' }, { field: 'periodFrom', message: 'required' }] })],
    ]);
    const { wrapper } = await mountAt(SurveyEditorView, '/survey/surveys/new');
    typeText('survey-title', 'Q4 satisfaction');
    await wrapper.find('[data-test="question-add"]').trigger('click');
    typeText('question-text-1', 'Comments please');
    await flushPromises();
    await wrapper.find('[data-test="survey-save"]').trigger('click');
    await flushPromises();
    await waitForErrors();
    const post = writes(calls)[0];
    expect(post.method).toBe('POST');
    const body = JSON.parse(post.body);
    expect(body).toMatchObject({ title: 'Q4 satisfaction', subject: 'COMPANY', allEstates: true, estateIds: [], indicatorSetId: null });
    expect(body.questions).toEqual([
      { kind: 'SCORE', text: '', options: null, indicatorCode: null, required: true },
      { kind: 'SCORE', text: 'Comments please', options: null, indicatorCode: null, required: true },
    ]);
    expect(errorUnder(document.querySelector('[data-test="question-text-0"]'))).toBe('required');
  });

  it('the regulator opens a draft with If-Match; the results show ranks, scores, rates and the comments', async () => {
    setLocale('en');
    session.me = REGULATOR;
    let current = SURVEY;
    const calls = stubApi([
      [['GET', /^\/api\/v1\/surveys\/7$/], () => json(200, current)],
      [['POST', /^\/api\/v1\/surveys\/7\/open$/], () => { current = { ...SURVEY, status: 'OPEN', version: 5 }; return json(200, current); }],
      [['GET', /^\/api\/v1\/surveys\/7\/results$/], () => json(200, { surveyId: 7, rows: [
        { subjectId: 10, name: 'Company A', rank: 1, score: 87.5, responseRate: 42.5, respondents: 17, eligible: 40, committeeScore: 75 },
        { subjectId: 20, name: 'Company B', rank: 2, score: 60, responseRate: 10, respondents: 1, eligible: 10, committeeScore: null }],
      questions: [{ questionId: 11, ordinal: 1, kind: 'SCORE', text: 'Overall', answers: 18, meanScore: 4.5 },
        { questionId: 14, ordinal: 4, kind: 'TEXT', text: 'Comments', answers: 1, texts: ['Friendly guards'] }] })],
    ]);
    const { wrapper } = await mountAt(SurveyDetailView, '/survey/surveys/7');
    expect(wrapper.find('[data-test="survey-status"]').text()).toBe('Draft');
    expect(wrapper.find('[data-test="survey-edit"]').exists()).toBe(true);
    await wrapper.find('[data-test="survey-open"]').trigger('click');
    await flushPromises();
    await flushPromises();
    const open = writes(calls)[0];
    expect([open.method, open.url, open.headers['If-Match']]).toEqual(['POST', '/api/v1/surveys/7/open', '"4"']);
    expect(wrapper.find('[data-test="survey-status"]').text()).toBe('Open');
    expect(wrapper.findAll('[data-test="result-score"]').map(s => s.text())).toEqual(['87.50', '60.00']);
    expect(wrapper.find('[data-test="survey-results"]').text()).toContain('42.50%');
    expect(wrapper.find('[data-test="survey-texts"]').text()).toContain('Friendly guards');
    expect(wrapper.find('[data-test="survey-close"]').exists()).toBe(true);
  });

  it('a company waits for the close: 409 shows the hint, no step buttons', async () => {
    setLocale('en');
    session.me = { username: 'demo-company', permissions: ['survey:read'], scope: { kind: 'COMPANY', companyId: 10 } };
    stubApi([
      [['GET', /^\/api\/v1\/surveys\/7$/], () => json(200, { ...SURVEY, status: 'OPEN' })],
      [['GET', /^\/api\/v1\/surveys\/7\/results$/], () => json(409, { status: 409, code: 'results.notYet', detail: 'not yet' })],
    ]);
    const { wrapper } = await mountAt(SurveyDetailView, '/survey/surveys/7');
    expect(wrapper.find('[data-test="survey-results-wait"]').text()).toBe('Results are shown once the survey is closed');
    expect(wrapper.find('[data-test="survey-close"]').exists()).toBe(false);
  });

  it('the committee answers its company evaluation once: required questions first, then the body', async () => {
    setLocale('en');
    session.me = COMMITTEE;
    let answered = false;
    const calls = stubApi([
      [['GET', /^\/api\/v1\/surveys\/mine$/], () => json(200, [{ survey: { ...SURVEY, status: 'OPEN' }, answered, estateIds: [1] }])],
      [['POST', /^\/api\/v1\/surveys\/7\/answers$/], () => { answered = true; return json(204); }],
    ]);
    const { wrapper } = await mountAt(MySurveysView, '/survey/answer/7');
    expect(wrapper.find('[data-test="answer-title"]').text()).toBe('Q4 satisfaction');
    await wrapper.find('[data-test="answer-submit"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-test="answer-error"]').text()).toBe('Please answer the required questions: 1、2');
    expect(writes(calls)).toHaveLength(0);
    await wrapper.find('[data-test="answer-score-1-4"] input').setValue(true);
    await wrapper.find('[data-test="answer-choice-2-1"] input').setValue(true);
    await wrapper.find('[data-test="answer-choice-3-2"] input').setValue(true);
    await wrapper.find('[data-test="answer-submit"]').trigger('click');
    await flushPromises();
    await flushPromises();
    expect(JSON.parse(writes(calls)[0].body)).toEqual({ estateId: 1, answers: [
      { questionId: 11, score: 4 }, { questionId: 12, choices: [1] }, { questionId: 13, choices: [2] }] });
    expect(wrapper.find('[data-test="answer-done"]').text()).toBe('Sent. Thank you for your evaluation');
    expect(wrapper.find('[data-test="answer-title"]').exists()).toBe(false);
  });

  it('the shared helpers: sheet, missing, bodies and texts', () => {
    const sheet = emptySheet(QUESTIONS);
    expect(missing(QUESTIONS, sheet)).toEqual([1, 2]);
    sheet[11].score = 5;
    sheet[12].single = 0;
    sheet[13].choices = [2, 0];
    sheet[14].text = '  fine  ';
    expect(missing(QUESTIONS, sheet)).toEqual([]);
    expect(answerBody(QUESTIONS, sheet).answers).toEqual([{ questionId: 11, score: 5 }, { questionId: 12, choices: [0] },
      { questionId: 13, choices: [0, 2] }, { questionId: 14, text: 'fine' }]);
    expect(questionBody({ kind: 'SINGLE', text: ' A ', optionsText: 'x\n\n y ', indicatorCode: '', required: false }))
      .toEqual({ kind: 'SINGLE', text: 'A', options: ['x', 'y'], indicatorCode: null, required: false });
    expect([scoreText(87.5), scoreText(null), rateText(42.5), rateText(undefined)]).toEqual(['87.50', '', '42.50%', '']);
  });

  it('the menus follow the permissions', () => {
    const keys = permissions => visibleMenu(permissions).map(m => m.key);
    expect(keys(['survey:read', 'survey:manage'])).toContain('surveys');
    expect(keys(['survey:read', 'survey:manage'])).not.toContain('surveyAnswer');
    expect(keys(['survey:read', 'survey:answer'])).toEqual(expect.arrayContaining(['surveys', 'surveyAnswer']));
  });
});
