// Requesting a repair (OWN-4, OCS-7, SVC-REP-1): POST /repairs with channel-free body as the portal's RepairFormView —
// one of my houses (unitCode) or a common area of an estate (estateId + location), category, description, contact phone
// and up to 9 photos uploaded first (POST /files). The mini program sends `channel: MINI_PROGRAM` where the API takes
// one (complaints); a repair has no channel field. Field errors next to the fields; then the new repair's page.
const page = require('../../behaviors/page.js');
const form = require('../../behaviors/form.js');
const api = require('../../utils/api.js');
const subscribe = require('../../utils/subscribe.js');

Component({
  behaviors: [page, form],
  data: {
    houses: [], houseIndex: 0, estates: [], estateIndex: 0, categories: ['NORMAL', 'MAJOR', 'EMERGENCY'], categoryIndex: 0,
    target: 'house', location: '', description: '', contactPhone: '', photos: [], busy: false,
  },
  methods: {
    onLoad() {
      this.setTitle('repairForm.title');
      this.key = api.idempotencyKey();
      return this.load();
    },
    onShow() {
      this.syncTexts();
    },
    async load() {
      try {
        const me = api.me();
        const estates = (await api.page('/estates', { size: 200, sort: 'name' })).items || [];
        const houses = [];
        if (me && me.scope && me.scope.kind === 'OWNER') {
          for (const e of estates) {
            for (const h of (await api.page(`/estates/${e.id}/houses`, { size: 200, sort: 'unitCode' })).items || []) {
              houses.push({ unitCode: h.unitCode, label: `${e.name} · ${h.roomNo || h.unitCode}` });
            }
          }
        }
        this.setData({ estates: estates.map(e => ({ id: e.id, name: e.name })), houses, target: houses.length ? 'house' : 'common' });
      } catch (e) {
        this.showProblem(e);
      } finally {
        this.setData({ loaded: true });
      }
    },
    pickChip(e) {
      this.setData({ [e.currentTarget.dataset.field]: Number(e.currentTarget.dataset.value) });
    },
    choose(e) {
      this.setData({ target: e.currentTarget.dataset.target });
    },
    body() {
      const d = this.data;
      const body = { category: d.categories[d.categoryIndex], description: d.description.trim(), photos: d.photos.map(p => ({ fileId: p.fileId })) };
      if (d.target === 'house' && d.houses.length) body.unitCode = d.houses[d.houseIndex].unitCode;
      else Object.assign(body, { estateId: d.estates.length ? d.estates[d.estateIndex].id : null, location: d.location.trim() });
      if (d.contactPhone.trim()) body.contactPhone = d.contactPhone.trim();
      return body;
    },
    async send() {
      if (this.data.busy) return;
      subscribe.ask();
      this.setData({ busy: true });
      this.clearProblem();
      try {
        const created = await api.request('/repairs', { method: 'POST', data: this.body(), header: { 'Idempotency-Key': this.key } });
        wx.redirectTo({ url: `/pages/cases/detail?domain=repair&id=${created.id}` });
      } catch (e) {
        this.showProblem(e, ['unitCode', 'estateId', 'location', 'category', 'description', 'contactPhone', 'photos']);
        // a corrected body is a new request (the same key with another body would be 422)
        this.key = api.idempotencyKey();
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
