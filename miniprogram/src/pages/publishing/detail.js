// One notice or policy (PUB-1, PUB-2): GET /public/notices/{id} or /public/policies/{id} — title, publisher or issuer,
// dates and the full text.
const page = require('../../behaviors/page.js');
const api = require('../../utils/api.js');
const format = require('../../utils/format.js');

Component({
  behaviors: [page],
  data: { kind: 'notices', item: null },
  methods: {
    onLoad(query) {
      const kind = query && query.kind === 'policies' ? 'policies' : 'notices';
      this.setData({ kind });
      this.setTitle(`home.${kind}`);
      return this.load(query && query.id);
    },
    onShow() {
      this.syncTexts();
    },
    async load(id) {
      this.clearProblem();
      try {
        const x = await api.request(`/public/${this.data.kind}/${encodeURIComponent(id)}`);
        this.setData({
          item: {
            title: x.title,
            meta: this.data.kind === 'notices'
              ? [x.publisherName, x.categoryLabel, format.date(x.publishedAt)].filter(Boolean).join(' · ')
              : [x.issuer, x.docNumber].filter(Boolean).join(' · '),
            text: x.body || x.fullText || x.summary || '',
            repealed: !!x.repealed,
            until: x.expireAt ? format.date(x.expireAt) : '',
          },
        });
      } catch (e) {
        this.showProblem(e);
      } finally {
        this.setData({ loaded: true });
      }
    },
  },
});
