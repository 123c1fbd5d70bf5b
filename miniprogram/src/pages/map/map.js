// The public one map (PMAP-1..6, MAP-1, MAP-2): WeChat's <map> (GCJ-02) with the estates of the visible region
// (GET /public/map/estates?bbox&zoom: clusters below the clustering zoom, points and boundaries from it; CGCS2000
// converted in utils/gcj02.js). A cluster zooms in; an estate shows its panel (GET /public/map/estates/{id}/panels/overview:
// address, community, developer, property company, fee standard, buildings and houses).
const page = require('../../behaviors/page.js');
const api = require('../../utils/api.js');
const mapdata = require('../../utils/mapdata.js');

Component({
  behaviors: [page],
  data: {
    latitude: 0, longitude: 0, scale: mapdata.HENGQIN.scale, markers: [], polygons: [], count: 0, panel: null, busy: false,
  },
  lifetimes: {
    attached() {
      const start = require('../../utils/gcj02.js').wgs84ToGcj02(mapdata.HENGQIN.latitude, mapdata.HENGQIN.longitude);
      this.setData({ latitude: start.latitude, longitude: start.longitude });
    },
  },
  methods: {
    onLoad() {
      this.setTitle('map.title');
      return this.load(null, mapdata.HENGQIN.scale);
    },
    onReady() {
      this.ctx = wx.createMapContext('estate-map', this);
    },
    onShow() {
      this.syncTexts();
      if (typeof this.getTabBar === 'function' && this.getTabBar()) this.getTabBar().refresh('map');
    },
    async load(region, scale) {
      this.setData({ busy: true });
      this.clearProblem();
      try {
        const answer = await api.request('/public/map/estates', { query: { bbox: mapdata.bboxOf(region), zoom: mapdata.zoomOf(scale) } });
        const drawn = mapdata.toMap(answer, { cluster: this.tr('map.cluster') });
        this.clusters = drawn.clusters;
        this.setData({ markers: drawn.markers, polygons: drawn.polygons, count: drawn.markers.length });
      } catch (e) {
        this.showProblem(e);
      } finally {
        this.setData({ busy: false, loaded: true });
      }
    },
    moved(e) {
      if (e.type !== 'end' || !this.ctx) return;
      this.ctx.getRegion({
        success: region => this.ctx.getScale({ success: s => this.load(region, s.scale) }),
      });
    },
    async tapMarker(e) {
      const id = Number(e.detail.markerId);
      const cluster = this.clusters && this.clusters[id];
      if (cluster) {
        this.setData({ latitude: cluster.latitude, longitude: cluster.longitude, scale: Math.min(20, (this.data.scale || 13) + 2) });
        return;
      }
      await this.open(id);
    },
    async open(id) {
      this.clearProblem();
      try {
        const p = await api.request(`/public/map/estates/${id}/panels/overview`);
        const o = p.overview || {};
        this.setData({
          panel: {
            name: o.name || p.estateName, address: o.address || '', community: o.community || '', developer: o.developer || '',
            company: o.companyName || '', fee: o.feeStandard == null ? '' : String(o.feeStandard), buildings: o.buildingCount, houses: o.houseCount,
            overview: o.overview || '',
          },
        });
      } catch (e) {
        this.showProblem(e);
      }
    },
    close() {
      this.setData({ panel: null });
    },
  },
});
