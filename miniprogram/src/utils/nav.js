// What each role sees (issue 18 "the pages per role"): the work entries of the "work" tab, each shown only with the
// permission its API needs (the API checks again, as the portal's nav.js does), and the tabs of the custom tab bar.
const WORK = [
  { key: 'houses', url: '/pages/houses/houses', permission: 'house:verify', icon: '🏠' },
  { key: 'newRepair', url: '/pages/cases/repair-form', permission: 'repair:request', icon: '🔧' },
  { key: 'repairs', url: '/pages/cases/list?domain=repair', permission: 'repair:read', icon: '📋' },
  { key: 'newComplaint', url: '/pages/cases/complaint-form', permission: 'complaint:create', icon: '📣' },
  { key: 'complaints', url: '/pages/cases/list?domain=complaint', permission: 'complaint:read', icon: '🗂' },
  { key: 'newReport', url: '/pages/patrols/report-form', permission: 'patrol:report', icon: '📷' },
  { key: 'reports', url: '/pages/patrols/reports', permission: 'patrol:read', icon: '🗒' },
  { key: 'patrols', url: '/pages/cases/list?domain=patrol', permission: 'patrol:handle', icon: '🚶' },
  { key: 'votes', url: '/pages/votes/list', permission: 'vote:read', icon: '🗳' },
  { key: 'surveys', url: '/pages/surveys/list', permission: 'survey:answer', icon: '⭐' },
  { key: 'notifications', url: '/pages/notifications/index', permission: 'notification:read', icon: '🔔' },
];

const TABS = [
  { key: 'home', url: '/pages/home/home', icon: '🏛' },
  { key: 'map', url: '/pages/map/map', icon: '🗺' },
  { key: 'work', url: '/pages/work/work', icon: '🧰', signedIn: true },
  { key: 'me', url: '/pages/me/me', icon: '👤' },
];

function permissions(me) {
  return new Set((me && me.permissions) || []);
}

/** The role the mini program presents: OWNER, COMMITTEE, COMPANY (by the session's data scope), else OTHER; PUBLIC without a session. */
function roleOf(me) {
  if (!me) return 'PUBLIC';
  const kind = me.scope && me.scope.kind;
  if (kind === 'OWNER' || kind === 'COMMITTEE' || kind === 'COMPANY') return kind;
  return 'OTHER';
}

/** The work entries of an account. */
function workOf(me) {
  const perms = permissions(me);
  return WORK.filter(w => perms.has(w.permission));
}

/** The tabs of an account: the work tab only when signed in with at least one work entry. */
function tabsOf(me) {
  return TABS.filter(tab => !tab.signedIn || (me && workOf(me).length > 0));
}

module.exports = { WORK, TABS, roleOf, workOf, tabsOf };
