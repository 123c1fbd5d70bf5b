// Helpers of the e-voting pages (issue 16, SVC-VOTE-1/2, COS-4, OCS-6; VOTE-1..8; docs/voting-contract.md): statuses,
// the Civil Code art. 278 categories, choices, what each status allows, ratios as the API gives them (strings, never
// compared as floats: `met` is the API's exact decision), areas as exact strings.
export { may, postIfMatch, uploadFile, downloadFile } from '../companies/registry.js';
export { fieldError, putIfMatch } from '../credit/credit.js';
export { formatDate, formatTime } from '../../lib/format.js';

export const STATUSES = ['DRAFT', 'NOTICED', 'OPEN', 'CLOSED', 'PUBLISHED', 'SUSPENDED', 'CANCELLED'];
export { CATEGORIES, CHOICES, article, fraction, percent } from '@spm-common/vote.js';
export const CHANNELS = ['ONLINE', 'PAPER'];
export const OUTCOMES = ['PASSED', 'FAILED', 'NO_QUORUM'];

const TAGS = {
  DRAFT: 'info', NOTICED: 'primary', OPEN: 'warning', CLOSED: 'primary', PUBLISHED: 'success', SUSPENDED: 'danger', CANCELLED: 'info',
  PASSED: 'success', FAILED: 'danger', NO_QUORUM: 'warning', AGREE: 'success', DISAGREE: 'danger', ABSTAIN: 'info', ONLINE: 'primary', PAPER: 'warning',
};
export function tagType(value) {
  return TAGS[value] || 'info';
}

/** An area string "12345.67" with its unit; the API's text is kept as it is (exact). */
export function area(value) {
  return value === null || value === undefined || value === '' ? '' : `${value} m²`;
}

/** What the initiator (vote:manage) may do in each status; the supervisor (vote:supervise) suspends and resumes. */
export const mayEdit = vote => !!vote && vote.status === 'DRAFT';
export const mayNotice = vote => !!vote && vote.status === 'DRAFT';
export const mayCancel = vote => !!vote && ['DRAFT', 'NOTICED'].includes(vote.status);
export const mayPublish = vote => !!vote && vote.status === 'CLOSED';
export const maySuspend = vote => !!vote && ['NOTICED', 'OPEN', 'CLOSED'].includes(vote.status);
export const mayResume = vote => !!vote && vote.status === 'SUSPENDED';
/** The status that decides what exists: a suspended vote keeps what its `suspendedFrom` had. */
export const effective = vote => (vote ? (vote.status === 'SUSPENDED' ? vote.suspendedFrom || 'NOTICED' : vote.status) : '');
/** The electorate and ballots exist from OPEN on; the result from CLOSED on. */
export const hasElectorate = vote => ['OPEN', 'CLOSED', 'PUBLISHED'].includes(effective(vote));
export const hasResult = vote => ['CLOSED', 'PUBLISHED'].includes(effective(vote));

/** A date-time picker's value (local) → an ISO instant, or null. */
export const instant = v => (v ? new Date(v).toISOString() : null);
