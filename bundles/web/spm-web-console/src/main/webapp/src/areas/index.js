// The console is made of areas: one folder per domain under src/areas/<area>/, each with an area.js that declares
//   { order, menu: [{ key, path, permission }], routes: [child routes of the layout], messages: { 'zh-CN', 'zh-TW', pt, en } }
// Adding a domain's pages touches its folder only: this file finds every area.js at build time.
const modules = import.meta.glob('./*/area.js', { eager: true });

export const AREAS = Object.entries(modules)
  .map(([file, m]) => ({ name: file.split('/')[1], ...m.default }))
  .sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.name.localeCompare(b.name));

/** The menu entries of every area, in area order. */
export function areaMenu() {
  return AREAS.flatMap(a => a.menu || []);
}

/** The layout's child routes of every area. */
export function areaRoutes() {
  return AREAS.flatMap(a => a.routes || []);
}

/** Each area's message tree for one UI language (merged into src/messages.js). */
export function areaMessages(code) {
  return AREAS.map(a => (a.messages && a.messages[code]) || {});
}
