// My notifications (the in-app inbox, GET /notifications, newest first) and the page a subscription message (订阅消息)
// opens: the WeChat adapter sends `pages/notifications/index?link=<the notification's link>`; with a link the mini program
// goes straight on to the page that shows it (utils/links.js). A tap marks a notification read and opens its page.
const page = require('../../behaviors/page.js');
const api = require('../../utils/api.js');
const links = require('../../utils/links.js');
const format = require('../../utils/format.js');

Component({
  behaviors: [page],
  data: { items: [], page: 0, total: 0, busy: false, signedOut: false },
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
    onPullDownRefresh() {
      return this.load(0).then(() => wx.stopPullDownRefresh());
    },
    onReachBottom() {
      return this.more();
    },
    async load(p) {
      this.setData({ busy: true });
      this.clearProblem();
      try {
        const answer = await api.page('/notifications', { page: p, size: 20 });
        const rows = (answer.items || []).map(n => ({ id: n.id, text: n.text, link: n.link || '', unread: !n.readAt, at: format.dateTime(n.createdAt) }));
        this.setData({ items: p === 0 ? rows : this.data.items.concat(rows), page: p, total: answer.total || 0 });
      } catch (e) {
        this.showProblem(e);
      } finally {
        this.setData({ busy: false, loaded: true });
      }
    },
    more() {
      if (this.data.busy || this.data.items.length >= this.data.total) return Promise.resolve();
      return this.load(this.data.page + 1);
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
