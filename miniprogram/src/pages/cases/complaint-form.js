// Filing a complaint from the mini program (OWN-5, OCS-8, SVC-CMP-1): POST /complaints with channel MINI_PROGRAM, to the
// estate's property company or to the regulator, category, title, content and up to 9 photos uploaded first
// (POST /files). Field errors next to the fields; then the new complaint's page with its progress.
const page = require('../../behaviors/page.js');
const form = require('../../behaviors/form.js');
const api = require('../../utils/api.js');
const subscribe = require('../../utils/subscribe.js');

Component({
  behaviors: [page, form],
  data: {
    estates: [], estateIndex: 0, categories: ['COMPLAINT', 'ENQUIRY', 'REPORT', 'HELP'], categoryIndex: 0, to: 'company',
    subject: '', content: '', photos: [], busy: false,
  },
  methods: {
    onLoad() {
      this.setTitle('complaintForm.title');
      this.key = api.idempotencyKey();
      return this.load();
    },
    onShow() {
      this.syncTexts();
    },
    async load() {
      try {
        const estates = (await api.page('/estates', { size: 200, sort: 'name' })).items || [];
        this.setData({ estates: estates.map(e => ({ id: e.id, name: e.name, companyId: e.companyId })) });
      } catch (e) {
        this.showProblem(e);
      } finally {
        this.setData({ loaded: true });
      }
    },
    pickChip(e) {
      const { field, value } = e.currentTarget.dataset;
      this.setData({ [field]: field === 'to' ? value : Number(value) });
    },
    body() {
      const d = this.data;
      const estate = d.estates[d.estateIndex];
      return {
        channel: 'MINI_PROGRAM', category: d.categories[d.categoryIndex], estateId: estate ? estate.id : null,
        companyId: d.to === 'company' && estate ? (estate.companyId == null ? null : estate.companyId) : null,
        title: d.subject.trim(), content: d.content.trim(), photos: d.photos.map(p => ({ fileId: p.fileId })),
      };
    },
    async send() {
      if (this.data.busy) return;
      subscribe.ask();
      this.setData({ busy: true });
      this.clearProblem();
      try {
        const created = await api.request('/complaints', { method: 'POST', data: this.body(), header: { 'Idempotency-Key': this.key } });
        wx.redirectTo({ url: `/pages/cases/detail?domain=complaint&id=${created.id}` });
      } catch (e) {
        this.showProblem(e, ['estateId', 'companyId', 'category', 'title', 'content', 'photos']);
        this.key = api.idempotencyKey();
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
