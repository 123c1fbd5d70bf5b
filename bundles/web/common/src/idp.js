// The provincial real-name login of a browser app (issue 13 item 2; docs/api.md "Identity", docs/security.md).
// GET /auth/idp/{provider}/authorize?returnTo=<the app's login page> gives the provider's page; the provider sends the
// browser to the API's callback, which sends it back to returnTo with ?handoff=<one-time code> (or ?idpError=<problem
// code> when the login was refused); the login page redeems the code with POST /auth/idp/handoff for the login answer
// (token …). No token ever travels in a URL. Shared by the console (粤政易, gd-zwy) and the portal (gd-tyrz).

/** Where the browser is sent; a test replaces `go`. */
export const navigation = {
  go(url) {
    window.location.assign(url);
  },
};

/**
 * Starts the login: asks the API for the provider's page and sends the browser there. `redirect` (where to go after the
 * login, may be empty) is kept in sessionStorage under `key` for the way back. Resolves to false when the provider is
 * not configured on this platform (404: the app hides its button); other problems are thrown (ApiError).
 */
export async function startRealNameLogin(api, { provider, returnTo, redirect, key }) {
  let answer;
  try {
    answer = await api(`/auth/idp/${encodeURIComponent(provider)}/authorize`, { query: { returnTo } });
  } catch (e) {
    if (e && e.status === 404) return false;
    throw e;
  }
  try {
    if (redirect) sessionStorage.setItem(key, redirect);
    else sessionStorage.removeItem(key);
  } catch { /* private mode: home after the login */ }
  navigation.go(answer.url);
  return true;
}

/** Redeems the one-time handoff code the callback put in the login page's address: the login answer (ApiError when refused). */
export function redeemHandoff(api, code) {
  return api('/auth/idp/handoff', { method: 'POST', body: { code } });
}

/** The redirect kept by startRealNameLogin (once; null when none). Only a path of the app ("/…", never "//…"). */
export function takeRedirect(key) {
  let value = null;
  try {
    value = sessionStorage.getItem(key);
    sessionStorage.removeItem(key);
  } catch { /* private mode */ }
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : null;
}

/**
 * The text of a refusal the callback put in the address (?idpError=<problem code>): the app's text for the code
 * (messages `<base>.<code>`, e.g. login.idpError.idp.notLinked), else its general text (`<base>.other`).
 */
export function idpErrorText(t, te, base, code) {
  const safe = typeof code === 'string' && /^[A-Za-z]+(\.[A-Za-z]+)+$/.test(code) ? code : '';
  return safe && te(`${base}.${safe}`) ? t(`${base}.${safe}`) : t(`${base}.other`);
}
