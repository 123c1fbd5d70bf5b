// INT-GIS (issue 17 part 1): the city's base map for OpenLayers maps in the console and the portal.
//
// API (everything else in this file is internal):
//
//   fetchBaseLayers({ fetch, language })  → Promise<config>
//       GET /api/v1/map/base-layers (public, no login). config = { attribution, defaultLayer, layers: [{ name, matrixSet,
//       title, kind: 'base'|'annotation', base (an annotation's base layer), projection ('EPSG:3857'|'EPSG:4490'),
//       gcj02, format, url (the platform's tile proxy, WMTS REST template with {TileMatrix}/{TileCol}/{TileRow}),
//       tileGrid: { origin, resolutions, matrixIds, tileSize, extent } }] }. The provider's key never appears in it.
//
//   createBaseMap(config, { projection, fetch, onStatus })  → { groups, layers, select(name), selected(), status() }
//       One ol/layer/Group per base layer (the base tiles plus its annotation layer: vec + cva, img + cia), only the
//       default one visible; add `layers` (= the groups) first to the Map. Of a layer offered in several matrix sets the
//       one in the view's `projection` is taken (no reprojection), else the first (OpenLayers reprojects the raster).
//       Tiles are fetched through the proxy; `onStatus(status)` is called when it changes: 'ok' (from the provider or a
//       fresh cache), 'stale' (X-SPM-Tile-Source: cache-stale: the provider is down, cached tiles are shown),
//       'unavailable' (503: neither). `select('img')` switches the visible group.
//
//   loadBaseMap(options)  → Promise<createBaseMap(...) result>: fetchBaseLayers + createBaseMap in one call.
//
//   wgs84ToGcj02([lon, lat]), gcj02ToWgs84([lon, lat]): the GCJ-02 offset (outside China: unchanged). Layers flagged
//       gcj02 get a projection 'GCJ02:3857' / 'GCJ02:4490' whose transforms apply it, so OpenLayers warps their tiles
//       onto the platform's CGCS2000 (≈ WGS 84) coordinates; features never need converting.
import LayerGroup from 'ol/layer/Group.js';
import TileLayer from 'ol/layer/Tile.js';
import WMTS from 'ol/source/WMTS.js';
import WMTSTileGrid from 'ol/tilegrid/WMTS.js';
import TileState from 'ol/TileState.js';
import Projection from 'ol/proj/Projection.js';
import { addCoordinateTransforms, addEquivalentProjections, addProjection, get as getProjection, fromLonLat, toLonLat } from 'ol/proj.js';

export const BASE_LAYERS_PATH = '/api/v1/map/base-layers';
export const TILE_SOURCE_HEADER = 'X-SPM-Tile-Source';

/** GET /api/v1/map/base-layers in the caller's language. */
export async function fetchBaseLayers({ fetch: fetchImpl = globalThis.fetch, language } = {}) {
  const headers = { Accept: 'application/json' };
  if (language) headers['Accept-Language'] = language;
  const r = await fetchImpl(BASE_LAYERS_PATH, { headers, credentials: 'same-origin' });
  if (!r.ok) throw new Error(`base layers: HTTP ${r.status}`);
  return r.json();
}

// ---------------------------------------------------------------------------------------------- GCJ-02

const A = 6378245.0;
const EE = 0.00669342162296594323;

function outOfChina(lon, lat) {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function dLat(x, y) {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function dLon(x, y) {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/** WGS 84 / CGCS2000 lon/lat → GCJ-02 ("Mars coordinates"); unchanged outside China. */
export function wgs84ToGcj02([lon, lat]) {
  if (outOfChina(lon, lat)) return [lon, lat];
  const radLat = (lat / 180) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  const la = (dLat(lon - 105, lat - 35) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const lo = (dLon(lon - 105, lat - 35) * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lon + lo, lat + la];
}

/** GCJ-02 → WGS 84 / CGCS2000 lon/lat (fixed-point iteration, better than 1e-7°); unchanged outside China. */
export function gcj02ToWgs84([lon, lat]) {
  if (outOfChina(lon, lat)) return [lon, lat];
  let w = [lon, lat];
  for (let i = 0; i < 10; i++) {
    const g = wgs84ToGcj02(w);
    const dx = g[0] - lon;
    const dy = g[1] - lat;
    w = [w[0] - dx, w[1] - dy];
    if (Math.abs(dx) < 1e-9 && Math.abs(dy) < 1e-9) break;
  }
  return w;
}

function mapCoordinates(fn) {
  return (input, output, dimension = 2) => {
    const out = output || new Array(input.length);
    for (let i = 0; i < input.length; i += dimension) {
      const [x, y] = fn([input[i], input[i + 1]]);
      out[i] = x;
      out[i + 1] = y;
      for (let k = 2; k < dimension; k++) out[i + k] = input[i + k];
    }
    return out;
  };
}

/** EPSG:4490 (CGCS2000 lon/lat) as an equivalent of EPSG:4326 unless the app registered it already (proj4). */
function ensureCgcs2000() {
  if (!getProjection('EPSG:4490')) {
    addProjection(new Projection({ code: 'EPSG:4490', units: 'degrees', extent: [-180, -90, 180, 90], global: true }));
    addEquivalentProjections([getProjection('EPSG:4326'), getProjection('EPSG:4490')]);
  }
  return getProjection('EPSG:4490');
}

/** The projection of a GCJ-02 flagged layer: 'GCJ02:3857' or 'GCJ02:4490', with transforms from and to the true one. */
function gcjProjection(code) {
  const name = code === 'EPSG:3857' ? 'GCJ02:3857' : 'GCJ02:4490';
  if (!getProjection(name)) {
    const mercator = code === 'EPSG:3857';
    const base = mercator ? getProjection('EPSG:3857') : ensureCgcs2000();
    addProjection(new Projection({ code: name, units: mercator ? 'm' : 'degrees', extent: base.getExtent(), global: true }));
    const toLL = mercator ? c => toLonLat(c) : c => c;
    const fromLL = mercator ? c => fromLonLat(c) : c => c;
    for (const other of ['EPSG:3857', 'EPSG:4326', 'EPSG:4490']) {
      const oToLL = other === 'EPSG:3857' ? c => toLonLat(c) : c => c;
      const oFromLL = other === 'EPSG:3857' ? c => fromLonLat(c) : c => c;
      addCoordinateTransforms(getProjection(other), getProjection(name),
        c => fromLL(wgs84ToGcj02(oToLL(c))),
        c => oFromLL(gcj02ToWgs84(toLL(c))));
    }
  }
  return getProjection(name);
}

// ---------------------------------------------------------------------------------------------- layers

/** The entry of `name` to use in a view of `projection` (the same projection if offered, else the first). */
function pick(entries, name, projection) {
  const all = entries.filter(e => e.name === name);
  return all.find(e => e.projection === projection) || all[0];
}

/**
 * @param {object} config the answer of fetchBaseLayers()
 * @param {{ projection?: string, fetch?: Function, onStatus?: (status: 'ok'|'stale'|'unavailable') => void }} [options]
 */
export function createBaseMap(config, { projection = 'EPSG:3857', fetch: fetchImpl = globalThis.fetch, onStatus } = {}) {
  const entries = (config && config.layers) || [];
  let status = 'ok';
  const report = s => {
    if (s !== status) {
      status = s;
      if (onStatus) onStatus(s);
    }
  };
  const tileLoadFunction = (tile, src) => {
    const image = tile.getImage();
    fetchImpl(src, { credentials: 'same-origin' })
      .then(async r => {
        if (!r.ok) {
          if (r.status === 503) report('unavailable');
          tile.setState(TileState.ERROR);
          return;
        }
        report(r.headers.get(TILE_SOURCE_HEADER) === 'cache-stale' ? 'stale' : 'ok');
        const url = URL.createObjectURL(await r.blob());
        const done = () => URL.revokeObjectURL(url);
        image.addEventListener('load', done, { once: true });
        image.addEventListener('error', done, { once: true });
        image.src = url;
      })
      .catch(() => tile.setState(TileState.ERROR));
  };
  const tileLayer = e => {
    const proj = e.projection === 'EPSG:4490' ? ensureCgcs2000() : getProjection(e.projection);
    const g = e.tileGrid;
    return new TileLayer({
      properties: { name: e.name, matrixSet: e.matrixSet, kind: e.kind },
      source: new WMTS({
        url: e.url,
        requestEncoding: 'REST',
        layer: e.name,
        matrixSet: e.matrixSet,
        style: 'default',
        format: e.format || 'image/png',
        projection: e.gcj02 ? gcjProjection(e.projection) : proj,
        tileGrid: new WMTSTileGrid({ origin: g.origin, resolutions: g.resolutions, matrixIds: g.matrixIds, tileSize: g.tileSize, extent: g.extent }),
        attributions: config.attribution || undefined,
        tileLoadFunction,
        wrapX: true,
      }),
    });
  };
  const baseNames = [...new Set(entries.filter(e => e.kind === 'base').map(e => e.name))];
  const groups = baseNames.map(name => {
    const base = pick(entries, name, projection);
    const annotations = [...new Set(entries.filter(e => e.kind === 'annotation' && e.base === name).map(e => e.name))]
      .map(a => pick(entries, a, projection));
    return new LayerGroup({
      properties: { name, title: base.title, baseLayer: true },
      layers: [base, ...annotations].map(tileLayer),
      visible: false,
    });
  });
  let current = null;
  const select = name => {
    const g = groups.find(x => x.get('name') === name) || groups[0];
    for (const x of groups) x.setVisible(x === g);
    current = g ? g.get('name') : null;
    return current;
  };
  select(config && config.defaultLayer);
  return {
    groups,
    layers: groups,
    /** [{ name, title }] of the base layers, for a switcher */
    choices: groups.map(g => ({ name: g.get('name'), title: g.get('title') })),
    select,
    selected: () => current,
    status: () => status,
  };
}

/** fetchBaseLayers + createBaseMap. */
export async function loadBaseMap(options = {}) {
  return createBaseMap(await fetchBaseLayers(options), options);
}
