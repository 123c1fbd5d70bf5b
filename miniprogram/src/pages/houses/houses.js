// My houses and their verification (OWN-2, INT-REG), as the portal's HousesView: the houses of the owner scope, estate by
// estate (GET /estates, GET /estates/{id}/houses), with my verified title (owners[].title of the owner that is me);
// "verify" asks the registration system for one house (POST /houses/{unitCode}/verification), "verify all" for every
// house under the real-name identity (POST /me/houses/verification; 409 verification.noIdentity without one).
const page = require('../../behaviors/page.js');
const api = require('../../utils/api.js');

Component({
  behaviors: [page],
  data: { houses: [], busy: '', notice: '' },
  methods: {
    onLoad() {
      this.setTitle('houses.title');
      return this.load();
    },
    onShow() {
      this.syncTexts();
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh());
    },
    async load() {
      try {
        const me = api.me();
        const ownerId = me && me.scope ? me.scope.ownerId : null;
        const estates = (await api.page('/estates', { size: 200, sort: 'name' })).items || [];
        const out = [];
        for (const e of estates) {
          const list = await api.page(`/estates/${e.id}/houses`, { size: 200, sort: 'unitCode' });
          for (const h of list.items || []) {
            const owner = (h.owners || []).find(o => o.id === ownerId) || (h.owners || [])[0];
            const title = owner ? owner.title : null;
            out.push({
              unitCode: h.unitCode, estateName: e.name, room: [h.buildingName || h.buildingNo, h.roomNo].filter(Boolean).join(' · '),
              status: title ? 'HELD' : '', certificate: title ? title.certificateNumber : '', area: title ? title.exclusiveArea : '',
            });
          }
        }
        this.setData({ houses: out });
      } catch (e) {
        this.showProblem(e);
      } finally {
        this.setData({ loaded: true });
      }
    },
    async verify(e) {
      const unitCode = e.currentTarget.dataset.unit;
      this.setData({ busy: unitCode, notice: '' });
      this.clearProblem();
      try {
        const v = await api.request(`/houses/${encodeURIComponent(unitCode)}/verification`, { method: 'POST', data: {} });
        this.setData({
          notice: v.result === 'HELD' ? `${unitCode}${this.tr('common.colon')}${this.tr('houses.verified')}`
            : `${unitCode}${this.tr('common.colon')}${this.tr('houses.notHeld')} (${this.tr('houses.reasons.' + v.reason)})`,
        });
        await this.load();
      } catch (err) {
        this.showProblem(err);
      } finally {
        this.setData({ busy: '' });
      }
    },
    async verifyAll() {
      this.setData({ busy: '*', notice: '' });
      this.clearProblem();
      try {
        const r = await api.request('/me/houses/verification', { method: 'POST', data: {} });
        this.setData({ notice: this.tr('houses.verifyDone', { n: (r.items || []).length }) });
        await this.load();
      } catch (err) {
        this.showProblem(err);
      } finally {
        this.setData({ busy: '' });
      }
    },
  },
});
