// The provincial real-name login in a <web-view> (INT-IDP, OWN-1): `url` is the provider's page that
// GET /auth/idp/{provider}/authorize?returnTo=<config.handoffPage> answered. After the login the platform sends the
// web-view to the portal's handoff page with ?handoff=<one-time code> (60 s, once), and that page calls
// wx.miniProgram.redirectTo({url: '/pages/bind/bind?handoff=<code>'}) (or ?idpError=<code> to pages/login) — no token
// in any URL. The provider's and the platform's domains must be business domains (业务域名) of the mini program.
const page = require('../../behaviors/page.js');

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
    failed() {
      this.setData({ message: this.tr('login.realNameFailed') });
    },
  },
});
