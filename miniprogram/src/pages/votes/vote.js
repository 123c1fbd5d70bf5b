// One vote and my ballot (OWN-3, VOTE-6), as the portal's CastView: the vote (GET /votes/{id}) and my ballot
// (GET /votes/{id}/my-ballot: elector or not — frozen at OPEN —, may I cast, may I change, my ballots with receipts).
// While OPEN an elector chooses agree / disagree / abstain per matter and sends them at once (POST /votes/{id}/ballots);
// the receipts (SHA-256, 64 hex) are shown to keep and can be checked (pages/votes/receipt). Once PUBLISHED, the result
// per matter (GET /votes/{id}/result).
const page = require('../../behaviors/page.js');
const api = require('../../utils/api.js');
const subscribe = require('../../utils/subscribe.js');
const format = require('../../utils/format.js');

const CHOICES = ['AGREE', 'DISAGREE', 'ABSTAIN'];

Component({
  behaviors: [page],
  data: { id: '', vote: null, matters: [], elector: false, mayCast: false, hasBallot: false, paper: false, receipts: [], result: [], choices: CHOICES, busy: false, notice: '' },
  methods: {
    onLoad(query) {
      this.setTitle('votes.title');
      this.setData({ id: String((query && query.id) || '') });
      return this.load();
    },
    onShow() {
      this.syncTexts();
    },
    async load() {
      const id = encodeURIComponent(this.data.id);
      this.clearProblem();
      try {
        const vote = await api.request(`/votes/${id}`);
        this.matterList = vote.matters || [];
        let mine = null;
        try {
          mine = await api.request(`/votes/${id}/my-ballot`);
        } catch (e) {
          if (e.status !== 403 && e.status !== 409) throw e;
        }
        const ballots = (mine && mine.ballots) || [];
        const chosen = {};
        for (const b of ballots) chosen[b.matterId] = b.choice;
        const open = vote.status === 'OPEN';
        const hasBallot = ballots.length > 0;
        let result = [];
        if (vote.status === 'PUBLISHED') {
          try {
            const r = await api.request(`/votes/${id}/result`);
            result = (r.matters || []).map(m => ({ id: m.matterId, title: `${m.seq}. ${m.title}`, outcome: m.outcome, agree: m.agree.heads, disagree: m.disagree.heads, abstain: m.abstain.heads }));
          } catch (e) { /* no result yet */ }
        }
        this.setData({
          vote: { title: vote.title, status: vote.status, description: vote.description || '', period: `${format.dateTime(vote.startsAt)} – ${format.dateTime(vote.endsAt)}` },
          matters: (vote.matters || []).map(m => ({ id: m.id, title: `${m.seq}. ${m.title}`, description: m.description || '', choice: chosen[m.id] || '' })),
          elector: !!(mine && mine.elector),
          hasBallot,
          paper: ballots.some(b => b.channel === 'PAPER'),
          mayCast: open && !!(mine && mine.elector) && (hasBallot ? !!mine.canChange : mine.canCast !== false),
          receipts: ballots.map(b => this.receipt(b, vote.matters)),
          result,
        });
      } catch (e) {
        this.showProblem(e);
      } finally {
        this.setData({ loaded: true });
      }
    },
    /** A receipt as shown: the matter it is for, the choice, the time and the 64-hex code. */
    receipt(r, matters) {
      const m = (matters || []).find(x => x.id === r.matterId);
      return { matterId: r.matterId, matter: m ? `${m.seq}. ${m.title}` : `#${r.matterId}`, receipt: r.receipt, choice: r.choice, at: format.dateTime(r.castAt) };
    },
    choose(e) {
      const { index, choice } = e.currentTarget.dataset;
      if (!this.data.mayCast) return;
      this.setData({ [`matters[${index}].choice`]: choice });
    },
    async cast() {
      if (this.data.busy || !this.data.mayCast) return;
      subscribe.ask();
      const choices = this.data.matters.filter(m => m.choice).map(m => ({ matterId: m.id, choice: m.choice }));
      if (!choices.length) {
        this.setData({ message: this.tr('votes.chooseOne') });
        return;
      }
      this.setData({ busy: true });
      this.clearProblem();
      try {
        const answer = await api.request(`/votes/${encodeURIComponent(this.data.id)}/ballots`, { method: 'POST', data: { choices } });
        await this.load();
        this.setData({
          notice: this.tr('votes.castDone'),
          receipts: (answer.receipts || []).map(r => this.receipt(r, this.matterList)),
        });
      } catch (e) {
        this.showProblem(e, []);
      } finally {
        this.setData({ busy: false });
      }
    },
    copy(e) {
      wx.setClipboardData({ data: e.currentTarget.dataset.receipt });
    },
    check(e) {
      wx.navigateTo({ url: `/pages/votes/receipt?receipt=${e.currentTarget.dataset.receipt}` });
    },
  },
});
