// The registry pages of the console (issue 13 item 2): a company filing returned with a reason by the reviewer in the
// console (the API's field error shown under the reason when it is left out), resubmitted by the company through its
// own console page and approved (SUP-CO-2, COS-2); the estate detail with its building table and masked owners for
// demo-officer, the audited unmasked view for demo-regulator (SUP-EST-2, ID-2); demo-company sees only its company and
// its estates (scope); the committee detail with its members (SUP-OC-2).
// Each party works in another of the four languages (the regulator in English, the company in zh-CN, the officer in
// pt, demo-company in zh-TW): the statuses are checked against the console's own texts of that language.
// The suite makes its own company and company account (the regulator registers the company, the system admin gives it
// an account, as SUP-CO-1 has it), so no demo filing is used up.
import companiesArea from '../../../../../bundles/web/spm-web-console/src/main/webapp/src/areas/companies/area.js';

/** A text of the console in one of its languages (the companies area's messages: companies.*, filing.*). */
function text(locale, key) {
  return key.split('.').reduce((o, k) => o[k], companiesArea.messages[locale]);
}

/** A fresh unified social credit code with both GB 32100 check characters right (Zhuhai, enterprise). */
function creditCode() {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const orgWeights = [3, 7, 9, 10, 5, 8, 4, 2];
  const body = Array.from({ length: 8 }, () => Math.floor(Math.random() * 10)).join('');
  const org = 11 - [...body].reduce((s, c, i) => s + Number(c) * orgWeights[i], 0) % 11;
  const first17 = '91440400' + body + (org === 10 ? 'X' : org === 11 ? '0' : String(org));
  const check = 31 - [...first17].reduce((s, c, i) => s + alphabet.indexOf(c) * weights[i], 0) % 31;
  return first17 + alphabet[check === 31 ? 0 : check];
}

/** A small complete PDF, distinct per call. */
function pdf(text) {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text} ${Date.now()} ${Math.random()}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
}

export default async function (t) {
  const tag = Date.now().toString(36);
  const regulator = await t.token('demo-regulator');

  // --- set-up through the API: a company of the suite's own, APPLYING, with a company account that has filed once ---
  const companyName = `浏览器测试物业服务有限公司${tag}`;
  const created = await t.call(regulator, '/companies', { method: 'POST', body: {
    name: companyName, creditCode: creditCode(), legalRepresentative: '王测试', contact: '李小姐', phone: '13800001234',
    officeAddress: '横琴环岛东路1号' } });
  if (!t.check(created.status === 201, 'the regulator registers a company for the suite', JSON.stringify(created.body))) return;
  const companyId = created.body.id;

  // the system admin (TOTP) gives it an account; a code another login used in the same step is refused: take the next step
  const sysadmin = await t.token('demo-sysadmin').catch(() => null); // a fresh TOTP step (run.mjs)
  if (!t.check(!!sysadmin, 'demo-sysadmin logs in with its TOTP')) return;
  const username = `e2e-company-${tag}`;
  const account = await t.call(sysadmin, '/accounts', { method: 'POST',
    body: { username, roles: ['COMPANY'], scope: 'COMPANY', companyId } });
  if (!t.check(account.status === 200, 'the system admin creates the company account', JSON.stringify(account.body))) return;
  const limited = await t.call(null, '/auth/login', { method: 'POST', body: { username, password: account.body.initialPassword } });
  const companyPassword = 'Filing@2026e2e';
  const changed = await t.call(limited.body.token, '/auth/password', { method: 'POST',
    body: { currentPassword: account.body.initialPassword, newPassword: companyPassword } });
  t.check(changed.status === 200, 'the company account changes its initial password', String(changed.status));
  const company = await t.token(username, companyPassword);
  const upload = await fetch(`${t.api}/files?name=licence.pdf`, { method: 'POST', body: pdf('licence'),
    headers: { Authorization: `Bearer ${company}`, 'Content-Type': 'application/pdf' } });
  const licence = await upload.json();
  const submitted = await t.call(company, `/companies/${companyId}/filings`, { method: 'POST', body: {
    qualificationGrade: '二级', certificateNumber: `E2E-${tag}`, creditInformation: '信用良好', note: '首次备案',
    materials: [{ title: '营业执照', fileId: licence.id }] } });
  if (!t.check(submitted.status === 201 && submitted.body.status === 'SUBMITTED', 'the company submits its filing',
    JSON.stringify(submitted.body))) return;

  // --- (a) the reviewer returns the filing with a reason in the console ---
  const page = await t.newPage({ locale: 'en' });
  const en = key => text('en', key);
  await page.goto(t.console + '/login');
  await t.consoleLogin(page, 'demo-regulator');
  t.check(await page.locator('[data-test="menu-companies"]').isVisible(), 'demo-regulator sees the property companies menu');
  t.check(await page.locator('[data-test="menu-committees"]').isVisible(), 'demo-regulator sees the owners committees menu');
  t.check(await page.locator('[data-test="menu-estateSync"]').isVisible(), 'demo-regulator sees the real-estate sync menu');
  const firstPage = page.waitForResponse(r => r.url().includes('/api/v1/companies?'));
  await page.locator('[data-test="menu-companies"]').click();
  const companiesAnswer = await firstPage;
  t.check(/[?&]page=0/.test(companiesAnswer.url()) && /[?&]size=20/.test(companiesAnswer.url()), 'the companies list asks one page',
    companiesAnswer.url());
  await page.locator('[data-test="companies"] .el-table__body tr').first().waitFor({ timeout: 20000 });
  await page.locator('[data-test="companies"] .el-loading-mask').waitFor({ state: 'hidden', timeout: 10000 });
  await t.shot(page, '21-companies');
  await t.axe(page, 'the companies list');

  const filtered = page.waitForResponse(r => r.url().includes('/api/v1/companies?') && r.url().includes('name='));
  await page.locator('[data-test="companies-search"]').fill(tag);
  await page.locator('[data-test="companies-search"]').press('Enter');
  await filtered;
  await page.locator('[data-test="company-link"]', { hasText: companyName }).waitFor({ timeout: 10000 });
  t.check(await page.locator('[data-test="companies"] .el-table__body tr').count() === 1, 'the name filter finds the one company');
  await page.locator('[data-test="company-link"]', { hasText: companyName }).click();
  await page.locator('[data-test="filing-status"]', { hasText: en('filing.status.SUBMITTED') }).waitFor({ timeout: 20000 });
  t.check((await page.locator('[data-test="company-status"]').textContent()).trim() === en('companies.status.APPLYING'),
    'the company shows APPLYING');
  t.check(await page.locator('[data-test="filing-submit-open"]').count() === 0, 'the regulator is not offered to submit a filing');

  // returning without a reason: the API's field error under the reason field
  await page.locator('[data-test="filing-return"]').click();
  const dialog = page.locator('.el-dialog[data-test="review-dialog"]');
  await dialog.waitFor({ timeout: 10000 });
  const refused = page.waitForResponse(r => r.url().includes(`/companies/${companyId}/filings/`) && r.request().method() === 'POST');
  await dialog.locator('[data-test="review-submit"]').click();
  const refusedAnswer = await refused;
  t.check(refusedAnswer.status() === 400, 'a return without a reason is refused by the API (400)', String(refusedAnswer.status()));
  t.check(refusedAnswer.request().headers()['if-match'] === `"${submitted.body.version}"`, 'the decision is sent with If-Match of the filing',
    refusedAnswer.request().headers()['if-match']);
  const fieldError = dialog.locator('.el-form-item__error');
  await fieldError.waitFor({ timeout: 5000 });
  const expected = (await refusedAnswer.json()).errors.find(e => e.field === 'reason').message;
  t.check((await fieldError.textContent()).includes(expected), 'the API field error shows under the reason', expected);

  const reason = `资质证书复印件不清晰（浏览器测试 ${tag}）`;
  await dialog.locator('[data-test="review-reason"]').fill(reason);
  const returned = page.waitForResponse(r => r.url().includes(`/companies/${companyId}/filings/`) && r.url().endsWith('/return'));
  await dialog.locator('[data-test="review-submit"]').click();
  t.check((await returned).status() === 200, 'the return with a reason is accepted');
  await page.locator('[data-test="filing-status"]', { hasText: en('filing.status.RETURNED') }).waitFor({ timeout: 10000 });
  t.check(true, 'the console shows the filing RETURNED');
  await page.locator('[data-test="filing-history"]', { hasText: reason }).waitFor({ timeout: 10000 });
  t.check(true, 'the review history shows the reason');
  const afterReturn = await t.call(regulator, `/companies/${companyId}/filings`);
  t.check(afterReturn.body[0].status === 'RETURNED' && afterReturn.body[0].reason === reason, 'the API has the filing RETURNED with the reason');

  // --- the company resubmits through its own console page ---
  const companyPage = await t.newPage({ locale: 'zh-CN' });
  await companyPage.goto(t.console + '/login');
  await t.consoleLogin(companyPage, username, companyPassword);
  await companyPage.goto(`${t.console}/companies/${companyId}`);
  await companyPage.locator('[data-test="filing-status"]', { hasText: text('zh-CN', 'filing.status.RETURNED') }).waitFor({ timeout: 20000 });
  t.check(await companyPage.locator('[data-test="filing-return"]').count() === 0, 'the company is not offered the review');
  await companyPage.locator('[data-test="filing-submit-open"]').click();
  const form = companyPage.locator('.el-dialog[data-test="filing-form"]');
  await form.waitFor({ timeout: 10000 });
  await form.locator('[data-test="filing-note"]').fill('补正后重新提交');
  await form.locator('[data-test="filing-material-title-0"]').fill('资质证书（清晰扫描件）');
  await form.locator('[data-test="filing-material-file-0"]').setInputFiles({ name: 'qualification.pdf', mimeType: 'application/pdf', buffer: pdf('qualification') });
  const resubmitted = companyPage.waitForResponse(r => r.url().endsWith(`/companies/${companyId}/filings`) && r.request().method() === 'POST');
  await form.locator('[data-test="filing-submit"]').click();
  t.check((await resubmitted).status() === 201, 'the company resubmits its filing in the console');
  await companyPage.locator('[data-test="filing-status"]', { hasText: text('zh-CN', 'filing.status.SUBMITTED') }).waitFor({ timeout: 10000 });
  t.check(true, 'the company sees its filing awaiting review (待审核)');
  await companyPage.context().close();

  // --- the reviewer approves ---
  await page.reload();
  await page.locator('[data-test="filing-status"]', { hasText: en('filing.status.SUBMITTED') }).waitFor({ timeout: 20000 });
  t.check(true, 'the reviewer sees the resubmitted filing awaiting review');
  await page.locator('[data-test="filing-approve"]').click();
  await dialog.waitFor({ timeout: 10000 });
  await dialog.locator('[data-test="review-reason"]').fill('材料齐全，准予备案');
  const approved = page.waitForResponse(r => r.url().includes(`/companies/${companyId}/filings/`) && r.url().endsWith('/approve'));
  await dialog.locator('[data-test="review-submit"]').click();
  t.check((await approved).status() === 200, 'the approval is accepted');
  await page.locator('[data-test="filing-status"]', { hasText: en('filing.status.APPROVED') }).waitFor({ timeout: 10000 });
  await page.locator('[data-test="company-status"]', { hasText: en('companies.status.FILED') }).waitFor({ timeout: 10000 });
  t.check(true, 'the console shows the filing APPROVED and the company FILED');
  t.check(await page.locator('[data-test="company-suspend"]').isVisible(), 'a filed company offers the reviewer the suspension');
  const history = await t.call(regulator, `/companies/${companyId}/filings/history`);
  t.check(history.body.map(e => e.action).join(',') === 'SUBMIT,RETURN,RESUBMIT,APPROVE', 'the review history: submit, return, resubmit, approve',
    history.body.map(e => e.action).join(','));
  t.check((await t.call(regulator, `/companies/${companyId}`)).body.status === 'FILED', 'the API has the company FILED');
  await t.shot(page, '22-company-filing-review');
  await t.axe(page, 'a company detail with its filing');

  // sanctions (SUP-CO-1): a suspension needs a reason (the API's field error), then the company is reinstated
  await page.locator('[data-test="company-suspend"]').click();
  const sanction = page.locator('.el-dialog[data-test="sanction-dialog"]');
  await sanction.waitFor({ timeout: 10000 });
  const noReason = page.waitForResponse(r => r.url().endsWith(`/companies/${companyId}/suspend`));
  await sanction.locator('[data-test="sanction-submit"]').click();
  t.check((await noReason).status() === 400, 'a suspension without a reason is refused (400)');
  await sanction.locator('.el-form-item__error').waitFor({ timeout: 5000 });
  t.check(true, 'the reason field shows the API field error');
  await sanction.locator('[data-test="sanction-reason"]').fill('浏览器测试：暂停');
  const suspended = page.waitForResponse(r => r.url().endsWith(`/companies/${companyId}/suspend`));
  await sanction.locator('[data-test="sanction-submit"]').click();
  t.check((await suspended).status() === 200, 'the suspension with a reason is accepted');
  await page.locator('[data-test="company-status"]', { hasText: en('companies.status.SUSPENDED') }).waitFor({ timeout: 10000 });
  await page.locator('[data-test="company-reinstate"]').click();
  await sanction.waitFor({ timeout: 10000 });
  await sanction.locator('[data-test="sanction-reason"]').fill('浏览器测试：恢复');
  const reinstated = page.waitForResponse(r => r.url().endsWith(`/companies/${companyId}/reinstate`));
  await sanction.locator('[data-test="sanction-submit"]').click();
  t.check((await reinstated).status() === 200, 'the reinstatement is accepted');
  await page.locator('[data-test="company-status"]', { hasText: en('companies.status.FILED') }).waitFor({ timeout: 10000 });
  t.check((await t.call(regulator, `/companies/${companyId}`)).body.status === 'FILED', 'suspended and reinstated: the company is FILED again');

  // --- (b) the regulator: the audited unmasked view of one house's owners ---
  const estates = await t.call(regulator, '/estates?size=1&sort=id');
  const estate = estates.body.items[0];
  const buildings = await t.call(regulator, `/estates/${estate.id}/buildings`);
  // the console shows the first building's houses by unit code: the first of them with an owner
  const firstHouse = (await t.call(regulator, `/estates/${estate.id}/houses?buildingId=${buildings.body[0].id}&size=20&sort=unitCode`))
    .body.items.find(h => h.owners && h.owners.length);
  await page.goto(`${t.console}/estates/${estate.id}`);
  const houseRow = page.locator('[data-test="estate-houses"] .el-table__body tr', { hasText: firstHouse.unitCode });
  await houseRow.locator('[data-test="house-unmasked"]').waitFor({ timeout: 20000 });
  const unmaskedCall = page.waitForResponse(r => r.url().includes(`/houses/${firstHouse.unitCode}?unmasked=true`));
  await houseRow.locator('[data-test="house-unmasked"]').click();
  t.check((await unmaskedCall).status() === 200, 'demo-regulator asks for one house unmasked (audited by the API)');
  const fullName = page.locator('[data-test="unmasked-owners"] .el-table__body tr td').first();
  await fullName.waitFor({ timeout: 10000 });
  const shownFull = (await fullName.textContent()).trim();
  t.check(shownFull.length > 0 && !shownFull.includes('*') && shownFull !== firstHouse.owners[0].name, 'the dialog shows the owner unmasked',
    `${shownFull} / masked ${firstHouse.owners[0].name}`);

  // the sync runs page (sync:read): the list of runs; a sync is not started here (it would change the registry)
  await page.goto(`${t.console}/estate-sync`);
  await page.locator('[data-test="sync-runs"]').waitFor({ timeout: 20000 });
  t.check(await page.locator('[data-test="sync-start"]').isVisible(), 'demo-regulator (sync:run) is offered to start a sync');

  // the committee detail with its members and filing
  const committees = await t.call(regulator, '/committees?size=1&sort=id');
  const committee = committees.body.items[0];
  await page.goto(`${t.console}/committees`);
  await page.locator('[data-test="committees"] .el-table__body tr').first().waitFor({ timeout: 20000 });
  await page.goto(`${t.console}/committees/${committee.id}`);
  await page.locator('[data-test="committee-members"] .el-table__body tr').first().waitFor({ timeout: 20000 });
  t.check(await page.locator('[data-test="committee-members"] .el-table__body tr').count() === committee.members.length,
    'the committee detail lists its members', `${committee.members.length}`);
  await page.locator('[data-test="filings"] .el-table__body tr').first().waitFor({ timeout: 10000 });
  await t.shot(page, '23-committee-detail');
  await t.axe(page, 'a committee detail');
  await page.context().close();

  // --- (b) demo-officer: the estate detail with the building table and masked owners, no unmasked view ---
  const officer = await t.newPage({ locale: 'pt-PT' });
  await officer.goto(t.console + '/login');
  await t.consoleLogin(officer, 'demo-officer');
  await officer.goto(`${t.console}/estates/${estate.id}`);
  await officer.locator('[data-test="estate-buildings"] .el-table__body tr').first().waitFor({ timeout: 20000 });
  const shownBuildings = await officer.locator('[data-test="estate-buildings"] .el-table__body tr').count();
  t.check(shownBuildings === buildings.body.length, 'the estate detail shows the building table', `${shownBuildings} of ${buildings.body.length}`);
  t.check((await officer.locator('[data-test="estate-name"]').textContent()).includes(estate.name), 'the estate detail names the estate');
  await officer.locator('[data-test="house-owner"]').first().waitFor({ timeout: 20000 });
  const owners = (await officer.locator('[data-test="house-owner"]').allTextContents()).map(s => s.trim());
  t.check(owners.length > 0 && owners.every(name => name.includes('*')), 'demo-officer sees the owners masked', owners.slice(0, 4).join(', '));
  t.check(owners[0].startsWith(firstHouse.owners[0].name), 'the masked name is the one the API gives', `${owners[0]} / ${firstHouse.owners[0].name}`);
  t.check(await officer.locator('[data-test="house-unmasked"]').count() === 0, 'demo-officer (no owner:view-full) is not offered the unmasked view');
  const rowsPage = await officer.locator('[data-test="estate-houses"] .el-table__body tr').count();
  t.check(rowsPage > 0 && rowsPage <= 20, 'the houses of a building come one page at a time', `${rowsPage} rows`);
  await officer.locator('[data-test="estate-houses"] .el-loading-mask').waitFor({ state: 'hidden', timeout: 10000 });
  await officer.locator('[data-test="houses-title"]').scrollIntoViewIfNeeded();
  await t.shot(officer, '20-estate-detail');
  await t.axe(officer, 'an estate detail');
  await officer.context().close();

  // --- (c) demo-company sees only its own company and its estates ---
  const demoCompany = await t.token('demo-company');
  const me = await t.call(demoCompany, '/auth/me');
  const own = await t.call(demoCompany, `/companies/${me.body.scope.companyId}`);
  const ownEstates = await t.call(demoCompany, '/estates?size=1');
  const cp = await t.newPage({ locale: 'zh-MO' });
  await cp.goto(t.console + '/login');
  await t.consoleLogin(cp, 'demo-company');
  t.check(await cp.locator('[data-test="menu-estateSync"]').count() === 0, 'demo-company has no sync menu');
  await cp.locator('[data-test="menu-companies"]').click();
  await cp.locator('[data-test="companies"] .el-table__body tr').first().waitFor({ timeout: 20000 });
  const companyRows = await cp.locator('[data-test="company-link"]').allTextContents();
  t.check(companyRows.length === 1 && companyRows[0].trim() === own.body.name, 'demo-company lists only its own company', companyRows.join(', '));
  const estatesAnswer = cp.waitForResponse(r => r.url().includes('/api/v1/estates?'));
  await cp.locator('[data-test="menu-estates"]').click();
  const shownTotal = (await (await estatesAnswer).json()).total;
  await cp.locator('[data-test="estates"] .el-table__body tr').first().waitFor({ timeout: 20000 });
  const companyCells = await cp.locator('[data-test="estates"] .el-table__body tr td:nth-child(3)').allTextContents();
  t.check(shownTotal === ownEstates.body.total && companyCells.length > 0 && companyCells.every(c => c.trim() === own.body.name),
    'demo-company sees only the estates it serves', `${shownTotal} estates, ${companyCells.length} rows`);
  await cp.goto(`${t.console}/companies/${companyId}`);
  await cp.locator('[data-test="company-error"]').waitFor({ timeout: 20000 });
  t.check(await cp.locator('[data-test="company-name"]').count() === 0, 'another company is not shown to demo-company (404)');
  await cp.context().close();
}
