// The public portal at / (issue 13 item 3): security headers of /, the public disclosure and the one map without login
// (features drawn from GET /public/estates, no console error), then demo-owner on a phone (390×844): own houses,
// a complaint filed with a photo, seen in "my complaints" with its status, and checked through the API.
const PNG_1x1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export default async function (t) {
  // the headers of / come from the platform's portal servlet (also when SPM_PORTAL_BASE points at a dev server)
  const root = await fetch(t.base + '/');
  const csp = root.headers.get('content-security-policy') || '';
  const scriptSrc = (csp.split(';').find(d => d.trim().startsWith('script-src')) || '').trim();
  t.check(root.status === 200 && (root.headers.get('content-type') || '').startsWith('text/html'), 'GET / answers the portal page', String(root.status));
  t.check(scriptSrc === "script-src 'self'", 'CSP of / allows scripts from the platform only', csp);
  t.check(csp.includes("frame-ancestors 'none'"), 'CSP of / denies framing');
  t.check(root.headers.get('x-frame-options') === 'DENY' && root.headers.get('x-content-type-options') === 'nosniff', '/ sends X-Frame-Options DENY and nosniff');
  const route = await fetch(t.base + '/me/complaints');
  t.check(route.status === 200 && (await route.text()).includes('<div id="app">'), 'a route of the portal answers index.html (history mode)');
  const ready = await fetch(t.base + '/api/v1/health/ready');
  t.check((ready.headers.get('content-type') || '').includes('json'), 'the portal at / does not shadow /api/v1 (health/ready answers JSON)', String(ready.status));
  const consoleRoot = await fetch(t.base + '/console/');
  t.check(consoleRoot.status === 200 && (await consoleRoot.text()).includes('/console/assets/'), 'the portal at / does not shadow /console/');
  const missing = await fetch(t.base + '/api/v1/no-such-thing');
  t.check(missing.status === 404 && (missing.headers.get('content-type') || '').includes('problem+json'), 'an unknown API path stays the API 404 (problem+json), not the portal page');

  // public pages, no login
  const page = await t.newPage({ viewport: { width: 1280, height: 860 } });
  const problemsBefore = t.problems.length;
  await page.goto(t.portal + '/', { waitUntil: 'networkidle' });
  await page.locator('[data-test="home"]').waitFor({ timeout: 20000 });
  await page.waitForFunction(() => /\d/.test(document.querySelector('[data-test="stat-companies"] strong').textContent), null, { timeout: 10000 });
  t.check(await page.locator('[data-test="nav-houses"]').count() === 0, 'without login the header shows no own pages');
  await t.shot(page, '50-portal-home');
  await t.axe(page, 'the portal home');

  const companies = page.waitForResponse(r => r.url().includes('/api/v1/public/companies?') && r.url().includes('size=10'));
  await page.locator('[data-test="nav-disclosure"]').click();
  const companiesBody = await (await companies).json();
  await page.locator('[data-test="public-company"]').first().waitFor({ timeout: 20000 });
  const shownCompanies = await page.locator('[data-test="public-company"]').count();
  t.check(shownCompanies === Math.min(10, companiesBody.total) && shownCompanies > 0, 'the disclosure lists the filed companies of the public API',
    `${shownCompanies} of ${companiesBody.total}`);
  const phones = await page.locator('[data-test="company-phone"]').allTextContents();
  t.check(phones.length === shownCompanies && phones.every(p => p.includes('*')), 'the phones on the public page are masked (ID-2)', phones.join(', '));
  await page.locator('#tab-committees').click();
  await page.locator('[data-test="public-committee"]').first().waitFor({ timeout: 10000 });
  await page.locator('#tab-patrols').click();
  await page.locator('[data-test="public-patrol"]').first().waitFor({ timeout: 10000 });
  t.check(page.url().endsWith('/disclosure/patrols'), 'the patrol results tab has its own address', page.url());
  await t.axe(page, 'the public disclosure');

  const listAnswer = page.waitForResponse(r => r.url().includes('/api/v1/public/estates?'));
  const layerAnswer = page.waitForResponse(r => r.url().includes('/api/v1/public/map/estates?'));
  // INT-GIS: the base layers' configuration and a first tile through the platform's tile proxy
  const baseLayersAnswer = page.waitForResponse(r => r.url().includes('/api/v1/map/base-layers'));
  const vecTile = page.waitForResponse(r => r.url().includes('/api/v1/map/tiles/vec/w/'), { timeout: 30000 });
  await page.locator('[data-test="nav-map"]').click();
  const listed = await (await listAnswer).json();
  const layer = await (await layerAnswer).json();
  const estates = (await t.call(null, '/public/estates?size=200')).body;
  await page.waitForFunction(() => {
    const m = document.querySelector('[data-test="map"]');
    return m && m.dataset.loaded === 'true' && Number(m.dataset.features) > 0;
  }, null, { timeout: 20000 });
  const drawn = await page.locator('[data-test="map"]').evaluate(e => ({ features: Number(e.dataset.features), estates: Number(e.dataset.estates) }));
  t.check(layer.type === 'FeatureCollection' && layer.estates > 0 && layer.features.every(f => !('ownerName' in f.properties)),
    'the map layer is GeoJSON of the view from GET /public/map/estates (MAP-1, PMAP-1)', `${layer.estates} estates, clustered ${layer.clustered}`);
  t.check(drawn.features > 0 && drawn.estates > 0 && drawn.estates <= estates.total, 'the map draws the estates in view (points, boundaries or clusters)',
    `${drawn.features} features for ${drawn.estates} of ${estates.total} estates`);
  await page.locator('[data-test="map-list"][data-loaded="true"]').waitFor({ timeout: 20000 });
  t.check(await page.locator('[data-test^="map-estate-"]').count() === Math.min(listed.total, 20) && listed.total === estates.total,
    'the list beside the map is the first page of GET /public/estates by name', `${listed.total} of ${estates.total}`);
  const baseLayers = await (await baseLayersAnswer).json();
  t.check(baseLayers.layers.some(l => l.name === 'vec' && l.matrixSet === 'w') && !JSON.stringify(baseLayers).includes('spm-dev-gis'),
    'the base layers come from GET /api/v1/map/base-layers without the provider\'s key (INT-GIS)');
  const tile = await vecTile;
  t.check(tile.status() === 200 && tile.headers()['content-type'] === 'image/png', 'the vector base map\'s tiles load through the tile proxy (INT-GIS)',
    `${tile.status()} ${tile.headers()['content-type']} ${tile.headers()['x-spm-tile-source']}`);
  const imgTile = page.waitForResponse(r => r.url().includes('/api/v1/map/tiles/img/w/'), { timeout: 30000 });
  await page.locator('[data-test="basemap-img"]').click();
  const img = await imgTile;
  t.check(img.status() === 200 && img.headers()['content-type'] === 'image/png', 'the switcher shows the imagery layer (INT-GIS)', `${img.status()}`);
  t.check(await page.locator('[data-test="basemap-notice"]').count() === 0, 'no stale-cache notice while the provider answers (INT-GIS)');
  await page.locator('[data-test="basemap-vec"]').click();
  // the estate of the latest published tender result when the demo data has one (MAP-5), else the first
  const latest = (await t.call(null, '/public/tenders?kind=result&size=1&sort=-id')).body;
  const chosen = estates.items.find(e => latest.items && latest.items[0] && e.name === latest.items[0].estateName) || estates.items[0];
  // PMAP (issue 17 part 2): the panel reads MAP-2..7 from the public panel endpoints of the chosen estate only
  const panelAnswers = Promise.all(['overview', 'company', 'committee', 'tenders', 'votes', 'notices'].map(p => page.waitForResponse(
    r => r.url().includes(`/api/v1/public/map/estates/${chosen.id}/panels/${p}`))));
  await page.locator('[data-test="map-filter"]').fill(chosen.name); // the list is searched on the server, a page at a time
  await page.locator(`[data-test="map-estate-${chosen.id}"]`).click();
  await page.locator('[data-test="estate-panel"]').waitFor({ timeout: 10000 });
  t.check((await page.locator('[data-test="estate-panel"]').textContent()).includes(chosen.name), 'choosing an estate shows its panel (MAP-2)');
  const answers = await Promise.all((await panelAnswers).map(r => r.json()));
  t.check(answers.every(a => a.estateId === chosen.id), 'the panel asks for the chosen estate\'s public panels only (PMAP, MAP-2..7)');
  const tenderIds = new Set(answers.find(a => a.panel === 'tenders').items.map(x => x.id));
  if (tenderIds.size) {
    await page.locator('[data-test="estate-tenders"] li').first().waitFor({ timeout: 10000 });
    t.check(await page.locator('[data-test="estate-tenders"] li').count() === tenderIds.size, 'the panel lists the estate\'s published tenders and results (MAP-5)', `${tenderIds.size}`);
  } else {
    await page.locator('[data-test="estate-tenders-none"]').waitFor({ timeout: 10000 });
    t.check(true, 'the panel says the estate has no published tender (MAP-5)');
  }
  await page.locator('[data-test="estate-company"][data-loaded="true"]').waitFor({ timeout: 10000 });
  const companyPhone = await page.locator('[data-test="estate-company-phone"]').allTextContents();
  t.check(companyPhone.every(p => p.includes('*') || p === ''), 'the company section shows the phone masked (MAP-3, ID-2)', companyPhone.join(', '));
  await t.shot(page, '51-portal-map');
  await t.axe(page, 'the one map');
  const publicProblems = t.problems.slice(problemsBefore);
  t.check(publicProblems.length === 0, 'no console error on the public pages', publicProblems.slice(0, 3).join(' | '));
  await page.context().close();

  // demo-owner on a phone
  const phone = await t.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await phone.goto(t.portal + '/me/houses', { waitUntil: 'networkidle' });
  await phone.locator('[data-test="username"]').waitFor({ timeout: 20000 });
  t.check(phone.url().includes('/login'), 'an own page without login asks for the login', phone.url());
  await phone.locator('[data-test="username"]').fill('demo-owner');
  await phone.locator('[data-test="password"]').fill(t.password);
  await phone.locator('[data-test="login-submit"]').click();
  await phone.locator('[data-test="house-card"]').first().waitFor({ timeout: 20000 });
  t.check(phone.url().endsWith('/me/houses'), 'after the login the owner is back on my houses', phone.url());
  const houses = await phone.locator('[data-test="house-card"]').count();
  t.check(houses > 0, 'demo-owner sees the own houses', `${houses}`);
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  t.check(width <= 390, 'my houses fits the phone screen (no horizontal scrolling)', `${width}px`);
  t.check(await phone.locator('[data-test="nav"]').isHidden(), 'on the phone the links fold into the menu button');
  await t.shot(phone, '52-portal-my-houses-phone');
  await t.axe(phone, 'my houses on a phone');

  await phone.locator('[data-test="nav-toggle"]').click();
  await phone.locator('[data-test="nav-complaints"]').click();
  await phone.locator('[data-test="complaints-new"]').click();
  await phone.locator('[data-test="complaint-title"]').waitFor({ timeout: 20000 });
  await phone.waitForFunction(() => document.querySelector('[data-test="complaint-estate"]')?.closest('.el-select')?.textContent.trim().length > 0, null, { timeout: 10000 });
  const title = `门户投诉 ${Date.now()}`;
  await phone.locator('[data-test="complaint-title"]').fill(title);
  await phone.locator('[data-test="complaint-content"]').fill('楼道灯坏了一周，晚上看不见台阶。（浏览器测试）');
  const uploaded = phone.waitForResponse(r => r.url().includes('/api/v1/files?') && r.request().method() === 'POST');
  await phone.locator('[data-test="photo-input"]').setInputFiles({ name: 'stairs.png', mimeType: 'image/png', buffer: Buffer.from(PNG_1x1, 'base64') });
  const file = await uploaded;
  t.check(file.status() === 201, 'the photo is uploaded through POST /files', String(file.status()));
  await phone.locator('[data-test="photo-chosen"]').waitFor({ timeout: 10000 });
  await t.shot(phone, '53-portal-file-complaint-phone');
  await t.axe(phone, 'the complaint form on a phone');
  const created = phone.waitForResponse(r => r.url().endsWith('/api/v1/complaints') && r.request().method() === 'POST');
  await phone.locator('[data-test="complaint-submit"]').click();
  const complaint = await (await created).json();
  t.check(/^TS-\d{4}-\d{6}$/.test(complaint.number || ''), 'the complaint is filed with its number', complaint.number);
  await phone.locator('[data-test="case-number"]', { hasText: complaint.number }).waitFor({ timeout: 20000 });
  await phone.locator('[data-test="case-event"]').first().waitFor({ timeout: 10000 });
  t.check(await phone.locator('[data-test="photos"] img').count() === 1, 'the detail shows the photo');

  await phone.locator('[data-test="case-back"]').click();
  const row = phone.locator(`[data-test="complaints-row"][data-number="${complaint.number}"]`);
  await row.waitFor({ timeout: 20000 });
  const status = (await row.locator('[data-test="complaints-status"]').textContent()).trim();
  t.check(status === '已登记', 'my complaints shows the new complaint with its status', status);
  await t.shot(phone, '54-portal-my-complaints-phone');

  // the same complaint through the API, with the owner's token: filed on the portal, the photo attached
  const token = await t.token('demo-owner');
  const got = await t.call(token, `/complaints/${complaint.id}`);
  t.check(got.status === 200 && got.body.title === title && got.body.channel === 'PORTAL' && got.body.status === 'REGISTERED',
    'the API has the complaint as filed (PORTAL, REGISTERED)', JSON.stringify({ status: got.status, channel: got.body.channel, s: got.body.status }));
  t.check(Array.isArray(got.body.photos) && got.body.photos.length === 1 && got.body.photos[0].contentType === 'image/png',
    'the API has the photo attached to the complaint', JSON.stringify(got.body.photos));
  await phone.context().close();
}
