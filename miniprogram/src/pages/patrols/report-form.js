// 随手拍, an owner's photo report (SVC-PAT-1): where (the phone's position, WGS 84 from wx.getLocation, which the API
// checks to be inside Hengqin; and a place in words), what, and 1–9 photos uploaded first → POST /patrols/reports. The
// managing company makes patrol tasks of the reports (COS-5) and the owner is told the result.
const page = require('../../behaviors/page.js');
const form = require('../../behaviors/form.js');
const api = require('../../utils/api.js');

Component({
  behaviors: [page, form],
  data: { estates: [], estateIndex: 0, latitude: null, longitude: null, position: '', location: '', description: '', photos: [], busy: false, locating: false },
  methods: {
    onLoad() {
      this.setTitle('patrols.reportTitle');
      this.key = api.idempotencyKey();
      return this.load();
    },
    onShow() {
      this.syncTexts();
    },
    async load() {
      try {
        const estates = (await api.page('/estates', { size: 200, sort: 'name' })).items || [];
        this.setData({ estates: estates.map(e => ({ id: e.id, name: e.name })) });
      } catch (e) {
        this.showProblem(e);
      } finally {
        this.setData({ loaded: true });
      }
      this.locate();
    },
    locate() {
      this.setData({ locating: true });
      wx.getLocation({
        type: 'wgs84',
        success: res => this.setData({
          latitude: res.latitude, longitude: res.longitude, locating: false,
          position: this.tr('patrols.located', { lat: res.latitude.toFixed(5), lon: res.longitude.toFixed(5) }),
        }),
        fail: () => this.setData({ locating: false, position: this.tr('patrols.locateFailed') }),
      });
    },
    pick(e) {
      this.setData({ estateIndex: Number(e.detail.value) });
    },
    body() {
      const d = this.data;
      const body = { latitude: d.latitude, longitude: d.longitude, description: d.description.trim(), photos: d.photos.map(p => ({ fileId: p.fileId })) };
      if (d.estates.length) body.estateId = d.estates[d.estateIndex].id;
      if (d.location.trim()) body.location = d.location.trim();
      return body;
    },
    async send() {
      if (this.data.busy) return;
      this.setData({ busy: true });
      this.clearProblem();
      try {
        await api.request('/patrols/reports', { method: 'POST', data: this.body(), header: { 'Idempotency-Key': this.key } });
        wx.redirectTo({ url: '/pages/patrols/reports?sent=1' });
      } catch (e) {
        this.showProblem(e, ['estateId', 'latitude', 'longitude', 'location', 'description', 'photos']);
        this.key = api.idempotencyKey();
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
