// Issue 13 item 2 and 4, the supervision pages: a complaint filed by demo-owner on the portal (phone screen, a photo) is found
// in the console by demo-regulator and dispatched to demo-officer through the UI form, accepted and resolved by the
// officer through the UI (a form sent without its required field shows the API's field error next to the field first),
// closed by the owner on the portal; the timeline shows each status (SVC-CMP-1..5, OWN-5). demo-company sees only the
// complaints against it (COS-7, data scope); the deadline view lists overdue items (SLA-3); the working-day calendar
// shows the year's holidays (SLA-2). A repair (SVC-REP-1, COS-6) and a patrol task made of a photo report (SVC-PAT-1,
// COS-5) go through demo-company's forms, photos uploaded in the form. Screenshots 30-complaints, 31-complaint-detail,
// 32-deadlines, 33-calendar.
import { deflateSync } from 'node:zlib';

/** A small valid PNG (the API decodes images fully), 48×32, a colour gradient. */
function png(width = 48, height = 32) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = buf => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const c = Buffer.alloc(4); c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 2; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const o = y * (width * 3 + 1) + 1 + x * 3;
      raw[o] = (x * 5) & 0xff; raw[o + 1] = (y * 7) & 0xff; raw[o + 2] = 160;
    }
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export default async function (t) {
  const ownerToken = await t.token('demo-owner');
  const regulatorToken = await t.token('demo-regulator');
  const officerToken = await t.token('demo-officer');
  const companyToken = await t.token('demo-company');
  const officer = (await t.call(officerToken, '/auth/me')).body;
  const companyMe = (await t.call(companyToken, '/auth/me')).body;

  // ---- the owner files the complaint on the portal (a phone screen), with a photo
  const ownEstates = (await t.call(ownerToken, '/estates?size=5')).body;
  const estate = ownEstates.items[0];
  t.check(ownEstates.total > 0, 'demo-owner has an estate in its scope', JSON.stringify(ownEstates).slice(0, 200));
  const title = `Suite 30 ${new Date().toISOString()}`;
  const phone = await t.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await phone.goto(t.portal + '/me/complaints', { waitUntil: 'domcontentloaded' });
  await phone.locator('[data-test="username"]').waitFor({ timeout: 20000 });
  await phone.locator('[data-test="username"]').fill('demo-owner');
  await phone.locator('[data-test="password"]').fill(t.password);
  await phone.locator('[data-test="login-submit"]').click();
  await phone.locator('[data-test="complaints-new"]').click();
  await phone.locator('[data-test="complaint-title"]').waitFor({ timeout: 20000 });
  await phone.waitForFunction(() => document.querySelector('[data-test="complaint-estate"]')?.closest('.el-select')?.textContent.trim().length > 0, null, { timeout: 10000 });
  await phone.locator('[data-test="complaint-title"]').fill(title);
  await phone.locator('[data-test="complaint-content"]').fill('The lift of the building stops between floors (browser suite 30, filed on the portal).');
  const uploaded = phone.waitForResponse(r => r.url().includes('/api/v1/files') && r.request().method() === 'POST');
  await phone.locator('[data-test="photo-input"]').setInputFiles({ name: 'suite30.png', mimeType: 'image/png', buffer: png() });
  t.check((await uploaded).status() === 201, 'the owner uploads a photo in the portal form');
  await phone.locator('[data-test="photo-chosen"]').waitFor({ timeout: 10000 });
  const filed = phone.waitForResponse(r => r.url().endsWith('/api/v1/complaints') && r.request().method() === 'POST');
  await phone.locator('[data-test="complaint-submit"]').click();
  const created = { status: (await filed).status(), body: await (await filed).json() };
  t.check(created.status === 201 && created.body.status === 'REGISTERED' && created.body.channel === 'PORTAL',
    'demo-owner files a complaint on the portal (PORTAL, REGISTERED)', `${created.status} ${JSON.stringify(created.body).slice(0, 300)}`);
  await phone.locator('[data-test="case-number"]', { hasText: created.body.number }).waitFor({ timeout: 20000 });
  const complaint = created.body;
  const id = complaint.id;

  const statusIs = async (page, status) => {
    await page.locator(`[data-test="case-status"][data-status="${status}"]`).waitFor({ timeout: 20000 });
    const last = page.locator('[data-test="timeline-item"]').last();
    await page.waitForFunction(s => {
      const items = document.querySelectorAll('[data-test="timeline-item"]');
      return items.length && items[items.length - 1].dataset.status === s;
    }, status, { timeout: 20000 });
    return last.getAttribute('data-status');
  };
  const transition = (page, name) => page.waitForResponse(r => r.url().endsWith(`/api/v1/complaints/${id}/${name}`) && r.request().method() === 'POST', { timeout: 20000 });

  // ---- (a) the regulator finds it in the list and dispatches it to the officer through the form
  const reg = await t.newPage({ locale: 'en' });
  await reg.goto(t.console + '/', { waitUntil: 'domcontentloaded' });
  await reg.locator('[data-test="username"]').waitFor({ timeout: 20000 });
  await t.consoleLogin(reg, 'demo-regulator');
  const firstList = reg.waitForResponse(r => r.url().includes('/api/v1/complaints?') && r.url().includes('sort=-registeredAt'));
  await reg.locator('[data-test="menu-complaints"]').click();
  const listAnswer = await firstList;
  t.check(/[?&]page=0/.test(listAnswer.url()) && /[?&]size=20/.test(listAnswer.url()) && /sort=-registeredAt/.test(listAnswer.url()),
    'the complaints list asks the API for one page, newest first', listAnswer.url());
  await reg.locator('[data-test="complaints-table"] .el-table__body tr').first().waitFor({ timeout: 20000 });
  const regulatorTotal = (await listAnswer.json()).total;
  // filter on the server: status REGISTERED
  const filtered = reg.waitForResponse(r => r.url().includes('/api/v1/complaints?') && r.url().includes('status=REGISTERED'));
  await reg.locator('[data-test="complaints-status"]').click();
  await reg.locator('.el-select-dropdown__item:visible', { hasText: /^Registered$/ }).click();
  const filteredAnswer = await filtered;
  t.check(/[?&]page=0/.test(filteredAnswer.url()), 'the status filter asks the server for a new first page', filteredAnswer.url());
  const link = reg.locator('[data-test="complaint-link"]', { hasText: complaint.number });
  await link.waitFor({ timeout: 20000 });
  const statuses = await reg.locator('[data-test="complaint-status"]').allTextContents();
  t.check(statuses.length > 0 && statuses.every(s => s.trim() === 'Registered'), 'the filtered list shows registered complaints only', statuses.slice(0, 5).join(','));
  await reg.evaluate(() => document.querySelector('.el-main') && document.querySelector('.el-main').scrollTo(0, 0));
  await t.shot(reg, '30-complaints');
  await t.axe(reg, 'the complaints list');
  await link.click();
  t.check(await statusIs(reg, 'REGISTERED') === 'REGISTERED', 'the regulator opens the new complaint: REGISTERED, one timeline entry');
  const thumb = reg.locator('[data-test="photos-complaint-thumb"] img');
  await thumb.waitFor({ timeout: 20000 });
  const thumbOk = await thumb.evaluate(img => img.src.startsWith('blob:') && img.complete && img.naturalWidth > 0);
  t.check(thumbOk, 'the photo thumbnail is loaded through the API with the token (blob: URL)');
  t.check(await reg.locator('[data-test="action-dispatch"]').isVisible() && await reg.locator('[data-test="action-resolve"]').count() === 0,
    'the regulator is offered dispatch (not resolve) on a registered complaint');

  await reg.locator('[data-test="action-dispatch"]').click();
  await reg.locator('[data-test="transition-dialog"]').waitFor({ timeout: 10000 });
  // (b) sent without a target: the API's field error at the target field
  let answer = transition(reg, 'dispatch');
  await reg.locator('[data-test="transition-submit"]').click();
  t.check((await answer).status() === 400, 'dispatch without an officer answers 400');
  const targetError = reg.locator('[data-test="transition-item-target"] .el-form-item__error');
  await targetError.waitFor({ timeout: 10000 });
  t.check((await targetError.textContent()).trim().length > 0, 'the dispatch form shows the API field error next to the target', await targetError.textContent());
  await reg.locator('[data-test="transition-item-target"] .el-input-number input').fill(String(officer.accountId));
  answer = transition(reg, 'dispatch');
  await reg.locator('[data-test="transition-submit"]').click();
  const dispatched = await answer;
  t.check(dispatched.status() === 200 && !!dispatched.request().headers()['if-match'] && !!dispatched.request().headers()['idempotency-key'],
    'dispatch is sent with If-Match and Idempotency-Key', `${dispatched.status()} ${JSON.stringify(dispatched.request().headers()['if-match'])}`);
  t.check(await statusIs(reg, 'DISPATCHED') === 'DISPATCHED', 'after dispatch the detail and its timeline show DISPATCHED');

  // ---- the officer accepts and resolves through the UI
  const off = await t.newPage({ locale: 'en' });
  await off.goto(`${t.console}/complaints/${id}`, { waitUntil: 'domcontentloaded' });
  await off.locator('[data-test="username"]').waitFor({ timeout: 20000 });
  await t.consoleLogin(off, 'demo-officer');
  await off.goto(`${t.console}/complaints/${id}`, { waitUntil: 'domcontentloaded' });
  await statusIs(off, 'DISPATCHED');
  await off.locator('[data-test="action-accept"]').click();
  await off.locator('[data-test="transition-dialog"][data-transition="accept"]').waitFor({ timeout: 10000 });
  answer = transition(off, 'accept');
  await off.locator('[data-test="transition-submit"]').click();
  t.check((await answer).status() === 200, 'the officer accepts the complaint');
  t.check(await statusIs(off, 'IN_PROGRESS') === 'IN_PROGRESS', 'after accept the timeline shows IN_PROGRESS');

  await off.locator('[data-test="action-resolve"]').click();
  await off.locator('[data-test="transition-dialog"][data-transition="resolve"]').waitFor({ timeout: 10000 });
  // (b) the required result left out: 400 and the message under the result field; nothing changed
  answer = transition(off, 'resolve');
  await off.locator('[data-test="transition-submit"]').click();
  const refused = await answer;
  const refusal = await refused.json();
  const resultError = off.locator('[data-test="transition-item-result"] .el-form-item__error');
  await resultError.waitFor({ timeout: 10000 });
  const shown = (await resultError.textContent()).trim();
  const apiMessage = ((refusal.errors || []).find(e => e.field === 'result') || {}).message;
  t.check(refused.status() === 400 && !!apiMessage && shown.includes(apiMessage),
    'resolve without the required result shows the API field error next to the result field', `${refused.status()} "${shown}" / "${apiMessage}"`);
  t.check((await t.call(regulatorToken, `/complaints/${id}`)).body.status === 'IN_PROGRESS', 'the refused resolve changed nothing');
  await off.locator('[data-test="transition-item-result"] textarea').fill('The lift was repaired and checked by the officer (suite 30).');
  answer = transition(off, 'resolve');
  await off.locator('[data-test="transition-submit"]').click();
  t.check((await answer).status() === 200, 'the officer resolves the complaint with a result');
  t.check(await statusIs(off, 'RESOLVED') === 'RESOLVED', 'after resolve the timeline shows RESOLVED');

  // ---- the owner sees the result on the portal and confirms it there; the console shows CLOSED after a reload
  await phone.reload({ waitUntil: 'domcontentloaded' });
  await phone.locator('[data-test="case-result"]').waitFor({ timeout: 20000 });
  t.check((await phone.locator('[data-test="case-result"]').textContent()).includes('repaired'), 'the portal shows the owner the result');
  const closing = phone.waitForResponse(r => r.url().endsWith(`/api/v1/complaints/${id}/close`) && r.request().method() === 'POST');
  await phone.locator('[data-test="case-confirm"]').click();
  const closed = await closing;
  t.check(closed.status() === 200 && (await closed.json()).status === 'CLOSED', 'demo-owner closes (confirms) the complaint on the portal', `${closed.status()}`);
  await phone.locator('[data-test="case-confirm"]').waitFor({ state: 'detached', timeout: 20000 });
  await t.shot(phone, '34-portal-complaint-closed-phone');
  await phone.context().close();
  await off.reload({ waitUntil: 'domcontentloaded' });
  t.check(await statusIs(off, 'CLOSED') === 'CLOSED', 'the officer sees CLOSED in the timeline after a reload');
  const trail = await off.locator('[data-test="timeline-item"]').evaluateAll(els => els.map(e => e.dataset.status));
  t.check(trail.join('>') === 'REGISTERED>DISPATCHED>IN_PROGRESS>RESOLVED>CLOSED', 'the timeline holds every step in order', trail.join('>'));
  t.check(await off.locator('[data-test="no-transitions"]').isVisible(), 'a closed complaint offers the officer no transition');
  await t.shot(off, '31-complaint-detail');
  await t.axe(off, 'a complaint detail');
  await off.context().close();

  // ---- (c) the company sees the complaints against it only
  const companyApi = (await t.call(companyToken, '/complaints?size=200')).body;
  t.check(companyApi.total > 0 && companyApi.total < regulatorTotal && companyApi.items.every(c => c.companyId === companyMe.scope.companyId),
    'the API gives demo-company only the complaints against its company', `${companyApi.total} of ${regulatorTotal}`);
  const companyEstates = new Set((await t.call(companyToken, '/estates?size=200')).body.items.map(e => e.id));
  const others = (await t.call(regulatorToken, '/estates?size=200')).body.items.filter(e => e.companyId !== companyMe.scope.companyId);
  let outside = null;
  for (const e of others) {
    const r = await t.call(regulatorToken, `/complaints?estateId=${e.id}&size=1`);
    if (r.body.total > 0 && r.body.items[0].companyId !== companyMe.scope.companyId) { outside = { estate: e, complaint: r.body.items[0] }; break; }
  }
  t.check(!!outside, 'the regulator sees complaints of an estate another company manages', outside ? `${outside.estate.name}` : 'none');
  const comp = await t.newPage({ locale: 'en' });
  await comp.goto(t.console + '/', { waitUntil: 'domcontentloaded' });
  await comp.locator('[data-test="username"]').waitFor({ timeout: 20000 });
  await t.consoleLogin(comp, 'demo-company');
  const companyList = comp.waitForResponse(r => r.url().includes('/api/v1/complaints?') && r.url().includes('sort=-registeredAt'));
  await comp.locator('[data-test="menu-complaints"]').click();
  const companyUiTotal = (await (await companyList).json()).total;
  await comp.locator('[data-test="complaints-table"] .el-table__body tr').first().waitFor({ timeout: 20000 });
  const pagerTotal = (await comp.locator('[data-test="complaints-pager"] .el-pagination__total').textContent()).replace(/\D+/g, '');
  // other suites may file complaints meanwhile: the UI's total is the API's just before or just after
  const companyAfter = (await t.call(companyToken, '/complaints?size=1')).body.total;
  const regulatorAfter = (await t.call(regulatorToken, '/complaints?size=1')).body.total;
  t.check(pagerTotal === String(companyUiTotal) && [companyApi.total, companyAfter].includes(companyUiTotal) && companyUiTotal < regulatorAfter,
    'demo-company: the list total is its own, smaller than the regulator\'s', `company ${pagerTotal} (API ${companyApi.total}/${companyAfter}), regulator ${regulatorAfter}`);
  const rowEstates = await comp.locator('[data-test="complaint-estate"]').evaluateAll(els => els.map(e => Number(e.dataset.estate)));
  t.check(rowEstates.length > 0 && rowEstates.every(e => companyEstates.has(e)) && (!outside || !rowEstates.includes(outside.estate.id)),
    'every row of the company\'s list is in its estates, the other company\'s estate is absent', rowEstates.join(','));
  if (outside) {
    const none = (await t.call(companyToken, `/complaints?estateId=${outside.estate.id}&size=1`)).body.total;
    t.check(none === 0, 'asked for the other company\'s estate, the company gets no complaint', String(none));
    await comp.goto(`${t.console}/complaints/${outside.complaint.id}`, { waitUntil: 'domcontentloaded' });
    await comp.locator('[data-test="detail-error"]').waitFor({ timeout: 20000 });
    t.check(await comp.locator('[data-test="case-status"]').count() === 0, 'a complaint outside the company\'s scope does not open (404)');
  }
  // the company may read the calendar but not change it
  await comp.goto(`${t.console}/calendar`, { waitUntil: 'domcontentloaded' });
  await comp.locator('[data-test="calendar-days"] .el-table__body tr').first().waitFor({ timeout: 20000 });
  t.check(await comp.locator('[data-test="calendar-add"]').count() === 0, 'demo-company sees the calendar without the editing button');
  await comp.context().close();

  // ---- (d) the deadline view lists overdue items; the calendar shows the year's holidays
  const overdueApi = (await t.call(regulatorToken, '/monitoring/deadlines?state=overdue&size=1')).body.total;
  const deadlines = reg.waitForResponse(r => r.url().includes('/api/v1/monitoring/deadlines?'));
  await reg.locator('[data-test="menu-deadlines"]').click();
  const deadlinesAnswer = await deadlines;
  t.check(deadlinesAnswer.url().includes('state=overdue') && /[?&]page=0/.test(deadlinesAnswer.url()), 'the deadline view asks for the overdue items, one page', deadlinesAnswer.url());
  await reg.locator('[data-test="deadlines-table"] .el-table__body tr').first().waitFor({ timeout: 20000 });
  const states = await reg.locator('[data-test="deadline-state"]').evaluateAll(els => els.map(e => e.dataset.state));
  t.check(overdueApi > 0 && states.length === Math.min(20, overdueApi) && states.every(s => s === 'overdue'),
    'the deadline view lists the overdue items', `${states.length} rows, ${overdueApi} overdue in the API`);
  await t.shot(reg, '32-deadlines');
  const near = reg.waitForResponse(r => r.url().includes('/api/v1/monitoring/deadlines?') && r.url().includes('state=near'));
  await reg.locator('[data-test="deadlines-state-near"]').click();
  t.check((await near).status() === 200, 'the near-deadline switch asks the API for state=near');

  const year = (await t.call(null, '/calendar')).body;
  const firstHoliday = year.days.find(d => d.kind === 'HOLIDAY');
  await reg.goto(`${t.console}/calendar${firstHoliday ? '?month=' + firstHoliday.date.slice(0, 7) : ''}`, { waitUntil: 'domcontentloaded' });
  await reg.locator('[data-test="calendar-days"] .el-table__body tr').first().waitFor({ timeout: 20000 });
  const rows = await reg.locator('[data-test="calendar-days"] .el-table__body tr').count();
  t.check(rows === year.days.length && year.days.length > 0, 'the calendar lists the holidays and make-up working days of the year', `${rows} of ${year.days.length}`);
  if (firstHoliday) {
    t.check(await reg.locator('[data-test="calendar-day-HOLIDAY"]').count() > 0, 'the month view marks the holidays', firstHoliday.date);
  }
  t.check(await reg.locator('[data-test="calendar-add"]').isVisible(), 'the regulator (calendar:write) may set a day');
  await t.shot(reg, '33-calendar');
  await reg.locator('.el-tabs__item', { hasText: 'Time limits' }).click();
  await reg.locator('[data-test="limits-table"] .el-table__body tr').first().waitFor({ timeout: 20000 });
  t.check(await reg.locator('[data-test="limits-table"] .el-table__body tr').count() >= 8, 'the regulator (deadline:config) sees the time limits');
  await reg.context().close();

  // ---- (e) the company handles a repair and a patrol task through the forms (date, text and photo fields)
  const repair = await t.call(ownerToken, '/repairs', { method: 'POST', headers: { 'Idempotency-Key': `suite30-r-${Date.now()}` },
    body: { estateId: estate.id, location: 'Lobby of building 1 (suite 30)', category: 'NORMAL', description: 'The lobby door does not close (suite 30).' } });
  t.check(repair.status === 201 && repair.body.status === 'REQUESTED', 'demo-owner requests a common-area repair through the API', `${repair.status}`);
  const co = await t.newPage({ locale: 'en' });
  await co.goto(`${t.console}/`, { waitUntil: 'domcontentloaded' });
  await co.locator('[data-test="username"]').waitFor({ timeout: 20000 });
  await t.consoleLogin(co, 'demo-company');
  const step = async (base, rid, name, fill, expect = 200) => {
    await co.locator(`[data-test="action-${name}"]`).click();
    await co.locator(`[data-test="transition-dialog"][data-transition="${name}"]`).waitFor({ timeout: 10000 });
    if (fill) await fill();
    const res = co.waitForResponse(r => r.url().endsWith(`/api/v1/${base}/${rid}/${name}`) && r.request().method() === 'POST', { timeout: 20000 });
    await co.locator('[data-test="transition-submit"]').click();
    return (await res).status();
  };
  const caseStatus = status => co.locator(`[data-test="case-status"][data-status="${status}"]`).waitFor({ timeout: 20000 }).then(() => true, () => false);
  const photoFile = { name: 'fix.png', mimeType: 'image/png', buffer: png() };
  if (repair.status === 201) {
    const rid = repair.body.id;
    await co.goto(`${t.console}/repairs/${rid}`, { waitUntil: 'domcontentloaded' });
    t.check(await caseStatus('REQUESTED'), 'demo-company opens the repair');
    t.check(await step('repairs', rid, 'accept') === 200 && await caseStatus('ACCEPTED'), 'the company accepts the repair in the form');
    t.check(await step('repairs', rid, 'schedule') === 400, 'an appointment form without the time is refused');
    const apptError = co.locator('[data-test="transition-item-appointmentAt"] .el-form-item__error');
    await apptError.waitFor({ timeout: 10000 });
    t.check((await apptError.textContent()).trim().length > 0, 'the appointment field shows the API field error', await apptError.textContent());
    await co.locator('[data-test="transition-item-appointmentAt"] input').fill('2099-01-05 10:00:00');
    await co.keyboard.press('Enter');
    const sched = co.waitForResponse(r => r.url().endsWith(`/api/v1/repairs/${rid}/schedule`), { timeout: 20000 });
    await co.locator('[data-test="transition-submit"]').click();
    t.check((await sched).status() === 200 && await caseStatus('SCHEDULED'), 'the company makes the appointment');
    t.check(await step('repairs', rid, 'complete', async () => {
      await co.locator('[data-test="transition-item-report"] textarea').fill('The door closer was replaced (suite 30).');
      const up = co.waitForResponse(r => r.url().includes('/api/v1/files?'), { timeout: 20000 });
      await co.locator('[data-test="transition-field-photos"]').setInputFiles(photoFile);
      t.check((await up).status() === 201, 'the completion photo is uploaded from the form');
    }) === 200 && await caseStatus('COMPLETED'), 'the company completes the repair with a report and a photo');
    await co.locator('[data-test="photos-report-thumb"] img').waitFor({ timeout: 20000 });
    const repairTrail = await co.locator('[data-test="timeline-item"]').evaluateAll(els => els.map(e => e.dataset.status));
    t.check(repairTrail.join('>') === 'REQUESTED>ACCEPTED>SCHEDULED>COMPLETED', 'the repair timeline holds every step', repairTrail.join('>'));
  }

  const photoUp = await fetch(`${t.api}/files?name=report.png`, { method: 'POST', headers: { Authorization: `Bearer ${ownerToken}`, 'Content-Type': 'image/png' }, body: png() });
  const reportPhoto = await photoUp.json();
  const report = await t.call(ownerToken, '/patrols/reports', { method: 'POST', headers: { 'Idempotency-Key': `suite30-p-${Date.now()}` },
    body: { estateId: estate.id, latitude: estate.location.latitude, longitude: estate.location.longitude, location: 'Gate (suite 30)',
      description: `Broken railing at the gate (suite 30 ${Date.now()})`, photos: [{ fileId: reportPhoto.id }] } });
  t.check(report.status === 201 && report.body.status === 'REPORTED', 'demo-owner sends a photo report through the API', `${report.status} ${JSON.stringify(report.body).slice(0, 200)}`);
  if (report.status === 201) {
    await co.goto(`${t.console}/patrol-reports`, { waitUntil: 'domcontentloaded' });
    const row = co.locator('[data-test="reports-table"] .el-table__body tr', { hasText: report.body.description });
    await row.waitFor({ timeout: 20000 });
    await row.locator('.el-checkbox').click();
    await co.locator('[data-test="reports-make-task"]').click();
    const made = co.waitForResponse(r => r.url().endsWith('/api/v1/patrols') && r.request().method() === 'POST', { timeout: 20000 });
    await co.locator('[data-test="task-submit"]').click();
    const task = await made;
    t.check(task.status() === 201 && !!task.request().headers()['idempotency-key'], 'the company makes a patrol task of the report (Idempotency-Key)', String(task.status()));
    const tid = (await task.json()).id;
    t.check(await caseStatus('OPEN'), 'the new patrol task opens');
    t.check(await step('patrols', tid, 'inspect', () => co.locator('[data-test="transition-item-text"] textarea').fill('The railing is loose (suite 30).')) === 200
      && await caseStatus('INSPECTED'), 'the company records the findings');
    t.check(await step('patrols', tid, 'close', () => co.locator('[data-test="transition-item-text"] textarea').fill('Railing fixed (suite 30).')) === 400,
      'closing without the required photo is refused');
    const photoError = co.locator('[data-test="transition-item-photos"] .el-form-item__error');
    await photoError.waitFor({ timeout: 10000 });
    t.check((await photoError.textContent()).trim().length > 0, 'the photos field shows the API field error', await photoError.textContent());
    const up = co.waitForResponse(r => r.url().includes('/api/v1/files?'), { timeout: 20000 });
    await co.locator('[data-test="transition-field-photos"]').setInputFiles(photoFile);
    await up;
    const closing = co.waitForResponse(r => r.url().endsWith(`/api/v1/patrols/${tid}/close`), { timeout: 20000 });
    await co.locator('[data-test="transition-submit"]').click();
    t.check((await closing).status() === 200 && await caseStatus('CLOSED'), 'the company closes the task with the fix and a photo');
    await co.locator('[data-test="photos-fix-thumb"] img').waitFor({ timeout: 20000 });
    t.check(true, 'the fix photo shows as a thumbnail');
  }
  await co.context().close();
}
