// Public disclosures (DIS-1..6; `/api/v1/public/...`, no login, personal data masked by the platform): company credit
// (DIS-1), filed companies and committees in office (DIS-2), tender announcements and results (DIS-3), vote results
// (DIS-4), closed patrols (DIS-5) and the assessment TOP 10 (DIS-6), one tab at a time, one page per request.
const page = require('../../behaviors/page.js');
const paged = require('../../behaviors/paged.js');
const api = require('../../utils/api.js');
const format = require('../../utils/format.js');

const TABS = ['credit', 'companies', 'committees', 'tenders', 'votes', 'patrols', 'top10'];

/** Each tab: its endpoint and how one item reads (title, sub line, tag). */
const VIEWS = {
  credit: { path: '/public/credit', row: x => ({ id: x.companyId, title: x.companyName, sub: `${x.grade || '—'} · ${x.score}`, flag: x.blacklisted ? 'blacklisted' : '' }) },
  companies: { path: '/public/companies', query: { sort: 'name' }, row: x => ({ id: x.id, title: x.name, sub: [x.qualificationGrade, x.legalRepresentative, x.phone].filter(Boolean).join(' · ') }) },
  committees: { path: '/public/committees', query: { sort: 'name' }, row: x => ({ id: x.id, title: x.name, sub: [x.headName, `${format.date(x.termStart)} – ${format.date(x.termEnd)}`].filter(Boolean).join(' · ') }) },
  tenders: { path: '/public/tenders', row: x => ({ id: x.id, title: x.title || x.projectName || `#${x.id}`, sub: [x.estateName, x.tendererName, x.winnerName].filter(Boolean).join(' · ') }) },
  votes: { path: '/public/votes', row: x => ({ id: x.id, title: x.title, sub: `${x.estateName || ''} · ${format.date(x.endsAt)}`, status: x.status }) },
  patrols: { path: '/public/patrols', row: x => ({ id: x.id, title: x.title || x.number, sub: [x.estateName, x.companyName, format.date(x.closedAt)].filter(Boolean).join(' · '), text: x.fix || '' }) },
  top10: { path: '/public/assessment/top10', single: true, row: x => ({ id: x.companyId, title: `${x.rank}. ${x.companyName}`, sub: String(x.score) }) },
};

Component({
  behaviors: [page, paged],
  data: { tabs: TABS, tab: 'credit', caption: '' },
  methods: {
    onLoad(query) {
      this.setTitle('disclosure.title');
      const tab = query && TABS.includes(query.tab) ? query.tab : 'credit';
      this.setData({ tab });
      return this.load(0);
    },
    onShow() {
      this.syncTexts();
    },
    async fetchPage(p) {
      const view = VIEWS[this.data.tab];
      if (view.single) {
        const doc = await api.request(view.path);
        const rows = (doc.items || []).map(view.row);
        return { rows, total: rows.length, extra: { caption: doc.roundName || '' } };
      }
      const answer = await api.page(view.path, { page: p, size: 20, ...(view.query || {}) });
      return { rows: (answer.items || []).map(view.row), total: answer.total, extra: { caption: '' } };
    },
    pick(e) {
      const tab = e.currentTarget.dataset.tab;
      if (tab === this.data.tab) return Promise.resolve();
      this.setData({ tab, items: [], total: 0 });
      return this.load(0);
    },
  },
});

module.exports = { VIEWS, TABS };
