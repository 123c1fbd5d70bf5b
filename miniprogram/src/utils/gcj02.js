// WeChat's <map> takes GCJ-02 coordinates (the "Mars" offset every map of mainland China must use); the platform stores
// and answers CGCS2000 (EPSG:4490, docs/api.md "one map"), which equals WGS 84 to a few centimetres — far below GCJ-02's
// offset of several hundred metres — so CGCS2000 is converted as WGS 84. The forward formula is the public one
// (Krasovsky 1940 ellipsoid, as in eviltransform); the inverse is iterated to < 1e-7° (about 1 cm). Outside mainland
// China's box nothing is offset. Tested against known points in test/gcj02.test.js.
const A = 6378245.0;
const EE = 0.00669342162296594323;

function outOfChina(lat, lng) {
  return !(lng >= 72.004 && lng <= 137.8347 && lat >= 0.8293 && lat <= 55.8271);
}

function transformLat(x, y) {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

function transformLng(x, y) {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return ret;
}

function delta(lat, lng) {
  let dLat = transformLat(lng - 105.0, lat - 35.0);
  let dLng = transformLng(lng - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: dLat, lng: dLng };
}

/** WGS 84 / CGCS2000 → GCJ-02: `{latitude, longitude}` for <map>. */
function wgs84ToGcj02(lat, lng) {
  if (outOfChina(lat, lng)) return { latitude: lat, longitude: lng };
  const d = delta(lat, lng);
  return { latitude: lat + d.lat, longitude: lng + d.lng };
}

/** GCJ-02 → WGS 84 / CGCS2000 (the map's visible region back to the API's bbox), iterated to about 1 cm. */
function gcj02ToWgs84(lat, lng) {
  if (outOfChina(lat, lng)) return { latitude: lat, longitude: lng };
  let wLat = lat;
  let wLng = lng;
  for (let i = 0; i < 30; i++) {
    const g = wgs84ToGcj02(wLat, wLng);
    const dLat = g.latitude - lat;
    const dLng = g.longitude - lng;
    wLat -= dLat;
    wLng -= dLng;
    if (Math.abs(dLat) < 1e-9 && Math.abs(dLng) < 1e-9) break;
  }
  return { latitude: wLat, longitude: wLng };
}

/** A GeoJSON position [lon, lat] (CGCS2000) → `{latitude, longitude}` in GCJ-02. */
function fromGeoJson(position) {
  return wgs84ToGcj02(Number(position[1]), Number(position[0]));
}

module.exports = { outOfChina, wgs84ToGcj02, gcj02ToWgs84, fromGeoJson };
