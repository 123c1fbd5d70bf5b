// Photo reports (随手拍, SVC-PAT-1, COS-5): GET /patrols/reports in the caller's scope (an owner's own, a committee's or
// a company's estates), newest first, one page per request. The managing company selects REPORTED reports of one estate
// and makes a patrol task of them (POST /patrols {reportIds, title}), then handles it on the case page (inspect, close).
const page = require('../../behaviors/page.js');
const api = require('../../utils/api.js');
const format = require('../../utils/format.js');

Component({
  behaviors: [page],
  data: { items: [], page: 0, total: 0, busy: false, mayHandle: false, mayReport: false, selected: {}, count: 0, notice: '' },
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
        const answer = await api.page('/patrols/reports', { page: p, size: 20, sort: '-reportedAt' });
        const rows = (answer.items || []).map(r => ({
          id: r.id, estateId: r.estateId, status: r.status, description: r.description, location: r.location || '', taskId: r.taskId,
          at: format.dateTime(r.reportedAt), photos: r.photos || [], reporter: r.reporterName || '',
        }));
        this.setData({ items: p === 0 ? rows : this.data.items.concat(rows), page: p, total: answer.total || 0 });
        if (p === 0) this.setData({ selected: {}, count: 0 });
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
