// Photos of cases through the API with the bearer token: an <img src> cannot send the Authorization header, so the bytes
// are fetched as a blob and shown through URL.createObjectURL (the console's CSP allows img-src blob:, ConsoleHeaders).
// Uploads send the file itself as the request body (POST /files?name=, docs/api.md "master-data": JPEG/PNG for photos).
// A 401 on a thumbnail only leaves it empty: the page's next API call takes the person to the login.
import { api, ApiError, BASE } from '../../../api.js';
import { acceptLanguage, currentLocale } from '../../../i18n.js';
import { session } from '../../../session.js';

function headers(extra = {}) {
  const h = { 'Accept-Language': acceptLanguage(currentLocale()), ...extra };
  if (session.token) h.Authorization = `Bearer ${session.token}`;
  return h;
}

async function problem(res) {
  const type = res.headers.get('Content-Type') || '';
  return new ApiError(res.status, type.includes('json') ? await res.json() : null);
}

/** GET /files/{id}/thumbnail (or /content) as an object URL; the caller revokes it (URL.revokeObjectURL). */
export async function fileUrl(fileId, { kind = 'thumbnail', fetchImpl = globalThis.fetch } = {}) {
  const res = await fetchImpl(`${BASE}/files/${encodeURIComponent(fileId)}/${kind}`, { headers: headers(), credentials: 'omit' });
  if (!res.ok) throw await problem(res);
  return URL.createObjectURL(await res.blob());
}

/** POST /files?name= with the file as body (api() sends a Blob as it is) → `{id, name, contentType, size, ...}`. */
export function uploadFile(file) {
  return api('/files', { method: 'POST', query: { name: file.name || 'photo' }, body: file });
}
