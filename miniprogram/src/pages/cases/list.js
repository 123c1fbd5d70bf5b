// Repairs, complaints and patrol tasks in the caller's scope (OWN-4, OWN-5: an owner's own; OCS-7, OCS-8: a committee's
// estate; COS-5..7: a company's estates), as the console's and the portal's lists: one page per request, newest first,
// a status filter, "more" at the end; a tap opens the case with its progress and the steps the account may take.
// `domain` = repair | complaint | patrol.
const page = require('../../behaviors/page.js');
const paged = require('../../behaviors/paged.js');
const api = require('../../utils/api.js');
const workflow = require('../../utils/workflow.js');
const format = require('../../utils/format.js');

const SORT = { repair: '-requestedAt', complaint: '-registeredAt', patrol: '-createdAt' };
const CREATE = { repair: { permission: 'repair:request', url: '/pages/cases/repair-form' }, complaint: { permission: 'complaint:create', url: '/pages/cases/complaint-form' } };

Component({
  behaviors: [page, paged],
  data: { domain: 'repair', statuses: [], status: '', mayCreate: false },
  methods: {
    onLoad(query) {
      const domain = workflow.WORKFLOWS[query && query.domain] ? query.domain : 'repair';
      const me = api.me();
      const create = CREATE[domain];
      this.setData({ domain, statuses: workflow.WORKFLOWS[domain].statuses, mayCreate: !!(create && me && (me.permissions || []).includes(create.permission)) });
      this.setTitle(`cases.title.${domain}`);
      this.started = true;
      return this.load(0);
    },
    onShow() {
      this.syncTexts();
      // back from a detail or a new case: the list again
      if (this.started && this.shown) this.load(0);
      this.shown = true;
    },
    row(x) {
      const d = this.data.domain;
      return {
        id: x.id, number: x.number, status: x.status,
        text: d === 'repair' ? (x.description || '') : (x.title || ''),
        where: d === 'repair' ? (x.commonArea ? `${this.tr('cases.commonArea')} · ${x.location || ''}` : (x.unitCode || '')) : '',
        at: format.dateTime(d === 'repair' ? x.requestedAt : d === 'complaint' ? x.registeredAt : x.createdAt),
        overdue: workflow.isOverdue(d, x),
      };
    },
    async fetchPage(p) {
      const answer = await api.page(`${workflow.WORKFLOWS[this.data.domain].base}`, { page: p, size: 20, sort: SORT[this.data.domain], status: this.data.status });
      return { rows: (answer.items || []).map(x => this.row(x)), total: answer.total };
    },
    filter(e) {
      this.setData({ status: e.currentTarget.dataset.status || '' });
      return this.load(0);
    },
    open(e) {
      wx.navigateTo({ url: `/pages/cases/detail?domain=${this.data.domain}&id=${e.currentTarget.dataset.id}` });
    },
    create() {
      wx.navigateTo({ url: CREATE[this.data.domain].url });
    },
  },
});
