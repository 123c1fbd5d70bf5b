// Helpers of the tendering pages (issue 15, 招投标: SUP-TND-1..5, DEV-2..7, TND-1..7): the stages of a tender in their
// order, tag types, the permissions that decide the buttons (the API checks again), If-Match writes, and materials.
import { api, page } from '../../api.js';

export { may, postIfMatch, enumText, uploadFile, downloadFile } from '../companies/registry.js';
export { fieldError, putIfMatch } from '../credit/credit.js';
export { formatDate, formatTime } from '../../lib/format.js';

/** docs/tendering-contract.md: the stages in the order a tender goes through them (FAILED and CANCELLED aside). */
export const STAGES = ['DRAFT', 'PROJECT_REVIEW', 'ANNOUNCEMENT', 'ANNOUNCEMENT_REVIEW', 'SCHEDULED', 'BIDDING', 'FAILED', 'EVALUATION',
  'PUBLICITY', 'AWARD', 'AWARD_REVIEW', 'CONTRACT', 'CONTRACT_REVIEW', 'CONTRACTED', 'CANCELLED'];
const ORDER = ['DRAFT', 'PROJECT_REVIEW', 'ANNOUNCEMENT', 'ANNOUNCEMENT_REVIEW', 'SCHEDULED', 'BIDDING', 'EVALUATION', 'PUBLICITY',
  'AWARD', 'AWARD_REVIEW', 'CONTRACT', 'CONTRACT_REVIEW', 'CONTRACTED'];
export const METHODS = ['OPEN', 'INVITATION', 'DIRECT'];
export const TENDERER_KINDS = ['DEVELOPER', 'COMMITTEE'];
export const RULE_UNITS = ['CALENDAR_DAYS', 'WORKING_DAYS', 'COUNT'];
/** The rules of tnd_rule with their defaults (DOMAIN-RULES TND-2..4), shown beside the announcement form. */
export const RULE_DEFAULTS = {
  ANNOUNCEMENT_LEAD: { value: 10, unit: 'CALENDAR_DAYS' }, BID_PERIOD: { value: 20, unit: 'CALENDAR_DAYS' },
  CLARIFICATION_LEAD: { value: 15, unit: 'CALENDAR_DAYS' }, MIN_BIDDERS: { value: 3, unit: 'COUNT' }, MIN_INVITED: { value: 3, unit: 'COUNT' },
};

/** Has the tender reached this stage (a FAILED tender reached BIDDING, not EVALUATION)? */
export function reached(tender, stage) {
  if (!tender) return false;
  const s = tender.stage === 'FAILED' ? 'BIDDING' : tender.stage;
  if (s === 'CANCELLED') return false;
  return ORDER.indexOf(s) >= ORDER.indexOf(stage);
}

const TAGS = {
  DRAFT: 'info', PROJECT_REVIEW: 'warning', ANNOUNCEMENT: 'primary', ANNOUNCEMENT_REVIEW: 'warning', SCHEDULED: 'primary', BIDDING: 'primary',
  FAILED: 'danger', EVALUATION: 'warning', PUBLICITY: 'success', AWARD: 'primary', AWARD_REVIEW: 'warning', CONTRACT: 'primary',
  CONTRACT_REVIEW: 'warning', CONTRACTED: 'success', CANCELLED: 'info',
  SUBMITTED: 'warning', RETURNED: 'danger', APPROVED: 'success',
  ACTIVE: 'success', APPLYING: 'warning', SUSPENDED: 'warning', REMOVED: 'danger',
  PENDING: 'warning', CONFIRMED: 'success', DECLINED: 'danger', TIMED_OUT: 'danger', REPLACED: 'info', OPEN: 'warning', SKIPPED: 'info',
};
export function tagType(value) {
  return TAGS[value] || 'info';
}

/** A list answer as rows: a plain array, or a page `{items}`, or `{rounds}` (review kernel panels). */
export function rowsOf(answer, key = 'items') {
  if (Array.isArray(answer)) return answer;
  if (answer && Array.isArray(answer[key])) return answer[key];
  if (answer && Array.isArray(answer.items)) return answer.items;
  return [];
}

/** GET that answers null on 404 (a part of the tender that does not exist yet) or 403 (not the caller's to see). */
export async function optional(path) {
  try {
    return await api(path);
  } catch (e) {
    if (e && (e.status === 404 || e.status === 403)) return null;
    throw e;
  }
}

/** Materials as the API takes them: `[{title, fileId}]` only (the answers carry name, size and type as well). */
export const materialsBody = list => (list || []).map(m => ({ title: m.title, fileId: m.fileId }));

/** A date-time picker's value (local) → an ISO instant, or null. */
export const instant = v => (v ? new Date(v).toISOString() : null);

let names = null;
/** Names of the filed companies (GET /public/companies, one page of 100), once per session: ids in ties and scores → names. */
export function companyNames() {
  if (!names) {
    names = page('/public/companies', { page: 0, size: 100 })
      .then(r => new Map((r.items || []).map(c => [c.id, c.name])))
      .catch(() => { names = null; return new Map(); });
  }
  return names;
}
