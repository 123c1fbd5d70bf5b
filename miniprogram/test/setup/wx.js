// The `wx` stub at the edge of every test: storage in memory, wx.request answered by the test's fake (`wx.__fake`,
// see test/helpers.js fakeApi), navigation recorded in `wx.__nav`, the device APIs (login, chooseMedia, files, map)
// with fixed answers a test may replace.
function createWx() {
  const store = new Map();
  const nav = [];
  const requests = [];
  const stub = {
    __store: store,
    __nav: nav,
    __requests: requests,
    __fake: null,
    getStorageSync: key => (store.has(key) ? store.get(key) : ''),
    setStorageSync: (key, value) => { store.set(key, value); },
    removeStorageSync: key => { store.delete(key); },
    getAppBaseInfo: () => ({ language: 'zh_CN' }),
    getSystemInfoSync: () => ({ language: 'zh_CN' }),
    login: ({ success }) => success({ code: 'test-code' }),
    request(options) {
      requests.push(options);
      Promise.resolve().then(() => {
        if (!stub.__fake) throw new Error(`no fake for ${options.method} ${options.url}`);
        return stub.__fake(options);
      }).then(res => {
        if (res && res.fail) options.fail && options.fail({ errMsg: 'request:fail' });
        else options.success && options.success({ statusCode: 200, header: {}, ...res });
      }, err => {
        options.fail && options.fail({ errMsg: String(err && err.message) });
      });
      return { abort() {} };
    },
    downloadFile: ({ url, success }) => Promise.resolve().then(() => success({ statusCode: 200, tempFilePath: `wxfile://tmp/${encodeURIComponent(url).slice(-12)}.jpg` })),
    getFileSystemManager: () => ({ readFile: ({ success }) => Promise.resolve().then(() => success({ data: new ArrayBuffer(16) })) }),
    chooseMedia: ({ success }) => success({ tempFiles: [{ tempFilePath: 'wxfile://tmp/photo1.jpg' }] }),
    createMapContext: () => ({
      getRegion: ({ success }) => success({ southwest: { latitude: 22.1, longitude: 113.5 }, northeast: { latitude: 22.14, longitude: 113.55 } }),
      getScale: ({ success }) => success({ scale: 15 }),
    }),
    reLaunch: o => nav.push({ kind: 'reLaunch', url: o.url }),
    navigateTo: o => nav.push({ kind: 'navigateTo', url: o.url }),
    redirectTo: o => nav.push({ kind: 'redirectTo', url: o.url }),
    switchTab: o => nav.push({ kind: 'switchTab', url: o.url }),
    navigateBack: () => nav.push({ kind: 'navigateBack' }),
    setNavigationBarTitle: jest.fn(),
    stopPullDownRefresh: jest.fn(),
    showToast: jest.fn(),
    setClipboardData: jest.fn(),
    previewImage: jest.fn(),
  };
  return stub;
}

global.__createWx = createWx;
global.wx = createWx();
global.getApp = () => ({ globalData: {} });
