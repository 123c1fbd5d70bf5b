// Issue 15 in the browser (SUP-TND-1..5, TND-5, SUP-EX-1..3, DIS-3): demo-regulator finds the demo tenders in the
// console's list (one page per request, the stage filter) and opens one with its steps; the language switch on that page
// (zh-TW, pt, en: menu, stage and Accept-Language follow); the expert pool and the rule table; the menus of
// demo-developer, demo-company, demo-committee and demo-expert (each its own tendering and expert pages only; the expert
// on its own page); the public portal's /tenders with the announcements and results without a login, on a desktop and
// a phone (390 px, no horizontal scrolling), and a tender's public page. axe on each main page.
const MENUS = {
  'demo-developer': { see: ['tenders', 'expertDraws'], not: ['tenderRules', 'experts', 'expertAdmissions', 'expertMe'] },
  'demo-committee': { see: ['tenders', 'expertDraws'], not: ['tenderRules', 'experts', 'expertAdmissions', 'expertMe'] },
  'demo-company': { see: ['tenders'], not: ['tenderRules', 'experts', 'expertAdmissions', 'expertDraws', 'expertMe'] },
  'demo-expert': { see: ['tenders', 'expertMe'], not: ['tenderRules', 'experts', 'expertAdmissions', 'expertDraws'] },
};
const LANGUAGES = [
  { code: 'zh-TW', label: '繁體中文', menu: '招投標', accept: 'zh-TW' },
  { code: 'pt', label: 'Português', menu: 'Concursos', accept: 'pt-PT' },
  { code: 'en', label: 'English', menu: 'Tendering', accept: 'en' },
];

/** A minimal PDF the platform accepts (header, catalog, trailer), unique per call. */
function pdf(text) {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text} ${Date.now()} ${Math.random()}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
}

async function menuKeys(page) {
  return page.locator('[data-test^="menu-"]').evaluateAll(els => els.map(e => e.dataset.test.slice(5)).filter(k => k !== ''));
}

/** A console tab already signed in as `user` (the token in the tab's sessionStorage, as 15-roles does). */
async function signedIn(t, user, options = {}) {
  const token = await t.token(user);
  const page = await t.newPage(options);
  await page.addInitScript(value => sessionStorage.setItem('spm.token', value), token);
  return { page, token };
}

export default async function (t) {
  const regulatorToken = await t.token('demo-regulator');
  const list = await t.call(regulatorToken, '/tenders?size=50');
  const tenders = (list.body && list.body.items) || [];
  t.check(list.status === 200 && tenders.length > 0, 'the demo data has tenders the regulator sees', JSON.stringify(list.body).slice(0, 200));
  const chosen = tenders.find(x => !['DRAFT', 'CANCELLED'].includes(x.stage)) || tenders[0];

  // ---- the regulator: the list (one page, the stage filter) and a tender's page
  const reg = await t.newPage({ locale: 'zh-CN' });
  await reg.goto(t.console + '/', { waitUntil: 'domcontentloaded' });
  await reg.locator('[data-test="username"]').waitFor({ timeout: 20000 });
  await t.consoleLogin(reg, 'demo-regulator');
  const firstPage = reg.waitForResponse(r => r.url().includes('/api/v1/tenders?'));
  await reg.locator('[data-test="menu-tenders"]').click();
  const answer = await firstPage;
  t.check(/[?&]size=20/.test(answer.url()) && answer.status() === 200, 'the tender list asks the API for one page', `${answer.status()} ${answer.url()}`);
  if (chosen) {
    await reg.locator('[data-test="tenders"] [data-test="tender-link"]').first().waitFor({ timeout: 20000 });
    const rows = await reg.locator('[data-test="tenders"] [data-test="tender-link"]').count();
    t.check(rows === Math.min(20, list.body.total), 'the list shows the first page of the demo tenders', `${rows} of ${list.body.total}`);
    await t.shot(reg, '90-tender-list');
    await t.axe(reg, 'the tender list');

    const filtered = reg.waitForResponse(r => r.url().includes('/api/v1/tenders?') && r.url().includes('stage=' + chosen.stage));
    await reg.locator('[data-test="tender-stage-filter"]').click();
    const label = stageText(chosen.stage);
    await reg.locator('.el-select-dropdown__item:visible').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) }).first().click();
    const f = await filtered;
    t.check(f.status() === 200, `the stage filter asks for stage=${chosen.stage}`, f.url());
    await reg.locator('[data-test="tenders"] [data-test="tender-stage"]').first().waitFor({ timeout: 20000 });

    await reg.goto(t.console + `/tenders/${chosen.id}`, { waitUntil: 'domcontentloaded' });
    await reg.locator('[data-test="tender-heading"]').waitFor({ timeout: 20000 });
    const heading = (await reg.locator('[data-test="tender-heading"]').textContent()) || '';
    t.check(heading.includes(chosen.number || chosen.title), 'the tender page shows the tender', heading.trim());
    await reg.locator('[data-test="project-panel"]').waitFor({ timeout: 20000 });
    t.check(await reg.locator('[data-test="tender-fields"]').isVisible(), 'the tender page shows its fields and the project review');
    await reg.waitForLoadState('networkidle');
    await t.shot(reg, '91-tender-detail');
    await t.axe(reg, 'a tender page');

    // ---- the language switch on that page
    for (const lang of LANGUAGES) {
      const next = reg.waitForRequest(r => r.url().includes(`/api/v1/tenders/${chosen.id}`));
      await reg.locator('.el-header .spm-lang').click();
      await reg.locator('.el-select-dropdown__item:visible', { hasText: lang.label }).click();
      const request = await next;
      t.check(request.headers()['accept-language'] === lang.accept, `after the switch to ${lang.code} the API is asked in ${lang.accept}`, request.headers()['accept-language']);
      await reg.locator('[data-test="menu-tenders"]', { hasText: lang.menu }).waitFor({ timeout: 10000 });
      t.check(true, `the menu reads ${lang.menu} in ${lang.code}`);
      await reg.waitForLoadState('networkidle');
      await t.shot(reg, `92-tender-detail-${lang.code}`);
    }
  }

  // ---- the regulator's expert pool and the rule table
  await reg.goto(t.console + '/experts', { waitUntil: 'domcontentloaded' });
  await reg.locator('[data-test="experts"]').waitFor({ timeout: 20000 });
  const pool = await t.call(regulatorToken, '/experts?size=5');
  if (t.check(pool.status === 200 && pool.body.total > 0, 'the demo pool has experts', JSON.stringify(pool.body).slice(0, 200))) {
    await reg.locator('[data-test="experts"] [data-test="expert-link"]').first().waitFor({ timeout: 20000 });
    await t.shot(reg, '93-expert-pool');
    await t.axe(reg, 'the expert pool');
    await reg.locator('[data-test="experts"] [data-test="expert-link"]').first().click();
    await reg.locator('[data-test="expert-heading"]').waitFor({ timeout: 20000 });
    await reg.locator('[data-test="admission-panel"]').waitFor({ timeout: 20000 });
    await reg.waitForLoadState('networkidle');
    await t.shot(reg, '94-expert-detail');
    await t.axe(reg, 'an expert page');
  }
  // admissions waiting for the regulator (SUP-EX-1): the list asks for APPLYING, the application shows approve / return
  const applying = await t.call(regulatorToken, '/experts?status=APPLYING&size=5');
  await reg.goto(t.console + '/experts/admissions', { waitUntil: 'domcontentloaded' });
  await reg.locator('[data-test="experts"]').waitFor({ timeout: 20000 });
  if (t.check(applying.status === 200 && applying.body.total > 0, 'the demo data has applications for admission', JSON.stringify(applying.body).slice(0, 120))) {
    await reg.locator('[data-test="experts"] [data-test="expert-link"]').first().click();
    await reg.locator('[data-test="admission-panel"]').waitFor({ timeout: 20000 });
    await reg.waitForLoadState('networkidle');
    const pending = await reg.locator('[data-test="admission-approve"]').count();
    t.check(pending === 1 || (await reg.locator('[data-test="admission-status"]').textContent()).trim() !== '待审核',
      'an application under review offers approve and return to the regulator');
    await t.axe(reg, 'an application for admission');
  }
  // a draw's page: method, seed, the confirmations and the replay from the snapshot (SUP-EX-3)
  const draws = await t.call(regulatorToken, '/expert-draws');
  if (t.check(draws.status === 200 && draws.body.length > 0, 'the demo data has expert draws', JSON.stringify(draws.body).slice(0, 120))) {
    await reg.goto(t.console + '/expert-draws', { waitUntil: 'domcontentloaded' });
    await reg.locator('[data-test="draws"] [data-test="draw-link"]').first().waitFor({ timeout: 20000 });
    await t.axe(reg, 'the expert draws');
    await reg.goto(t.console + `/expert-draws/${draws.body[0].id}`, { waitUntil: 'domcontentloaded' });
    await reg.locator('[data-test="draw-replay"]').waitFor({ timeout: 20000 });
    await reg.locator('[data-test="draw-replay"]').click();
    const matches = reg.locator('[data-test="draw-replay-matches"]');
    await matches.waitFor({ timeout: 20000 });
    t.check(await matches.getAttribute('data-matches') === 'true', 'the replay of the recorded seed and snapshot matches the draw (SUP-EX-3)');
    await reg.waitForLoadState('networkidle');
    await t.shot(reg, '93-expert-draw-replay');
    await t.axe(reg, 'an expert draw');
  }
  await reg.goto(t.console + '/tenders/rules', { waitUntil: 'domcontentloaded' });
  await reg.locator('[data-test="tender-rules"] .el-table__body tr').first().waitFor({ timeout: 20000 });
  t.check(await reg.locator('[data-test="rule-edit-BID_PERIOD"]').count() === 1, 'the regulator may edit the rule BID_PERIOD (TND-3)');
  await t.axe(reg, 'the tendering rules');
  await reg.context().close();

  // ---- demo-committee files a tender through the pages (DEV-2, OCS-5): the form (field errors first), the project filing
  // with a file; demo-regulator returns it with a reason (the reason required first); the committee sees the reason
  {
    const { page: com, token: comToken } = await signedIn(t, 'demo-committee', { locale: 'zh-CN' });
    await com.goto(t.console + '/tenders', { waitUntil: 'domcontentloaded' });
    await com.locator('[data-test="tender-new"]').click();
    await com.locator('[data-test="tender-form"]').waitFor({ timeout: 20000 });
    const refused = com.waitForResponse(r => r.url().endsWith('/api/v1/tenders') && r.request().method() === 'POST');
    await com.locator('[data-test="tender-save"]').click();
    const r400 = await refused;
    t.check(r400.status() === 400, 'a tender without estate and title is refused with field errors', String(r400.status()));
    await com.locator('[data-test="tender-form"] .el-form-item__error').first().waitFor({ timeout: 10000 });
    t.check(await com.locator('[data-test="tender-form"] .el-form-item__error').count() >= 1, 'the field errors show at the fields');
    await com.locator('[data-test="tender-estate"]').click();
    await com.locator('.el-select-dropdown__item:visible').first().click();
    await com.locator('input[data-test="tender-title"]').fill('浏览器测试：前期物业服务招标 ' + Date.now());
    const created = com.waitForResponse(r => r.url().endsWith('/api/v1/tenders') && r.request().method() === 'POST');
    await com.locator('[data-test="tender-save"]').click();
    const c201 = await created;
    const made = c201.ok() ? await c201.json() : null;
    if (t.check(c201.status() === 201 && made && made.stage === 'DRAFT', 'the committee creates a DRAFT tender through the form', `${c201.status()} ${made ? made.stage : await c201.text()}`)) {
      await com.locator('[data-test="tender-heading"]').waitFor({ timeout: 20000 });
      await com.locator('[data-test="project-submit-open"]').click();
      await com.locator('[data-test="project-materials-file"]').setInputFiles({ name: 'tender-filing.pdf', mimeType: 'application/pdf', buffer: pdf('tender filing') });
      await com.locator('[data-test="project-materials-entry"]').first().waitFor({ timeout: 20000 });
      const submitted = com.waitForResponse(r => r.url().endsWith(`/api/v1/tenders/${made.id}/project`) && r.request().method() === 'POST');
      await com.locator('[data-test="project-submit"]').click();
      const s = await submitted;
      t.check(s.ok(), 'the project filing with its file is accepted (PROJECT_REVIEW)', `${s.status()} ${s.ok() ? '' : await s.text()}`);
      await com.locator('[data-test="project-status"]', { hasText: '待审核' }).waitFor({ timeout: 20000 });

      const reg2 = await signedIn(t, 'demo-regulator', { locale: 'zh-CN' });
      await reg2.page.goto(t.console + `/tenders/${made.id}`, { waitUntil: 'domcontentloaded' });
      await reg2.page.locator('[data-test="project-return"]').click();
      const noReason = reg2.page.waitForResponse(r => r.url().includes(`/api/v1/tenders/${made.id}/project/`) && r.url().endsWith('/return'));
      await reg2.page.locator('[data-test="project-decision-submit"]').click();
      t.check((await noReason).status() === 400, 'a return without a reason is refused (400)');
      await reg2.page.locator('[data-test="project-decision"] .el-form-item__error').waitFor({ timeout: 10000 });
      await reg2.page.locator('[data-test="project-decision-reason"] textarea, textarea[data-test="project-decision-reason"]').first().fill('请补充小区规划总平面图');
      const returned = reg2.page.waitForResponse(r => r.url().includes(`/api/v1/tenders/${made.id}/project/`) && r.url().endsWith('/return'));
      await reg2.page.locator('[data-test="project-decision-submit"]').click();
      const rr = await returned;
      t.check(rr.ok(), 'the regulator returns the project filing with a reason (If-Match of the round)', `${rr.status()} ${rr.ok() ? '' : await rr.text()}`);
      await reg2.page.locator('[data-test="project-status"]', { hasText: '已退回' }).waitFor({ timeout: 20000 });
      await t.shot(reg2.page, '91-tender-project-returned');
      await reg2.page.context().close();
      const rounds = await t.call(comToken, `/tenders/${made.id}/project`);
      t.check(rounds.status === 200 && rounds.body[0] && rounds.body[0].status === 'RETURNED' && rounds.body[0].reason === '请补充小区规划总平面图',
        'the API has the round RETURNED with the reason', JSON.stringify(rounds.body).slice(0, 200));
      await com.reload({ waitUntil: 'domcontentloaded' });
      await com.locator('[data-test="project-reason"]', { hasText: '请补充小区规划总平面图' }).waitFor({ timeout: 20000 });
      t.check(await com.locator('[data-test="project-submit-open"]').isVisible(), 'the committee sees the reason and may submit again');
    }
    await com.context().close();
  }

  // ---- the other roles' menus
  for (const [user, { see, not }] of Object.entries(MENUS)) {
    const { page, token } = await signedIn(t, user);
    await page.goto(t.console + '/', { waitUntil: 'domcontentloaded' });
    await page.locator('[data-test="menu-home"]').waitFor({ timeout: 20000 });
    const keys = await menuKeys(page);
    const missing = see.filter(k => !keys.includes(k));
    const extra = not.filter(k => keys.includes(k));
    t.check(!missing.length && !extra.length, `${user} sees its tendering and expert menus only`, `menu ${keys.join(',')}; missing ${missing.join(',')}; shown but not allowed ${extra.join(',')}`);
    if (user === 'demo-expert') {
      await page.goto(t.console + '/experts/me', { waitUntil: 'domcontentloaded' });
      await page.locator('[data-test="expert-heading"], [data-test="me-none"]').first().waitFor({ timeout: 20000 });
      await page.waitForLoadState('networkidle');
      await t.shot(page, '95-expert-me');
      await t.axe(page, 'the expert’s own page');
    } else if (user === 'demo-company') {
      const own = await t.call(token, '/tenders?size=5');
      t.check(own.status === 200, 'demo-company may list the tenders it bids for, is invited to or are published', String(own.status));
      await page.locator('[data-test="menu-tenders"]').click();
      await page.locator('[data-test="tenders"]').waitFor({ timeout: 20000 });
      await page.waitForLoadState('networkidle');
      await t.shot(page, '96-tender-list-company');
      await t.axe(page, 'the company’s tender list');
    }
    await page.context().close();
  }

  // ---- the public portal: announcements and results without a login, desktop and phone
  const announced = await t.call(null, '/public/tenders?kind=announcement&size=10');
  const results = await t.call(null, '/public/tenders?kind=result&size=10');
  t.check(announced.status === 200 && results.status === 200, 'GET /public/tenders answers without a login', `${announced.status} ${results.status}`);
  const desk = await t.newPage({ locale: 'zh-CN' });
  await desk.goto(t.portal + '/tenders', { waitUntil: 'domcontentloaded' });
  await desk.locator('[data-test="public-tenders"][data-loaded="true"]').waitFor({ state: 'attached', timeout: 20000 });
  if (t.check((announced.body.total || 0) > 0, 'the demo data has published announcements', JSON.stringify(announced.body).slice(0, 200))) {
    await desk.locator('[data-test="public-tender"]').first().waitFor({ timeout: 20000 });
    t.check(await desk.locator('[data-test="public-tender"]').count() === Math.min(10, announced.body.total), 'the portal lists the announcements');
  }
  t.check(await desk.locator('[data-test="nav-tenders"]').isVisible(), 'tendering is in the portal’s navigation');
  await t.shot(desk, '97-portal-tenders');
  await t.axe(desk, 'the public tenders page');
  const resultList = desk.waitForResponse(r => r.url().includes('/api/v1/public/tenders?') && r.url().includes('kind=result'));
  await desk.locator('[data-test="public-tenders-results"]').click();
  await resultList;
  if ((results.body.total || 0) > 0) {
    await desk.locator('[data-test="public-tender-winner"]').first().waitFor({ timeout: 20000 });
    t.check(true, 'the results show their winners');
  }
  await desk.context().close();

  const phone = await t.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await phone.goto(t.portal + '/tenders', { waitUntil: 'networkidle' });
  await phone.locator('[data-test="public-tenders"][data-loaded="true"]').waitFor({ state: 'attached', timeout: 20000 });
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  t.check(width <= 390, 'the public tenders page fits the phone screen (no horizontal scrolling)', `${width}px`);
  t.check(await phone.locator('[data-test="nav"]').isHidden(), 'on the phone the links fold into the menu button');
  await t.shot(phone, '98-portal-tenders-phone');
  await t.axe(phone, 'the public tenders page on a phone');
  const first = (announced.body.items || [])[0] || (results.body.items || [])[0];
  if (first) {
    await phone.goto(t.portal + `/tenders/${first.id}`, { waitUntil: 'networkidle' });
    await phone.locator('[data-test="public-tender-announcement"]').waitFor({ timeout: 20000 });
    const w = await phone.evaluate(() => document.documentElement.scrollWidth);
    t.check(w <= 390, 'a tender’s public page fits the phone screen', `${w}px`);
    await t.shot(phone, '99-portal-tender-phone');
    await t.axe(phone, 'a tender’s public page on a phone');
  }
  await phone.context().close();
}

/** The stage's zh-CN label as the console's stage filter shows it. */
function stageText(stage) {
  const labels = {
    DRAFT: '草稿', PROJECT_REVIEW: '招标备案审核中', ANNOUNCEMENT: '编制招标公告', ANNOUNCEMENT_REVIEW: '公告审核中', SCHEDULED: '待发布公告',
    BIDDING: '投标中', FAILED: '招标失败', EVALUATION: '评标中', PUBLICITY: '中标公示', AWARD: '中标备案', AWARD_REVIEW: '中标备案审核中',
    CONTRACT: '合同备案', CONTRACT_REVIEW: '合同备案审核中', CONTRACTED: '已签订合同', CANCELLED: '已取消',
  };
  return labels[stage] || stage;
}
