// Home (PUB-1, PUB-2, DIS-1..6, PMAP): for everybody, signed in or not — the latest notices of the regulator and the
// estates (GET /public/notices), and the public pages: notices, policies, the disclosures, the map, the vote receipt check.
const page = require('../../behaviors/page.js');
const api = require('../../utils/api.js');
const format = require('../../utils/format.js');

Component({
  behaviors: [page],
  data: { notices: [] },
  methods: {
    onLoad() {
      this.setTitle('app.title');
      return this.load();
    },
    onShow() {
      this.syncTexts();
      if (typeof this.getTabBar === 'function' && this.getTabBar()) this.getTabBar().refresh('home');
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh());
    },
    async load() {
      this.clearProblem();
      try {
        const answer = await api.page('/public/notices', { size: 5 });
        this.setData({ notices: (answer.items || []).map(n => ({ id: n.id, title: n.title, urgent: n.urgent, publisherName: n.publisherName, at: format.date(n.publishedAt) })) });
      } catch (e) {
        this.showProblem(e);
      } finally {
        this.setData({ loaded: true });
      }
    },
    open(e) {
      wx.navigateTo({ url: e.currentTarget.dataset.url });
    },
  },
});
