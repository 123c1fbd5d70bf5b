// The public one map's GeoJSON (GET /public/map/estates?bbox&zoom, PMAP-1, MAP-1: [lon, lat] in CGCS2000) as what
// WeChat's <map> draws (GCJ-02): a marker per estate point and per cluster, a polygon per estate boundary.
const gcj = require('./gcj02.js');

/** Hengqin (横琴): the API's area for the public map and the first view. */
const HENGQIN = { minLon: 113.47, minLat: 22.08, maxLon: 113.57, maxLat: 22.16, latitude: 22.12, longitude: 113.52, scale: 13 };

/** The <map> scale (3–20) as the API's zoom (0–22). */
function zoomOf(scale) {
  return Math.max(0, Math.min(22, Math.round(Number(scale) || HENGQIN.scale)));
}

/** The visible region of <map> (GCJ-02 southwest / northeast) → the API's `bbox` (CGCS2000), 6 decimals. */
function bboxOf(region) {
  if (!region || !region.southwest || !region.northeast) return `${HENGQIN.minLon},${HENGQIN.minLat},${HENGQIN.maxLon},${HENGQIN.maxLat}`;
  const sw = gcj.gcj02ToWgs84(region.southwest.latitude, region.southwest.longitude);
  const ne = gcj.gcj02ToWgs84(region.northeast.latitude, region.northeast.longitude);
  return [sw.longitude, sw.latitude, ne.longitude, ne.latitude].map(v => v.toFixed(6)).join(',');
}

function rings(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates[0]];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.map(p => p[0]);
  return [];
}

/**
 * A FeatureCollection → `{markers, polygons, clusters}`. Marker ids: the estate id for a point; for a cluster a
 * negative number whose entry in `clusters` holds its position and count (tapping it zooms in).
 */
function toMap(collection, labels) {
  const markers = [];
  const polygons = [];
  const clusters = {};
  let next = -1;
  for (const f of (collection && collection.features) || []) {
    const p = f.properties || {};
    if (f.geometry && f.geometry.type === 'Point') {
      const at = gcj.fromGeoJson(f.geometry.coordinates);
      if (p.kind === 'cluster') {
        const id = next--;
        clusters[id] = { latitude: at.latitude, longitude: at.longitude, count: p.count };
        markers.push({
          id, latitude: at.latitude, longitude: at.longitude, width: 36, height: 36, iconPath: '/images/cluster.png',
          label: { content: String(p.count), color: '#ffffff', bgColor: '#1f5fa8', padding: 6, borderRadius: 18, anchorX: -8, anchorY: -30 },
          ariaLabel: (labels && labels.cluster ? labels.cluster : '{n}').replace('{n}', p.count),
        });
      } else {
        markers.push({
          id: Number(p.estateId), latitude: at.latitude, longitude: at.longitude, width: 28, height: 36, iconPath: '/images/estate.png',
          title: p.name, ariaLabel: p.name,
          callout: { content: p.name, display: 'BYCLICK', padding: 8, borderRadius: 6, fontSize: 13 },
        });
      }
    } else {
      for (const ring of rings(f.geometry)) {
        polygons.push({
          points: ring.map(gcj.fromGeoJson), strokeWidth: 2, strokeColor: '#1f5fa8cc', fillColor: '#1f5fa822', zIndex: 1,
        });
      }
    }
  }
  return { markers, polygons, clusters };
}

module.exports = { HENGQIN, zoomOf, bboxOf, toMap };
