// SmartProperty WeChat mini program (issue 18): owners verify their houses, file repairs and complaints with photos,
// vote, answer surveys and read notices; committees and companies follow their work. At launch an account whose openid
// is bound is signed in silently (wx.login → POST /auth/wechat/session); otherwise the public pages stay open and
// "me" offers the binding.
const api = require('./utils/api.js');
const auth = require('./utils/auth.js');

App({
  globalData: { ready: null },
  onLaunch() {
    // a session that ended (30 minutes idle, 12 h at most, logout elsewhere): a bound openid signs in again silently and
    // the call is repeated; otherwise the login page
    api.setUnauthorizedHandler(async () => {
      try {
        const again = await auth.loginWithWechat();
        if (again.me) return true;
      } catch (e) { /* the login page explains */ }
      wx.reLaunch({ url: '/pages/login/login' });
      return false;
    });
    this.globalData.ready = api.token()
      ? Promise.resolve(api.me())
      : auth.loginWithWechat().then(r => r.me || null).catch(() => null);
  },
});
