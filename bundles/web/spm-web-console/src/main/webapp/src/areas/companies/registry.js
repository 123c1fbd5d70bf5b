// Helpers of the registry pages (estates, companies, committees; issue 13 item 2): permission checks, If-Match,
// file upload and download through the shared api() (its fetchImpl hook adds headers or swaps the body, so the
// 401 handling and Accept-Language stay those of every other call).
import { api } from '../../api.js';
import { session } from '../../session.js';

/** Does the account hold this permission (GET /auth/me)? The API checks again. */
export function may(permission) {
  return !!(session.me && Array.isArray(session.me.permissions) && session.me.permissions.includes(permission));
}

/** A fetch that adds headers to the request api() builds. */
export function withHeaders(extra, fetchImpl = globalThis.fetch) {
  return (url, init) => fetchImpl(url, { ...init, headers: { ...init.headers, ...extra } });
}

/**
 * A state change that needs If-Match (docs/api.md "versions"): POST path with the record's version as ETag.
 * @returns the changed record
 */
export function postIfMatch(path, version, body = {}) {
  return api(path, { method: 'POST', body, fetchImpl: withHeaders({ 'If-Match': `"${version}"` }) });
}

/** POST /files?name= with the file as the request body (docs/api.md: PDF, JPEG, PNG judged by content). */
export function uploadFile(file) {
  return api('/files', {
    method: 'POST',
    query: { name: file.name },
    body: '',
    fetchImpl: (url, init) => globalThis.fetch(url, {
      ...init, body: file, headers: { ...init.headers, 'Content-Type': file.type || 'application/octet-stream' },
    }),
  });
}

/** GET /files/{id}/content with the bearer token, then hands the bytes to the browser as a download. */
export async function downloadFile(fileId, name) {
  let response;
  await api(`/files/${encodeURIComponent(fileId)}/content`, {
    fetchImpl: async (url, init) => {
      const res = await globalThis.fetch(url, { ...init, headers: { ...init.headers, Accept: '*/*' } });
      response = res.clone();
      return res;
    },
  });
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name || fileId;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** An ISO instant in the UI language, in the zone's time (the console's one formatter). */
export { formatTime } from '../../lib/format.js';

/** Element Plus tag types of the registry statuses. */
const TAGS = {
  ACTIVE: 'success', ARCHIVED: 'info', ENDED: 'info',
  APPLYING: 'warning', FILED: 'success', SUSPENDED: 'warning', REVOKED: 'danger',
  SUBMITTED: 'warning', RETURNED: 'danger', APPROVED: 'success',
  RUNNING: 'primary', SUCCEEDED: 'success', FAILED: 'danger',
};

export function tagType(status) {
  return TAGS[status] || 'info';
}

/** The text of an enum value (`prefix.VALUE`), '' for none (Element Plus renders cell slots once with an empty row). */
export function enumText(t, prefix, value) {
  return value ? t(`${prefix}.${value}`) : '';
}

/** `v-pager-label="text"` on an el-pagination: names its page-size select (axe `label`; Element Plus gives it none). */
export const vPagerLabel = {
  mounted(el, binding) { label(el, binding.value); },
  updated(el, binding) { label(el, binding.value); },
};
function label(el, text) {
  for (const input of el.querySelectorAll('.el-select__input, input')) input.setAttribute('aria-label', text);
}
