// Login (OWN-1, OCS-1, COS-1; issue 18): "WeChat login" = wx.login's code → POST /auth/wechat/session. A bound openid
// signs in at once; an unbound one gets a ticket and two ways to bind it on first use:
// - the provincial real-name login (广东省统一身份认证): pages/idp opens the provider in a <web-view>; the portal's
//   handoff page sends the one-time code back to pages/bind?handoff=…;
// - a committee or company staff account: username, password and, when the account has one, the TOTP code.
// Problems show their detail and field messages (problem+json).
const page = require('../../behaviors/page.js');
const form = require('../../behaviors/form.js');
const api = require('../../utils/api.js');
const auth = require('../../utils/auth.js');
const i18n = require('../../utils/i18n.js');

Component({
  behaviors: [page, form],
  data: { step: 'start', busy: false, username: '', password: '', totp: '', needTotp: false, notice: '' },
  methods: {
    onLoad(query) {
      this.setTitle('login.title');
      if (query && query.idpError) this.setData({ message: this.idpErrorText(decodeURIComponent(query.idpError)) });
      if (auth.ticket()) this.setData({ step: 'bind' });
    },
    onShow() {
      this.syncTexts();
    },
    idpErrorText(code) {
      const safe = /^[A-Za-z]+(\.[A-Za-z]+)+$/.test(code || '') ? code : '';
      return safe && i18n.has(`login.idpError.${safe}`) ? this.tr(`login.idpError.${safe}`) : this.tr('login.idpError.other');
    },
    async wechat() {
      if (this.data.busy) return;
      this.setData({ busy: true });
      this.clearProblem();
      try {
        const result = await auth.loginWithWechat();
        if (result.bindingRequired) this.setData({ step: 'bind', notice: this.tr('login.bindIntro') });
        else this.done();
      } catch (e) {
        this.showProblem(e);
      } finally {
        this.setData({ busy: false });
      }
    },
    async realName() {
      if (this.data.busy) return;
      this.setData({ busy: true });
      this.clearProblem();
      try {
        const url = await auth.realNameUrl();
        if (!url) this.setData({ message: this.tr('login.realNameUnavailable') });
        else wx.navigateTo({ url: `/pages/idp/idp?url=${encodeURIComponent(url)}` });
      } catch (e) {
        this.showProblem(e);
      } finally {
        this.setData({ busy: false });
      }
    },
    async bindStaff() {
      if (this.data.busy) return;
      this.setData({ busy: true });
      this.clearProblem();
      try {
        await auth.bindWithPassword({ username: this.data.username, password: this.data.password, totp: this.data.needTotp ? this.data.totp : '' });
        this.done();
      } catch (e) {
        if (e.code === 'auth.totpRequired' && !this.data.needTotp) {
          this.setData({ needTotp: true, message: this.tr('login.totpHint') });
        } else {
          this.showProblem(e, ['username', 'password', 'totp']);
        }
      } finally {
        this.setData({ busy: false });
      }
    },
    done() {
      wx.reLaunch({ url: '/pages/work/work' });
    },
    browse() {
      wx.switchTab({ url: '/pages/home/home' });
    },
  },
});
