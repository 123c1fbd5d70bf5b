#!/usr/bin/env node
// Contract test of the mini program against a running platform (issue 18):
//   node test/contract/run.mjs <platformBase> <wechatSimBase> [--user demo-owner] [--password …] [--require-message]
//     [--require-ballot] [--message-wait <seconds, default 15>] [--no-idp] [--idp-person gdsim-mainland] [--verbose]
// e.g. node test/contract/run.mjs http://localhost:8181 http://localhost:8188
// It loads the mini program's OWN modules (src/utils/api.js, auth.js, workflow.js) under Node with a `wx` over fetch
// (wx-shim.mjs) and drives the real platform the way the pages do:
//   1. wx.login's code `sim-contract-<user>` → POST /auth/wechat/session (the platform asks the WeChat simulator's
//      jscode2session; the simulator maps sim-<name> to openid o-sim-<name>); unbound → bind with the demo account's
//      user name and password (POST /auth/wechat/bind), then the same code logs in at once;
//   2. my houses (GET /estates, /estates/{id}/houses); a photo uploaded as the request body (POST /files) and a repair
//      of the first house with it (POST /repairs), read back with its photo and timeline; a complaint with channel
//      MINI_PROGRAM;
//   3. an open vote of the owner's estate where the owner is an elector and may still cast: a ballot on every matter
//      (POST /votes/{id}/ballots) and its receipt checked on the public endpoint (as itests/src/test/browser/suites/
//      100-vote.mjs finds the demo data: GET /votes?status=OPEN, then my-ballot);
//   4. a subscription message to the bound openid in the simulator (GET <sim>/sim/messages?touser=) when the platform
//      has a template for REPAIR_RECEIVED: reported, required only with --require-message;
//   5. the binding removed again (DELETE /auth/wechat/binding) and the session ended, so the container is left as found;
//   6. unless --no-idp: the first-use binding by the provincial real-name login (INT-IDP) with the identity simulator's
//      person `--idp-person` (default gdsim-mainland, 陈志明): a fresh code's ticket, GET /auth/idp/gd-tyrz/authorize with
//      returnTo = config.handoffPage, the simulator's login link followed as the <web-view> would (redirects read, not
//      followed; the callback's host replaced by <platformBase> where public.baseUrl names another), the handoff read
//      from the return page's address by the mini program's own utils/handoff.js, POST /auth/wechat/bind {ticket,
//      handoff}, the houses under the document verified (POST /me/houses/verification), then unbound again. Skipped
//      when the platform has no gd-tyrz provider.
// Prints one line per check and "N passed, M failed"; exits 1 on any failure, 2 when the platform cannot be reached.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { createWx } from './wx-shim.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const flag = name => args.includes(name);
const option = (name, fallback) => { const i = args.indexOf(name); return i >= 0 && args[i + 1] ? args[i + 1] : fallback; };
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && ['--user', '--password', '--message-wait', '--idp-person'].includes(args[i - 1])));
const platformBase = (positional[0] || 'http://localhost:8181').replace(/\/$/, '');
const simBase = (positional[1] || 'http://localhost:8188').replace(/\/$/, '');
const user = option('--user', 'demo-owner');
const password = option('--password', process.env.SPM_DEMO_PASSWORD || 'Demo@2026spm');
const verbose = flag('--verbose');

globalThis.wx = createWx({ code: `sim-contract-${user}`, log: verbose ? m => console.log(`  · ${m}`) : () => {} });
const config = require(path.join(here, '../../src/config.js'));
config.baseUrl = platformBase;
const api = require(path.join(here, '../../src/utils/api.js'));
const auth = require(path.join(here, '../../src/utils/auth.js'));
const workflow = require(path.join(here, '../../src/utils/workflow.js'));
const handoff = require(path.join(here, '../../src/utils/handoff.js'));
api.setUnauthorizedHandler(() => {});

const temporary = [];
let passed = 0;
let failed = 0;
function check(ok, what, detail = '') {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ` — ${detail}` : ''}`);
  return ok;
}
const describe = e => (e && e.status !== undefined ? `${e.status} ${e.code || ''} ${e.message}` : String(e && e.stack || e));

/** A small PNG (24×24, a random colour) the platform decodes fully (POST /files judges images by content). */
function png() {
  const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
  const crc = buf => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'ascii');
    data.copy(out, 8);
    out.writeUInt32BE(crc(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const w = 24;
  const h = 24;
  const [r, g, b] = [Math.random() * 255, Math.random() * 255, Math.random() * 255].map(Math.floor);
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw.set([(r + x * 5) & 255, (g + y * 5) & 255, b], y * (w * 3 + 1) + 1 + x * 3);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

async function sim(pathAndQuery, init) {
  const res = await fetch(simBase + pathAndQuery, init);
  const text = await res.text();
  try { return { status: res.status, body: JSON.parse(text) }; } catch { return { status: res.status, body: text }; }
}

async function login() {
  const first = await auth.loginWithWechat();
  if (!first.bindingRequired) return { me: first.me, bound: 'already' };
  try {
    return { me: await auth.bindWithPassword({ username: user, password }), bound: 'now' };
  } catch (e) {
    if (e.code !== 'wechat.accountBound') throw e;
    // the account is bound to another WeChat user (left by another run): unbind it with a password session, bind again
    const answer = await api.request('/auth/login', { method: 'POST', data: { username: user, password } });
    api.setToken(answer.token);
    await api.request('/auth/wechat/binding', { method: 'DELETE' });
    api.clearSession();
    const again = await auth.loginWithWechat();
    return { me: again.me || await auth.bindWithPassword({ username: user, password }), bound: 'rebound' };
  }
}

async function main() {
  console.log(`mini program contract: platform ${platformBase}, WeChat simulator ${simBase}, account ${user}`);
  try {
    await api.request('/health');
  } catch (e) {
    console.log(`FAIL the platform answers /api/v1/health — ${describe(e)}`);
    console.log('0 passed, 1 failed');
    process.exit(2);
  }
  const openid = await sim(`/sim/openid?code=${encodeURIComponent(wx.code)}`).catch(e => ({ status: 0, body: String(e) }));
  check(openid.status === 200, 'the WeChat simulator maps the code to an openid', JSON.stringify(openid.body).slice(0, 120));
  const touser = openid.body && (openid.body.openid || (typeof openid.body === 'string' ? openid.body : ''));

  // 1. login through the simulator, bind on first use
  let me;
  try {
    const r = await login();
    me = r.me;
    check(me && me.username === user, `WeChat login and binding (${r.bound}) give a session of ${user}`, me && JSON.stringify(me.scope));
  } catch (e) {
    check(false, 'WeChat login and binding', describe(e));
    return;
  }
  api.clearSession();
  try {
    const again = await auth.loginWithWechat();
    check(!!again.me && again.me.username === user, 'the bound openid logs in at once with the next wx.login code');
  } catch (e) {
    check(false, 'the bound openid logs in at once', describe(e));
    return;
  }

  try {
    // 2. houses, a repair with a photo, a complaint from the mini program
    const estates = (await api.page('/estates', { size: 200, sort: 'name' })).items || [];
    let house = null;
    for (const e of estates) {
      const list = (await api.page(`/estates/${e.id}/houses`, { size: 200, sort: 'unitCode' })).items || [];
      if (list.length) { house = { ...list[0], estateId: e.id, companyId: e.companyId }; break; }
    }
    if (check(!!house, 'the owner has a house in scope (OWN-2)', house && house.unitCode)) {
      const file = path.join(os.tmpdir(), `spm-mp-contract-${Date.now()}.png`);
      fs.writeFileSync(file, png());
      temporary.push(file);
      const photo = await api.upload(file);
      check(!!photo.id && photo.contentType === 'image/png', 'a photo is uploaded as the body of POST /files', `${photo.id} ${photo.contentType}`);
      const created = await api.request('/repairs', {
        method: 'POST', header: { 'Idempotency-Key': api.idempotencyKey() },
        data: { unitCode: house.unitCode, category: 'NORMAL', description: `小程序契约测试 ${new Date().toISOString()}`, photos: [{ fileId: photo.id }] },
      });
      check(/^BX-\d{4}-\d+$/.test(created.number || ''), 'a repair is filed with the photo (OWN-4)', created.number);
      const read = await api.request(`/repairs/${created.id}`);
      const events = await api.request(`/repairs/${created.id}/events`);
      check((read.photos || []).length === 1 && read.status === 'REQUESTED' && (Array.isArray(events) ? events : events.items || []).length >= 1,
        'the repair reads back with its photo, status and timeline', `${read.status}, ${(read.photos || []).length} photo`);
      const thumb = await api.download(`/files/${encodeURIComponent(photo.id)}/thumbnail`);
      if (thumb) temporary.push(thumb);
      check(!!thumb && fs.statSync(thumb).size > 0, 'its thumbnail downloads with the bearer token');
      const allowed = workflow.allowedTransitions('repair', read, api.me());
      check(allowed.length === 0, 'the requester has no step on a new repair (the company accepts first)', allowed.map(t => t.name).join(','));

      const complaint = await api.request('/complaints', {
        method: 'POST', header: { 'Idempotency-Key': api.idempotencyKey() },
        data: { channel: 'MINI_PROGRAM', category: 'ENQUIRY', estateId: house.estateId, companyId: null, title: '小程序契约测试', content: '咨询物业费标准', photos: [{ fileId: (await api.upload(file)).id }] },
      });
      const c = await api.request(`/complaints/${complaint.id}`);
      check(c.channel === 'MINI_PROGRAM' && /^TS-/.test(c.number || ''), 'a complaint is filed with channel MINI_PROGRAM (OWN-5)', `${c.number} ${c.channel}`);

      // 4. the subscription message (only where the platform has a template for the kind)
      if (touser) {
        let found = null;
        const until = Date.now() + 1000 * Number(option('--message-wait', flag('--require-message') ? '60' : '15'));
        do {
          const m = await sim(`/sim/messages?touser=${encodeURIComponent(touser)}`).catch(() => ({ body: [] }));
          found = (Array.isArray(m.body) ? m.body : []).find(x => x && x.page && String(x.page).includes(`repairs%2F${created.id}`)) || null;
          if (!found && Date.now() < until) await new Promise(r => setTimeout(r, 1000));
        } while (!found && Date.now() < until);
        if (flag('--require-message')) check(!!found, 'the repair\'s subscription message reached the WeChat simulator', found ? found.page : 'none');
        else console.log(`info ${found ? `subscription message to ${touser}: ${found.page}` : 'no subscription message seen (no template for REPAIR_RECEIVED configured?)'}`);
      }
    }

    // 3. a ballot on an open vote where the owner may still cast
    const open = (await api.page('/votes', { status: 'OPEN', size: 50 })).items || [];
    let cast = false;
    for (const v of open) {
      const mine = await api.request(`/votes/${v.id}/my-ballot`).catch(() => null);
      if (!mine || !mine.elector) continue;
      const has = (mine.ballots || []).length > 0;
      if (has ? !mine.canChange : mine.canCast === false) continue;
      const vote = await api.request(`/votes/${v.id}`);
      const choices = (vote.matters || []).map((m, i) => ({ matterId: m.id, choice: i % 2 ? 'ABSTAIN' : 'AGREE' }));
      const answer = await api.request(`/votes/${v.id}/ballots`, { method: 'POST', data: { choices } });
      const receipts = answer.receipts || [];
      check(receipts.length === choices.length && receipts.every(r => /^[0-9a-f]{64}$/.test(r.receipt)), `a ballot is cast on vote ${v.id} with a receipt per matter (OWN-3)`);
      const checked = await api.request(`/public/vote-receipts/${receipts[0].receipt}`);
      check(checked.counted === true, 'the receipt checks as counted on the public endpoint (VOTE-6)');
      cast = true;
      break;
    }
    if (!cast) console.log(`info no open vote where ${user} may still cast (${open.length} open in scope): ballot not cast`);
    if (flag('--require-ballot')) check(cast, 'a ballot was cast');
  } catch (e) {
    check(false, 'the owner\'s calls', describe(e));
  } finally {
    // 5. leave the container as found
    try {
      await api.request('/auth/wechat/binding', { method: 'DELETE' });
      check(true, 'the WeChat binding is removed again');
    } catch (e) {
      check(false, 'the WeChat binding is removed again', describe(e));
    }
    await auth.logout();
  }
}

/** A redirect's Location without following it. */
async function location(url) {
  const res = await fetch(url, { redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location') || '', text: res.status === 200 ? await res.text() : '' };
}

/** 6. first-use binding through the real-name login, as pages/login → pages/idp → pages/bind do it. */
async function realName() {
  const person = option('--idp-person', 'gdsim-mainland');
  wx.code = `sim-contract-idp-${person}`;
  api.clearSession();
  const first = await auth.loginWithWechat();
  if (!first.bindingRequired) {
    check(true, `the real-name person's WeChat user is bound already (${first.me.username})`);
  } else {
    const url = await auth.realNameUrl();
    if (!url) {
      console.log('info the platform has no gd-tyrz provider: the real-name binding is not tried');
      return;
    }
    const page = await location(url);
    const link = (page.text.match(new RegExp(`id="${person}" href="([^"]+)"`)) || [])[1];
    if (!check(!!link, `the identity provider's page offers ${person}`, `${page.status}`)) return;
    const idp = new URL(url);
    const toCallback = await location(new URL(link.replace(/&amp;/g, '&'), idp.origin).toString());
    const callback = new URL(toCallback.location);
    const back = await location(platformBase + callback.pathname + callback.search);
    const returnedTo = handoff.returned(back.location);
    if (!check(!!(returnedTo && returnedTo.handoff), 'the callback sends the web-view to the return page with a handoff code', `${back.status} ${back.location.replace(/handoff=[^&]+/, 'handoff=…')}`)) return;
    const me = await auth.bindWithHandoff(returnedTo.handoff);
    check(!!me && /gdsim/.test(me.username), `the real-name binding gives a session of ${me && me.username}`, me && JSON.stringify(me.scope));
    // OWN-2 as "my houses → verify all" does it: every house registered under the real-name document
    const verified = await api.request('/me/houses/verification', { method: 'POST', data: {} });
    const items = verified.items || [];
    check(Array.isArray(items), 'the real-name person verifies the houses under the document (POST /me/houses/verification, OWN-2)',
      `${items.length} house(s): ${items.map(v => `${v.unitCode} ${v.result}`).join(', ')}`);
  }
  api.clearSession();
  const again = await auth.loginWithWechat();
  check(!!again.me, 'the real-name person\'s openid logs in at once afterwards');
  await api.request('/auth/wechat/binding', { method: 'DELETE' });
  check(true, 'that binding is removed again');
  await auth.logout();
}

main()
  .then(() => (flag('--no-idp') ? null : realName().catch(e => check(false, 'the real-name binding', describe(e)))))
  .catch(e => check(false, 'unexpected', describe(e))).finally(() => {
  for (const f of temporary) fs.rmSync(f, { force: true });
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
});
