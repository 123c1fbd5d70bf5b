// The portal map's projections and base layers (PMAP-1, MAP-1; the estates layer itself is GET /public/map/estates in
// views/MapView.vue), on the city's "one map" base layers (INT-GIS, issue 17: @spm-common/basemap.js through the
// platform's tile proxy). The view is Web Mercator (EPSG:3857), the
// projection of the provider's matrix set w, so its tiles are drawn as they come; CGCS2000 (EPSG:4490, the platform's
// coordinates) and the Zhuhai survey plane (EPSG:4547) stay registered through proj4 for layers and data in them.
import proj4 from 'proj4';
import { register } from 'ol/proj/proj4.js';
import { get as getProjection, fromLonLat } from 'ol/proj.js';
import { loadBaseMap } from '@spm-common/basemap.js';

export const MAP_PROJECTION = 'EPSG:3857';

let registered = false;
export function registerProjections() {
  if (registered) return getProjection(MAP_PROJECTION);
  proj4.defs('EPSG:4490', '+proj=longlat +ellps=GRS80 +no_defs +type=crs');
  proj4.defs('EPSG:4547', '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs +type=crs');
  register(proj4);
  registered = true;
  return getProjection(MAP_PROJECTION);
}

/** Hengqin's extent in the map's projection (the view's start before the estates are known). */
export function hengqinExtent() {
  const [minX, minY] = fromLonLat([113.47, 22.08], MAP_PROJECTION);
  const [maxX, maxY] = fromLonLat([113.57, 22.16], MAP_PROJECTION);
  return [minX, minY, maxX, maxY];
}

/**
 * INT-GIS: puts the base layers (one group per base layer, the default one visible) under the map's other layers.
 * Resolves to the basemap handle ({ choices, select, selected, status }) or null when the configuration cannot be read
 * (the map then keeps its plain background). onStatus('ok' | 'stale' | 'unavailable') reports the tiles' source.
 */
export async function addBaseMap(map, { language, onStatus } = {}) {
  try {
    const base = await loadBaseMap({ language, projection: MAP_PROJECTION, onStatus });
    base.groups.forEach((g, i) => map.getLayers().insertAt(i, g));
    return base;
  } catch (e) {
    return null;
  }
}
