// Issue 16 part 2 in the browser (SVC-SAT-1/2, OWN-6, ANA-5, MAP-11; docs/surveys.md): demo-regulator builds a company
// questionnaire in the console (title, period, a score question and a comment) and opens it; demo-owner on a phone answers it
// once in the portal's /me/surveys (a second answer is refused by the API); the regulator closes it, sees the results with
// the ranking and the comment in the console and publishes them; the public /satisfaction page ranks the companies without a
// login. axe on each main page.

/** A portal tab signed in as `user` (the portal keeps its own token). */
async function portalAs(t, user, options = {}) {
  const token = await t.token(user);
  const page = await t.newPage(options);
  await page.addInitScript(value => sessionStorage.setItem('spm.portal.token', value), token);
  return { page, token };
}

async function pickDate(page, test, value) {
  const input = page.locator(`[data-test="${test}"] input`).first();
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await page.keyboard.press('Escape');
}

export default async function (t) {
  const regulator = await t.token('demo-regulator');
  const owner = await t.token('demo-owner');
  const title = `满意度调查 ${Date.now().toString(36)}`;

  // demo-owner's title is verified (OWN-2; the demo seeder did it too): only verified owners answer (OWN-6)
  const estates = await t.call(owner, '/estates');
  const estateId = estates.body.items?.[0]?.id;
  const houses = await t.call(owner, `/estates/${estateId}/houses?size=1`);
  const code = houses.body.items?.[0]?.unitCode;
  const verified = await t.call(owner, `/houses/${code}/verification`, { method: 'POST' });
  t.check(verified.status === 200 && verified.body.verified, 'demo-owner verifies the title of the own house', `${verified.status}`);

  // ---- the regulator builds and opens the questionnaire in the console
  const reg = await t.newPage({ locale: 'en' });
  await reg.goto(t.console + '/', { waitUntil: 'domcontentloaded' });
  await reg.locator('[data-test="username"]').waitFor({ timeout: 20000 });
  await t.consoleLogin(reg, 'demo-regulator');
  await reg.goto(t.console + '/survey/surveys/new', { waitUntil: 'domcontentloaded' });
  await reg.locator('[data-test="survey-title"]').waitFor({ timeout: 20000 });
  await reg.locator('input[data-test="survey-title"], [data-test="survey-title"] input').first().fill(title);
  const today = new Date();
  const day = d => d.toISOString().slice(0, 10);
  await pickDate(reg, 'survey-item-from', day(new Date(today.getTime() - 86400000)));
  await pickDate(reg, 'survey-item-to', day(new Date(today.getTime() + 14 * 86400000)));
  await reg.locator('input[data-test="question-text-0"], [data-test="question-text-0"] input').first().fill('Overall satisfaction with the property service');
  await reg.locator('[data-test="question-add"]').click();
  await reg.locator('input[data-test="question-text-1"], [data-test="question-text-1"] input').first().fill('What should improve?');
  await t.axe(reg, 'the questionnaire editor');
  await t.shot(reg, '110-survey-editor');
  const created = reg.waitForResponse(r => r.url().endsWith('/api/v1/surveys') && r.request().method() === 'POST');
  await reg.locator('[data-test="survey-save"]').click();
  const createdAnswer = await created;
  if (!t.check(createdAnswer.status() === 201, 'the regulator saves the questionnaire (SVC-SAT-1)', `${createdAnswer.status()} ${await createdAnswer.text()}`)) return;
  const survey = await createdAnswer.json();
  await reg.locator('[data-test="survey-open"]').waitFor({ timeout: 20000 });
  const opened = reg.waitForResponse(r => r.url().endsWith(`/surveys/${survey.id}/open`));
  await reg.locator('[data-test="survey-open"]').click();
  t.check((await opened).status() === 200, 'the regulator opens it from the survey page (If-Match)');
  await reg.locator('[data-test="survey-close"]').waitFor({ timeout: 20000 });
  t.check((await reg.locator('[data-test="survey-status"]').textContent()).includes('Open'), 'the survey page says it is open');
  await t.axe(reg, 'the survey page');

  // ---- demo-owner answers on a phone in the portal, once
  const { page: phone } = await portalAs(t, 'demo-owner', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await phone.goto(t.portal + '/me/surveys', { waitUntil: 'networkidle' });
  const card = phone.locator('[data-test="my-survey"]', { hasText: title });
  await card.waitFor({ timeout: 20000 });
  t.check(await card.getAttribute('data-answered') === 'false', 'the owner sees the open survey of the own estate (OWN-6)');
  await t.axe(phone, 'the portal surveys page');
  await card.locator('[data-test="my-survey-answer"]').click();
  await phone.locator('[data-test="answer-score-1-5"]').click();
  await phone.locator('[data-test="answer-score-2-4"]').click();
  await t.axe(phone, 'the portal answer sheet');
  await t.shot(phone, '111-portal-survey-answer-phone');
  const sent = phone.waitForResponse(r => r.url().endsWith(`/surveys/${survey.id}/answers`));
  await phone.locator('[data-test="my-survey-submit"]').click();
  const sentAnswer = await sent;
  t.check(sentAnswer.status() === 204, 'the owner answers through the portal', `${sentAnswer.status()} ${sentAnswer.status() === 204 ? '' : await sentAnswer.text()}`);
  await phone.locator('[data-test="my-survey-done"]').waitFor({ timeout: 20000 });
  const again = await t.call(owner, `/surveys/${survey.id}/answers`, { method: 'POST', body: { answers: survey.questions.map(q => ({ questionId: q.id, score: 1 })) } });
  t.check(again.status === 409 && again.body.code === 'answer.already', 'a second answer is refused (409 answer.already)', `${again.status}`);

  // ---- the regulator closes, reads the ranking and publishes
  const current = await t.call(regulator, `/surveys/${survey.id}`);
  const closed = await t.call(regulator, `/surveys/${survey.id}/close`, { method: 'POST', headers: { 'If-Match': `"${current.body.version}"` } });
  t.check(closed.status === 200, 'the regulator closes the survey', `${closed.status}`);
  await reg.goto(t.console + `/survey/surveys/${survey.id}`, { waitUntil: 'domcontentloaded' });
  await reg.locator('[data-test="survey-results"]').waitFor({ timeout: 20000 });
  const scores = await reg.locator('[data-test="result-score"]').allTextContents();
  // the owner gave 5 and 4: mean 4.5 → (4.5 − 1) / 4 × 100 = 87.50
  t.check(scores.includes('87.50'), 'the results show the owner\'s company with score 87.50 (SVC-SAT-2)', scores.join(', '));
  await t.axe(reg, 'the survey results');
  await t.shot(reg, '112-survey-results');
  const published = reg.waitForResponse(r => r.url().endsWith(`/surveys/${survey.id}/publish`));
  await reg.locator('[data-test="survey-publish"]').click();
  t.check((await published).status() === 200, 'the regulator publishes the results');

  // ---- the public ranking, no login
  const pub = await t.newPage({ locale: 'zh-CN' });
  await pub.goto(t.portal + '/satisfaction', { waitUntil: 'networkidle' });
  await pub.locator('[data-test="ranking-COMPANY"]').waitFor({ timeout: 20000 });
  t.check(await pub.locator('[data-test="ranking-COMPANY"] [data-test="ranking-row"]').count() >= 1, 'the public page ranks the companies (ANA-5)');
  t.check(await pub.locator('[data-test="nav-satisfaction"]').count() >= 1, 'the ranking is in the portal\'s navigation');
  await t.axe(pub, 'the public satisfaction page');
  await t.shot(pub, '113-portal-satisfaction');
  const panel = await t.call(null, `/public/surveys/results?estateId=${estateId}`);
  t.check(panel.status === 200 && panel.body.company && panel.body.company.surveyId === survey.id, 'the estate\'s public results name this survey (MAP-11)',
    JSON.stringify(panel.body).slice(0, 200));
}
