// The provincial real-name login in a <web-view> (INT-IDP, OWN-1): `url` is the provider's page that
// GET /auth/idp/{provider}/authorize?returnTo=<config.handoffPage> answered. After the login the platform sends the
// web-view to `<handoffPage>?handoff=<one-time code>` (60 s, once) or `?idpError=<problem code>`; every page the web-view
// loads is reported by bindload with its address, and the return page's goes on to pages/bind?handoff=… (or back to
// pages/login?idpError=…) — no token in any URL. The provider's and the platform's domains must be business domains
// (业务域名) of the mini program.
const page = require('../../behaviors/page.js');
const { returned } = require('../../utils/handoff.js');

Component({
  behaviors: [page],
  data: { src: '' },
  methods: {
    onLoad(query) {
      this.setTitle('login.realName');
      const src = decodeURIComponent((query && query.url) || '');
      this.setData({ src: /^https?:\/\//.test(src) ? src : '' });
    },
    onShow() {
      this.syncTexts();
    },
    loaded(e) {
      const back = returned(e && e.detail && e.detail.src);
      if (!back) return;
      if (back.handoff) wx.redirectTo({ url: `/pages/bind/bind?handoff=${encodeURIComponent(back.handoff)}` });
      else wx.redirectTo({ url: `/pages/login/login?idpError=${encodeURIComponent(back.idpError)}` });
    },
    failed() {
      this.setData({ message: this.tr('login.realNameFailed') });
    },
  },
});
