// A `wx` over Node's fetch and fs, enough for the mini program's own utils (api.js, auth.js) to run outside WeChat:
// wx.request, storage, wx.login (a fixed code, e.g. `sim-<name>` for the WeChat simulator), the file reads of an
// upload and wx.downloadFile. Used by test/contract/run.mjs against a running platform.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function createWx({ code, log = () => {} }) {
  const store = new Map();
  const wx = {
    code,
    getStorageSync: key => (store.has(key) ? store.get(key) : ''),
    setStorageSync: (key, value) => { store.set(key, value); },
    removeStorageSync: key => { store.delete(key); },
    getAppBaseInfo: () => ({ language: 'zh_CN' }),
    login: ({ success }) => success({ code: wx.code }),
    reLaunch: () => {},
    request({ url, method = 'GET', header = {}, data, timeout = 20000, success, fail }) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeout);
      const body = data === undefined ? undefined : (data instanceof ArrayBuffer ? Buffer.from(data) : data);
      log(`${method} ${url}`);
      fetch(url, { method, headers: header, body, signal: controller.signal })
        .then(async res => {
          const text = await res.text();
          let parsed = text;
          try { parsed = text ? JSON.parse(text) : ''; } catch { /* not JSON */ }
          const headers = {};
          res.headers.forEach((v, k) => { headers[k] = v; });
          success({ statusCode: res.status, header: headers, data: parsed });
        })
        .catch(err => fail && fail({ errMsg: `request:fail ${err.message}` }))
        .finally(() => clearTimeout(timer));
      return { abort: () => controller.abort() };
    },
    getFileSystemManager: () => ({
      readFile({ filePath, success, fail }) {
        fs.promises.readFile(filePath).then(b => success({ data: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) }), fail);
      },
    }),
    downloadFile({ url, header, success, fail }) {
      fetch(url, { headers: header }).then(async res => {
        const file = path.join(os.tmpdir(), `spm-mp-${Date.now()}-${Math.random().toString(36).slice(2)}`);
        await fs.promises.writeFile(file, Buffer.from(await res.arrayBuffer()));
        success({ statusCode: res.status, tempFilePath: file });
      }, fail);
    },
  };
  return wx;
}
