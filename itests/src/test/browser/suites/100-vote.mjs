// Issue 16 in the browser (SVC-VOTE-1/2, COS-4, OCS-6, OWN-3, DIS-4, MAP-6; VOTE-6..8): demo-regulator finds the demo
// votes in the console (one page per request, the status filter), opens a closed or published one with its result per
// matter and recomputes it from the ballots (matches), and suspends a noticed vote (the reason required first) and
// resumes it; demo-committee creates a vote through the form (field errors first), publishes its notice (≥ 15 days
// ahead, VOTE-8) and cancels it with a reason, and enters a paper ballot with its scan on the open vote; demo-company sees
// the votes of its estates and no rule table; demo-owner on a phone casts a ballot on the open vote in the portal, gets
// the receipts and checks one on the public page (counted); the public /votes, a published result and the map's estate
// panel (MAP-6) without a login. axe on each main page.

/** A minimal PDF the platform accepts (header, catalog, trailer), unique per call. */
function pdf(text) {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text} ${Date.now()} ${Math.random()}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
}

/** A console tab signed in as `user` (the token in the tab's sessionStorage, as 15-roles does). */
async function consoleAs(t, user, options = {}) {
  const token = await t.token(user);
  const page = await t.newPage(options);
  await page.addInitScript(value => sessionStorage.setItem('spm.token', value), token);
  return { page, token };
}

/** A portal tab signed in as `user` (the portal keeps its own token). */
async function portalAs(t, user, options = {}) {
  const token = await t.token(user);
  const page = await t.newPage(options);
  await page.addInitScript(value => sessionStorage.setItem('spm.portal.token', value), token);
  return { page, token };
}

async function menuKeys(page) {
  return page.locator('[data-test^="menu-"]').evaluateAll(els => els.map(e => e.dataset.test.slice(5)).filter(k => k !== ''));
}

export default async function (t) {
  const regulatorToken = await t.token('demo-regulator');
  const all = await t.call(regulatorToken, '/votes?size=100');
  const votes = (all.body && all.body.items) || [];
  t.check(all.status === 200 && votes.length > 0, 'the demo data has votes the regulator sees (SVC-VOTE-2)', JSON.stringify(all.body).slice(0, 200));
  const statuses = new Set(votes.map(v => v.status));
  t.check(['NOTICED', 'OPEN', 'PUBLISHED'].every(s => statuses.has(s)), 'the demo votes are in several statuses (noticed, open, published)', [...statuses].join(','));

  // ---- the regulator: the list, a result with its recount, suspend and resume with a reason
  {
    const { page: reg } = await consoleAs(t, 'demo-regulator', { locale: 'zh-CN' });
    const firstPage = reg.waitForResponse(r => r.url().includes('/api/v1/votes?'));
    await reg.goto(t.console + '/votes', { waitUntil: 'domcontentloaded' });
    const answer = await firstPage;
    t.check(/[?&]size=20/.test(answer.url()) && answer.status() === 200, 'the vote list asks the API for one page', `${answer.status()} ${answer.url()}`);
    await reg.locator('[data-test="votes"] [data-test="vote-link"]').first().waitFor({ timeout: 20000 });
    t.check(await reg.locator('[data-test="votes"] [data-test="vote-link"]').count() === Math.min(20, all.body.total), 'the list shows the first page of the demo votes');
    const keys = await menuKeys(reg);
    t.check(keys.includes('votes') && keys.includes('voteRules'), 'the regulator has the votes and the voting rules in the menu', keys.join(','));
    await t.shot(reg, '100-vote-list');
    await t.axe(reg, 'the vote list');

    const filtered = reg.waitForResponse(r => r.url().includes('/api/v1/votes?') && r.url().includes('status=PUBLISHED'));
    await reg.locator('[data-test="vote-status-filter"]').click();
    await reg.locator('.el-select-dropdown__item:visible').filter({ hasText: /^\s*结果已公布\s*$/ }).first().click();
    t.check((await filtered).status() === 200, 'the status filter asks for status=PUBLISHED');

    const counted = votes.find(v => v.status === 'PUBLISHED') || votes.find(v => v.status === 'CLOSED');
    if (t.check(!!counted, 'the demo data has a counted vote')) {
      await reg.goto(t.console + `/votes/${counted.id}`, { waitUntil: 'domcontentloaded' });
      await reg.locator('[data-test="vote-heading"]').waitFor({ timeout: 20000 });
      await reg.locator('[data-test="vote-result-matters"] [data-test="vote-result-outcome"]').first().waitFor({ timeout: 20000 });
      const outcomes = await reg.locator('[data-test="vote-result-matters"] .el-table__body [data-test="vote-result-outcome"]').count();
      t.check(outcomes === (counted.matters || []).length, 'the result shows an outcome per matter', `${outcomes} of ${(counted.matters || []).length}`);
      await reg.locator('[data-test="vote-result-verify"]').click();
      const check = reg.locator('[data-test="vote-result-check"]');
      await check.waitFor({ timeout: 20000 });
      t.check(await check.getAttribute('data-matches') === 'true', 'the result recomputed from the ballots matches the stored snapshot (VOTE-6)');
      await reg.waitForLoadState('networkidle');
      await t.shot(reg, '101-vote-result');
      await t.axe(reg, 'a counted vote');
      // the language switch on that page: menu, status and the API's language follow
      const next = reg.waitForRequest(r => r.url().includes(`/api/v1/votes/${counted.id}`));
      await reg.locator('.el-header .spm-lang').click();
      await reg.locator('.el-select-dropdown__item:visible', { hasText: 'English' }).click();
      t.check((await next).headers()['accept-language'] === 'en', 'after the switch to English the vote is asked in en');
      await reg.locator('[data-test="menu-votes"]', { hasText: 'E-voting' }).waitFor({ timeout: 10000 });
      await reg.locator('[data-test="vote-detail-status"]', { hasText: counted.status === 'PUBLISHED' ? 'Result published' : 'Closed' }).waitFor({ timeout: 10000 });
      t.check(true, 'the menu and the status read in English');
      await t.shot(reg, '101-vote-result-en');
    }

    const noticed = votes.find(v => v.status === 'NOTICED');
    if (t.check(!!noticed, 'the demo data has a noticed vote')) {
      await reg.goto(t.console + `/votes/${noticed.id}`, { waitUntil: 'domcontentloaded' });
      await reg.locator('[data-test="vote-suspend"]').click();
      const refused = reg.waitForResponse(r => r.url().endsWith(`/api/v1/votes/${noticed.id}/suspend`));
      await reg.locator('[data-test="vote-reason-submit"]').click();
      t.check((await refused).status() === 400, 'a suspension without a reason is refused (400)');
      await reg.locator('[data-test="vote-reason-dialog"] .el-form-item__error').waitFor({ timeout: 10000 });
      await reg.locator('textarea[data-test="vote-reason-input"]').fill('浏览器测试：核查公告送达情况');
      const suspended = reg.waitForResponse(r => r.url().endsWith(`/api/v1/votes/${noticed.id}/suspend`));
      await reg.locator('[data-test="vote-reason-submit"]').click();
      const s = await suspended;
      t.check(s.ok(), 'the regulator suspends the vote with a reason', `${s.status()}`);
      await reg.locator('[data-test="vote-suspended"]').waitFor({ timeout: 10000 });
      await t.shot(reg, '102-vote-suspended');
      await reg.locator('[data-test="vote-resume"]').click();
      await reg.locator('textarea[data-test="vote-reason-input"]').fill('浏览器测试：核查完毕');
      const resumed = reg.waitForResponse(r => r.url().endsWith(`/api/v1/votes/${noticed.id}/resume`));
      await reg.locator('[data-test="vote-reason-submit"]').click();
      const r = await resumed;
      const back = r.ok() ? await r.json() : null;
      t.check(back && back.status === 'NOTICED', 'resuming brings the vote back to NOTICED', `${r.status()} ${back ? back.status : ''}`);
    }
    // the threshold table (rules as data): nine art. 278 categories, the regulator may edit
    await reg.goto(t.console + '/votes/rules', { waitUntil: 'domcontentloaded' });
    await reg.locator('[data-test="vote-rules"] .el-table__body tr').first().waitFor({ timeout: 20000 });
    t.check(await reg.locator('[data-test="vote-rules"] .el-table__body tr').count() === 9, 'the voting rules list the nine art. 278 categories');
    t.check(await reg.locator('[data-test="vote-rule-pass-FUND_RAISE"]').textContent() === '≥ 3/4', 'raising the fund needs ≥ 3/4 (VOTE-3)');
    t.check(await reg.locator('[data-test="vote-rule-edit-FUND_RAISE"]').count() === 1, 'the regulator may edit a rule');
    await t.axe(reg, 'the voting rules');
    await reg.context().close();
  }

  // ---- the committee: a new vote through the form, its notice and its cancellation; a paper ballot on the open vote
  const ownerToken = await t.token('demo-owner');
  {
    const { page: com, token: comToken } = await consoleAs(t, 'demo-committee', { locale: 'zh-CN' });
    await com.goto(t.console + '/votes', { waitUntil: 'domcontentloaded' });
    await com.locator('[data-test="vote-new"]').click();
    await com.locator('[data-test="vote-form"]').waitFor({ timeout: 20000 });
    const refused = com.waitForResponse(r => r.url().endsWith('/api/v1/votes') && r.request().method() === 'POST');
    await com.locator('[data-test="vote-save"]').click();
    t.check((await refused).status() === 400, 'a vote without estate and title is refused with field errors');
    await com.locator('[data-test="vote-form"] .el-form-item__error').first().waitFor({ timeout: 10000 });
    await com.locator('[data-test="vote-estate"]').click();
    await com.locator('.el-select-dropdown__item:visible').first().click();
    await com.locator('input[data-test="vote-title"]').fill('浏览器测试：更换物业服务企业 ' + Date.now());
    await com.locator('input[data-test="vote-matter-title-0"]').fill('解聘现物业服务企业');
    const created = com.waitForResponse(r => r.url().endsWith('/api/v1/votes') && r.request().method() === 'POST');
    await com.locator('[data-test="vote-save"]').click();
    const c = await created;
    const made = c.ok() ? await c.json() : null;
    if (t.check(c.status() === 201 && made && made.status === 'DRAFT', 'the committee creates a DRAFT vote through the form (OCS-6)', `${c.status()} ${made ? made.status : await c.text()}`)) {
      await com.locator('[data-test="vote-notice"]').waitFor({ timeout: 20000 });
      const noticed = com.waitForResponse(r => r.url().endsWith(`/api/v1/votes/${made.id}/notice`));
      await com.locator('[data-test="vote-notice"]').click();
      const n = await noticed;
      t.check(n.ok(), 'the notice 16 days ahead is published (VOTE-8)', `${n.status()} ${n.ok() ? '' : await n.text()}`);
      await com.locator('[data-test="vote-detail-status"]', { hasText: '已公告' }).waitFor({ timeout: 10000 });
      await t.axe(com, 'a noticed vote');
      await com.locator('[data-test="vote-cancel"]').click();
      await com.locator('textarea[data-test="vote-reason-input"]').fill('浏览器测试：撤回');
      const cancelled = com.waitForResponse(r => r.url().endsWith(`/api/v1/votes/${made.id}/cancel`));
      await com.locator('[data-test="vote-reason-submit"]').click();
      t.check((await cancelled).ok(), 'the committee cancels its noticed vote with a reason');
      await com.locator('[data-test="vote-detail-status"]', { hasText: '已取消' }).waitFor({ timeout: 10000 });
    }

    // the paper ballot (VOTE-6): an elector who has not voted, not demo-owner (who votes online below)
    const own = await t.call(comToken, '/votes?status=OPEN&size=20');
    const open = ((own.body && own.body.items) || [])[0];
    if (t.check(!!open, 'the committee has an open vote of its estate', JSON.stringify(own.body).slice(0, 160))) {
      const mine = await t.call(ownerToken, `/votes/${open.id}/my-ballot`);
      const ownerKey = mine.body && mine.body.elector ? mine.body.elector.key : '';
      await com.goto(t.console + `/votes/${open.id}`, { waitUntil: 'domcontentloaded' });
      await com.locator('[data-test="vote-paper-open"]').click();
      await com.locator('[data-test="vote-paper-form"]').waitFor({ timeout: 10000 });
      await com.locator('[data-test="vote-paper-elector"]').click();
      const option = com.locator('.el-select-dropdown__item:visible').filter({ hasNotText: new RegExp(`^\\s*${ownerKey || '---'} ·`) }).first();
      await option.waitFor({ timeout: 10000 });
      await option.click();
      for (const m of open.matters || []) await com.locator(`[data-test="vote-paper-${m.seq}-AGREE"]`).click();
      const noScan = com.waitForResponse(r => r.url().endsWith(`/api/v1/votes/${open.id}/paper-ballots`));
      await com.locator('[data-test="vote-paper-submit"]').click();
      t.check((await noScan).status() === 400, 'a paper ballot without its scan is refused (400)');
      await com.locator('[data-test="vote-paper-file"]').setInputFiles({ name: 'paper-ballot.pdf', mimeType: 'application/pdf', buffer: pdf('paper ballot') });
      await com.locator('[data-test="vote-paper-scan"]').first().waitFor({ timeout: 20000 });
      const entered = com.waitForResponse(r => r.url().endsWith(`/api/v1/votes/${open.id}/paper-ballots`));
      await com.locator('[data-test="vote-paper-submit"]').click();
      const p = await entered;
      const receipts = p.ok() ? (await p.json()).receipts : [];
      t.check(p.ok() && receipts.every(x => x.channel === 'PAPER'), 'the committee enters a paper ballot with its scan, marked PAPER', `${p.status()} ${p.ok() ? '' : await p.text()}`);
      await com.locator('[data-test="vote-paper-saved"]').waitFor({ timeout: 10000 });
      await com.waitForLoadState('networkidle');
      await t.shot(com, '103-vote-paper-ballot');
      await t.axe(com, 'an open vote with its ballots and electorate');
    }
    await com.context().close();
  }

  // ---- the company: the votes of its estates, no rule table
  {
    const { page, token } = await consoleAs(t, 'demo-company');
    await page.goto(t.console + '/votes', { waitUntil: 'domcontentloaded' });
    await page.locator('[data-test="votes"]').waitFor({ timeout: 20000 });
    const keys = await menuKeys(page);
    t.check(keys.includes('votes') && !keys.includes('voteRules'), 'demo-company has the votes but not the voting rules (COS-4)', keys.join(','));
    const list = await t.call(token, '/votes?size=100');
    const foreign = votes.filter(v => !(list.body.items || []).some(x => x.id === v.id));
    t.check(list.status === 200 && list.body.total < all.body.total && foreign.length > 0, 'the company sees only its estates\' votes', `${list.body.total} of ${all.body.total}`);
    if (foreign.length) t.check((await t.call(token, `/votes/${foreign[0].id}`)).status === 404, 'another estate\'s vote is 404 for the company');
    await page.waitForLoadState('networkidle');
    await t.axe(page, 'the company’s vote list');
    await page.context().close();
  }

  // ---- demo-owner on a phone: my votes, the cast page, the receipt, its check
  let receipt = '';
  {
    const { page: phone } = await portalAs(t, 'demo-owner', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await phone.goto(t.portal + '/me/votes', { waitUntil: 'networkidle' });
    await phone.locator('[data-test="my-votes"][data-loaded="true"]').waitFor({ state: 'attached', timeout: 20000 });
    const open = phone.locator('[data-test="my-vote"][data-status="OPEN"]').first();
    if (t.check(await open.count() === 1, 'demo-owner has an open vote of the own estate (OWN-3)')) {
      t.check(await phone.evaluate(() => document.documentElement.scrollWidth) <= 390, 'my votes fits the phone screen');
      await t.axe(phone, 'my votes on a phone');
      await open.click();
      // the title shows with the vote; data-loaded once my ballot (elector, receipts) has come too
      await phone.locator('[data-test="cast-title"][data-loaded="true"]').waitFor({ timeout: 20000 });
      if (await phone.locator('[data-test="cast-submit"]').count()) {
        const matters = await phone.locator('[data-test^="cast-matter-"]').count();
        for (let seq = 1; seq <= matters; seq++) await phone.locator(`[data-test="cast-${seq}-${seq % 2 ? 'AGREE' : 'ABSTAIN'}"]`).click();
        const cast = phone.waitForResponse(r => /\/api\/v1\/votes\/\d+\/ballots$/.test(r.url()) && r.request().method() === 'POST');
        await phone.locator('[data-test="cast-submit"]').click();
        const r = await cast;
        t.check(r.ok(), 'the owner casts a ballot on every matter through the portal', `${r.status()} ${r.ok() ? '' : await r.text()}`);
        await phone.locator('[data-test="cast-done"]').waitFor({ timeout: 10000 });
      } else {
        t.check(await phone.locator('[data-test="cast-final"], [data-test="cast-not-elector"]').count() === 1, 'a ballot already cast is final here, or the owner is no elector');
      }
      const codes = await phone.locator('[data-test="cast-receipt-code"]').allTextContents();
      receipt = (codes[0] || '').trim();
      t.check(codes.length > 0 && codes.every(c => /^[0-9a-f]{64}$/.test(c.trim())), 'the cast page shows the receipts (SHA-256 hex)', codes.join(' ').slice(0, 140));
      t.check(await phone.evaluate(() => document.documentElement.scrollWidth) <= 390, 'the cast page fits the phone screen (no horizontal scrolling)');
      await t.shot(phone, '104-portal-cast-phone');
      await t.axe(phone, 'the cast page on a phone');
    }
    await phone.context().close();
  }

  // ---- public: the list with the receipt check, a published result, the map panel (MAP-6)
  {
    const page = await t.newPage({ locale: 'zh-CN' });
    await page.goto(t.portal + '/votes' + (receipt ? `?receipt=${receipt}` : ''), { waitUntil: 'domcontentloaded' });
    await page.locator('[data-test="public-votes"][data-loaded="true"]').waitFor({ state: 'attached', timeout: 20000 });
    const pub = await t.call(null, '/public/votes?size=10');
    t.check(pub.status === 200 && pub.body.total > 0 && await page.locator('[data-test="public-vote"]').count() === Math.min(10, pub.body.total),
      'the public page lists the votes without a login (DIS-4)', `${pub.body.total}`);
    t.check(await page.locator('[data-test="nav-votes"]').isVisible(), 'the votes are in the portal\'s navigation');
    if (receipt) {
      await page.locator('[data-test="receipt-submit"]').click();
      await page.locator('[data-test="receipt-counted"]').waitFor({ timeout: 10000 });
      t.check(true, 'the owner\'s receipt checks as counted on the public page');
    }
    await t.shot(page, '105-portal-votes');
    await t.axe(page, 'the public votes page');
    const published = (pub.body.items || []).find(v => v.status === 'PUBLISHED');
    if (t.check(!!published, 'the public list has a published result')) {
      await page.goto(t.portal + `/votes/${published.id}`, { waitUntil: 'domcontentloaded' });
      await page.locator('[data-test="vote-result-matter"]').first().waitFor({ timeout: 20000 });
      const text = await page.locator('[data-test="vote-result"]').textContent();
      t.check(!/demo-owner|业主[甲乙丙]/.test(text), 'the published result names no owner');
      await page.waitForLoadState('networkidle');
      await t.shot(page, '106-portal-vote-result');
      await t.axe(page, 'a published vote result');
      // MAP-6: the estate of that vote on the map lists its votes
      const estates = await t.call(null, '/public/estates?size=200');
      const estate = (estates.body.items || []).find(e => e.id === published.estateId);
      if (estate) {
        await page.goto(t.portal + '/map', { waitUntil: 'domcontentloaded' });
        const asked = page.waitForResponse(r => r.url().includes(`/api/v1/public/map/estates/${estate.id}/panels/votes`));
        await page.locator('[data-test="map-filter"]').fill(estate.name);
        await page.locator(`[data-test="map-estate-${estate.id}"]`).click();
        t.check((await asked).status() === 200, 'the map panel asks for the estate\'s votes only (MAP-6)');
        await page.locator('[data-test="estate-votes"] [data-test="estate-vote"]').first().waitFor({ timeout: 10000 });
        t.check((await page.locator('[data-test="estate-votes"]').textContent()).includes(published.title), 'the estate panel lists the published vote with its deadline and turnout');
        await t.shot(page, '107-portal-map-votes');
      }
    }
    await page.context().close();
  }
}
