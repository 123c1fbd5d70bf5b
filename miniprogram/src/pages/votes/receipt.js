// The public receipt check (VOTE-6, DIS-4): a voter's 64-hex receipt → GET /public/vote-receipts/{receipt}: counted, or
// superseded by a changed ballot, or unknown; no names.
const page = require('../../behaviors/page.js');
const api = require('../../utils/api.js');
const format = require('../../utils/format.js');

Component({
  behaviors: [page],
  data: { receipt: '', answer: null, busy: false },
  methods: {
    onLoad(query) {
      this.setTitle('votes.receiptTitle');
      const receipt = (query && query.receipt) || '';
      this.setData({ receipt });
      return receipt ? this.check() : Promise.resolve();
    },
    onShow() {
      this.syncTexts();
    },
    input(e) {
      this.setData({ receipt: e.detail.value });
    },
    async check() {
      const r = String(this.data.receipt || '').trim().toLowerCase();
      this.setData({ answer: null });
      this.clearProblem();
      if (!/^[0-9a-f]{64}$/.test(r)) {
        this.setData({ message: this.tr('votes.receiptInvalid') });
        return;
      }
      this.setData({ busy: true });
      try {
        const a = await api.request(`/public/vote-receipts/${r}`);
        this.setData({ answer: { state: a.counted ? 'counted' : (a.superseded ? 'superseded' : 'notCounted'), channel: a.channel, at: format.dateTime(a.castAt) } });
      } catch (e) {
        if (e.status === 404) this.setData({ message: this.tr('votes.receiptUnknown') });
        else this.showProblem(e);
      } finally {
        this.setData({ busy: false, loaded: true });
      }
    },
  },
});
