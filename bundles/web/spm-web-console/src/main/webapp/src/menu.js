// The side menu: an entry is shown only when the account holds its permission (GET /auth/me `permissions`).
export const MENU = [
  { key: 'home', path: '/', permission: null },
  { key: 'estates', path: '/estates', permission: 'estate:read' },
  { key: 'companies', path: '/companies', permission: 'company:read' },
  { key: 'committees', path: '/committees', permission: 'committee:read' },
  { key: 'complaints', path: '/complaints', permission: 'complaint:read' },
  { key: 'accounts', path: '/accounts', permission: 'account:list' },
];

export function visibleMenu(permissions, menu = MENU) {
  const held = new Set(permissions || []);
  return menu.filter(entry => !entry.permission || held.has(entry.permission));
}

/** The permission a path needs (its menu entry's), or null. */
export function permissionFor(path, menu = MENU) {
  const entry = menu.find(e => e.path !== '/' && (path === e.path || path.startsWith(e.path + '/')));
  return entry ? entry.permission : null;
}
