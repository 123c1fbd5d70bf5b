// The side menu: home, then each area's entries (src/areas/*/area.js); an entry is shown only when the account holds
// its permission (GET /auth/me `permissions`). An entry may name `anyOf: [...]` instead of one permission.
import { areaMenu } from './areas/index.js';

export const MENU = [{ key: 'home', path: '/', permission: null }, ...areaMenu()];

function allowed(entry, held) {
  if (entry.anyOf) return entry.anyOf.some(p => held.has(p));
  return !entry.permission || held.has(entry.permission);
}

export function visibleMenu(permissions, menu = MENU) {
  const held = new Set(permissions || []);
  return menu.filter(entry => allowed(entry, held));
}

/** The menu entry a path belongs to (the longest matching path), or null. */
function entryFor(path, menu) {
  return menu
    .filter(e => e.path !== '/' && (path === e.path || path.startsWith(e.path + '/')))
    .sort((a, b) => b.path.length - a.path.length)[0] || null;
}

/** The permission a path needs (its menu entry's), or null. */
export function permissionFor(path, menu = MENU) {
  const entry = entryFor(path, menu);
  return entry ? entry.permission || null : null;
}

/** May an account with these permissions open this path? */
export function mayOpen(path, permissions, menu = MENU) {
  const entry = entryFor(path, menu);
  return !entry || allowed(entry, new Set(permissions || []));
}
