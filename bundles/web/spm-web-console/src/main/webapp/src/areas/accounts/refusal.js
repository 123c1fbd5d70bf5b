// A refused admin action as the page shows it: 403 sod.* (三权分立) under its own heading, anything else as "refused";
// the API's detail (already in the UI language) and its code stay visible, so the reason is never hidden.
import { ApiError } from '../../api.js';

export const ROLES = ['REGULATOR', 'OFFICER', 'INSPECTOR', 'OPS', 'SYSADMIN', 'SECADMIN', 'AUDITOR', 'DEVELOPER', 'COMPANY',
  'COMMITTEE', 'OWNER', 'EXPERT'];
export const ADMIN_ROLES = ['SYSADMIN', 'SECADMIN', 'AUDITOR'];
export const SCOPE_KINDS = ['NONE', 'ALL', 'COMPANY', 'COMMITTEE', 'OWNER', 'DEVELOPER'];
/** The id field each stored scope kind needs (docs/api.md PUT /accounts/{id}/scopes). */
export const SCOPE_ID = { COMPANY: 'companyId', COMMITTEE: 'estateId', OWNER: 'ownerId', DEVELOPER: 'developerId' };

export function isSod(code) {
  return typeof code === 'string' && code.startsWith('sod.');
}

/** { code, sod, detail } of an ApiError (null for anything else, which is rethrown by the caller). */
export function refusalOf(e) {
  if (!(e instanceof ApiError)) return null;
  return { code: e.code || `HTTP ${e.status}`, sod: isSod(e.code), detail: e.message, status: e.status };
}
