// Photo reports (随手拍, SVC-PAT-1, COS-5): GET /patrols/reports in the caller's scope (an owner's own, a committee's or
// a company's estates), newest first, one page per request. The managing company selects REPORTED reports of one estate
// and makes a patrol task of them (POST /patrols {reportIds, title}), then handles it on the case page (inspect, close).
const page = require('../../behaviors/page.js');
const paged = require('../../behaviors/paged.js');
const api = require('../../utils/api.js');
const format = require('../../utils/format.js');

Component({
  behaviors: [page, paged],
  data: { mayHandle: false, mayReport: false, selected: {}, count: 0, notice: '' },
  methods: {
    onLoad(query) {
      this.setTitle('patrols.reportsTitle');
      const me = api.me();
      const perms = (me && me.permissions) || [];
      this.key = api.idempotencyKey();
      this.setData({ mayHandle: perms.includes('patrol:handle'), mayReport: perms.includes('patrol:report'), notice: query && query.sent ? this.tr('patrols.sent') : '' });
      return this.load(0);
    },
    onShow() {
      this.syncTexts();
    },
    async fetchPage(p) {
      const answer = await api.page('/patrols/reports', { page: p, size: 20, sort: '-reportedAt' });
      const rows = (answer.items || []).map(r => ({
        id: r.id, estateId: r.estateId, status: r.status, description: r.description, location: r.location || '', taskId: r.taskId,
        at: format.dateTime(r.reportedAt), photos: r.photos || [], reporter: r.reporterName || '',
      }));
      return { rows, total: answer.total, extra: p === 0 ? { selected: {}, count: 0 } : {} };
    },
    toggle(e) {
      const id = e.currentTarget.dataset.id;
      const selected = Object.assign({}, this.data.selected);
      if (selected[id]) delete selected[id]; else selected[id] = true;
      this.setData({ selected, count: Object.keys(selected).length });
    },
    open(e) {
      const taskId = e.currentTarget.dataset.task;
      if (taskId) wx.navigateTo({ url: `/pages/cases/detail?domain=patrol&id=${taskId}` });
    },
    report() {
      wx.navigateTo({ url: '/pages/patrols/report-form' });
    },
    async createTask() {
      if (this.data.busy || !this.data.count) return;
      const reportIds = this.data.items.filter(r => this.data.selected[r.id]).map(r => r.id);
      const first = this.data.items.find(r => r.id === reportIds[0]);
      this.setData({ busy: true });
      this.clearProblem();
      try {
        const task = await api.request('/patrols', {
          method: 'POST', data: { reportIds, title: (first.description || '').slice(0, 60) }, header: { 'Idempotency-Key': `${this.key}-${reportIds.join('.')}` },
        });
        wx.navigateTo({ url: `/pages/cases/detail?domain=patrol&id=${task.id}` });
        this.key = api.idempotencyKey();
      } catch (e) {
        this.showProblem(e, []);
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
