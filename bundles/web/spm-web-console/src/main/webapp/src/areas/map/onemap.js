// Helpers of the one map page (issue 17 part 2: MAP-1..11): what the API's layer and panel endpoints take and give, kept apart
// from OpenLayers so Vitest can check them. The view is Web Mercator (EPSG:3857), so its zoom is the API's web-map zoom.
import { apiZoom, bboxParam, estatesShown } from '@spm-common/onemap.js';

export { apiZoom, bboxParam, estatesShown };
export const PANELS = ['overview', 'company', 'committee', 'tenders', 'votes', 'notices', 'complaints', 'patrols', 'repairs', 'satisfaction'];
export const THEMES = ['complaint-density', 'credit-grade', 'assessment-result', 'open-repairs'];
/** The read permission each panel and theme needs besides map:read (the API answers 403 without it). */
export const PANEL_PERMISSION = {
  overview: 'estate:read', company: null, committee: 'committee:read', tenders: 'tender:read', votes: 'vote:read', notices: 'publishing:read',
  complaints: 'complaint:read', patrols: 'patrol:read', repairs: 'repair:read', satisfaction: 'survey:read',
};
export const THEME_PERMISSION = {
  'complaint-density': 'complaint:read', 'credit-grade': 'credit:read', 'assessment-result': 'assessment:read', 'open-repairs': 'repair:read',
};
export const LIST_PANELS = ['tenders', 'votes', 'notices', 'complaints', 'patrols', 'repairs'];

/** The panels / themes the account may open. */
export function allowed(map, permissions = []) {
  return Object.keys(map).filter(k => !map[k] || permissions.includes(map[k]));
}

/** The layer's URL for the view: the estates layer or a theme. */
export function layerUrl(theme, extent, zoom) {
  const q = `bbox=${bboxParam(extent)}&zoom=${apiZoom(zoom)}`;
  return theme ? `/map/themes/${theme}?${q}` : `/map/estates?${q}`;
}

/** The legend class of a feature's cls (its colour), or grey. */
export function classColor(legend, cls) {
  const c = (legend || []).find(l => l.key === cls);
  return c ? c.color : '#bdbdbd';
}
