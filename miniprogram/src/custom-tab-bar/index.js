// The tab bar per role (issue 18): home, the map and "me" for everybody; the work tab (the role's own lists: an owner's
// houses, repairs, complaints, votes and surveys, a committee's or a company's cases) only with a session that has work.
// Each tab page calls `this.getTabBar().refresh('<key>')` in its onShow.
const i18n = require('../utils/i18n.js');
const api = require('../utils/api.js');
const nav = require('../utils/nav.js');

Component({
  data: { tabs: [], selected: '' },
  lifetimes: {
    attached() {
      this.refresh(this.data.selected);
    },
  },
  methods: {
    refresh(selected) {
      const me = api.me();
      const role = nav.roleOf(me);
      const tabs = nav.tabsOf(me).map(tab => ({
        key: tab.key,
        url: tab.url,
        icon: tab.icon,
        text: tab.key === 'work' ? i18n.t(`work.tab.${role}`) : i18n.t(`tabs.${tab.key}`),
      }));
      this.setData({ tabs, selected: selected || this.data.selected });
    },
    go(e) {
      const { url, key } = e.currentTarget.dataset;
      if (key === this.data.selected) return;
      wx.switchTab({ url });
    },
  },
});
