// My notifications (the in-app inbox, GET /notifications, newest first) and the page a subscription message (订阅消息)
// opens: the WeChat adapter sends `pages/notifications/index?link=<the notification's link>`; with a link the mini program
// goes straight on to the page that shows it (utils/links.js). A tap marks a notification read and opens its page.
const page = require('../../behaviors/page.js');
const paged = require('../../behaviors/paged.js');
const api = require('../../utils/api.js');
const links = require('../../utils/links.js');
const format = require('../../utils/format.js');

Component({
  behaviors: [page, paged],
  data: { signedOut: false },
  methods: {
    async onLoad(query) {
      this.setTitle('notifications.title');
      // opened from a message at a cold start: the silent WeChat login of app.js may still be running
      const app = typeof getApp === 'function' ? getApp() : null;
      if (app && app.globalData && app.globalData.ready) await app.globalData.ready;
      const target = links.pageOf(query && query.link ? decodeURIComponent(query.link) : '');
      if (!api.token()) {
        this.setData({ loaded: true, signedOut: true });
        return;
      }
      if (target) {
        wx.redirectTo({ url: target });
        return;
      }
      await this.load(0);
    },
    onShow() {
      this.syncTexts();
    },
    async fetchPage(p) {
      const answer = await api.page('/notifications', { page: p, size: 20 });
      const rows = (answer.items || []).map(n => ({ id: n.id, text: n.text, link: n.link || '', unread: !n.readAt, at: format.dateTime(n.createdAt) }));
      return { rows, total: answer.total };
    },
    async open(e) {
      const i = Number(e.currentTarget.dataset.index);
      const n = this.data.items[i];
      if (n.unread) {
        try {
          await api.request(`/notifications/${n.id}/read`, { method: 'POST', data: {} });
          this.setData({ [`items[${i}].unread`]: false });
        } catch (err) { /* read or not, the page opens */ }
      }
      const target = links.pageOf(n.link);
      if (target) wx.navigateTo({ url: target });
    },
    login() {
      wx.navigateTo({ url: '/pages/login/login' });
    },
  },
});
