// Helpers of the credit pages (issue 14): permissions, If-Match writes, the company's own id, grade and status tags, and
// the field errors of a form item that owns nested fields (evidence[0].fileId → the evidence item).
import { api } from '../../api.js';
import { session } from '../../session.js';
import { may, postIfMatch, withHeaders } from '../companies/registry.js';

export { may, postIfMatch, downloadFile, uploadFile, enumText } from '../companies/registry.js';
export { formatDate, formatTime } from '../../lib/format.js';

export const GRADES = ['AAA', 'AA', 'A', 'B', 'C'];
export const RECORD_KINDS = ['GOOD', 'BAD'];
export const RECORD_SOURCES = ['MANUAL', 'INSPECTION', 'COMPLAINT', 'ASSESSMENT', 'PENALTY', 'AWARD', 'SURVEY'];
export const RECORD_STATUSES = ['ACTIVE', 'WITHDRAWN', 'REPAIRED', 'EXPIRED'];
export const APPEAL_STATUSES = ['SUBMITTED', 'UPHELD', 'WITHDRAWN'];
export const DECLARATION_CATEGORIES = ['QUALIFICATION', 'STAFF', 'AWARD'];

/** PUT with the record's version as ETag (docs/api.md "versions"). */
export function putIfMatch(path, version, body = {}) {
  return api(path, { method: 'PUT', body, fetchImpl: withHeaders({ 'If-Match': `"${version}"` }) });
}

/** The company of a COMPANY account (GET /auth/me scope), else null: how the companies area finds its own filing. */
export function ownCompanyId() {
  const scope = session.me && session.me.scope;
  return scope && scope.kind === 'COMPANY' && scope.companyId != null ? scope.companyId : null;
}

/** May this account declare and appeal for this company (its own company and credit:declare)? */
export function mayActAsCompany(companyId) {
  const own = ownCompanyId();
  return may('credit:declare') && own != null && String(own) === String(companyId);
}

const GRADE_TAGS = { AAA: 'success', AA: 'success', A: 'primary', B: 'warning', C: 'danger' };
export function gradeType(grade) {
  return GRADE_TAGS[grade] || 'info';
}

const STATUS_TAGS = {
  ACTIVE: 'primary', WITHDRAWN: 'info', REPAIRED: 'success', EXPIRED: 'info',
  SUBMITTED: 'warning', RETURNED: 'danger', APPROVED: 'success', UPHELD: 'danger',
  GOOD: 'success', BAD: 'danger',
};
export function statusType(status) {
  return STATUS_TAGS[status] || 'info';
}

/** Is this record one a repair or an appeal may name (BAD and ACTIVE)? */
export const badActive = r => !!r && r.kind === 'BAD' && r.status === 'ACTIVE';

/** The API's errors of one form item: `name` itself and its nested fields (`name[0].fileId`, `name.HIGH`). */
export function fieldError(errors, name) {
  return Object.entries(errors || {})
    .filter(([k]) => k === name || k.startsWith(name + '[') || k.startsWith(name + '.'))
    .map(([, v]) => v)
    .join('; ');
}

/** Points with their sign: +5, −10 (a bad record's points are shown as a deduction). */
export function signedPoints(record) {
  if (!record || record.points == null) return '';
  const n = Math.abs(Number(record.points));
  return (record.kind === 'BAD' ? '−' : '+') + n;
}
