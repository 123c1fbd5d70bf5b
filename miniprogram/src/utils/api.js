// The mini program's one way to call the platform's /api/v1 (the same rules as the browser apps' bundles/web/common
// api.js): the bearer token kept in storage, the UI language as Accept-Language, JSON in and out, problem+json
// (`{status, code, detail, errors[{field, code, message}]}`, docs/api.md) → ApiError with the field messages; a 401 on
// any call but the login ones ends the session and goes back to the login page. Everything goes through wx.request /
// wx.getFileSystemManager / wx.downloadFile, so Node's contract script (test/contract/run.mjs) runs this very module
// over a `wx` shim on fetch.
const config = require('../config.js');
const i18n = require('./i18n.js');

const TOKEN_KEY = 'spm.token';
const ME_KEY = 'spm.me';
/** Calls that answer 401 for a wrong password or code: never "session ended". */
const LOGIN_PATHS = ['/auth/login', '/auth/wechat/session', '/auth/wechat/bind', '/auth/idp/handoff'];

class ApiError extends Error {
  constructor(status, problem) {
    const p = problem && typeof problem === 'object' ? problem : {};
    super(p.detail || p.title || (status ? `HTTP ${status}` : i18n.t('common.network')));
    this.status = status;
    this.code = p.code || null;
    this.problem = p;
    this.fields = fieldErrors(p);
  }
}

/** problem+json `errors[{field, code, message}]` → `{field: 'message; message'}` (for the form items). */
function fieldErrors(problem) {
  const out = {};
  for (const e of (problem && Array.isArray(problem.errors) ? problem.errors : [])) {
    const field = e.field || '_';
    out[field] = out[field] ? `${out[field]}; ${e.message}` : e.message;
  }
  return out;
}

/** What a page shows for a failed call: the problem's detail and every field message not shown next to a field. */
function problemText(error, shownFields) {
  if (!error) return '';
  const shown = new Set(shownFields || []);
  const rest = Object.entries(error.fields || {}).filter(([k]) => !shown.has(k)).map(([, v]) => v);
  return [error.message, ...rest].filter(Boolean).join('; ');
}

let onUnauthorized = () => {
  try {
    wx.reLaunch({ url: '/pages/login/login' });
  } catch (e) { /* not in a page (the contract script) */ }
  return false;
};

/**
 * What a 401 does after the session was ended: `handler(error)`; when it resolves to true (a new session, e.g. the
 * silent WeChat login of app.js for a bound openid after the 30-minute idle expiry) the call is repeated once with the
 * new token, so the work on the page goes on; otherwise the ApiError is thrown. The default goes to the login page.
 */
function setUnauthorizedHandler(handler) {
  onUnauthorized = handler;
}

function token() {
  try {
    return wx.getStorageSync(TOKEN_KEY) || '';
  } catch (e) {
    return '';
  }
}

/** Keeps the login answer's token (and nothing else of it). */
function setToken(value) {
  wx.setStorageSync(TOKEN_KEY, value);
}

/** The signed-in account (`GET /auth/me`) as last read, or null. */
function me() {
  try {
    return wx.getStorageSync(ME_KEY) || null;
  } catch (e) {
    return null;
  }
}

function setMe(value) {
  wx.setStorageSync(ME_KEY, value);
}

function clearSession() {
  wx.removeStorageSync(TOKEN_KEY);
  wx.removeStorageSync(ME_KEY);
}

function encode(query) {
  const parts = [];
  for (const [k, v] of Object.entries(query || {})) {
    if (v !== undefined && v !== null && v !== '') parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

function url(path, query) {
  return config.baseUrl + config.apiPath + path + encode(query);
}

function headerValue(headers, name) {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers || {})) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/**
 * One call. `options`: method (GET), data (sent as JSON; an ArrayBuffer as it is), query, header (extra headers),
 * contentType (for an ArrayBuffer body). Resolves to the answer's JSON (null for 204); rejects with ApiError.
 */
function request(path, options, repeated) {
  const { method = 'GET', data, query, header: extra, contentType } = options || {};
  const header = { Accept: 'application/json', 'Accept-Language': i18n.acceptLanguage() };
  const bearer = token();
  if (bearer) header.Authorization = `Bearer ${bearer}`;
  const binary = typeof ArrayBuffer !== 'undefined' && data instanceof ArrayBuffer;
  if (data !== undefined) header['Content-Type'] = binary ? (contentType || 'application/octet-stream') : 'application/json';
  Object.assign(header, extra || {});
  return new Promise((resolve, reject) => {
    wx.request({
      url: url(path, query),
      method,
      header,
      data: data === undefined ? undefined : (binary ? data : JSON.stringify(data)),
      dataType: 'json',
      timeout: config.timeout,
      success(res) {
        const body = typeof res.data === 'string' && res.data.trim().startsWith('{') ? safeJson(res.data) : res.data;
        if (res.statusCode >= 200 && res.statusCode < 300) {
          resolve(res.statusCode === 204 || body === '' ? null : body);
          return;
        }
        const error = new ApiError(res.statusCode, body);
        if (res.statusCode === 429) error.retryAfter = Number(headerValue(res.header, 'Retry-After')) || null;
        if (res.statusCode === 401 && !LOGIN_PATHS.includes(path) && !repeated) {
          clearSession();
          Promise.resolve()
            .then(() => onUnauthorized(error))
            .then(again => (again === true ? resolve(request(path, options, true)) : reject(error)), () => reject(error));
          return;
        }
        if (res.statusCode === 401 && repeated && !LOGIN_PATHS.includes(path)) clearSession();
        reject(error);
      },
      fail(err) {
        const error = new ApiError(0, { detail: i18n.t('common.network') });
        error.cause = err;
        reject(error);
      },
    });
  });
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return text;
  }
}

/** A page of a list: `{items, page, size, total}` (docs/api.md "paging"). */
function page(path, params) {
  const { page: p = 0, size = 20, ...filters } = params || {};
  return request(path, { query: { page: p, size, ...filters } });
}

/** A fresh Idempotency-Key for one create (a repeated tap posts once). */
function idempotencyKey() {
  return `mp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

function readFile(filePath) {
  return new Promise((resolve, reject) => {
    wx.getFileSystemManager().readFile({
      filePath,
      success: res => resolve(res.data),
      fail: err => reject(Object.assign(new ApiError(0, { detail: i18n.t('photos.readFailed') }), { cause: err })),
    });
  });
}

/** The content type of a chosen photo by its name (the platform judges the content anyway: JPEG or PNG). */
function imageType(filePath) {
  return /\.png$/i.test(filePath) ? 'image/png' : 'image/jpeg';
}

/**
 * Uploads one photo chosen with wx.chooseMedia → `{id, name, contentType, size, …}` (POST /files?name=: the request
 * body IS the file, as the portal sends it; wx.uploadFile would send multipart/form-data, which that endpoint stores
 * as the file's bytes and refuses as `file.type`). JPEG/PNG ≤ 10 MB (docs/api.md).
 */
async function upload(filePath) {
  const bytes = await readFile(filePath);
  const name = (String(filePath).split('/').pop() || 'photo.jpg').replace(/[^\w.-]/g, '_');
  return request('/files', { method: 'POST', query: { name }, data: bytes, contentType: imageType(filePath) });
}

/**
 * A photo of the platform as a local file for <image> (an <image src> cannot send the bearer token): the thumbnail of
 * an uploaded file (`/files/{id}/thumbnail`) or any other API path. Resolves to the temp path, or '' when not readable.
 */
function download(path) {
  return new Promise(resolve => {
    const header = { 'Accept-Language': i18n.acceptLanguage() };
    const bearer = token();
    if (bearer) header.Authorization = `Bearer ${bearer}`;
    wx.downloadFile({
      url: url(path),
      header,
      success: res => resolve(res.statusCode === 200 ? res.tempFilePath : ''),
      fail: () => resolve(''),
    });
  });
}

module.exports = {
  ApiError, fieldErrors, problemText, request, page, upload, download, idempotencyKey, url,
  token, setToken, me, setMe, clearSession, setUnauthorizedHandler, TOKEN_KEY, ME_KEY, LOGIN_PATHS,
};
