// Votes (OWN-3; OCS-6 / COS-4 read): GET /votes in the caller's scope (an owner the estates of the own houses; never
// drafts), newest first, one page per request; a tap opens the vote, where an owner casts or changes the ballot.
const page = require('../../behaviors/page.js');
const api = require('../../utils/api.js');
const format = require('../../utils/format.js');

Component({
  behaviors: [page],
  data: { items: [], page: 0, total: 0, busy: false },
  methods: {
    onLoad() {
      this.setTitle('votes.title');
      return this.load(0);
    },
    onShow() {
      this.syncTexts();
    },
    onPullDownRefresh() {
      return this.load(0).then(() => wx.stopPullDownRefresh());
    },
    onReachBottom() {
      return this.more();
    },
    async load(p) {
      this.setData({ busy: true });
      this.clearProblem();
      try {
        const answer = await api.page('/votes', { page: p, size: 20, sort: '-id' });
        const rows = (answer.items || []).map(v => ({ id: v.id, title: v.title, status: v.status, period: `${format.dateTime(v.startsAt)} – ${format.dateTime(v.endsAt)}` }));
        this.setData({ items: p === 0 ? rows : this.data.items.concat(rows), page: p, total: answer.total || 0 });
      } catch (e) {
        this.showProblem(e);
      } finally {
        this.setData({ busy: false, loaded: true });
      }
    },
    more() {
      if (this.data.busy || this.data.items.length >= this.data.total) return Promise.resolve();
      return this.load(this.data.page + 1);
    },
    open(e) {
      wx.navigateTo({ url: `/pages/votes/vote?id=${e.currentTarget.dataset.id}` });
    },
  },
});
