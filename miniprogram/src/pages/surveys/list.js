// My satisfaction surveys (OWN-6, OCS-9): GET /surveys/mine — the OPEN surveys of the estates where my title is verified
// (a committee: the company surveys of its estate), answered or not; a tap opens the answer sheet.
const page = require('../../behaviors/page.js');
const api = require('../../utils/api.js');
const format = require('../../utils/format.js');

Component({
  behaviors: [page],
  data: { items: [] },
  methods: {
    onLoad() {
      this.setTitle('surveys.title');
    },
    onShow() {
      this.syncTexts();
      return this.load();
    },
    async load() {
      this.clearProblem();
      try {
        const mine = await api.request('/surveys/mine');
        const list = Array.isArray(mine) ? mine : ((mine && mine.items) || []);
        this.setData({
          items: list.map(m => ({ id: m.survey.id, title: m.survey.title, answered: !!m.answered, period: `${format.date(m.survey.periodFrom)} – ${format.date(m.survey.periodTo)}` })),
        });
      } catch (e) {
        this.showProblem(e);
      } finally {
        this.setData({ loaded: true });
      }
    },
    open(e) {
      if (e.currentTarget.dataset.answered) return;
      wx.navigateTo({ url: `/pages/surveys/answer?id=${e.currentTarget.dataset.id}` });
    },
  },
});
