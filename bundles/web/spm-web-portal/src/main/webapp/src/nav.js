// The portal's navigation (issue 13 item 3): the public pages for everybody, the own pages only with the permission
// their API needs (the API checks again). `mayOpen` guards the routes the same way.
export const PUBLIC_NAV = [
  { key: 'home', path: '/' },
  { key: 'news', path: '/notices' },
  { key: 'policies', path: '/policies' },
  { key: 'disclosure', path: '/disclosure' },
  { key: 'credit', path: '/credit' },
  { key: 'inspections', path: '/inspections' },
  { key: 'assessment', path: '/assessment' },
  { key: 'tenders', path: '/tenders' },
  { key: 'votes', path: '/votes' },
  { key: 'satisfaction', path: '/satisfaction' },
  { key: 'map', path: '/map' },
];

export const OWN_NAV = [
  { key: 'houses', path: '/me/houses', permission: 'house:verify' },
  { key: 'complaints', path: '/me/complaints', permission: 'complaint:read' },
  { key: 'repairs', path: '/me/repairs', permission: 'repair:read' },
  { key: 'myVotes', path: '/me/votes', permission: 'vote:cast' },
  { key: 'mySurveys', path: '/me/surveys', permission: 'survey:answer' },
  { key: 'company', path: '/company', permission: 'company:read', scope: 'COMPANY' },
];

/** The own pages a signed-in account may open (`me` = GET /auth/me). */
export function ownNav(me) {
  if (!me) return [];
  return OWN_NAV.filter(item => (me.permissions || []).includes(item.permission)
    && (!item.scope || (me.scope && me.scope.kind === item.scope)));
}

/** Whether a route's `meta.permission` (and `meta.scope`) admits the account. */
export function mayOpen(meta, me) {
  if (!meta.permission) return true;
  if (!me || !(me.permissions || []).includes(meta.permission)) return false;
  return !meta.scope || (me.scope && me.scope.kind === meta.scope);
}
