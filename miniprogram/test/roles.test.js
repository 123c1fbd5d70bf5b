// The pages per role (utils/nav.js) and the workflow steps each party may take (utils/workflow.js: OWN-4, OWN-5,
// COS-5..7, OCS-7/8).
const path = require('path');
const { SRC, OWNER, COMMITTEE, COMPANY } = require('./helpers');

const nav = () => require(path.join(SRC, 'utils', 'nav.js'));
const workflow = () => require(path.join(SRC, 'utils', 'workflow.js'));
const keys = list => list.map(x => x.key);

test('the work entries follow the permissions of each role', () => {
  expect(keys(nav().workOf(OWNER))).toEqual(['houses', 'newRepair', 'repairs', 'newComplaint', 'complaints', 'newReport', 'reports', 'votes', 'surveys']);
  expect(keys(nav().workOf(COMMITTEE))).toEqual(['newRepair', 'repairs', 'newComplaint', 'complaints', 'reports', 'votes', 'surveys']);
  expect(keys(nav().workOf(COMPANY))).toEqual(['repairs', 'complaints', 'reports', 'patrols', 'votes']);
  expect(nav().workOf(null)).toEqual([]);
});

test('the tabs: home, map and me for everybody, the work tab only with a session that has work', () => {
  expect(keys(nav().tabsOf(null))).toEqual(['home', 'map', 'me']);
  expect(keys(nav().tabsOf(OWNER))).toEqual(['home', 'map', 'work', 'me']);
  expect(keys(nav().tabsOf({ permissions: ['auth:self'], scope: { kind: 'NONE' } }))).toEqual(['home', 'map', 'me']);
  expect([null, OWNER, COMMITTEE, COMPANY, { scope: { kind: 'ALL' } }].map(m => nav().roleOf(m))).toEqual(['PUBLIC', 'OWNER', 'COMMITTEE', 'COMPANY', 'OTHER']);
});

test('the requester confirms or reopens a completed repair; the managing company accepts a new one', () => {
  const repair = { id: 1, status: 'COMPLETED', companyId: 3, requesterAccountId: 7 };
  expect(keys(workflow().allowedTransitions('repair', repair, OWNER).map(t => ({ key: t.name })))).toEqual(['confirm', 'reopen']);
  expect(workflow().allowedTransitions('repair', repair, COMPANY)).toEqual([]);
  const fresh = { ...repair, status: 'REQUESTED' };
  expect(workflow().allowedTransitions('repair', fresh, COMPANY).map(t => t.name)).toEqual(['accept', 'reject']);
  expect(workflow().allowedTransitions('repair', { ...fresh, companyId: 4 }, COMPANY)).toEqual([]);
  expect(workflow().allowedTransitions('repair', fresh, COMMITTEE)).toEqual([]);
});

test('complaints: the company handles what was forwarded to it, the complainant closes or reopens', () => {
  const c = { id: 2, status: 'DISPATCHED', companyId: 3, forwardedToCompany: true, complainantAccountId: 8 };
  expect(workflow().allowedTransitions('complaint', c, COMPANY).map(t => t.name)).toEqual(['accept', 'reject']);
  expect(workflow().allowedTransitions('complaint', { ...c, status: 'RESOLVED' }, COMMITTEE).map(t => t.name)).toEqual(['close', 'reopen']);
  expect(workflow().allowedTransitions('complaint', { ...c, forwardedToCompany: false }, COMPANY)).toEqual([]);
});

test('patrol tasks: the company inspects and closes with photos', () => {
  const p = { id: 3, status: 'INSPECTED', companyId: 3 };
  const rows = workflow().allowedTransitions('patrol', p, COMPANY);
  expect(rows.map(t => t.name)).toEqual(['inspect', 'close']);
  expect(rows[1].fields.find(f => f.kind === 'photos').required).toBe(true);
});

test('overdue: past the due time and still running', () => {
  const now = Date.parse('2026-12-05T00:00:00Z');
  expect(workflow().isOverdue('repair', { status: 'ACCEPTED', dueAt: '2026-12-01T00:00:00Z' }, now)).toBe(true);
  expect(workflow().isOverdue('repair', { status: 'COMPLETED', dueAt: '2026-12-01T00:00:00Z' }, now)).toBe(false);
  expect(workflow().isOverdue('repair', { status: 'ACCEPTED', dueAt: '2026-12-09T00:00:00Z' }, now)).toBe(false);
});
