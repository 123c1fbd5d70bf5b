// Issue 13: the browser suites in a real Chromium (Debian's /usr/bin/chromium driven by playwright-core) against a
// running platform. ConsoleBrowserIT runs one suite per test method inside the Pax Exam container; by hand:
//   (cd itests/src/test/browser && npm ci) && node itests/src/test/browser/run.mjs http://localhost:8181 /tmp/shots [suite ...]
// With no suite named, every suites/*.mjs runs in name order. A suite is `export default async function (t)` with the
// harness `t` below; each check prints one line "ok …" or "FAIL …"; the exit code is 0 when every check passed.
// SPM_CONSOLE_BASE / SPM_PORTAL_BASE point the suites at a Vite dev server instead (e.g. http://localhost:5173).
import { chromium } from 'playwright-core';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const base = (process.argv[2] || 'http://localhost:8181').replace(/\/$/, '');
const shots = process.argv[3] || 'target/screenshots';
const wanted = process.argv.slice(4);
const chromiumPath = process.env.SPM_CHROMIUM || '/usr/bin/chromium';
mkdirSync(shots, { recursive: true });

const dir = fileURLToPath(new URL('./suites/', import.meta.url));
const suites = readdirSync(dir).filter(f => f.endsWith('.mjs')).sort()
  .filter(f => !wanted.length || wanted.some(w => f === w || f === w + '.mjs' || f.replace(/^\d+-/, '') === w + '.mjs'));
if (!suites.length) {
  console.log(`FAIL no suite matches ${wanted.join(' ')}`);
  process.exit(2);
}

const failures = [];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** RFC 6238 TOTP (HMAC-SHA1, 30 s, 6 digits) of a base32 secret at a time step (default: now). */
export function totp(secret, step = Math.floor(Date.now() / 30000)) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map(b => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const h = createHmac('sha1', key).update(counter).digest();
  const o = h[h.length - 1] & 15;
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1000000).padStart(6, '0');
}

/**
 * A time step not used yet for this account: the platform takes each step once per account (auth.totpReplayed) and
 * one step of skew each way, so the current step, else the next, else wait for the one after. The steps used are
 * kept in a file, since each suite runs in its own node process against the same container.
 */
const STEPS_FILE = join(tmpdir(), 'spm-browser-totp-steps.json');
export async function freshStep(user) {
  let used = {};
  try { used = JSON.parse(readFileSync(STEPS_FILE, 'utf8')); } catch { /* first use */ }
  const key = `${base} ${user}`;
  const now = Math.floor(Date.now() / 30000);
  const step = Math.max(now, (used[key] ?? -1) + 1);
  if (step > now + 1) await new Promise(resolve => setTimeout(resolve, (step - 1) * 30000 - Date.now() + 100));
  used[key] = step;
  writeFileSync(STEPS_FILE, JSON.stringify(used));
  return step;
}

/** The demo admins' TOTP secrets (README "Accounts"). */
export const TOTP_SECRETS = {
  'demo-sysadmin': 'DEMOSYSADMINSPMHENGQINAAAAAAAAAA',
  'demo-secadmin': 'DEMOSECADMINSPMHENGQINAAAAAAAAAA',
  'demo-auditor': 'DEMOAUDITORSPMHENGQINAAAAAAAAAAA',
};
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox'] });

/** The harness a suite gets. */
function harness(suite) {
  const problems = [];
  return {
    base,
    console: (process.env.SPM_CONSOLE_BASE || base).replace(/\/$/, '') + '/console',
    portal: (process.env.SPM_PORTAL_BASE || base).replace(/\/$/, ''),
    api: base + '/api/v1',
    shots,
    password: 'Demo@2026spm',
    problems,
    check(ok, what, detail = '') {
      console.log(`${ok ? 'ok  ' : 'FAIL'} [${suite}] ${what}${detail ? ' — ' + detail : ''}`);
      if (!ok) failures.push(`[${suite}] ${what}`);
      return ok;
    },
    /** A fresh context (own sessionStorage) and page; console errors and CSP reports are collected in `problems`. */
    async newPage({ locale = 'zh-CN', viewport = { width: 1366, height: 860 }, ...rest } = {}) {
      const context = await browser.newContext({ locale, viewport, ...rest });
      const page = await context.newPage();
      page.on('console', m => { if (m.type() === 'error') problems.push(m.text()); });
      page.on('pageerror', e => problems.push(String(e)));
      return page;
    },
    /** Logs in on the console's login page (the page must show it) and waits for the menu. */
    async consoleLogin(page, username, password = 'Demo@2026spm') {
      await page.locator('[data-test="username"]').fill(username);
      await page.locator('[data-test="password"]').fill(password);
      await page.locator('[data-test="login"]').click();
      if (TOTP_SECRETS[username]) {
        await page.locator('[data-test="totp"]').waitFor({ timeout: 20000 });
        for (let attempt = 0; ; attempt++) {
          await page.locator('[data-test="totp"]').fill(totp(TOTP_SECRETS[username], await freshStep(username)));
          const answer = page.waitForResponse(r => r.url().endsWith('/api/v1/auth/login'));
          await page.locator('[data-test="login"]').click();
          const r = await answer;
          if (r.ok() || attempt === 2 || (await r.json()).code !== 'auth.totpReplayed') break;
        }
      }
      await page.locator('[data-test="menu-home"]').waitFor({ timeout: 20000 });
    },
    totp,
    freshStep,
    /** POST /auth/login through the API; returns the bearer token (for set-up and checks outside the UI). */
    async token(username, password = 'Demo@2026spm') {
      for (let attempt = 0; ; attempt++) {
        const body = { username, password };
        if (TOTP_SECRETS[username]) body.totp = totp(TOTP_SECRETS[username], await freshStep(username));
        const res = await fetch(base + '/api/v1/auth/login', {
          method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
        });
        const answer = await res.json();
        if (res.ok) return answer.token;
        if (answer.code !== 'auth.totpReplayed' || attempt === 2) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(answer)}`);
      }
    },
    /** A JSON call to /api/v1 with a token: `{ status, body }`. */
    async call(token, path, { method = 'GET', body, headers = {} } = {}) {
      const res = await fetch(base + '/api/v1' + path, {
        method,
        headers: { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const type = res.headers.get('Content-Type') || '';
      return { status: res.status, body: type.includes('json') ? await res.json() : await res.text() };
    },
    /**
     * axe-core on the page as it is now (WCAG 2.1 A/AA rules): checks that no violation is serious or critical and
     * returns them all. axe is evaluated through the DevTools protocol, so the page's CSP stays untouched.
     */
    async axe(page, name) {
      // a dialog or message still fading in or out is half-transparent and fails the contrast rule: wait until no finite
      // CSS animation or transition is running (spinners loop forever and are ignored; at most 5 s), so axe judges the
      // page as it settles
      for (const end = Date.now() + 5000; Date.now() < end;) {
        const settled = await page.evaluate(() => new Promise(resolve => {
          const noFrames = setTimeout(() => resolve(true), 500); // a page that draws no frames has nothing fading either
          requestAnimationFrame(() => requestAnimationFrame(() => {
            clearTimeout(noFrames);
            resolve(document.getAnimations().every(a => a.playState !== 'running'
              || (a.effect && a.effect.getComputedTiming().iterations === Infinity)));
          }));
        }));
        if (settled) break;
        await page.waitForTimeout(100);
      }
      if (!await page.evaluate(() => typeof globalThis.axe === 'object')) await page.evaluate(axeSource); // once per document
      const result = await page.evaluate(() => globalThis.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'], // only violations are read: axe skips the node details of passes and incompletes (≈ 40 % faster)
      }));
      const bad = result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
      this.check(bad.length === 0, `accessibility of ${name}: no serious or critical axe violation`,
        bad.map(v => `${v.id} (${v.impact}, ${v.nodes.length}×: ${v.nodes.slice(0, 2).map(n => n.target.join(' ')).join(', ')})`).join('; '));
      return result.violations;
    },
    async shot(page, name) {
      await page.screenshot({ path: `${shots}/${name}.png` });
    },
  };
}

for (const file of suites) {
  const suite = file.replace(/\.mjs$/, '');
  const started = Date.now();
  console.log(`== ${suite}`);
  const t = harness(suite);
  try {
    const run = (await import(pathToFileURL(dir + file).href)).default;
    await run(t);
  } catch (e) {
    failures.push(`[${suite}] ${e && e.stack ? e.stack.split('\n').slice(0, 4).join(' | ') : e}`);
    console.log(`FAIL [${suite}] threw`, e);
  }
  const csp = t.problems.filter(p => /Content Security Policy|Refused to/i.test(p));
  t.check(csp.length === 0, 'no Content Security Policy violation', csp.slice(0, 3).join(' | '));
  if (t.problems.length) console.log(`   browser console errors: ${t.problems.length}`, t.problems.slice(0, 5));
  console.log(`== ${suite} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
await browser.close();
console.log(failures.length ? `${failures.length} check(s) failed:\n  ${failures.join('\n  ')}` : 'all checks passed');
process.exit(failures.length ? 1 : 0);
