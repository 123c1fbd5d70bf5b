// Helpers of the publishing pages (issue 16 part 3: PUB-1, PUB-2, COS-9, MAP-7): the states, tag types, who may do what
// (the API checks again: a company or committee only its own estates' notices), If-Match writes, times as ISO instants.
import { session } from '../../session.js';

export { may, postIfMatch, uploadFile, downloadFile } from '../companies/registry.js';
export { fieldError, putIfMatch } from '../credit/credit.js';
export { formatDate, formatTime } from '../../lib/format.js';

export const NOTICE_STATUSES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'SCHEDULED', 'PUBLISHED', 'EXPIRED', 'WITHDRAWN'];
export const POLICY_STATUSES = ['DRAFT', 'PUBLISHED', 'WITHDRAWN'];
export const LEVELS = ['NATIONAL', 'PROVINCIAL', 'CITY', 'ZONE'];

const TAGS = { DRAFT: 'info', SUBMITTED: 'warning', RETURNED: 'danger', SCHEDULED: 'primary', PUBLISHED: 'success', EXPIRED: 'info', WITHDRAWN: 'info' };
export function tagType(status) {
  return TAGS[status] || 'info';
}

/** The kind the account publishes as (its scope): REGULATOR (ALL), COMPANY, COMMITTEE, or null. */
export function publisherKind(me = session.me) {
  const scope = me && me.scope;
  if (!scope) return null;
  if (scope.kind === 'ALL') return 'REGULATOR';
  if (scope.kind === 'COMPANY') return 'COMPANY';
  if (scope.kind === 'COMMITTEE') return 'COMMITTEE';
  return null;
}

/** May the account write notices (publishing:manage for the regulator, publishing:notice for a company or committee)? */
export function mayPublish(me = session.me) {
  const perms = (me && me.permissions) || [];
  return perms.includes('publishing:manage') || perms.includes('publishing:notice');
}

/** Is the notice the account's own (the API answers 404 for another's; the regulator's staff own the regulator's)? */
export function isOwn(notice, me = session.me) {
  const kind = publisherKind(me);
  return !!notice && !!kind && notice.publisherKind === kind;
}

/** A Date, an ISO string or empty → an ISO instant (what the API takes) or null. */
export function toInstant(value) {
  if (value === null || value === undefined || value === '') return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** The notice form's body: trimmed texts, estateIds as numbers, instants as ISO strings. */
export function noticeBody(form) {
  const estates = Array.isArray(form.estateIds) ? form.estateIds : (form.estateIds ? [form.estateIds] : []);
  return {
    category: form.category || null,
    title: (form.title || '').trim(),
    body: (form.body || '').trim(),
    estateIds: estates.map(Number),
    urgent: !!form.urgent,
    windowStart: toInstant(form.windowStart),
    windowEnd: toInstant(form.windowEnd),
    publishAt: toInstant(form.publishAt),
    expireAt: toInstant(form.expireAt),
    attachments: (form.attachments || []).map(a => ({ title: a.title, fileId: a.fileId })),
  };
}
