// Where the mini program finds the platform (README.md "Base URL"). Change `baseUrl` here for another platform; in
// production it must be an https:// address listed as the mini program's request domain (request 合法域名), uploadFile
// and downloadFile domain, and business domain (业务域名, for the real-name login's <web-view>) in the WeChat admin
// console (mp.weixin.qq.com → 开发管理 → 开发设置). During development DevTools' "不校验合法域名" lets http://localhost pass.
module.exports = {
  /** the platform's public base (the same as PID org.smartproperty.web public.baseUrl), without a trailing slash */
  baseUrl: 'http://localhost:8181',
  /** the REST API under the base */
  apiPath: '/api/v1',
  /** the provincial real-name login used on first use (广东省统一身份认证, public side; INT-IDP) */
  idpProvider: 'gd-tyrz',
  /**
   * The portal page the identity provider's callback sends the <web-view> back to (`returnTo`): the platform redirects to
   * `<baseUrl><handoffPage>?handoff=<one-time code>` (or `?idpError=<problem code>`), and that page hands the code to the
   * mini program with `wx.miniProgram.redirectTo({url: '/pages/bind/bind?handoff=<code>'})` (JS-SDK in the web-view).
   */
  handoffPage: '/wechat/handoff',
  /** the mini program's request timeout (ms) */
  timeout: 20000,
};
