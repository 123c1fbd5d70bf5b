// Consent to subscription messages (订阅消息, INT-WX): WeChat lets a mini program send a person a message only for the
// templates they accepted, once per acceptance, and the request must come from a tap. The pages call ask() at the start of
// the tap that files a repair or complaint or casts a ballot; the platform then sends the result through its outbox
// (channel WECHAT) to the bound openid. Nothing is asked when config.subscribeTemplates is empty.
const config = require('../config.js');

function ask() {
  const ids = (config.subscribeTemplates || []).slice(0, 3);
  if (!ids.length || typeof wx.requestSubscribeMessage !== 'function') return;
  try {
    wx.requestSubscribeMessage({ tmplIds: ids, fail: () => {} });
  } catch (e) { /* an older client: no messages */ }
}

module.exports = { ask };
