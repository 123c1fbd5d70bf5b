// The way back from the real-name login in the <web-view> (INT-IDP, OWN-1): the platform's callback sends the web-view
// to `<public base><config.handoffPage>?handoff=<one-time code>` or `?idpError=<problem code>`; `returned(address)` reads
// that from any address the web-view loads (bindload), whatever the host, and is null for every other page.
const config = require('../config.js');

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

module.exports = { returned };
