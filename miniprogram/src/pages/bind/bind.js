// The end of the real-name binding (issue 18): the portal's handoff page redirects here with `handoff` (the one-time
// code of the identity provider's callback); with the ticket kept by the WeChat login the openid is bound:
// POST /auth/wechat/bind {ticket, handoff} → the login answer. A refusal (expired code, no ticket, not real-name)
// shows the problem and the way back to the login page.
const page = require('../../behaviors/page.js');
const auth = require('../../utils/auth.js');

Component({
  behaviors: [page],
  data: { busy: true },
  methods: {
    onLoad(query) {
      this.setTitle('bind.title');
      const handoff = query && query.handoff ? decodeURIComponent(query.handoff) : '';
      if (!handoff) {
        this.setData({ busy: false, message: this.tr('bind.noCode') });
        return Promise.resolve();
      }
      return this.bind(handoff);
    },
    onShow() {
      this.syncTexts();
    },
    async bind(handoff) {
      this.clearProblem();
      try {
        if (!auth.ticket()) {
          // the ticket expired or the mini program was restarted: a fresh WeChat login gives a new one
          const result = await auth.loginWithWechat();
          if (!result.bindingRequired) {
            wx.reLaunch({ url: '/pages/work/work' });
            return;
          }
        }
        await auth.bindWithHandoff(handoff);
        wx.reLaunch({ url: '/pages/work/work' });
      } catch (e) {
        this.showProblem(e, []);
      } finally {
        this.setData({ busy: false, loaded: true });
      }
    },
    back() {
      wx.redirectTo({ url: '/pages/login/login' });
    },
  },
});
