// Issue 17 part 3 in the browser (ANA-1..6; docs/architecture.md "Analytics"): demo-regulator opens the estate statistics
// in English (trend chart and ranking of the demo zone, rank 1 first), sorts on a column, narrows to one estate by its
// name, exports CSV (English headers) and reads the company and committee-satisfaction rankings; demo-company sees its
// own company only, in Chinese; demo-owner has no statistics (no menu entry, the API 403). axe on the main pages.

async function loaded(page) {
  await page.locator('[data-test="analytics"][data-loaded="true"]').waitFor({ timeout: 20000 });
}

export default async function (t) {
  const ownerToken = await t.token('demo-owner');

  // ---- the regulator: estates, sort, narrow, export
  const reg = await t.newPage({ locale: 'en', acceptDownloads: true });
  await reg.goto(t.console + '/', { waitUntil: 'domcontentloaded' });
  await reg.locator('[data-test="username"]').waitFor({ timeout: 20000 });
  await t.consoleLogin(reg, 'demo-regulator');
  const first = reg.waitForResponse(r => /\/api\/v1\/analytics\/estates\?/.test(r.url()));
  await reg.locator('[data-test="menu-analyticsEstates"]').click();
  const firstAnswer = await first;
  const table = await firstAnswer.json();
  await loaded(reg);
  t.check(firstAnswer.status() === 200 && table.total > 0, 'the regulator sees the demo zone ranked by complaints (ANA-1)', `${table.total} estates`);
  const ranks = await reg.locator('[data-test="analytics-rank"]').allTextContents();
  t.check(ranks[0] === '1' && ranks.every((r, i) => i === 0 || Number(r) >= Number(ranks[i - 1])), 'ranks rise down the table (ties share one)', ranks.slice(0, 8).join(','));
  const months = await reg.locator('[data-test="analytics-chart"]').getAttribute('data-months');
  t.check(!!months && months.split(',').length >= 1, 'the trend chart has the months of the demo history', months || '');
  await t.axe(reg, 'the estate statistics');
  await t.shot(reg, '140-analytics-estates');

  const sorted = reg.waitForResponse(r => /\/api\/v1\/analytics\/estates\?.*sort=/.test(r.url()));
  await reg.locator('[data-test="analytics-table"] th', { hasText: 'Repair requests' }).locator('.caret-wrapper').click();
  const sortUrl = decodeURIComponent((await sorted).url());
  t.check(/sort=-?repairs(&|$)/.test(sortUrl), 'a column header sorts on the server', sortUrl.replace(/^.*\?/, ''));
  await loaded(reg);

  const name = (await reg.locator('[data-test="analytics-name"]').first().textContent()).trim();
  const narrowed = reg.waitForResponse(r => /\/api\/v1\/analytics\/estates\/trend\?.*estateId=/.test(r.url()));
  await reg.locator('[data-test="analytics-name"]').first().click();
  await narrowed;
  await reg.locator('[data-test="analytics-narrowed"]').waitFor({ timeout: 20000 });
  await reg.waitForFunction(() => document.querySelectorAll('[data-test="analytics-name"]').length === 1, null, { timeout: 20000 });
  t.check((await reg.locator('[data-test="analytics-name"]').allTextContents()).map(s => s.trim()).join() === name,
    'a name narrows the page to that estate', name);

  const download = reg.waitForEvent('download');
  await reg.locator('[data-test="analytics-csv"]').click();
  const file = await download;
  const csv = await (await import('node:fs/promises')).readFile(await file.path(), 'utf8');
  t.check(file.suggestedFilename() === 'analytics-estates.csv' && csv.startsWith('\uFEFFRank,Name,Community,Complaints received'),
    'the CSV export has English headers and the narrowed estate', csv.split('\r\n').slice(0, 2).join(' | '));
  t.check(csv.includes(name), 'the export carries the estate shown');

  await reg.locator('[data-test="menu-analyticsCompanies"]').click();
  await reg.locator('[data-test="analytics"][data-view="companies"][data-loaded="true"]').waitFor({ timeout: 20000 });
  const companies = await reg.locator('[data-test="analytics-name"]').count();
  t.check(companies > 1, 'the regulator ranks every company (ANA-2)', `${companies} rows`);
  await reg.locator('[data-test="menu-analyticsSatisfaction"]').click();
  await reg.locator('[data-test="analytics"][data-view="satisfaction"][data-loaded="true"]').waitFor({ timeout: 20000 });
  await t.axe(reg, 'the satisfaction statistics');
  await t.shot(reg, '141-analytics-satisfaction');

  // ---- the company: itself only, in Chinese
  const cmp = await t.newPage({ locale: 'zh-CN' });
  await cmp.goto(t.console + '/', { waitUntil: 'domcontentloaded' });
  await cmp.locator('[data-test="username"]').waitFor({ timeout: 20000 });
  await t.consoleLogin(cmp, 'demo-company');
  await cmp.locator('[data-test="menu-analyticsCompanies"]').click();
  await cmp.locator('[data-test="analytics"][data-view="companies"][data-loaded="true"]').waitFor({ timeout: 20000 });
  t.check(await cmp.locator('[data-test="analytics-name"]').count() === 1, 'a company sees its own row only (scope)');
  t.check((await cmp.locator('h2').textContent()).includes('物业公司统计分析'), 'the page speaks Chinese');
  await t.axe(cmp, 'the company statistics as a company');

  // ---- an owner: none
  const denied = await t.call(ownerToken, '/analytics/estates');
  t.check(denied.status === 403, 'an owner gets 403 from the statistics', `${denied.status}`);
}
