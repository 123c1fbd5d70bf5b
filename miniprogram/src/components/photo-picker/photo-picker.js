// Photos of a repair, complaint or patrol step (OWN-4, OWN-5, COS-5/6): wx.chooseMedia (camera or album, images only),
// each uploaded at once (POST /files, utils/api.js upload) and shown as a thumbnail; at most `max` (the API allows 9).
// Emits `change` with `{photos: [{fileId, path}]}`; the form sends `photos: [{fileId}]`.
const api = require('../../utils/api.js');
const page = require('../../behaviors/page.js');

Component({
  behaviors: [page],
  properties: {
    max: { type: Number, value: 9 },
    error: { type: String, value: '' },
  },
  data: { photos: [], uploading: false, failure: '' },
  methods: {
    choose() {
      const left = this.data.max - this.data.photos.length;
      if (left <= 0 || this.data.uploading) return;
      wx.chooseMedia({
        count: left,
        mediaType: ['image'],
        sourceType: ['album', 'camera'],
        sizeType: ['compressed'],
        success: res => this.uploadAll((res.tempFiles || []).map(f => f.tempFilePath)),
      });
    },
    async uploadAll(paths) {
      this.setData({ uploading: true, failure: '' });
      const photos = this.data.photos.slice();
      try {
        for (const path of paths) {
          const file = await api.upload(path);
          photos.push({ fileId: file.id, path });
        }
      } catch (e) {
        this.setData({ failure: api.problemText(e) });
      } finally {
        this.setData({ photos, uploading: false });
        this.triggerEvent('change', { photos });
      }
    },
    remove(e) {
      const i = Number(e.currentTarget.dataset.index);
      const photos = this.data.photos.filter((p, n) => n !== i);
      this.setData({ photos });
      this.triggerEvent('change', { photos });
    },
    /** Empty again (after a successful send). */
    reset() {
      this.setData({ photos: [], failure: '' });
    },
  },
});
