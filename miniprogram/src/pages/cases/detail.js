// One repair, complaint or patrol task with its progress (OWN-4, OWN-5, OCS-7, OCS-8, COS-5..7): the record
// (GET {base}/{id}), its photos, the timeline (GET {base}/{id}/events) and a button per step the account may take now
// (utils/workflow.js: the requester confirms or reopens, the company accepts, schedules, completes, inspects, closes;
// the handler of a complaint accepts, waits, resumes, resolves). A step opens its small form; it is sent with If-Match
// (the record's version) and an Idempotency-Key of the form's opening and the body (a repeated tap posts once, a
// corrected body is a new request); field errors show next to the fields, any other refusal above.
const page = require('../../behaviors/page.js');
const api = require('../../utils/api.js');
const workflow = require('../../utils/workflow.js');
const format = require('../../utils/format.js');
const i18n = require('../../utils/i18n.js');

Component({
  behaviors: [page],
  data: {
    domain: 'repair', id: '', record: null, fields: [], groups: [], events: [], transitions: [], active: null,
    form: { note: '', result: '', reason: '', report: '', text: '', day: '', time: '09:00', photos: [] }, busy: false, notice: '',
  },
  methods: {
    onLoad(query) {
      const domain = workflow.WORKFLOWS[query && query.domain] ? query.domain : 'repair';
      this.setData({ domain, id: String((query && query.id) || '') });
      this.setTitle(`cases.one.${domain}`);
      return this.load();
    },
    onShow() {
      this.syncTexts();
    },
    fieldsOf(r) {
      const d = this.data.domain;
      const tr = k => this.tr(k);
      const when = format.dateTime;
      const rows = d === 'repair' ? [
        ['cases.category', tr('categories.repair.' + r.category)],
        ['cases.where', r.commonArea ? `${tr('cases.commonArea')} · ${r.location || ''}` : r.unitCode],
        ['cases.description', r.description],
        ['cases.requester', [r.requesterName, r.requesterPhone].filter(Boolean).join(' · ')],
        ['cases.requestedAt', when(r.requestedAt)], ['cases.appointmentAt', when(r.appointmentAt)], ['cases.dueAt', when(r.dueAt)],
        ['cases.report', r.report], ['cases.completedAt', when(r.completedAt)], ['cases.reason', r.reason],
      ] : d === 'complaint' ? [
        ['cases.category', tr('categories.complaint.' + r.category)],
        ['cases.subject', r.title], ['cases.content', r.content],
        ['cases.to', r.companyId ? tr('complaintForm.toCompany') : tr('complaintForm.toRegulator')],
        ['cases.complainant', [r.complainantName, r.complainantPhone].filter(Boolean).join(' · ')],
        ['cases.registeredAt', when(r.registeredAt)], ['cases.dueAt', when(r.dueAt)],
        ['cases.result', r.result], ['cases.reason', r.reason],
      ] : [
        ['cases.subject', r.title], ['cases.dueAt', when(r.dueAt)], ['cases.findings', r.findings], ['cases.fix', r.fix],
        ['cases.createdAt', when(r.createdAt)], ['cases.closedAt', when(r.closedAt)],
      ];
      return rows.filter(([, v]) => v).map(([k, v]) => ({ label: tr(k), value: String(v) }));
    },
    actionText(action) {
      const key = `cases.action.${this.data.domain}.${action}`;
      return i18n.has(key) ? i18n.t(key) : action;
    },
    groupsOf(r) {
      const d = this.data.domain;
      const list = d === 'repair' ? [['cases.photos', r.photos], ['cases.reportPhotos', r.reportPhotos]]
        : d === 'complaint' ? [['cases.photos', r.photos]] : [['cases.findingPhotos', r.findingPhotos], ['cases.fixPhotos', r.fixPhotos]];
      return list.filter(([, p]) => p && p.length).map(([k, p]) => ({ label: this.tr(k), photos: p }));
    },
    async load() {
      const base = workflow.WORKFLOWS[this.data.domain].base;
      try {
        const [record, events] = await Promise.all([
          api.request(`${base}/${encodeURIComponent(this.data.id)}`),
          api.request(`${base}/${encodeURIComponent(this.data.id)}/events`),
        ]);
        const list = Array.isArray(events) ? events : ((events && events.items) || []);
        this.setData({
          record: { number: record.number, status: record.status, version: record.version, overdue: workflow.isOverdue(this.data.domain, record) },
          fields: this.fieldsOf(record),
          groups: this.groupsOf(record),
          events: list.map(ev => ({ id: ev.id, action: this.actionText(ev.action), at: format.dateTime(ev.at), actor: ev.actor || '', note: ev.note || '', status: ev.toStatus })),
          transitions: workflow.allowedTransitions(this.data.domain, record, api.me()).map(tr => ({ name: tr.name, danger: !!tr.danger })),
        });
      } catch (e) {
        this.showProblem(e);
      } finally {
        this.setData({ loaded: true });
      }
    },
    start(e) {
      const name = e.currentTarget.dataset.name;
      const row = workflow.WORKFLOWS[this.data.domain].rows.find(r => r.name === name);
      this.key = api.idempotencyKey();
      this.clearProblem();
      this.setData({
        active: { name, fields: row.fields.map(f => ({ name: f.name, label: f.label || f.name, kind: f.kind, required: !!f.required })) },
        form: { note: '', result: '', reason: '', report: '', text: '', day: '', time: '09:00', photos: [] },
        notice: '',
      });
    },
    cancel() {
      this.setData({ active: null });
      this.clearProblem();
    },
    input(e) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value });
    },
    photos(e) {
      this.setData({ 'form.photos': e.detail.photos });
    },
    body() {
      const out = {};
      const f = this.data.form;
      for (const field of this.data.active.fields) {
        if (field.kind === 'text') {
          const v = (f[field.name] || '').trim();
          if (v) out[field.name] = v;
        } else if (field.kind === 'datetime') {
          if (f.day) out[field.name] = format.toIso(f.day, f.time);
        } else if (field.kind === 'photos') {
          out.photos = f.photos.map(p => ({ fileId: p.fileId }));
        }
      }
      return out;
    },
    async send() {
      if (this.data.busy || !this.data.active) return;
      this.setData({ busy: true });
      this.clearProblem();
      const body = this.body();
      try {
        await workflow.fire(this.data.domain, this.data.id, this.data.active.name, this.data.record.version, body, `${this.key}-${workflow.hash(JSON.stringify(body))}`);
        this.setData({ active: null, notice: this.tr('cases.done') });
        await this.load();
      } catch (e) {
        this.showProblem(e, this.data.active.fields.map(f => f.name));
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
