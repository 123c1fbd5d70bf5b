// Photos of a case as thumbnails: `/files/{id}/thumbnail` downloaded with the bearer token (an <image src> cannot send it),
// tap to preview the full image (`/files/{id}/content`). `photos`: [{fileId}] or [{id}] as the API answers them.
const api = require('../../utils/api.js');
const page = require('../../behaviors/page.js');

Component({
  behaviors: [page],
  properties: {
    photos: { type: Array, value: [] },
    label: { type: String, value: '' },
  },
  data: { paths: [] },
  observers: {
    photos(list) {
      this.load(list || []);
    },
  },
  methods: {
    idOf(p) {
      return p && (p.fileId || p.id || p);
    },
    async load(list) {
      const paths = [];
      for (const p of list) paths.push(await api.download(`/files/${encodeURIComponent(this.idOf(p))}/thumbnail`));
      this.setData({ paths });
    },
    async preview(e) {
      const i = Number(e.currentTarget.dataset.index);
      const full = await api.download(`/files/${encodeURIComponent(this.idOf(this.data.photos[i]))}/content`);
      if (full) wx.previewImage({ urls: [full], current: full });
    },
  },
});
