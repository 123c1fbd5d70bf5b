// A list page read one page at a time (with behaviors/page.js): `items`, `page`, `total`, `busy`; pulling down reloads
// the first page, reaching the bottom loads the next. The page defines fetchPage(p) → Promise<{ rows, total, extra? }>
// (`extra` is set as well, e.g. a caption); a failed call shows its problem and keeps what was there.
module.exports = Behavior({
  data: { items: [], page: 0, total: 0, busy: false },
  methods: {
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
        const { rows, total, extra } = await this.fetchPage(p);
        this.setData(Object.assign({ items: p === 0 ? rows : this.data.items.concat(rows), page: p, total: total || 0 }, extra || {}));
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
  },
});
