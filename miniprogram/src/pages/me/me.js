// Me: who is signed in and as what (GET /auth/me), the role bindings the account holds now and the switch between them
// (GET /auth/me/bindings, POST /auth/me/binding {key}, as the portal and the console do), the language (four languages,
// kept in storage) and logout; without a session the way to the login.
const page = require('../../behaviors/page.js');
const api = require('../../utils/api.js');
const auth = require('../../utils/auth.js');
const i18n = require('../../utils/i18n.js');
const nav = require('../../utils/nav.js');
const config = require('../../config.js');

Component({
  behaviors: [page],
  data: { me: null, role: 'PUBLIC', bindings: [], locales: [], locale: '', baseUrl: config.baseUrl, notice: '' },
  methods: {
    onLoad() {
      this.setTitle('tabs.me');
    },
    onShow() {
      this.syncTexts();
      if (typeof this.getTabBar === 'function' && this.getTabBar()) this.getTabBar().refresh('me');
      return this.load();
    },
    async load() {
      const me = api.me();
      this.setData({
        me, role: nav.roleOf(me), locale: i18n.locale(),
        locales: i18n.LOCALES.map(code => ({ code, name: i18n.MESSAGES[code].lang.name })),
      });
      if (!me) {
        this.setData({ bindings: [], loaded: true });
        return;
      }
      try {
        const answer = await api.request('/auth/me/bindings');
        this.setData({ bindings: (answer.bindings || []).map(b => ({ key: b.key, label: b.label || b.key, active: !!b.active })) });
      } catch (e) {
        this.showProblem(e);
      } finally {
        this.setData({ loaded: true });
      }
    },
    async switchTo(e) {
      const key = e.currentTarget.dataset.key;
      this.clearProblem();
      try {
        await auth.switchBinding(key);
        this.setData({ notice: this.tr('me.switched') });
        await this.load();
        if (typeof this.getTabBar === 'function' && this.getTabBar()) this.getTabBar().refresh('me');
      } catch (err) {
        this.showProblem(err);
      }
    },
    language(e) {
      i18n.setLocale(e.currentTarget.dataset.code);
      this.setData({ t: i18n.messages(), locale: i18n.locale(), role: this.data.role });
      this.setTitle('tabs.me');
      if (typeof this.getTabBar === 'function' && this.getTabBar()) this.getTabBar().refresh('me');
    },
    /** Unbinds this WeChat from the account (DELETE /auth/wechat/binding); the next WeChat login asks to bind again. */
    async unbind() {
      this.clearProblem();
      try {
        await api.request('/auth/wechat/binding', { method: 'DELETE' });
        await auth.logout();
        wx.reLaunch({ url: '/pages/home/home' });
      } catch (err) {
        this.showProblem(err);
      }
    },
    login() {
      wx.navigateTo({ url: '/pages/login/login' });
    },
    async logout() {
      await auth.logout();
      wx.reLaunch({ url: '/pages/home/home' });
    },
  },
});
