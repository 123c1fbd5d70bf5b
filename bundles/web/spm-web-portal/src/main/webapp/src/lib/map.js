// The one map's geometry (issue 13 item 3, PMAP-1, MAP-1): estates from GET /public/estates (WGS 84 location and
// GeoJSON boundary) as OpenLayers features in the map's projection. The view uses CGCS2000 / 3-degree Gauss-Kruger
// CM 114E (EPSG:4547), the plane system of Zhuhai's survey maps, through proj4, so the city's "one map" base layers
// (INT-GIS, a later issue) drop in without reprojecting the estates. No tiles are loaded: the background is plain.
import proj4 from 'proj4';
import { register } from 'ol/proj/proj4.js';
import { get as getProjection, fromLonLat } from 'ol/proj.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import Polygon from 'ol/geom/Polygon.js';
import MultiPolygon from 'ol/geom/MultiPolygon.js';

export const MAP_PROJECTION = 'EPSG:4547';

let registered = false;
export function registerProjections() {
  if (registered) return getProjection(MAP_PROJECTION);
  proj4.defs('EPSG:4490', '+proj=longlat +ellps=GRS80 +no_defs +type=crs');
  proj4.defs(MAP_PROJECTION, '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs +type=crs');
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

function ring(coords) {
  return coords.map(c => fromLonLat(c, MAP_PROJECTION));
}

/** The features of one estate: its boundary (Polygon/MultiPolygon, when known) and its point (when located). */
export function estateFeatures(estate) {
  const out = [];
  const b = estate.boundary;
  if (b && b.type === 'Polygon' && Array.isArray(b.coordinates)) {
    out.push(new Feature({ geometry: new Polygon(b.coordinates.map(ring)), estateId: estate.id, kind: 'boundary', name: estate.name }));
  } else if (b && b.type === 'MultiPolygon' && Array.isArray(b.coordinates)) {
    out.push(new Feature({ geometry: new MultiPolygon(b.coordinates.map(p => p.map(ring))), estateId: estate.id, kind: 'boundary', name: estate.name }));
  }
  const l = estate.location;
  if (l && Number.isFinite(l.longitude) && Number.isFinite(l.latitude)) {
    out.push(new Feature({ geometry: new Point(fromLonLat([l.longitude, l.latitude], MAP_PROJECTION)), estateId: estate.id, kind: 'point', name: estate.name }));
  }
  return out;
}
