// The custom components: the photo picker (wx.chooseMedia → upload each → change event; at most `max`; an upload's
// problem shown), the photo thumbnails (downloaded with the token) and the status tag (text per domain and language).
const { fakeApi, problem, load, settle, text, signedIn, OWNER } = require('./helpers');

test('the photo picker uploads each chosen photo and emits them; removing one emits again', async () => {
  signedIn(OWNER);
  let n = 0;
  fakeApi({ 'POST /files': () => ({ id: `f-${++n}` }) });
  wx.chooseMedia = ({ count, success }) => success({ tempFiles: Array.from({ length: Math.min(count, 2) }, (x, i) => ({ tempFilePath: `wxfile://tmp/${i}.jpg` })) });
  const picker = load('components/photo-picker/photo-picker');
  const seen = [];
  picker.addEventListener('change', e => seen.push(e.detail.photos.map(p => p.fileId)));
  picker.instance.setData({ max: 3 });
  picker.querySelector('#photo-add').dispatchEvent('tap');
  await settle(10);
  expect(seen.pop()).toEqual(['f-1', 'f-2']);
  picker.querySelector('#photo-add').dispatchEvent('tap');
  await settle(10);
  expect(seen.pop()).toEqual(['f-1', 'f-2', 'f-3']);
  expect(picker.querySelector('#photo-add')).toBeFalsy();
  picker.instance.remove({ currentTarget: { dataset: { index: 0 } } });
  expect(seen.pop()).toEqual(['f-2', 'f-3']);
});

test('an upload the platform refuses shows its problem; the photos before it stay', async () => {
  signedIn(OWNER);
  fakeApi({ 'POST /files': problem(400, 'file.type', '只接受 JPEG 或 PNG 照片') });
  const picker = load('components/photo-picker/photo-picker');
  picker.querySelector('#photo-add').dispatchEvent('tap');
  await settle(10);
  expect(picker.querySelector('#photo-failure').dom.textContent).toBe('只接受 JPEG 或 PNG 照片');
  expect(picker.data.photos).toEqual([]);
});

test('thumbnails are downloaded with the token, a tap previews the full photo', async () => {
  signedIn(OWNER);
  const urls = [];
  wx.downloadFile = o => { urls.push([o.url, o.header.Authorization]); o.success({ statusCode: 200, tempFilePath: `wxfile://${urls.length}.jpg` }); };
  const thumbs = load('components/photo-thumbs/photo-thumbs');
  thumbs.setData({ photos: [{ fileId: 'f-1' }, { fileId: 'f-2' }], label: '照片' });
  await settle();
  expect(thumbs.data.paths).toEqual(['wxfile://1.jpg', 'wxfile://2.jpg']);
  expect(urls[0]).toEqual(['http://localhost:8181/api/v1/files/f-1/thumbnail', 'Bearer tok-1']);
  await thumbs.instance.preview({ currentTarget: { dataset: { index: 1 } } });
  expect(urls[2][0]).toBe('http://localhost:8181/api/v1/files/f-2/content');
  expect(wx.previewImage).toHaveBeenCalledWith({ urls: ['wxfile://3.jpg'], current: 'wxfile://3.jpg' });
});

test('the status tag names the status of its domain in the UI language', async () => {
  const tag = load('components/status-tag/status-tag');
  tag.setData({ status: 'OPEN', domain: 'vote' });
  await settle();
  expect(text(tag)).toBe('投票中');
  tag.setData({ status: 'OPEN', domain: 'patrol' });
  await settle();
  expect(text(tag)).toBe('待巡查');
  tag.setData({ status: 'REJECTED', domain: 'repair' });
  await settle();
  expect(tag.data.kind).toBe('danger');
  tag.setData({ status: 'STRANGE', domain: 'repair' });
  await settle();
  expect(text(tag)).toBe('STRANGE');
});
