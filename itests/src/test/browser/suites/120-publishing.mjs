// Issue 16 part 3 in the browser (SVC-PUB-1, PUB-1, PUB-2, COS-9, MAP-7): demo-regulator searches the policy library in the
// console (a Chinese word, a document number), opens the review queue and returns demo-committee's submitted rules notice
// (the reason required first); demo-company writes a notice for its estate and publishes it (no policy menu, its own
// notices only); without a login, on a phone, the portal's news with the demo water cut and its time window, a notice's page,
// the policy search and a policy's page, the latest notices on the home page and the map's estate panel (MAP-7). axe on
// each main page.

/** A console tab signed in as `user` (the token in the tab's sessionStorage, as 15-roles does). */
async function consoleAs(t, user, options = {}) {
  const token = await t.token(user);
  const page = await t.newPage(options);
  await page.addInitScript(value => sessionStorage.setItem('spm.token', value), token);
  return { page, token };
}

async function menuKeys(page) {
  return page.locator('[data-test^="menu-"]').evaluateAll(els => els.map(e => e.dataset.test.slice(5)).filter(k => k !== ''));
}

export default async function (t) {
  const state = await t.call(null, '/public/policies?q=' + encodeURIComponent('物业管理条例 379'));
  t.check(state.status === 200 && state.body.total >= 1 && state.body.items[0].docNumber === '国务院令第379号',
    'the demo library finds the State Council regulation by words and number without a login (PUB-1)', JSON.stringify(state.body).slice(0, 200));
  const cuts = await t.call(null, '/public/notices?category=WATER_CUT&size=20');
  const cut = cuts.body && cuts.body.items && cuts.body.items[0];
  t.check(!!cut && !!cut.windowStart && !!cut.windowEnd, 'the demo data has a current water cut with its time window (MAP-7)', JSON.stringify(cuts.body).slice(0, 200));

  // ---- the regulator: the policy library with the search, the review queue, a return with a reason
  {
    const { page: reg } = await consoleAs(t, 'demo-regulator', { locale: 'zh-CN' });
    const first = reg.waitForResponse(r => r.url().includes('/api/v1/policies?'));
    await reg.goto(t.console + '/publishing/policies', { waitUntil: 'domcontentloaded' });
    t.check((await first).status() === 200, 'the policy list asks the API for one page');
    await reg.locator('[data-test="policies"] [data-test="policy-title"]').first().waitFor({ timeout: 20000 });
    const keys = await menuKeys(reg);
    t.check(keys.includes('publishingNotices') && keys.includes('publishingPolicies'), 'the regulator has notices and policies in the menu', keys.join(','));
    const searched = reg.waitForResponse(r => r.url().includes('/api/v1/policies?') && r.url().includes('q='));
    await reg.locator('[data-test="policy-search"]').fill('379');
    await reg.locator('[data-test="policy-find"]').click();
    t.check((await searched).status() === 200, 'the search asks GET /policies?q=');
    await reg.locator('[data-test="policies"] [data-test="policy-title"]').filter({ hasText: '物业管理条例' }).first().waitFor({ timeout: 20000 });
    t.check(await reg.locator('[data-test="policies"] .el-table__body tr').count() === 1, 'the number 379 finds exactly the State Council regulation');
    await t.shot(reg, '120-publishing-policies');
    await t.axe(reg, 'the policy library');

    const queue = reg.waitForResponse(r => r.url().includes('/api/v1/notices?') && r.url().includes('status=SUBMITTED'));
    await reg.goto(t.console + '/publishing/notices', { waitUntil: 'domcontentloaded' });
    await reg.locator('[data-test="notice-review-queue"]').click();
    const submitted = await (await queue).json();
    const rules = (submitted.items || []).find(n => n.publisherKind === 'COMMITTEE' && n.category === 'RULES');
    if (t.check(!!rules, 'the review queue has demo-committee\'s rules notice (COS-9)', JSON.stringify(submitted).slice(0, 200))) {
      await reg.locator('[data-test="notices"] [data-test="notice-link"]').filter({ hasText: rules.title }).first().click();
      await reg.locator('[data-test="notice-heading"]').waitFor({ timeout: 20000 });
      await t.shot(reg, '121-publishing-review');
      await t.axe(reg, 'a notice under review');
      await reg.locator('[data-test="notice-return"]').click();
      const refused = reg.waitForResponse(r => r.url().endsWith(`/api/v1/notices/${rules.id}/return`));
      await reg.locator('[data-test="notice-return-send"]').click();
      t.check((await refused).status() === 400, 'a return without a reason is refused (400)');
      await reg.locator('[data-test="notice-return-dialog"] .el-form-item__error').waitFor({ timeout: 10000 });
      await reg.locator('[data-test="notice-return-reason"]').fill('请补充业主大会的表决依据');
      const returned = reg.waitForResponse(r => r.url().endsWith(`/api/v1/notices/${rules.id}/return`));
      await reg.locator('[data-test="notice-return-send"]').click();
      t.check((await returned).status() === 200, 'the notice is returned with the reason');
      await reg.locator('[data-test="notice-detail-status"]').filter({ hasText: '已退回' }).waitFor({ timeout: 10000 });
      // the page shows the new status first and then reloads the history: wait for the reason rather than read at once
      t.check(await reg.locator('[data-test="notice-history"]').filter({ hasText: '请补充业主大会的表决依据' })
        .waitFor({ timeout: 10000 }).then(() => true, () => false), 'the review history shows the return with its reason');
    }
  }

  // ---- demo-company: writes a notice for its estate and publishes it; no policy menu
  {
    const { page: co, token } = await consoleAs(t, 'demo-company', { locale: 'en' });
    await co.goto(t.console + '/publishing/notices', { waitUntil: 'domcontentloaded' });
    await co.locator('[data-test="notice-new"]').waitFor({ timeout: 20000 });
    const keys = await menuKeys(co);
    t.check(keys.includes('publishingNotices') && !keys.includes('publishingPolicies'), 'demo-company has notices, not the policy library', keys.join(','));
    await co.locator('[data-test="notice-new"]').click();
    await co.locator('[data-test="notice-title"]').waitFor({ timeout: 10000 });
    const title = `Car park cleaning ${Date.now() % 100000}`;
    await co.locator('[data-test="notice-title"]').fill(title);
    await co.locator('[data-test="notice-body"]').fill('The underground car park is cleaned on Saturday morning.');
    await co.locator('[data-test="notice-estates"]').click();
    await co.locator('.el-select-dropdown__item:visible').first().click();
    await t.axe(co, 'the notice form');
    const created = co.waitForResponse(r => r.url().endsWith('/api/v1/notices') && r.request().method() === 'POST');
    await co.locator('[data-test="notice-save"]').click();
    t.check((await created).status() === 201, 'demo-company creates a draft notice for its estate');
    await co.locator('[data-test="notice-submit"]').waitFor({ timeout: 20000 });
    await co.locator('[data-test="notice-submit"]').click();
    await co.locator('[data-test="notice-detail-status"]').filter({ hasText: 'Published' }).waitFor({ timeout: 20000 });
    t.check(true, 'a general notice of the company is published at once (no review for its category)');
    await t.shot(co, '122-publishing-company-notice');
    await t.axe(co, 'the company\'s published notice');
    const mine = await t.call(token, '/notices?size=200');
    t.check(mine.status === 200 && mine.body.items.every(n => n.publisherKind === 'COMPANY'), 'demo-company lists only its own notices');
  }

  // ---- the portal without a login, on a phone: news, a notice, the policies, the home page and the map panel
  {
    const phone = await t.newPage({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.goto(t.portal + '/notices', { waitUntil: 'domcontentloaded' });
    await phone.locator('[data-test="public-notices"][data-loaded="true"]').waitFor({ timeout: 20000 });
    t.check(await phone.locator('[data-test="public-notice"]').count() > 0, 'the news page lists published notices');
    if (cut) {
      const card = phone.locator(`[data-test="public-notice"][data-category="WATER_CUT"]`).first();
      t.check(await card.locator('[data-test="public-notice-window"]').count() === 1, 'the water cut card shows its time window');
    }
    await t.shot(phone, '123-portal-news');
    await t.axe(phone, 'the portal news');
    if (cut) {
      await phone.goto(t.portal + '/notices/' + cut.id, { waitUntil: 'domcontentloaded' });
      await phone.locator('[data-test="public-notice-body"]').waitFor({ timeout: 20000 });
      t.check(await phone.locator('[data-test="public-notice-window"]').count() === 1, 'the water cut page shows its window');
      await t.axe(phone, 'a notice page');
    }
    await phone.goto(t.portal + '/policies', { waitUntil: 'domcontentloaded' });
    await phone.locator('[data-test="public-policies"][data-loaded="true"]').waitFor({ timeout: 20000 });
    const found = phone.waitForResponse(r => r.url().includes('/api/v1/public/policies?') && r.url().includes('q='));
    await phone.locator('[data-test="public-policies-q"]').fill('珠海 物业');
    await phone.locator('[data-test="public-policies-find"]').click();
    const answer = await (await found).json();
    t.check(answer.total >= 1 && answer.items.every(p => p.title.includes('珠海') || (p.summary || '').includes('珠海') || p.issuer.includes('珠海')),
      'the portal search finds the Zhuhai regulation (all words must occur)', JSON.stringify(answer).slice(0, 200));
    await phone.locator('[data-test="public-policy"]').first().click();
    await phone.locator('[data-test="public-policy-detail"]').waitFor({ timeout: 20000 });
    await t.shot(phone, '124-portal-policy');
    await t.axe(phone, 'a policy page');
    await phone.goto(t.portal + '/', { waitUntil: 'domcontentloaded' });
    await phone.locator('[data-test="home-notices"][data-loaded="true"]').waitFor({ timeout: 20000 });
    t.check(await phone.locator('[data-test="home-notices"] [data-test="public-notice"]').count() > 0, 'the home page shows the latest notices');
    if (cut && cut.estateIds.length) {
      await phone.goto(t.portal + '/map', { waitUntil: 'domcontentloaded' });
      await phone.locator('[data-test="map-filter"]').fill(cut.title.replace(/停水通知$/, '')); // the demo cut is titled after its estate
      const button = phone.locator(`[data-test="map-estate-${cut.estateIds[0]}"]`);
      await button.waitFor({ timeout: 20000 });
      await button.click();
      await phone.locator('[data-test="map-notices"][data-loaded="true"]').waitFor({ timeout: 20000 });
      t.check(await phone.locator('[data-test="map-notice"][data-category="WATER_CUT"] [data-test="map-notice-window"]').count() >= 1,
        'the map\'s estate panel lists the water cut with its window (MAP-7)');
      await t.shot(phone, '125-portal-map-notices');
    }
  }
}
