// What every page and component of the mini program shares: the texts of the current language in `data.t` (WXML reads
// `{{t.houses.title}}`), the page title from a message key, and the problem+json of a failed call shown as `message`
// with the field messages in `errors` (`errors.description` next to the description field).
const i18n = require('../utils/i18n.js');
const api = require('../utils/api.js');

module.exports = Behavior({
  data: { t: {}, message: '', errors: {}, loaded: false },
  lifetimes: {
    attached() {
      this.setData({ t: i18n.messages() });
    },
  },
  pageLifetimes: {
    show() {
      // the language may have changed on the "me" page meanwhile
      if (this.data.t !== i18n.messages()) this.setData({ t: i18n.messages() });
    },
  },
  methods: {
    /** Called from a page's onShow: the texts again when the language changed meanwhile. */
    syncTexts() {
      if (this.data.t !== i18n.messages()) this.setData({ t: i18n.messages() });
    },
    tr(key, params) {
      return i18n.t(key, params);
    },
    setTitle(key) {
      try {
        wx.setNavigationBarTitle({ title: i18n.t(key) });
      } catch (e) { /* not in a page */ }
    },
    clearProblem() {
      this.setData({ message: '', errors: {} });
    },
    /** A failed call: the detail and field messages not shown next to one of `fields`; field messages into `errors`. */
    showProblem(error, fields) {
      if (error && error.status === 429) {
        this.setData({ message: i18n.t('common.rateLimited', { seconds: error.retryAfter || 60 }), errors: {} });
        return;
      }
      this.setData({ message: api.problemText(error, fields), errors: (error && error.fields) || {} });
    },
  },
});
