// Issue 14 part 3 in the browser (SUP-AS-2, SUP-AS-3, COS-8, DIS-6): demo-company fills in its report of the open demo
// round in its own page (figures and evidence) and submits it; demo-regulator returns it with a reason in the review page;
// the company sees the reason and submits again; the regulator accepts it with points for every self-reported indicator
// (the API then says APPROVED); the round page shows the reports and the ranking chart; the public portal's TOP 10 shows
// the published demo round. Each page passes axe.
function pdf(text) {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text} ${Date.now()} ${Math.random()}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
}

async function fillReport(page, round, text) {
  // the card shows at once, its indicators when the report and the indicator set have come (data-loaded)
  const card = page.locator(`[data-test="own-round-${round}"][data-loaded="true"]`);
  await card.waitFor({ timeout: 20000 });
  const items = await card.locator('[data-test^="own-item-"]').count();
  for (let i = 0; i < items; i++) {
    const value = card.locator(`input[data-test="own-value-${i}"], textarea[data-test="own-value-${i}"]`);
    if (await value.count()) {
      await value.fill(`${text} ${i + 1}`);
    }
    const file = card.locator(`[data-test="own-evidence-${i}-file"]`);
    if (await file.count()) {
      const uploaded = page.waitForResponse(r => r.url().includes('/api/v1/files') && r.request().method() === 'POST');
      await file.setInputFiles({ name: `evidence-${i}.pdf`, mimeType: 'application/pdf', buffer: pdf(`evidence ${i}`) });
      await uploaded;
    }
  }
  const sent = page.waitForResponse(r => r.url().includes('/submit') && r.request().method() === 'POST');
  await card.locator('[data-test="own-submit"]').click();
  const answer = await sent;
  if (answer.status() !== 200) console.log('submit answered', answer.status(), await answer.text());
  return answer.status();
}

export default async function (t) {
  const regulator = await t.token('demo-regulator');
  const company = await t.token('demo-company');
  const me = await t.call(company, '/auth/me');
  const companyId = me.body.scope.companyId;
  const rounds = await t.call(regulator, '/assessment/rounds?status=OPEN&size=20');
  let round = null;
  for (const r of rounds.body.items || []) {
    const rep = await t.call(regulator, `/assessment/rounds/${r.id}/reports/${companyId}`);
    if (rep.status === 200 && rep.body.status === 'NOT_SUBMITTED') round = r;
  }
  if (!t.check(!!round, 'the demo data has an open round where demo-company has not reported', JSON.stringify(rounds.body).slice(0, 200))) return;

  // ---- the company fills in and submits
  const comp = await t.newPage({ locale: 'zh-CN' });
  await comp.goto(t.console + '/', { waitUntil: 'domcontentloaded' });
  await comp.locator('[data-test="username"]').waitFor({ timeout: 20000 });
  await t.consoleLogin(comp, 'demo-company');
  await comp.goto(t.console + '/assessment/own', { waitUntil: 'domcontentloaded' });
  t.check(await fillReport(comp, round.id, '自报数据') === 200, 'the company submits its report from its own page');
  await t.axe(comp, 'the company assessment page');
  await t.shot(comp, '80-assessment-own');

  // ---- the regulator returns it with a reason
  const reg = await t.newPage({ locale: 'en' });
  await reg.goto(t.console + '/', { waitUntil: 'domcontentloaded' });
  await reg.locator('[data-test="username"]').waitFor({ timeout: 20000 });
  await t.consoleLogin(reg, 'demo-regulator');
  await reg.goto(t.console + `/assessment/rounds/${round.id}/reports/${companyId}`, { waitUntil: 'domcontentloaded' });
  await reg.locator('[data-test="review-return"]').waitFor({ timeout: 20000 });
  await t.axe(reg, 'the report review');
  await reg.locator('[data-test="review-return"]').click();
  await reg.locator('[data-test="return-dialog"]').waitFor({ timeout: 10000 });
  await reg.locator('textarea[data-test="return-reason"], input[data-test="return-reason"]').fill('请补充管理制度的公示照片');
  const returned = reg.waitForResponse(r => r.url().includes('/return') && r.request().method() === 'POST');
  await reg.locator('[data-test="return-submit"]').click();
  t.check((await returned).status() === 200, 'the regulator returns the report with a reason');

  // ---- the company sees the reason and submits again
  await comp.goto(t.console + '/assessment/own', { waitUntil: 'domcontentloaded' });
  const reason = comp.locator(`[data-test="own-round-${round.id}"] [data-test="own-returned-reason"]`);
  await reason.waitFor({ timeout: 20000 });
  t.check((await reason.textContent()).includes('公示照片'), 'the company sees why its report was returned');
  t.check(await fillReport(comp, round.id, '补充后数据') === 200, 'the company submits again after the return');

  // ---- the regulator accepts with points for every self-reported indicator
  await reg.goto(t.console + `/assessment/rounds/${round.id}/reports/${companyId}`, { waitUntil: 'domcontentloaded' });
  await reg.locator('[data-test="review-accept"]').waitFor({ timeout: 20000 });
  const report = await t.call(regulator, `/assessment/rounds/${round.id}/reports/${companyId}`);
  const self = report.body.values.filter(v => v.method === 'SELF_REPORTED');
  for (let i = 0; i < self.length; i++) {
    await reg.locator(`[data-test="review-points-${i}"] input`).fill(String(Math.max(0, Number(self[i].weight) - 1)));
  }
  const accepted = reg.waitForResponse(r => r.url().includes('/accept') && r.request().method() === 'POST');
  await reg.locator('[data-test="review-accept"]').click();
  t.check((await accepted).status() === 200, 'the regulator accepts the report with points');
  const after = await t.call(regulator, `/assessment/rounds/${round.id}/reports/${companyId}`);
  t.check(after.body.status === 'APPROVED', 'the report is APPROVED', after.body.status);
  await t.shot(reg, '81-assessment-review');

  // ---- the round page and the public TOP 10
  await reg.goto(t.console + `/assessment/rounds/${round.id}`, { waitUntil: 'domcontentloaded' });
  await reg.locator('[data-test="reports"]').waitFor({ timeout: 20000 });
  await t.axe(reg, 'an assessment round');
  const pub = await t.newPage({ locale: 'zh-CN' });
  await pub.goto(t.portal + '/assessment', { waitUntil: 'domcontentloaded' });
  await pub.locator('[data-test="public-top10"]').waitFor({ timeout: 20000 });
  await pub.locator('[data-test="public-top10-item"]').first().waitFor({ timeout: 20000 });
  t.check(await pub.locator('[data-test="public-top10-item"]').count() >= 1, 'the public TOP 10 lists the published round');
  await t.shot(pub, '82-portal-top10');
  await t.axe(pub, 'the public TOP 10');
}
