// Answering a satisfaction survey (OWN-6, OCS-9): every question by its kind — score 1–5, single or multiple choice,
// comment —; required ones first checked here, then POST /surveys/{id}/answers `{estateId?, answers:[{questionId,
// score | choices | text}]}` (the API checks again: field errors; a second answer 409 answer.already). An owner with
// verified titles in several targeted estates names the estate.
const page = require('../../behaviors/page.js');
const api = require('../../utils/api.js');

const SCORES = [1, 2, 3, 4, 5];

Component({
  behaviors: [page],
  data: { id: '', title: '', questions: [], estates: [], estateIndex: 0, scores: SCORES, busy: false, done: false },
  methods: {
    onLoad(query) {
      this.setTitle('surveys.title');
      this.setData({ id: String((query && query.id) || '') });
      return this.load();
    },
    onShow() {
      this.syncTexts();
    },
    async load() {
      try {
        const mine = await api.request('/surveys/mine');
        const list = Array.isArray(mine) ? mine : ((mine && mine.items) || []);
        const m = list.find(x => String(x.survey.id) === this.data.id);
        if (!m) {
          this.setData({ message: this.tr('surveys.notOpen') });
          return;
        }
        const names = {};
        for (const target of m.survey.targets || []) names[target.estateId] = target.estateName;
        this.setData({
          title: m.survey.title,
          estates: (m.estateIds || []).map(id => ({ id, name: names[id] || String(id) })),
          questions: (m.survey.questions || []).map(q => ({
            id: q.id, ordinal: q.ordinal, text: q.text, kind: q.kind, required: !!q.required,
            options: (q.options || []).map((label, index) => ({ index, label, on: false })), score: 0, single: -1, answer: '',
          })),
        });
      } catch (e) {
        this.showProblem(e);
      } finally {
        this.setData({ loaded: true });
      }
    },
    score(e) {
      const { q, v } = e.currentTarget.dataset;
      this.setData({ [`questions[${q}].score`]: Number(v) });
    },
    single(e) {
      const { q, v } = e.currentTarget.dataset;
      this.setData({ [`questions[${q}].single`]: Number(v) });
    },
    multiple(e) {
      const { q, v } = e.currentTarget.dataset;
      const on = this.data.questions[q].options[v].on;
      this.setData({ [`questions[${q}].options[${v}].on`]: !on });
    },
    text(e) {
      this.setData({ [`questions[${e.currentTarget.dataset.q}].answer`]: e.detail.value });
    },
    pickEstate(e) {
      this.setData({ estateIndex: Number(e.detail.value) });
    },
    /** The answers given (and the ordinals of required questions left out). */
    answers() {
      const answers = [];
      const missing = [];
      for (const q of this.data.questions) {
        let a = null;
        if (q.kind === 'SCORE' && q.score) a = { questionId: q.id, score: q.score };
        else if (q.kind === 'SINGLE' && q.single >= 0) a = { questionId: q.id, choices: [q.single] };
        else if (q.kind === 'MULTIPLE' && q.options.some(o => o.on)) a = { questionId: q.id, choices: q.options.filter(o => o.on).map(o => o.index) };
        else if (q.kind === 'TEXT' && q.answer.trim()) a = { questionId: q.id, text: q.answer.trim() };
        if (a) answers.push(a);
        else if (q.required) missing.push(q.ordinal);
      }
      return { answers, missing };
    },
    async send() {
      if (this.data.busy) return;
      const { answers, missing } = this.answers();
      if (missing.length) {
        this.setData({ message: this.tr('surveys.missing', { list: missing.join(', ') }) });
        return;
      }
      const body = { answers };
      if (this.data.estates.length > 1) body.estateId = this.data.estates[this.data.estateIndex].id;
      this.setData({ busy: true });
      this.clearProblem();
      try {
        await api.request(`/surveys/${encodeURIComponent(this.data.id)}/answers`, { method: 'POST', data: body });
        this.setData({ done: true });
      } catch (e) {
        this.showProblem(e, []);
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
