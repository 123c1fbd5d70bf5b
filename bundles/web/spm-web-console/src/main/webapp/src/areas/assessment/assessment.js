// Helpers of the assessment pages (issue 14, 物业考核): the API's enums, tag types, the indicator tree (groups and their
// indicators; a leaf is an indicator without children, the leaves' weights add up to 100), the self-reported leaves a
// company fills in and a regulator scores.
export { may, postIfMatch, enumText } from '../companies/registry.js';
export { fieldError, ownCompanyId, putIfMatch } from '../credit/credit.js';
export { formatDate, formatTime } from '../../lib/format.js';

export const METHODS = ['SELF_REPORTED', 'COMPUTED'];
export const METRICS = ['COMPLAINT_RATE', 'REPAIR_ON_TIME', 'PATROL_CLOSURE', 'INSPECTION_PASS', 'SATISFACTION'];
export const ROUND_STATUSES = ['OPEN', 'CLOSED', 'PUBLISHED'];
export const REPORT_STATUSES = ['NOT_SUBMITTED', 'SUBMITTED', 'RETURNED', 'APPROVED'];

const TAGS = {
  DRAFT: 'warning', FROZEN: 'info', OPEN: 'primary', CLOSED: 'warning', PUBLISHED: 'success',
  NOT_SUBMITTED: 'info', SUBMITTED: 'warning', RETURNED: 'danger', APPROVED: 'success',
};
export function tagType(value) {
  return TAGS[value] || 'info';
}

const byOrdinal = (a, b) => (a.ordinal ?? 0) - (b.ordinal ?? 0) || (a.id ?? 0) - (b.id ?? 0);

/** The API's flat indicators as a two-level tree: [{ ...group, children: [...] }] in ordinal order. */
export function indicatorTree(indicators) {
  const list = [...(indicators || [])].sort(byOrdinal);
  const ids = new Set(list.map(i => i.id));
  return list.filter(i => i.parentId == null || !ids.has(i.parentId))
    .map(g => ({ ...g, children: list.filter(c => c.parentId != null && c.parentId === g.id) }));
}

/** The scored indicators (leaves) in tree order. */
export function leaves(indicators) {
  return indicatorTree(indicators).flatMap(g => (g.children.length ? g.children : [g]));
}

/** The leaves the company reports itself (and the regulator scores). */
export function selfReported(indicators) {
  return leaves(indicators).filter(i => i.method === 'SELF_REPORTED');
}

/** Sum of weights, to two decimals (weights may be 2.5). */
export function weightSum(list) {
  return Math.round(list.reduce((s, i) => s + (Number(i.weight) || 0), 0) * 100) / 100;
}

/** The period of a round, from – to. */
export function period(round, format) {
  return round && round.periodFrom ? `${format(round.periodFrom)} – ${format(round.periodTo)}` : '';
}
