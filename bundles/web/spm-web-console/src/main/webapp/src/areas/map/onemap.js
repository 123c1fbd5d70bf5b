// Helpers of the one map page (issue 17 part 2: MAP-1..11): what the API's layer and panel endpoints take and give, kept apart
// from OpenLayers so Vitest can check them. The view is Web Mercator (EPSG:3857), so its zoom is the API's web-map zoom.
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

/** bbox=minLon,minLat,maxLon,maxLat (6 decimals, clamped to the globe) of a [minLon, minLat, maxLon, maxLat] extent. */
export function bboxParam([minLon, minLat, maxLon, maxLat]) {
  const c = (v, lim) => Math.max(-lim, Math.min(lim, v)).toFixed(6);
  return `${c(minLon, 180)},${c(minLat, 90)},${c(maxLon, 180)},${c(maxLat, 90)}`;
}

/** The API's zoom (a whole number 0..22) of the view's zoom. */
export function apiZoom(zoom) {
  return Math.max(0, Math.min(22, Math.round(Number.isFinite(zoom) ? zoom : 12)));
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

/** How many estates a collection shows: single estates plus every cluster's count. */
export function estatesShown(collection) {
  return (collection.features || []).reduce((n, f) => {
    const p = f.properties || {};
    if (p.kind === 'cluster') return n + (p.count || 0);
    return n + (p.kind === 'boundary' ? 0 : 1);
  }, 0);
}
