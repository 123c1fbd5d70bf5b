// The one way a browser app calls /api/v1 (issue 13): bearer token, the UI language as Accept-Language,
// problem+json → ApiError. Shared by the console and the portal; each app binds it to its own session.
import { acceptLanguage } from './locale.js';

export const BASE = '/api/v1';

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.code = problem && problem.code;
    this.problem = problem || {};
    this.fields = fieldErrors(problem);
  }
}

/** problem+json `errors[{field, code, message}]` → { field: 'message; message' } for the form items. */
export function fieldErrors(problem) {
  const out = {};
  for (const e of (problem && Array.isArray(problem.errors) ? problem.errors : [])) {
    const field = e.field || '_';
    out[field] = out[field] ? `${out[field]}; ${e.message}` : e.message;
  }
  return out;
}

/**
 * @param session the app's reactive session (`token`)
 * @param signOut what a 401 on a call other than the login does to the session
 * @param currentLocale the UI language, sent as Accept-Language
 * @return `{ api, page, setUnauthorizedHandler }`
 */
export function createApi({ session, signOut, currentLocale }) {
  let onUnauthorized = () => {};

  /**
   * What a 401 on a call other than the login does: `handler(error, who)` with `who` the signed-out session's `me`;
   * when it resolves to true (the same person signed in again) the call is repeated once with the new token, so the
   * work on the page is kept; otherwise the ApiError is thrown (the router sends the person to the login page).
   */
  function setUnauthorizedHandler(handler) {
    onUnauthorized = handler;
  }

  /**
   * `body`: a plain value is sent as JSON; a Blob/File is sent as it is (the upload of POST /files, whose request
   * body IS the file) with its own type. `headers` are added to the request's.
   */
  async function api(path, options = {}) {
    return call(path, options, false);
  }

  async function call(path, options, repeated) {
    const { method = 'GET', body, query, headers: extra, fetchImpl = globalThis.fetch } = options;
    const url = new URL(BASE + path, globalThis.location ? globalThis.location.origin : 'http://localhost');
    for (const [k, v] of Object.entries(query || {})) {
      if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
    }
    const headers = { Accept: 'application/json', 'Accept-Language': acceptLanguage(currentLocale()) };
    if (session.token) headers.Authorization = `Bearer ${session.token}`;
    const raw = typeof Blob !== 'undefined' && body instanceof Blob;
    if (body !== undefined) headers['Content-Type'] = raw ? (body.type || 'application/octet-stream') : 'application/json';
    Object.assign(headers, extra || {});
    const res = await fetchImpl(url.pathname + url.search, {
      method, headers, body: body === undefined ? undefined : (raw ? body : JSON.stringify(body)), credentials: 'omit',
    });
    const type = res.headers.get('Content-Type') || '';
    const data = type.includes('json') ? await res.json() : null;
    if (!res.ok) {
      const error = new ApiError(res.status, data);
      // 429 (the public disclosure surface's per-client limit): the seconds to wait, from Retry-After
      if (res.status === 429) error.retryAfter = Number(res.headers.get('Retry-After')) || null;
      if (res.status === 401 && path !== '/auth/login') {
        const who = session.me;
        signOut();
        // a repeated call that meets a 401 again fails without asking a second time
        if (!repeated && (await onUnauthorized(error, who)) === true) return call(path, options, true);
      }
      throw error;
    }
    return data;
  }

  /** A page of a list: `{items, page, size, total}` (docs/api.md "paging"). */
  function page(path, { page = 0, size = 20, sort, ...filters } = {}) {
    return api(path, { query: { page, size, sort, ...filters } });
  }

  return { api, page, setUnauthorizedHandler };
}
