// Issue 11 item 3: /api/v1/docs lets a person log in (bearer) and call an endpoint, in headless Chromium.
// Not part of the test command yet (the browser test harness comes with the console, issue 13). By hand:
//   npm install --prefix /tmp/pw playwright-core@1   (Debian's chromium at /usr/bin/chromium)
//   TOKEN=$(curl -s -XPOST localhost:8181/api/v1/auth/login -H 'Content-Type: application/json' \
//     -d '{"username":"demo-regulator","password":"Demo@2026spm"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
//   NODE_PATH=/tmp/pw/node_modules TOKEN=$TOKEN node tools/browser/api-docs-check.js
// Clicks Authorize, enters the token, opens GET /api/v1/auth/me, Try it out, Execute; exit 0 when it answers 200.
// Run 2026-12-04 on the assembly of main ad1f2cf: status 200, the body is demo-regulator's principal, no console errors.
const { chromium } = require('playwright-core');
(async () => {
  const base = process.env.BASE || 'http://127.0.0.1:8181';
  const token = process.env.TOKEN;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage();
  const errors = [];
  page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(base + '/api/v1/docs', { waitUntil: 'networkidle' });
  await page.waitForSelector('.opblock-summary-path');
  await page.click('button.authorize');
  await page.fill('.auth-container input', token);
  await page.click('.auth-btn-wrapper button.authorize');
  await page.click('.auth-btn-wrapper button.btn-done');
  const op = page.locator('.opblock-summary-path[data-path$="/auth/me"]').first();
  await op.click();
  const block = page.locator('.opblock.is-open').first();
  await block.locator('.try-out__btn').click();
  await block.locator('.execute').click();
  const status = await block.locator('.live-responses-table tbody .response-col_status').first().textContent({ timeout: 15000 });
  const body = await block.locator('.live-responses-table .microlight').first().textContent();
  console.log('status', status.trim());
  console.log('body', body.slice(0, 200).replace(/\s+/g, ' '));
  console.log('console errors', errors.length, errors.slice(0, 3));
  await page.screenshot({ path: '/tmp/pw/docs.png' });
  await browser.close();
  process.exit(status.trim() === '200' ? 0 : 1);
})().catch(e => { console.error(e); process.exit(2); });
