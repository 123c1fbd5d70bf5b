// The provincial real-name login in a <web-view> (INT-IDP, OWN-1): `url` is the provider's page that
// GET /auth/idp/{provider}/authorize?returnTo=<config.handoffPage> answered. After the login the platform sends the
// web-view to `<handoffPage>?handoff=<one-time code>` (60 s, once) or `?idpError=<problem code>`; every page the web-view
// loads is reported by bindload with its address, and the return page's goes on to pages/bind?handoff=… (or back to
// pages/login?idpError=…) — no token in any URL. The provider's and the platform's domains must be business domains
// (业务域名) of the mini program.
const page = require('../../behaviors/page.js');
const config = require('../../config.js');

/** `{handoff}` or `{idpError}` when `src` is the return page, else null. */
function returned(src) {
  const text = String(src || '');
  const q = text.indexOf('?');
  const path = (q < 0 ? text : text.slice(0, q)).replace(/^https?:\/\/[^/]+/, '');
  if (path !== config.handoffPage) return null;
  const params = {};
  for (const pair of (q < 0 ? '' : text.slice(q + 1)).split('#')[0].split('&')) {
    const [k, v] = pair.split('=');
    if (k) params[decodeURIComponent(k)] = decodeURIComponent(v || '');
  }
  if (params.handoff) return { handoff: params.handoff };
  return { idpError: params.idpError || 'other' };
}

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

module.exports = { returned };
