// Votes (OWN-3; OCS-6 / COS-4 read): GET /votes in the caller's scope (an owner the estates of the own houses; never
// drafts), newest first, one page per request; a tap opens the vote, where an owner casts or changes the ballot.
const page = require('../../behaviors/page.js');
const paged = require('../../behaviors/paged.js');
const api = require('../../utils/api.js');
const format = require('../../utils/format.js');

Component({
  behaviors: [page, paged],
  data: {},
  methods: {
    onLoad() {
      this.setTitle('votes.title');
      return this.load(0);
    },
    onShow() {
      this.syncTexts();
    },
    async fetchPage(p) {
      const answer = await api.page('/votes', { page: p, size: 20, sort: '-id' });
      const rows = (answer.items || []).map(v => ({ id: v.id, title: v.title, status: v.status, period: `${format.dateTime(v.startsAt)} – ${format.dateTime(v.endsAt)}` }));
      return { rows, total: answer.total };
    },
    open(e) {
      wx.navigateTo({ url: `/pages/votes/vote?id=${e.currentTarget.dataset.id}` });
    },
  },
});
