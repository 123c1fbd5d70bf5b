// Notices and policies (PUB-1, PUB-2, SVC-PUB-1): the published ones (GET /public/notices, /public/policies), one page
// per request with "more"; a tap opens the text. `kind` = notices | policies.
const page = require('../../behaviors/page.js');
const paged = require('../../behaviors/paged.js');
const api = require('../../utils/api.js');
const format = require('../../utils/format.js');

Component({
  behaviors: [page, paged],
  data: { kind: 'notices' },
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
    async fetchPage(p) {
      const answer = await api.page(`/public/${this.data.kind}`, { page: p, size: 20 });
      const rows = (answer.items || []).map(x => ({
        id: x.id, title: x.title, urgent: !!x.urgent, sub: this.data.kind === 'notices' ? `${x.publisherName || ''} · ${format.date(x.publishedAt)}` : [x.issuer, x.docNumber].filter(Boolean).join(' · '),
        abstract: x.body || x.summary || '',
      }));
      return { rows, total: answer.total };
    },
    open(e) {
      wx.navigateTo({ url: `/pages/publishing/detail?kind=${this.data.kind}&id=${e.currentTarget.dataset.id}` });
    },
  },
});
