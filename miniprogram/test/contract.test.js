/**
 * @jest-environment node
 */
// The contract script itself (test/contract/run.mjs) against a small fake platform and WeChat simulator on a free local
// port: it must log in through the session endpoint, bind, file the repair with a PNG the fake decodes as such, cast the
// ballot, unbind, print "N passed, 0 failed" and exit 0; and exit non-zero when the platform refuses something.
const http = require('http');
const path = require('path');
const { execFile } = require('child_process');

function fakePlatform({ refuseRepair = false } = {}) {
  const state = { bound: null, token: null, calls: [], uploads: [] };
  const server = http.createServer((req, res) => {
    let chunks = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const url = new URL(req.url, 'http://x');
      const p = url.pathname;
      const key = `${req.method} ${p}`;
      state.calls.push(key);
      const json = (status, body) => { res.writeHead(status, { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' }); res.end(body === undefined ? '' : JSON.stringify(body)); };
      const body = () => JSON.parse(raw.toString() || '{}');
      const authed = req.headers.authorization === `Bearer ${state.token}`;
      const login = () => { state.token = `t-${Math.random()}`; return { token: state.token, limited: false, mustChangePassword: false, totpEnrollmentRequired: false, username: 'demo-owner', roles: ['OWNER'] }; };
      if (key === 'GET /sim/openid') return json(200, { code: url.searchParams.get('code'), openid: `o-${url.searchParams.get('code')}` });
      if (key === 'GET /sim/messages') return json(200, []);
      if (key === 'GET /api/v1/health') return json(200, { status: 'UP' });
      if (key === 'POST /api/v1/auth/wechat/session') return json(200, state.bound ? login() : { bindingRequired: true, ticket: 'tk' });
      if (key === 'POST /api/v1/auth/wechat/bind') {
        const b = body();
        if (b.ticket === 'tk' && b.handoff === 'H-1') { state.bound = 'idp'; state.idpBound = true; return json(200, { ...login(), username: 'gd-tyrz:gdsim-mainland' }); }
        if (b.ticket !== 'tk' || b.password !== 'Demo@2026spm') return json(401, { status: 401, code: 'auth.invalid', detail: 'wrong' });
        state.bound = 'o-sim-contract-demo-owner';
        return json(200, login());
      }
      // the real-name login: the provider's page, its login link, the platform's callback (303 to the return page)
      if (key === 'GET /api/v1/auth/idp/gd-tyrz/authorize') {
        state.returnTo = url.searchParams.get('returnTo');
        return json(200, { url: `http://127.0.0.1:${server.address().port}/idp/authorize?state=s1` });
      }
      if (key === 'GET /idp/authorize') { res.writeHead(200, { 'Content-Type': 'text/html' }); return res.end('<a id="gdsim-mainland" href="/idp/login?who=gdsim-mainland&amp;state=s1">陈志明</a>'); }
      if (key === 'GET /idp/login') { res.writeHead(302, { Location: 'http://localhost:1/api/v1/auth/idp/gd-tyrz/callback?code=c1&state=s1' }); return res.end(); }
      if (key === 'GET /api/v1/auth/idp/gd-tyrz/callback') { res.writeHead(303, { Location: `http://localhost:1${state.returnTo}?handoff=H-1` }); return res.end(); }
      if (!authed) return json(401, { status: 401, code: 'auth.required', detail: 'login' });
      switch (key) {
        case 'GET /api/v1/auth/me': return json(200, { accountId: 7, username: state.bound === 'idp' ? 'gd-tyrz:gdsim-mainland' : 'demo-owner', permissions: ['repair:request'], scope: { kind: 'OWNER', ownerId: 70 } });
        case 'GET /api/v1/estates': return json(200, { items: [{ id: 1, name: 'E', companyId: 3 }], total: 1 });
        case 'GET /api/v1/estates/1/houses': return json(200, { items: [{ unitCode: 'U-1' }], total: 1 });
        case 'POST /api/v1/files': {
          const isPng = raw.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) && req.headers['content-type'] === 'image/png';
          state.uploads.push(isPng);
          return isPng ? json(201, { id: `f-${state.uploads.length}`, contentType: 'image/png' }) : json(400, { status: 400, code: 'file.type', detail: 'not an image' });
        }
        case 'POST /api/v1/repairs':
          if (refuseRepair) return json(400, { status: 400, code: 'validation', detail: 'bad', errors: [{ field: 'description', message: 'required' }] });
          return json(201, { id: 42, number: 'BX-2026-000042' });
        case 'GET /api/v1/repairs/42': return json(200, { id: 42, status: 'REQUESTED', companyId: 3, requesterAccountId: 7, photos: [{ fileId: 'f-1' }] });
        case 'GET /api/v1/repairs/42/events': return json(200, [{ id: 1, action: 'create' }]);
        case 'GET /api/v1/files/f-1/thumbnail': res.writeHead(200, { 'Content-Type': 'image/jpeg' }); return res.end(Buffer.from([1, 2, 3]));
        case 'POST /api/v1/complaints': return json(201, { id: 9 });
        case 'GET /api/v1/complaints/9': return json(200, { id: 9, number: 'TS-2026-000009', channel: body().channel || 'MINI_PROGRAM' });
        case 'GET /api/v1/votes': return json(200, { items: [{ id: 11 }], total: 1 });
        case 'GET /api/v1/votes/11/my-ballot': return json(200, { elector: { key: 'O70' }, canCast: true, canChange: false, ballots: [] });
        case 'GET /api/v1/votes/11': return json(200, { id: 11, matters: [{ id: 101 }, { id: 102 }] });
        case 'POST /api/v1/votes/11/ballots': return json(200, { receipts: body().choices.map(c => ({ ...c, receipt: 'c'.repeat(64) })) });
        case 'POST /api/v1/me/houses/verification': return json(200, { items: [{ unitCode: 'U-9', result: 'HELD' }] });
        case 'DELETE /api/v1/auth/wechat/binding': state.bound = null; return json(204);
        case 'POST /api/v1/auth/logout': return json(204);
        default: return json(404, { status: 404, code: 'notFound', detail: key });
      }
    });
  });
  // the public receipt check needs no token
  const handler = server.listeners('request')[0];
  server.removeAllListeners('request');
  server.on('request', (req, res) => {
    if (req.url.startsWith('/api/v1/public/vote-receipts/')) {
      state.calls.push(`GET /api/v1/public/vote-receipts`);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(JSON.stringify({ counted: true }));
    }
    return handler(req, res);
  });
  return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve({ server, state, base: `http://127.0.0.1:${server.address().port}` })));
}

function run(base) {
  return new Promise(resolve => {
    execFile(process.execPath, [path.join(__dirname, 'contract', 'run.mjs'), base, base, '--message-wait', '0'], { timeout: 30000 }, (error, stdout) => {
      resolve({ code: error ? error.code : 0, stdout });
    });
  });
}

test('the contract script drives login, binding, a repair with a photo, a complaint, a ballot and the real-name binding, then unbinds', async () => {
  const { server, state, base } = await fakePlatform();
  try {
    const { code, stdout } = await run(base);
    expect(stdout).toMatch(/^\d+ passed, 0 failed$/m);
    expect(code).toBe(0);
    expect(state.uploads).toEqual([true, true]);
    expect(state.calls).toEqual(expect.arrayContaining(['POST /api/v1/auth/wechat/bind', 'POST /api/v1/repairs', 'POST /api/v1/votes/11/ballots', 'DELETE /api/v1/auth/wechat/binding']));
    expect(state.bound).toBeNull();
    expect(state.idpBound).toBe(true);
    expect(state.returnTo).toBe('/api/v1/auth/wechat/return');
    expect(stdout).toContain('ok   the real-name binding gives a session of gd-tyrz:gdsim-mainland');
  } finally {
    server.close();
  }
});

test('a refusal of the platform makes the script fail (exit 1) and still unbind', async () => {
  const { server, state, base } = await fakePlatform({ refuseRepair: true });
  try {
    const { code, stdout } = await run(base);
    expect(code).toBe(1);
    expect(stdout).toMatch(/FAIL the owner's calls — 400 validation bad/);
    expect(state.bound).toBeNull();
  } finally {
    server.close();
  }
});
