// The field handlers every form page shares (with behaviors/page.js): a text field writes data[field] (WXML
// `data-field="subject" bindinput="input"`), a picker the chosen index as a number (`data-field="estateIndex"
// bindchange="pick"`), and the photo-picker component its photos (`bindchange="photos"`). A page may define its own.
module.exports = Behavior({
  methods: {
    input(e) {
      this.setData({ [e.currentTarget.dataset.field]: e.detail.value });
    },
    pick(e) {
      this.setData({ [e.currentTarget.dataset.field]: Number(e.detail.value) });
    },
    photos(e) {
      this.setData({ photos: e.detail.photos });
    },
  },
});
