// The work tab: the signed-in role's own pages (utils/nav.js WORK, each with the permission its API needs) — an owner's
// houses, repairs, complaints, votes and surveys (OWN-2..6); a committee's repairs and complaints of its estate, its
// votes and its evaluation of the company (OCS-7, OCS-8, OCS-9); a company's repairs, complaints and patrol tasks to
// handle (COS-5..7). Without a session: the way to the login.
const page = require('../../behaviors/page.js');
const api = require('../../utils/api.js');
const nav = require('../../utils/nav.js');

Component({
  behaviors: [page],
  data: { me: null, role: 'PUBLIC', items: [] },
  methods: {
    onLoad() {
      this.setTitle('tabs.work');
    },
    async onShow() {
      this.syncTexts();
      const app = typeof getApp === 'function' ? getApp() : null;
      if (app && app.globalData && app.globalData.ready) await app.globalData.ready;
      const me = api.me();
      const role = nav.roleOf(me);
      this.setData({
        me, role,
        items: nav.workOf(me).map(w => ({ key: w.key, url: w.url, icon: w.icon })),
        loaded: true,
      });
      if (typeof this.getTabBar === 'function' && this.getTabBar()) this.getTabBar().refresh('work');
    },
    open(e) {
      wx.navigateTo({ url: e.currentTarget.dataset.url });
    },
    login() {
      wx.navigateTo({ url: '/pages/login/login' });
    },
  },
});
