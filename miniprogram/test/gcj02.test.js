// WGS 84 / CGCS2000 → GCJ-02 for WeChat's <map> (PMAP, MAP-1): the published test points of the public algorithm
// (eviltransform's Shanghai, Shenzhen and Beijing), the inverse, no offset outside China, and the map's data.
const path = require('path');
const { SRC } = require('./helpers');

const gcj = () => require(path.join(SRC, 'utils', 'gcj02.js'));
const mapdata = () => require(path.join(SRC, 'utils', 'mapdata.js'));

const KNOWN = [
  // wgsLat, wgsLng, gcjLat, gcjLng
  [31.1774276, 121.5272106, 31.17530398364597, 121.531541859215], // Shanghai
  [22.543847, 113.912316, 22.540796131694766, 113.9171764808363], // Shenzhen
  [39.911954, 116.377817, 39.91334545536069, 116.38404722455657], // Beijing
];

test.each(KNOWN)('WGS84 (%f, %f) → GCJ-02 (%f, %f)', (lat, lng, gLat, gLng) => {
  const g = gcj().wgs84ToGcj02(lat, lng);
  expect(g.latitude).toBeCloseTo(gLat, 9);
  expect(g.longitude).toBeCloseTo(gLng, 9);
});

test.each(KNOWN)('GCJ-02 back to WGS84 within 1e-7° (about 1 cm) for (%f, %f)', (lat, lng, gLat, gLng) => {
  const w = gcj().gcj02ToWgs84(gLat, gLng);
  expect(Math.abs(w.latitude - lat)).toBeLessThan(1e-7);
  expect(Math.abs(w.longitude - lng)).toBeLessThan(1e-7);
});

test('Hengqin is offset by a few hundred metres (north-west of Macao)', () => {
  const g = gcj().wgs84ToGcj02(22.12, 113.52);
  const dy = (g.latitude - 22.12) * 111320;
  const dx = (g.longitude - 113.52) * 111320 * Math.cos((22.12 * Math.PI) / 180);
  const metres = Math.hypot(dx, dy);
  expect(metres).toBeGreaterThan(300);
  expect(metres).toBeLessThan(700);
});

test('outside mainland China nothing is offset', () => {
  expect(gcj().wgs84ToGcj02(48.8566, 2.3522)).toEqual({ latitude: 48.8566, longitude: 2.3522 });
  expect(gcj().gcj02ToWgs84(-33.86, 151.2)).toEqual({ latitude: -33.86, longitude: 151.2 });
  expect(gcj().outOfChina(22.12, 113.52)).toBe(false);
});

test('a GeoJSON position [lon, lat] is read in that order', () => {
  const a = gcj().fromGeoJson([113.52, 22.12]);
  const b = gcj().wgs84ToGcj02(22.12, 113.52);
  expect(a).toEqual(b);
});

test('the public map answer becomes markers (points, clusters) and polygons in GCJ-02', () => {
  const answer = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', id: 'estate-5', geometry: { type: 'Point', coordinates: [113.53, 22.13] }, properties: { kind: 'point', estateId: 5, name: '澳门新街坊' } },
      { type: 'Feature', id: 'cluster-12-1', geometry: { type: 'Point', coordinates: [113.5, 22.1] }, properties: { kind: 'cluster', count: 4, estateIds: [1, 2, 3, 4] } },
      { type: 'Feature', id: 'estate-5-b', geometry: { type: 'Polygon', coordinates: [[[113.52, 22.12], [113.54, 22.12], [113.54, 22.14], [113.52, 22.12]]] }, properties: { kind: 'boundary', estateId: 5 } },
    ],
  };
  const drawn = mapdata().toMap(answer, { cluster: '{n} estates' });
  expect(drawn.markers).toHaveLength(2);
  const estate = drawn.markers.find(m => m.id === 5);
  expect(estate.title).toBe('澳门新街坊');
  expect(estate.latitude).toBeCloseTo(gcj().wgs84ToGcj02(22.13, 113.53).latitude, 12);
  const cluster = drawn.markers.find(m => m.id < 0);
  expect(cluster.label.content).toBe('4');
  expect(cluster.ariaLabel).toBe('4 estates');
  expect(drawn.clusters[cluster.id].count).toBe(4);
  expect(drawn.polygons).toHaveLength(1);
  expect(drawn.polygons[0].points).toHaveLength(4);
});

test('the visible region (GCJ-02) becomes the API bbox (CGCS2000); the scale the zoom', () => {
  const sw = gcj().wgs84ToGcj02(22.1, 113.5);
  const ne = gcj().wgs84ToGcj02(22.14, 113.55);
  expect(mapdata().bboxOf({ southwest: sw, northeast: ne })).toBe('113.500000,22.100000,113.550000,22.140000');
  expect(mapdata().bboxOf(null)).toBe('113.47,22.08,113.57,22.16');
  expect([3, 13.4, 20, 'x'].map(s => mapdata().zoomOf(s))).toEqual([3, 13, 20, 13]);
});
