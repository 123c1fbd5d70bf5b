// Test helpers: the fake platform behind wx.request and loading a page or component with miniprogram-simulate.
const path = require('path');
const simulate = require('miniprogram-simulate');

const SRC = path.join(__dirname, '..', 'src');
const BASE = 'http://localhost:8181/api/v1';

/**
 * Answers wx.request from `routes`: `'GET /path'` (without query) → a value (200 JSON), a function (req → value or
 * `{statusCode, data, header}`), or `problem(status, code, detail, errors)`. Unknown calls answer 404 problem+json.
 * Returns the list of calls `{method, path, query, data, header}` made.
 */
function fakeApi(routes) {
  const calls = [];
  wx.__fake = options => {
    const u = new URL(options.url);
    const p = u.pathname.startsWith('/api/v1') ? u.pathname.slice('/api/v1'.length) : u.pathname;
    const method = options.method || 'GET';
    const data = typeof options.data === 'string' ? JSON.parse(options.data) : options.data;
    const req = { method, path: p, query: Object.fromEntries(u.searchParams), data, header: options.header || {} };
    calls.push(req);
    const route = routes[`${method} ${p}`];
    if (route === undefined) return problem(404, 'notFound', `no route ${method} ${p}`);
    const value = typeof route === 'function' ? route(req) : route;
    if (value && value.__response) return value;
    return { statusCode: 200, data: value, header: { 'Content-Type': 'application/json' } };
  };
  return calls;
}

function problem(status, code, detail, errors) {
  return {
    __response: true, statusCode: status, header: { 'Content-Type': 'application/problem+json' },
    data: { type: 'about:blank', title: 'Problem', status, code, detail, errors: errors || [] },
  };
}

/** A page or component (path under src/, without extension) rendered and attached. */
function load(rel) {
  // a page loaded twice in one test runs its Component() again (jest keeps required modules otherwise)
  jest.resetModules();
  const id = simulate.load(path.join(SRC, rel), { rootPath: SRC, compiler: 'official' });
  const comp = simulate.render(id);
  comp.attach(document.createElement('parent-wrapper'));
  return comp;
}

/** Lets pending promises and timers settle. */
async function settle(times = 5) {
  for (let i = 0; i < times; i++) await new Promise(r => setTimeout(r, 0));
}

/** Signs a fake session in: token and me in storage. */
function signedIn(me) {
  wx.setStorageSync('spm.token', 'tok-1');
  wx.setStorageSync('spm.me', me);
}

const OWNER = { accountId: 7, username: 'demo-owner', roles: ['OWNER'], scope: { kind: 'OWNER', ownerId: 70 },
  permissions: ['auth:self', 'house:verify', 'repair:request', 'repair:read', 'complaint:create', 'complaint:read', 'vote:read', 'vote:cast', 'survey:answer', 'patrol:report', 'patrol:read', 'file:upload', 'file:read'] };
const COMMITTEE = { accountId: 8, username: 'demo-committee', roles: ['COMMITTEE'], scope: { kind: 'COMMITTEE', estateIds: [1] },
  permissions: ['auth:self', 'repair:request', 'repair:read', 'complaint:create', 'complaint:read', 'vote:read', 'vote:manage', 'survey:answer', 'patrol:read', 'file:upload', 'file:read'] };
const COMPANY = { accountId: 9, username: 'demo-company', roles: ['COMPANY'], scope: { kind: 'COMPANY', companyId: 3 },
  permissions: ['auth:self', 'repair:read', 'repair:handle', 'complaint:read', 'complaint:handle', 'patrol:read', 'patrol:handle', 'vote:read', 'file:upload', 'file:read'] };

const text = comp => comp.dom.textContent.replace(/\s+/g, ' ');

module.exports = { SRC, BASE, fakeApi, problem, load, settle, signedIn, OWNER, COMMITTEE, COMPANY, text, simulate };
