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
   * The page the identity provider's callback sends the <web-view> back to (`returnTo` of GET /auth/idp/{provider}/authorize):
   * the platform redirects to `<baseUrl><handoffPage>?handoff=<one-time code>` (or `?idpError=<problem code>`). The
   * platform's own static page `/api/v1/auth/wechat/return` says "done"; pages/idp reads the code from the web-view's
   * address (bindload) and goes on to pages/bind?handoff=…. A page of another origin may instead call
   * `wx.miniProgram.redirectTo({url: '/pages/bind/bind?handoff=<code>'})` (JS-SDK): pages/bind takes the same query.
   */
  handoffPage: '/api/v1/auth/wechat/return',
  /**
   * The subscription message templates (订阅消息) the platform sends through (PID org.smartproperty.adapter.wechat,
   * `templates`): the same template ids here let the mini program ask the person's consent (wx.requestSubscribeMessage,
   * at most 3 at a time) when they file a repair or complaint or cast a ballot. Empty: nothing is asked. The default is
   * spm-dev's (features/src/main/feature/feature.xml: repair progress, complaint result, vote notice); put the real
   * template ids of the mini program's admin console here for production.
   */
  subscribeTemplates: ['spmRepairProgress', 'spmComplaintResult', 'spmVoteNotice'],
  /** the mini program's request timeout (ms) */
  timeout: 20000,
};
