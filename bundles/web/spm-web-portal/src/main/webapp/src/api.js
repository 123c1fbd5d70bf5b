// The portal's calls to /api/v1 (the shared client of bundles/web/common bound to the portal's session), the photo
// upload (POST /files: the request body is the file) and photos as blob: URLs (an <img> cannot send the bearer token).
import { createApi } from '@spm-common/api.js';
import { currentLocale, i18n } from './i18n.js';
import { session, signOut } from './session.js';

export { BASE, ApiError, fieldErrors } from '@spm-common/api.js';

const client = createApi({ session, signOut, currentLocale });
export const { setUnauthorizedHandler } = client;

/**
 * Too many calls from this address to the public disclosure surface (429, DIS-1..6): a friendly text in the UI's
 * language with the seconds of Retry-After instead of the server's, so every page showing `error.message` says it.
 */
export function friendly(error) {
  if (error && error.status === 429) {
    error.message = i18n.global.t('common.rateLimited', { seconds: error.retryAfter || 60 });
  }
  throw error;
}

/**
 * The public disclosure surface answers `Cache-Control: public, max-age=60` with a strong ETag: the portal revalidates
 * every call (`cache: 'no-cache'`: 304 when nothing changed), so a page never shows an answer older than the last
 * change, e.g. a vote result just published.
 */
const revalidating = (url, init) => globalThis.fetch(url, { ...init, cache: 'no-cache' });

export const api = (path, options = {}) => client.api(path, { fetchImpl: revalidating, ...options }).catch(friendly);
/** A page of a list: `{items, page, size, total}` (docs/api.md "paging"), through the revalidating api() above. */
export const page = (path, { page: p = 0, size = 20, sort, ...filters } = {}) => api(path, { query: { page: p, size, sort, ...filters } });

/** Uploads one photo → `{id, name, contentType, size, …}` (docs/api.md: JPEG/PNG judged by content, ≤ 10 MB). */
export function upload(file) {
  return api('/files', { method: 'POST', query: { name: file.name }, body: file });
}

/** A fresh Idempotency-Key for one create (a repeated click posts once). */
export function idempotencyKey() {
  return globalThis.crypto && crypto.randomUUID ? crypto.randomUUID() : `k-${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

/** The thumbnail of an uploaded file as a blob: URL (revoke it when done), or null when it cannot be read. */
export async function thumbnailUrl(fileId, fetchImpl = globalThis.fetch) {
  const res = await fetchImpl(`/api/v1/files/${encodeURIComponent(fileId)}/thumbnail`, {
    headers: session.token ? { Authorization: `Bearer ${session.token}` } : {}, credentials: 'omit',
  });
  if (!res.ok) return null;
  return URL.createObjectURL(await res.blob());
}

/** Every page of a public list (the map needs all estates at once; 200 per request, the API's largest page). */
export async function allPages(path, filters = {}) {
  const out = [];
  for (let p = 0; ; p++) {
    const result = await page(path, { page: p, size: 200, ...filters });
    out.push(...result.items);
    if (out.length >= result.total || result.items.length === 0) return out;
  }
}
