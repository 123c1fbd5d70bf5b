// Administration in the console (issue 13 item 2; OPS-1, OPS-2, OPS-6, ID-3, 三权分立):
//  (a) demo-sysadmin (password + TOTP) creates an account through the form — first with a missing username and a wrong
//      phone (each error next to its field), then valid; the initial password is shown once; sets its data scope (the
//      missing company no. next to its field, then valid); a refused action on an admin account shows the 403 sod.*;
//  (b) demo-auditor finds that creation in the audit log (time range, actor, action, object kind) and sees the chain intact;
//  (c) with SPM_TAMPERED_AUDIT_ID (ConsoleBrowserIT changed that row over JDBC): the chain check shows it broken at that row;
//      only (c) runs then, since the chain is not intact;
//  (d) demo-ops sees the network and health pages and bans then lifts an IP range;
//  (e) the menus of the system admin, the auditor and ops hold their own admin entries and not each other's.

const SECRETS = {
  'demo-sysadmin': 'DEMOSYSADMINSPMHENGQINAAAAAAAAAA',
  'demo-auditor': 'DEMOAUDITORSPMHENGQINAAAAAAAAAAA',
};
const ADMIN_MENUS = ['accounts', 'roles', 'audit', 'network', 'health'];

// The admins' TOTP: t.totp and t.freshStep of run.mjs (a fresh time step per account, kept across the suites).

/** The console's login with the TOTP the page asks for after auth.totpRequired; a replayed step is retried with a fresh one. */
async function adminLogin(t, page, user) {
  await page.locator('[data-test="username"]').waitFor({ timeout: 20000 });
  await page.locator('[data-test="username"]').fill(user);
  await page.locator('[data-test="password"]').fill(t.password);
  const asked = page.waitForResponse(r => r.url().endsWith('/api/v1/auth/login'));
  await page.locator('[data-test="login"]').click();
  const first = await asked;
  t.check(first.status() === 401 && (await first.json()).code === 'auth.totpRequired', `${user}: the password alone is answered auth.totpRequired`);
  await page.locator('[data-test="totp"]').waitFor({ timeout: 10000 });
  for (let attempt = 0; attempt < 3; attempt++) {
    const step = await t.freshStep(user);
    await page.locator('[data-test="totp"]').fill(t.totp(SECRETS[user], step));
    const answer = page.waitForResponse(r => r.url().endsWith('/api/v1/auth/login'));
    await page.locator('[data-test="login"]').click();
    const r = await answer;
    if (r.ok()) break;
    const code = (await r.json()).code;
    if (code !== 'auth.totpReplayed' || attempt === 2) throw new Error(`${user}: TOTP login answered ${r.status()} ${code}`);
  }
  await page.locator('[data-test="menu-home"]').waitFor({ timeout: 20000 });
}

/** (e): the admin entries of the menu are exactly the expected ones. */
async function menus(t, page, user, expected) {
  const shown = [];
  for (const key of ADMIN_MENUS) if (await page.locator(`[data-test="menu-${key}"]`).count()) shown.push(key);
  t.check(JSON.stringify(shown) === JSON.stringify(expected), `(e) ${user} sees the admin menus ${expected.join(', ')} and no other (三权分立)`,
    `shown: ${shown.join(', ') || 'none'}`);
}

/** The text of the form item error next to the field with this data-test (Element Plus shows it under the input). */
async function fieldError(page, dataTest) {
  const error = page.locator(`.el-form-item:has([data-test="${dataTest}"]) .el-form-item__error`);
  await error.waitFor({ timeout: 10000 });
  return (await error.textContent()).trim();
}

async function sysadmin(t, name, companyId) {
  const page = await t.newPage();
  await page.goto(t.console + '/accounts');
  await adminLogin(t, page, 'demo-sysadmin');
  await menus(t, page, 'demo-sysadmin', ['accounts']);
  if (!page.url().endsWith('/accounts')) await page.locator('[data-test="menu-accounts"]').click();
  await page.locator('[data-test="accounts-table"] .el-table__body tr').first().waitFor({ timeout: 20000 });
  t.check(true, '(a) demo-sysadmin opens the accounts page after the login with password and TOTP');

  // the create form: a missing username, then a wrong phone: each API field error next to its field
  await page.locator('[data-test="accounts-create"]').click();
  const dialog = page.locator('[data-test="account-create-dialog"]');
  await dialog.locator('[data-test="account-username"]').waitFor();
  await dialog.locator('[data-test="account-display-name"]').fill('IT 浏览器测试');
  await dialog.locator('[data-test="account-roles"]').click();
  await page.locator('[data-test="account-role-COMPANY"]').click();
  await page.keyboard.press('Escape');
  let answer = page.waitForResponse(r => r.url().endsWith('/api/v1/accounts') && r.request().method() === 'POST');
  await dialog.locator('[data-test="account-submit"]').click();
  t.check((await answer).status() === 400, '(a) an account without username is answered 400');
  const usernameError = await fieldError(page, 'account-username');
  t.check(usernameError.length > 0, '(a) the missing username is shown next to the username field', usernameError);
  await dialog.locator('[data-test="account-username"]').fill(name);
  await dialog.locator('[data-test="account-phone"]').fill('12');
  answer = page.waitForResponse(r => r.url().endsWith('/api/v1/accounts') && r.request().method() === 'POST');
  await dialog.locator('[data-test="account-submit"]').click();
  const phoneAnswer = await answer;
  const phoneProblem = await phoneAnswer.json();
  t.check(phoneAnswer.status() === 400 && phoneProblem.errors.some(e => e.field === 'phone'), '(a) a wrong phone is answered 400 on the phone field');
  const phoneError = await fieldError(page, 'account-phone');
  t.check(phoneError === phoneProblem.errors.find(e => e.field === 'phone').message, '(a) the API message is shown next to the phone field', phoneError);
  const gone = await page.locator('.el-form-item:has([data-test="account-username"]) .el-form-item__error')
    .waitFor({ state: 'detached', timeout: 5000 }).then(() => true, () => false);
  t.check(gone, '(a) the username error is gone once the username is valid');
  await dialog.locator('[data-test="account-phone"]').fill('13800001234');
  answer = page.waitForResponse(r => r.url().endsWith('/api/v1/accounts') && r.request().method() === 'POST');
  await dialog.locator('[data-test="account-submit"]').click();
  const createdAnswer = await answer;
  const created = await createdAnswer.json();
  t.check(createdAnswer.status() === 200 && created.account.username === name, '(a) the valid form creates the account', name);
  const shown = page.locator('[data-test="accounts-initial-password"]');
  await shown.waitFor({ timeout: 10000 });
  t.check((await shown.textContent()).trim() === created.initialPassword, '(a) the initial password is shown once, as the API answered it');
  await page.locator('[data-test="accounts-one-time-close"]').click();
  await shown.waitFor({ state: 'detached', timeout: 10000 });
  t.check(await page.getByText(created.initialPassword).count() === 0, '(a) after closing, the initial password is nowhere on the page');

  // the new row, found with the filter
  await page.locator('[data-test="accounts-search"]').fill(name);
  await page.locator('[data-test="accounts-find"]').click();
  const row = page.locator('[data-test="accounts-table"] .el-table__body tr', { has: page.locator(`[data-test="account-name-${name}"]`) });
  await row.waitFor({ timeout: 10000 });
  t.check(await page.locator('[data-test="accounts-table"] .el-table__body tr').count() === 1, '(a) the filter finds the new account alone');

  // its data scope: COMPANY without the company no. (the error next to the field), then with it
  await row.locator('[data-test="account-set-scope"]').click();
  const scope = page.locator('[data-test="account-scope-dialog"]');
  await scope.locator('[data-test="scope-stored"]').waitFor({ timeout: 10000 });
  await scope.locator('[data-test="scope-kind"]').click();
  await page.locator('[data-test="scope-kind-COMPANY"]').click();
  answer = page.waitForResponse(r => r.url().includes(`/api/v1/accounts/${created.account.id}/scopes`) && r.request().method() === 'PUT');
  await scope.locator('[data-test="scope-save"]').click();
  t.check((await answer).status() === 400, '(a) the COMPANY scope without a company no. is answered 400');
  const idError = await fieldError(page, 'scope-id');
  t.check(idError.length > 0, '(a) the missing company no. is shown next to its field', idError);
  await scope.locator('[data-test="scope-id"]').fill(String(companyId));
  answer = page.waitForResponse(r => r.url().includes(`/api/v1/accounts/${created.account.id}/scopes`) && r.request().method() === 'PUT');
  await scope.locator('[data-test="scope-save"]').click();
  const scoped = await answer;
  const scopedBody = await scoped.json();
  t.check(scoped.status() === 200 && scopedBody.stored.kind === 'COMPANY' && scopedBody.stored.companyId === companyId,
    '(a) PUT /accounts/{id}/scopes stores kind COMPANY and the company', JSON.stringify(scopedBody.stored));
  await scope.waitFor({ state: 'hidden', timeout: 10000 });
  await page.waitForFunction(n => {
    const cell = [...document.querySelectorAll('[data-test="accounts-table"] .el-table__body tr')]
      .find(tr => tr.querySelector(`[data-test="account-name-${n}"]`));
    return cell && cell.querySelector('[data-test="account-scope-kind"]').getAttribute('data-kind') === 'COMPANY';
  }, name, { timeout: 10000 });
  t.check(true, '(a) the table shows the new scope of the account');
  await page.screenshot({ path: `${t.shots}/60-accounts.png`, fullPage: true });
  if (t.axe) await t.axe(page, 'the accounts page');

  // the test account is disabled again (an ordinary account: the system admin's to disable)
  answer = page.waitForResponse(r => r.url().endsWith(`/api/v1/accounts/${created.account.id}/disable`));
  await row.locator('[data-test="account-disable"]').click();
  await page.locator('.el-popconfirm:visible .el-button--primary').click();
  t.check((await answer).status() === 200, '(a) demo-sysadmin disables the new account');
  await row.locator('[data-test="account-status"][data-status="DISABLED"]').waitFor({ timeout: 10000 });
  t.check(true, '(a) the table shows it disabled');

  // 三权分立: the system admin may not disable an admin account: the 403 sod.adminAccount is shown with its reason
  await page.locator('[data-test="accounts-search"]').fill('demo-secadmin');
  await page.locator('[data-test="accounts-find"]').click();
  const secadmin = page.locator('[data-test="accounts-table"] .el-table__body tr', { has: page.locator('[data-test="account-name-demo-secadmin"]') });
  await secadmin.waitFor({ timeout: 10000 });
  await secadmin.locator('[data-test="account-disable"]').click();
  answer = page.waitForResponse(r => /\/api\/v1\/accounts\/\d+\/disable$/.test(r.url()));
  await page.locator('.el-popconfirm:visible .el-button--primary').click();
  const refused = await answer;
  t.check(refused.status() === 403, '(a) disabling demo-secadmin is refused 403');
  const refusal = page.locator('[data-test="accounts-refusal"]');
  await refusal.waitFor({ timeout: 10000 });
  t.check(await refusal.getAttribute('data-code') === 'sod.adminAccount' && (await refusal.textContent()).includes('三权分立'),
    '(a) the refusal names the separation of duties and its code sod.adminAccount', (await refusal.textContent()).trim());
  t.check(await secadmin.locator('[data-test="account-status"]').getAttribute('data-status') === 'ACTIVE', '(a) demo-secadmin stays active');
  await page.context().close();
  return created.account.id;
}

async function auditor(t, name, accountId) {
  const page = await t.newPage();
  await page.goto(t.console + '/');
  await adminLogin(t, page, 'demo-auditor');
  await menus(t, page, 'demo-auditor', ['audit']);
  const first = page.waitForResponse(r => r.url().includes('/api/v1/audit?'));
  await page.locator('[data-test="menu-audit"]').click();
  const firstPage = await first;
  t.check(/[?&]page=0/.test(firstPage.url()) && /[?&]size=20/.test(firstPage.url()), '(b) the audit log asks the API for one page', firstPage.url());

  // time range (last hour), actor, action, object kind
  await page.locator('[data-test="audit-range"] input').first().click();
  await page.locator('.el-picker-panel__shortcut', { hasText: '最近 1 小时' }).click();
  await page.locator('[data-test="audit-actor"]').fill('demo-sysadmin');
  await page.locator('[data-test="audit-action"]').fill('account.*');
  await page.locator('[data-test="audit-object-type"]').click();
  await page.locator('[data-test="audit-kind-account"]').click();
  const searched = page.waitForResponse(r => r.url().includes('/api/v1/audit?') && r.url().includes('actor=demo-sysadmin'));
  await page.locator('[data-test="audit-find"]').click();
  const answer = await searched;
  const q = new URL(answer.url()).searchParams;
  t.check(q.get('objectType') === 'account' && q.get('action') === 'account.*' && !!q.get('from') && !!q.get('to'),
    '(b) the search sends time range, actor, action and object kind', answer.url());
  const body = await answer.json();
  const creation = body.items.find(i => i.action === 'account.create' && i.objectId === String(accountId));
  t.check(!!creation && creation.summary.includes(name), '(b) the API finds the creation of the account', JSON.stringify(creation || body.items[0]));
  const row = page.locator('[data-test="audit-table"] .el-table__body tr', { hasText: 'account.create' })
    .filter({ hasText: name });
  await row.first().waitFor({ timeout: 10000 });
  t.check((await row.first().textContent()).includes('demo-sysadmin'), '(b) the table shows the creation by demo-sysadmin');

  const verified = page.waitForResponse(r => r.url().endsWith('/api/v1/audit/verify'));
  await page.locator('[data-test="audit-verify"]').click();
  const v = await (await verified).json();
  const result = page.locator('[data-test="audit-verify-result"]');
  await result.waitFor({ timeout: 20000 });
  t.check(v.intact === true && await result.getAttribute('data-intact') === 'true', '(b) the chain check answers intact and says so',
    (await result.textContent()).trim());
  t.check((await result.textContent()).includes(String(v.checked)), '(b) the result names the rows checked', String(v.checked));
  await page.screenshot({ path: `${t.shots}/61-audit.png`, fullPage: true });
  if (t.axe) await t.axe(page, 'the audit log with the chain check');
  await page.context().close();
}

async function tampered(t, id) {
  const page = await t.newPage();
  await page.goto(t.console + '/audit');
  await adminLogin(t, page, 'demo-auditor');
  if (!page.url().endsWith('/audit')) await page.locator('[data-test="menu-audit"]').click();
  const verified = page.waitForResponse(r => r.url().endsWith('/api/v1/audit/verify'));
  await page.locator('[data-test="audit-verify"]').click();
  const v = await (await verified).json();
  t.check(v.intact === false && String(v.firstBrokenSeq) === id, `(c) GET /audit/verify answers the chain broken at row ${id}`, JSON.stringify(v));
  const result = page.locator('[data-test="audit-verify-result"]');
  await result.waitFor({ timeout: 20000 });
  t.check(await result.getAttribute('data-intact') === 'false', '(c) the console shows the chain broken');
  t.check((await result.locator('[data-test="audit-broken-seq"]').textContent()).trim() === id, `(c) the console names the broken row ${id}`);
  await result.locator('[data-test="audit-broken-at"]').waitFor({ timeout: 20000 });
  t.check(/\d{2}:\d{2}:\d{2}/.test(await result.locator('[data-test="audit-broken-at"]').textContent()), '(c) and its time',
    (await result.locator('[data-test="audit-broken-at"]').textContent()).trim());
  await page.screenshot({ path: `${t.shots}/62-audit-broken.png`, fullPage: true });
  await page.context().close();
}

async function ops(t) {
  const page = await t.newPage();
  await page.goto(t.console + '/');
  await t.consoleLogin(page, 'demo-ops');
  await menus(t, page, 'demo-ops', ['network', 'health']);

  // network: a wrong range (error next to the field), then a ban, then lifting it
  const cidr = `198.51.100.${10 + Math.floor(Math.random() * 200)}`;
  const opsToken = await t.token('demo-ops');
  try {
    const listed = page.waitForResponse(r => r.url().endsWith('/api/v1/ops/ip-bans'));
    await page.locator('[data-test="menu-network"]').click();
    await listed;
    await page.locator('[data-test="ban-cidr"]').fill('198.51.100.0/33');
    let answer = page.waitForResponse(r => r.url().endsWith('/api/v1/ops/ip-bans') && r.request().method() === 'POST');
    await page.locator('[data-test="ban-submit"]').click();
    t.check((await answer).status() === 400, '(d) a malformed range is answered 400');
    t.check((await fieldError(page, 'ban-cidr')).length > 0, '(d) the range error is shown next to the field');
    await page.locator('[data-test="ban-cidr"]').fill(cidr);
    await page.locator('[data-test="ban-reason"]').fill('浏览器测试 60-administration');
    answer = page.waitForResponse(r => r.url().endsWith('/api/v1/ops/ip-bans') && r.request().method() === 'POST');
    await page.locator('[data-test="ban-submit"]').click();
    t.check((await answer).status() === 200, `(d) demo-ops bans ${cidr}`);
    await page.locator(`[data-test="ban-${cidr}"]`).waitFor({ timeout: 10000 });
    const api = await t.call(opsToken, '/ops/ip-bans');
    t.check(api.body.some(b => b.cidr === cidr), '(d) the ban is in the API list');
    await page.screenshot({ path: `${t.shots}/63-network.png`, fullPage: true });
    if (t.axe) await t.axe(page, 'the IP ban page');
    await page.locator(`[data-test="unban-${cidr}"]`).click();
    answer = page.waitForResponse(r => r.url().includes('/api/v1/ops/ip-bans?cidr=') && r.request().method() === 'DELETE');
    await page.locator('.el-popconfirm:visible .el-button--primary').click();
    t.check((await answer).status() === 200, `(d) demo-ops lifts the ban of ${cidr}`);
    await page.locator(`[data-test="ban-${cidr}"]`).waitFor({ state: 'detached', timeout: 10000 });
    t.check(!(await t.call(opsToken, '/ops/ip-bans')).body.some(b => b.cidr === cidr), '(d) the ban is gone from the API list');
  } finally {
    await t.call(opsToken, '/ops/ip-bans?cidr=' + encodeURIComponent(cidr), { method: 'DELETE' }); // whatever failed above
  }

  // health and metrics
  const ready = page.waitForResponse(r => r.url().endsWith('/api/v1/health/ready'));
  const metrics = page.waitForResponse(r => r.url().endsWith('/api/v1/metrics'));
  await page.locator('[data-test="menu-health"]').click();
  const readyBody = await (await ready).json();
  t.check((await metrics).status() === 200, '(d) the health page reads GET /metrics');
  await page.locator('[data-test="health-status-database"]').waitFor({ timeout: 10000 });
  t.check((await page.locator('[data-test="health-status-database"]').textContent()).trim() === readyBody.checks.database.status,
    '(d) the database check shows its status', readyBody.checks.database.status);
  t.check(!!readyBody.checks.database.summary && (await page.locator('[data-test="health-checks"]').textContent()).includes(readyBody.checks.database.summary),
    '(d) ops sees the summaries of the checks (ops:health)', readyBody.checks.database.summary);
  t.check(await page.locator('[data-test="health-serving"]').getAttribute('data-serving') === String(readyBody.serving), '(d) the serving state is shown');
  await page.locator('[data-test="metrics-requests"] .el-table__body tr').first().waitFor({ timeout: 10000 });
  t.check((await page.locator('[data-test="metrics-requests"]').textContent()).includes('auth'), '(d) the request metrics list the auth group');
  await page.screenshot({ path: `${t.shots}/64-health.png`, fullPage: true });
  if (t.axe) await t.axe(page, 'the health and metrics page');
  await page.context().close();
}

export default async function (t) {
  const id = process.env.SPM_TAMPERED_AUDIT_ID;
  if (id) {
    // ConsoleBrowserIT changed this audit row: the chain is broken, so only the auditor's check runs
    await tampered(t, id.trim());
    return;
  }
  console.log('skip [60-administration] (c) the tampered audit row: SPM_TAMPERED_AUDIT_ID is not set (ConsoleBrowserIT sets it after changing a row over JDBC)');
  const regulator = await t.token('demo-regulator');
  const companies = await t.call(regulator, '/companies?size=1');
  const companyId = companies.body.items[0].id;
  const name = `it60-${Date.now().toString(36)}`;
  const accountId = await sysadmin(t, name, companyId);
  await auditor(t, name, accountId);
  await ops(t);
}
