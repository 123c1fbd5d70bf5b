// What the console's and the portal's one map share (issue 17 part 2, MAP-1, PMAP-1): the layer endpoints' bbox and zoom
// parameters and how many estates an answer shows. The views are Web Mercator (EPSG:3857), so a view's zoom is the API's
// web-map zoom; the API clusters below its clustering zoom and draws points and boundaries from it on.

/** bbox=minLon,minLat,maxLon,maxLat (6 decimals, clamped to the globe) of a [minLon, minLat, maxLon, maxLat] extent. */
export function bboxParam([minLon, minLat, maxLon, maxLat]) {
  const c = (v, lim) => Math.max(-lim, Math.min(lim, v)).toFixed(6);
  return `${c(minLon, 180)},${c(minLat, 90)},${c(maxLon, 180)},${c(maxLat, 90)}`;
}

/** The API's zoom (a whole number 0..22) of the view's zoom. */
export function apiZoom(zoom) {
  return Math.max(0, Math.min(22, Math.round(Number.isFinite(zoom) ? zoom : 12)));
}

/** How many estates a collection shows: single estates plus every cluster's count. */
export function estatesShown(collection) {
  return (collection.features || []).reduce((n, f) => {
    const p = f.properties || {};
    if (p.kind === 'cluster') return n + (p.count || 0);
    return n + (p.kind === 'boundary' ? 0 : 1);
  }, 0);
}

/** A cluster's circle radius in pixels for its count (12 for two estates, at most 28). */
export function clusterRadius(count) {
  return Math.min(28, 12 + Math.log2(Math.max(1, count)) * 3);
}
