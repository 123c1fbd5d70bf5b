// The one way the console calls /api/v1: bearer token, the UI language as Accept-Language, problem+json → ApiError.
import { acceptLanguage, currentLocale } from './i18n.js';
import { session, signOut } from './session.js';

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

let onUnauthorized = () => {};
/** What a 401 on a call other than the login does (the router sends the person back to the login page). */
export function setUnauthorizedHandler(handler) {
  onUnauthorized = handler;
}

export async function api(path, { method = 'GET', body, query, fetchImpl = globalThis.fetch } = {}) {
  const url = new URL(BASE + path, globalThis.location ? globalThis.location.origin : 'http://localhost');
  for (const [k, v] of Object.entries(query || {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
  }
  const headers = { Accept: 'application/json', 'Accept-Language': acceptLanguage(currentLocale()) };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetchImpl(url.pathname + url.search, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'omit',
  });
  const type = res.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await res.json() : null;
  if (!res.ok) {
    const error = new ApiError(res.status, data);
    if (res.status === 401 && path !== '/auth/login') {
      signOut();
      onUnauthorized(error);
    }
    throw error;
  }
  return data;
}

/** A page of a list: `{items, page, size, total}` (docs/api.md "paging"). */
export function page(path, { page = 0, size = 20, sort, ...filters } = {}) {
  return api(path, { query: { page, size, sort, ...filters } });
}
