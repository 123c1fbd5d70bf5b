// The login of the mini program (issue 18; docs/api.md "WeChat"): wx.login's one-time code → POST /auth/wechat/session.
// The platform exchanges it with WeChat (jscode2session, never a secret here) and answers the login
// (`{token, expiresAt, limited, mustChangePassword, totpEnrollmentRequired, username, roles}`) when the openid is bound,
// else `{bindingRequired: true, ticket}`. On first use the person binds the openid with the provincial real-name login
// (a <web-view> of the provider; the portal's handoff page returns `handoff` to pages/bind) or, for committee and
// company staff accounts, with username / password (+ TOTP): POST /auth/wechat/bind.
const config = require('../config.js');
const api = require('./api.js');
const i18n = require('./i18n.js');

const TICKET_KEY = 'spm.wechat.ticket';

function wxLogin() {
  return new Promise((resolve, reject) => {
    wx.login({
      success: res => (res.code ? resolve(res.code) : reject(new api.ApiError(0, { detail: i18n.t('login.wxFailed') }))),
      fail: () => reject(new api.ApiError(0, { detail: i18n.t('login.wxFailed') })),
    });
  });
}

/** A login answer the mini program cannot work with (initial password, TOTP to enrol): the person goes to the portal. */
class LimitedError extends Error {
  constructor() {
    super(i18n.t('login.limited'));
    this.limited = true;
  }
}

/** Keeps the token of a login answer and reads `GET /auth/me` → me. */
async function signIn(answer) {
  if (!answer || !answer.token) throw new api.ApiError(0, { detail: i18n.t('login.failed') });
  if (answer.limited || answer.mustChangePassword || answer.totpEnrollmentRequired) throw new LimitedError();
  api.setToken(answer.token);
  wx.removeStorageSync(TICKET_KEY);
  try {
    const me = await api.request('/auth/me');
    api.setMe(me);
    return me;
  } catch (e) {
    api.clearSession();
    throw e;
  }
}

/**
 * The silent login: `{me}` when the openid is bound, `{bindingRequired: true}` (the ticket kept for the bind page)
 * otherwise. `code` defaults to a fresh wx.login code.
 */
async function loginWithWechat(code) {
  const answer = await api.request('/auth/wechat/session', { method: 'POST', data: { code: code || (await wxLogin()) } });
  if (answer && answer.bindingRequired) {
    wx.setStorageSync(TICKET_KEY, answer.ticket);
    return { bindingRequired: true };
  }
  return { me: await signIn(answer) };
}

function ticket() {
  try {
    return wx.getStorageSync(TICKET_KEY) || '';
  } catch (e) {
    return '';
  }
}

/** First use, staff accounts: bind with username, password and (when the account has TOTP) the code → me. */
async function bindWithPassword({ username, password, totp }) {
  const data = { ticket: ticket(), username, password };
  if (totp) data.totp = totp;
  return signIn(await api.request('/auth/wechat/bind', { method: 'POST', data }));
}

/** First use, real-name: bind with the one-time handoff code the portal page passed back → me. */
async function bindWithHandoff(handoff) {
  return signIn(await api.request('/auth/wechat/bind', { method: 'POST', data: { ticket: ticket(), handoff } }));
}

/**
 * The provider's page for the real-name login: GET /auth/idp/{provider}/authorize?returnTo=<handoff page> → its `url`
 * (the <web-view> of pages/idp opens it). null when the platform has no such provider (404).
 */
async function realNameUrl() {
  try {
    const answer = await api.request(`/auth/idp/${encodeURIComponent(config.idpProvider)}/authorize`, { query: { returnTo: config.handoffPage } });
    return answer && answer.url ? answer.url : null;
  } catch (e) {
    if (e.status === 404) return null;
    throw e;
  }
}

/** Ends the session on the platform (best effort) and here. */
async function logout() {
  try {
    if (api.token()) await api.request('/auth/logout', { method: 'POST', data: {} });
  } catch (e) { /* the token may have expired already */ }
  api.clearSession();
}

/** Switches the session to another role binding (POST /auth/me/binding {key}) and reads me again. */
async function switchBinding(key) {
  await api.request('/auth/me/binding', { method: 'POST', data: { key } });
  const me = await api.request('/auth/me');
  api.setMe(me);
  return me;
}

module.exports = { TICKET_KEY, LimitedError, wxLogin, signIn, loginWithWechat, bindWithPassword, bindWithHandoff, realNameUrl, logout, switchBinding, ticket };
