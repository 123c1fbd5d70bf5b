// INT-GIS (issue 17 part 1): @spm-common/basemap.js — the base-layer configuration from GET /api/v1/map/base-layers
// becomes one OpenLayers layer group per base layer (base tiles + annotation) in the view's projection, through the
// platform's tile proxy; a tile from the stale cache switches the status to 'stale', a 503 to 'unavailable'; the
// GCJ-02 conversion of layers flagged so.
import { afterEach, describe, expect, it, vi } from 'vitest';
import TileState from 'ol/TileState.js';
import { transform } from 'ol/proj.js';
import { createBaseMap, fetchBaseLayers, gcj02ToWgs84, loadBaseMap, wgs84ToGcj02 } from '@spm-common/basemap.js';

const mercatorGrid = {
  origin: [-20037508.342789244, 20037508.342789244],
  resolutions: Array.from({ length: 18 }, (_, i) => 156543.03392804097 / 2 ** (i + 1)),
  matrixIds: Array.from({ length: 18 }, (_, i) => String(i + 1)),
  tileSize: 256,
  extent: [-20037508.342789244, -20037508.342789244, 20037508.342789244, 20037508.342789244],
};
const lonLatGrid = {
  origin: [-180, 90],
  resolutions: Array.from({ length: 18 }, (_, i) => 1.40625 / 2 ** (i + 1)),
  matrixIds: Array.from({ length: 18 }, (_, i) => String(i + 1)),
  tileSize: 256,
  extent: [-180, -90, 180, 90],
};
const entry = (name, matrixSet, kind, extra = {}) => ({
  name, matrixSet, kind, title: name.toUpperCase(), format: 'image/png', gcj02: false,
  projection: matrixSet === 'w' ? 'EPSG:3857' : 'EPSG:4490',
  tileGrid: matrixSet === 'w' ? mercatorGrid : lonLatGrid,
  url: `/api/v1/map/tiles/${name}/${matrixSet}/{TileMatrix}/{TileCol}/{TileRow}`,
  ...extra,
});
const CONFIG = {
  attribution: '天地图',
  defaultLayer: 'vec',
  layers: [
    entry('vec', 'c', 'base'), entry('vec', 'w', 'base'), entry('cva', 'w', 'annotation', { base: 'vec' }),
    entry('img', 'w', 'base'), entry('cia', 'w', 'annotation', { base: 'img' }),
  ],
};

afterEach(() => vi.unstubAllGlobals());

describe('basemap.js (INT-GIS)', () => {
  it('fetches the base layers in the caller\'s language without credentials of a provider', async () => {
    const f = vi.fn(() => Promise.resolve(new Response(JSON.stringify(CONFIG), { headers: { 'Content-Type': 'application/json' } })));
    const c = await fetchBaseLayers({ fetch: f, language: 'en' });
    expect(f).toHaveBeenCalledWith('/api/v1/map/base-layers', expect.objectContaining({ headers: expect.objectContaining({ 'Accept-Language': 'en' }) }));
    expect(c.layers).toHaveLength(5);
    const bad = vi.fn(() => Promise.resolve(new Response('{}', { status: 500 })));
    await expect(fetchBaseLayers({ fetch: bad })).rejects.toThrow('500');
  });

  it('makes one group per base layer with its annotation, in the view projection, the default one visible', () => {
    const m = createBaseMap(CONFIG, { projection: 'EPSG:3857', fetch: vi.fn() });
    expect(m.choices).toEqual([{ name: 'vec', title: 'VEC' }, { name: 'img', title: 'IMG' }]);
    expect(m.selected()).toBe('vec');
    const [vec, img] = m.groups;
    expect(vec.getVisible()).toBe(true);
    expect(img.getVisible()).toBe(false);
    const layers = vec.getLayers().getArray();
    expect(layers.map(l => `${l.get('name')}/${l.get('matrixSet')}`)).toEqual(['vec/w', 'cva/w']);
    const src = layers[0].getSource();
    expect(src.getProjection().getCode()).toBe('EPSG:3857');
    expect(src.getUrls()[0]).toBe('/api/v1/map/tiles/vec/w/{TileMatrix}/{TileCol}/{TileRow}');
    expect(m.select('img')).toBe('img');
    expect(vec.getVisible()).toBe(false);
    expect(img.getVisible()).toBe(true);
    expect(m.select('nope')).toBe('vec');
  });

  it('takes the lon/lat matrix set for a CGCS2000 view', () => {
    const m = createBaseMap(CONFIG, { projection: 'EPSG:4490', fetch: vi.fn() });
    const vec = m.groups[0].getLayers().getArray()[0];
    expect(vec.get('matrixSet')).toBe('c');
    expect(vec.getSource().getProjection().getCode()).toBe('EPSG:4490');
  });

  it('loads tiles through the proxy and reports stale cache and outage', async () => {
    const headers = { 'cache-stale': 'cache-stale', provider: 'provider' };
    let source = 'provider';
    let status = 200;
    const f = vi.fn(() => Promise.resolve(status === 200
      ? new Response(new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }), { headers: { 'Content-Type': 'image/png', 'X-SPM-Tile-Source': headers[source] } })
      : new Response('{}', { status })));
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:tile'), revokeObjectURL: vi.fn() }));
    const seen = [];
    const m = createBaseMap(CONFIG, { fetch: f, onStatus: s => seen.push(s) });
    const load = m.groups[0].getLayers().getArray()[0].getSource().getTileLoadFunction();
    const tile = () => {
      const image = document.createElement('img');
      return { image, state: TileState.LOADING, getImage: () => image, setState(s) { this.state = s; } };
    };
    const flush = () => new Promise(r => setTimeout(r, 20));

    const t1 = tile();
    load(t1, '/api/v1/map/tiles/vec/w/12/3338/1788');
    await flush();
    expect(f).toHaveBeenCalledWith('/api/v1/map/tiles/vec/w/12/3338/1788', expect.anything());
    expect(t1.image.src).toContain('blob:tile');
    expect(m.status()).toBe('ok');

    source = 'cache-stale';
    load(tile(), '/api/v1/map/tiles/vec/w/12/3339/1788');
    await flush();
    expect(m.status()).toBe('stale');

    status = 503;
    const t3 = tile();
    load(t3, '/api/v1/map/tiles/vec/w/12/3340/1788');
    await flush();
    expect(t3.state).toBe(TileState.ERROR);
    expect(m.status()).toBe('unavailable');

    status = 200;
    source = 'provider';
    load(tile(), '/api/v1/map/tiles/vec/w/12/3340/1788');
    await flush();
    expect(seen).toEqual(['stale', 'unavailable', 'ok']);
  });

  it('loadBaseMap is fetch + create', async () => {
    const f = vi.fn(() => Promise.resolve(new Response(JSON.stringify(CONFIG))));
    const m = await loadBaseMap({ fetch: f });
    expect(m.groups).toHaveLength(2);
  });

  it('converts to and from GCJ-02: about 500 m in Hengqin, exact round trip, unchanged outside China', () => {
    const hengqin = [113.53, 22.12];
    const g = wgs84ToGcj02(hengqin);
    // the GCJ-02 offset in Zhuhai is roughly +0.0052° east and -0.0027° north
    expect(g[0] - hengqin[0]).toBeGreaterThan(0.004);
    expect(g[0] - hengqin[0]).toBeLessThan(0.006);
    expect(g[1] - hengqin[1]).toBeLessThan(-0.002);
    expect(g[1] - hengqin[1]).toBeGreaterThan(-0.004);
    const back = gcj02ToWgs84(g);
    expect(Math.abs(back[0] - hengqin[0])).toBeLessThan(1e-7);
    expect(Math.abs(back[1] - hengqin[1])).toBeLessThan(1e-7);
    expect(wgs84ToGcj02([2.35, 48.85])).toEqual([2.35, 48.85]);
  });

  it('gives a gcj02 layer a projection whose transform applies the offset', () => {
    const config = { ...CONFIG, layers: [entry('vec', 'w', 'base', { gcj02: true })] };
    const m = createBaseMap(config, { fetch: vi.fn() });
    const p = m.groups[0].getLayers().getArray()[0].getSource().getProjection();
    expect(p.getCode()).toBe('GCJ02:3857');
    const [lon, lat] = transform(transform([113.53, 22.12], 'EPSG:4326', 'GCJ02:3857'), 'EPSG:3857', 'EPSG:4326');
    const expected = wgs84ToGcj02([113.53, 22.12]);
    expect(lon).toBeCloseTo(expected[0], 7);
    expect(lat).toBeCloseTo(expected[1], 7);
  });
});
