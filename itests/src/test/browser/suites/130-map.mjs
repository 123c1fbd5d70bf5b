// Issue 17 part 2 in the browser (MAP-1..11, PMAP): demo-regulator opens the one map in the console — the estates of the zone
// from GET /map/estates for the view's bbox and zoom, a thematic layer with its legend, an estate's drawer with every panel as
// a tab, each loaded; demo-company sees only its own estates on the map and opens one of them; without a login, on a phone,
// the portal map's estate panel reads the public panels (MAP-2..7), masked. axe on the main pages.

/** A console tab signed in as `user` (the token in the tab's sessionStorage, as 15-roles does). */
async function consoleAs(t, user, options = {}) {
  const token = await t.token(user);
  const page = await t.newPage(options);
  await page.addInitScript(value => sessionStorage.setItem('spm.token', value), token);
  return { page, token };
}

const PANELS = ['overview', 'company', 'committee', 'tenders', 'votes', 'notices', 'complaints', 'patrols', 'repairs', 'satisfaction'];

/** Opens the map page and waits for the first estates layer; returns the layer's JSON. */
async function openMap(t, page) {
  const layer = page.waitForResponse(r => r.url().includes('/api/v1/map/estates?') && r.request().method() === 'GET', { timeout: 30000 });
  await page.goto(t.console + '/map', { waitUntil: 'domcontentloaded' });
  const answer = await layer;
  await page.locator('[data-test="map"][data-loaded="true"]').waitFor({ timeout: 20000 });
  return { status: answer.status(), body: await answer.json() };
}

/** Chooses an estate in the "go to" select by name and waits for its drawer's first panel. */
async function openEstate(page, name) {
  await page.locator('[data-test="map-estate-select"]').click();
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: name }).first().click();
  await page.locator('[data-test="map-panel-overview"][data-loaded="true"]').waitFor({ timeout: 20000 });
}

const estateIdsOf = body => new Set(body.features.map(f => f.properties.estateId).filter(id => id != null));

export default async function (t) {
  // ---- the regulator: the zone's estates, a thematic layer with its legend, every panel of an estate
  {
    const { page: reg } = await consoleAs(t, 'demo-regulator', { locale: 'en' });
    const layer = await openMap(t, reg);
    t.check(layer.status === 200 && layer.body.type === 'FeatureCollection' && layer.body.estates > 0,
      'the console map loads the estates of the view as GeoJSON (MAP-1)', `${layer.body.estates} estates, zoom ${layer.body.zoom}`);
    const drawn = await reg.locator('[data-test="map"]').evaluate(e => ({ features: Number(e.dataset.features), estates: Number(e.dataset.estates) }));
    t.check(drawn.features === layer.body.features.length && drawn.features > 0, 'the map draws what the layer holds', JSON.stringify(drawn));
    t.check(await reg.locator('[data-test="map"] canvas').count() > 0, 'OpenLayers renders the map on a canvas');
    t.check(await reg.locator('[data-test="menu-onemap"]').count() === 1, 'the one map is in the regulator\'s menu');
    await t.shot(reg, '131-console-map');
    await t.axe(reg, 'the console map');

    const themed = reg.waitForResponse(r => r.url().includes('/api/v1/map/themes/credit-grade?'), { timeout: 20000 });
    await reg.locator('[data-test="map-theme"]').click();
    await reg.locator('.el-select-dropdown__item:visible').filter({ hasText: 'Credit grade' }).first().click();
    const theme = await themed;
    const themeBody = await theme.json();
    await reg.locator('[data-test="map-legend"]').waitFor({ timeout: 10000 });
    const legendKeys = await reg.locator('[data-test="map-legend"] li').evaluateAll(els => els.map(e => e.dataset.test.slice(11)));
    t.check(theme.status() === 200 && legendKeys.join() === themeBody.legend.map(l => l.key).join(),
      'the credit-grade layer shows its legend (MAP-3)', legendKeys.join(','));
    t.check(themeBody.features.every(f => legendKeys.includes(f.properties.cls)), 'every estate of the layer is in a class of the legend');
    await reg.locator('[data-test="map"][data-layer="credit-grade"][data-loaded="true"]').waitFor({ timeout: 10000 });
    await t.shot(reg, '132-console-map-theme');

    // an estate of the layer now drawn (the themed one covers the view's bbox exactly)
    const first = themeBody.features.find(f => f.properties.name) || layer.body.features.find(f => f.properties.kind === 'point');
    await openEstate(reg, first.properties.name);
    let loaded = 0;
    for (const p of PANELS) {
      await reg.locator(`[data-test="map-panel-tab-${p}"]`).click();
      await reg.locator(`[data-test="map-panel-${p}"][data-loaded="true"]`).waitFor({ timeout: 15000 });
      if (await reg.locator(`[data-test="map-panel-${p}"] .el-alert`).count() === 0) loaded++;
    }
    t.check(loaded === PANELS.length, 'the drawer shows every panel of the estate as a tab, each loaded (MAP-2..11)', `${loaded} of ${PANELS.length}`);
    await t.shot(reg, '133-console-map-panels');
    await t.axe(reg, 'the map\'s panel drawer');
    await reg.context().close();
  }

  // ---- the company: its own estates only, one of them opened
  {
    const { page: com, token } = await consoleAs(t, 'demo-company', { locale: 'zh-CN' });
    const own = await t.call(token, '/estates?size=200');
    const ownIds = new Set((own.body.items || []).map(e => e.id));
    const layer = await openMap(t, com);
    const shown = estateIdsOf(layer.body);
    t.check(shown.size > 0 && [...shown].every(id => ownIds.has(id)), 'the company\'s map holds only its own estates (MAP-3 scope)',
      `${shown.size} shown, ${ownIds.size} own`);
    const point = layer.body.features.find(f => f.properties.kind === 'point');
    if (point) {
      await openEstate(com, point.properties.name);
      await com.locator('[data-test="map-panel-tab-complaints"]').click();
      await com.locator('[data-test="map-panel-complaints"][data-loaded="true"]').waitFor({ timeout: 15000 });
      t.check(await com.locator('[data-test="map-total-complaints"]').count() === 1, 'the company opens its estate\'s complaints panel (MAP-8)');
      await t.shot(com, '134-console-map-company');
    }
    await com.context().close();
  }

  // ---- the public on a phone: the portal map's panel from the public panel endpoints (PMAP), masked
  {
    const phone = await t.newPage({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.goto(t.portal + '/map', { waitUntil: 'domcontentloaded' });
    const button = phone.locator('[data-test^="map-estate-"]').first();
    await button.waitFor({ timeout: 20000 });
    const asked = phone.waitForResponse(r => /\/api\/v1\/public\/map\/estates\/\d+\/panels\/committee$/.test(r.url()), { timeout: 20000 });
    await button.click();
    t.check((await asked).status() === 200, 'the portal panel reads the public committee panel (MAP-4)');
    await phone.locator('[data-test="estate-panel"][data-loaded="true"]').waitFor({ timeout: 20000 });
    await phone.locator('[data-test="estate-committee"][data-loaded="true"]').waitFor({ timeout: 20000 });
    const heads = await phone.locator('[data-test="estate-committee-head"]').allTextContents();
    const phones = await phone.locator('[data-test="estate-committee-phone"], [data-test="estate-company-phone"]').allTextContents();
    t.check(heads.every(h => h.includes('*')) && phones.every(p => p.includes('*') || p.trim() === '' || p.length < 4),
      'the public panel masks the committee head and the phones (PMAP, ID-2)', [...heads, ...phones].join(', '));
    await t.shot(phone, '135-portal-map-panel');
    await t.axe(phone, 'the public map\'s estate panel');
    await phone.context().close();
  }
}
