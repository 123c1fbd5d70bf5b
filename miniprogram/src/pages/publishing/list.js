// Notices and policies (PUB-1, PUB-2, SVC-PUB-1): the published ones (GET /public/notices, /public/policies), one page
// per request with "more"; a tap opens the text. `kind` = notices | policies.
const page = require('../../behaviors/page.js');
const api = require('../../utils/api.js');
const format = require('../../utils/format.js');

Component({
  behaviors: [page],
  data: { kind: 'notices', items: [], page: 0, total: 0, busy: false },
  methods: {
    onLoad(query) {
      const kind = query && query.kind === 'policies' ? 'policies' : 'notices';
      this.setData({ kind });
      this.setTitle(`home.${kind}`);
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
        const answer = await api.page(`/public/${this.data.kind}`, { page: p, size: 20 });
        const rows = (answer.items || []).map(x => ({
          id: x.id, title: x.title, urgent: !!x.urgent, sub: this.data.kind === 'notices' ? `${x.publisherName || ''} · ${format.date(x.publishedAt)}` : [x.issuer, x.docNumber].filter(Boolean).join(' · '),
          abstract: x.body || x.summary || '',
        }));
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
      wx.navigateTo({ url: `/pages/publishing/detail?kind=${this.data.kind}&id=${e.currentTarget.dataset.id}` });
    },
  },
});
