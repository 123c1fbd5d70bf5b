// Helpers of the inspection pages (issue 14, 双随机一公开): the enums of the API, tag types, If-Match writes.
import { api } from '../../api.js';
import { withHeaders } from '../companies/registry.js';

export { may, postIfMatch, enumText } from '../companies/registry.js';
export { fieldError, putIfMatch } from '../credit/credit.js';
export { formatDate, formatTime } from '../../lib/format.js';

export const TARGETS = ['COMPANY', 'ESTATE'];
export const RISK_LEVELS = ['HIGH', 'ELEVATED', 'NORMAL', 'LOW'];
export const UNIT_KINDS = ['BUREAU', 'AUTHORISED'];
export const TIE_KINDS = ['EMPLOYER', 'FORMER_EMPLOYER', 'RELATED'];
export const OUTCOMES = ['PASS', 'FAIL', 'NOT_APPLICABLE'];
export const TASK_STATUSES = ['PLANNED', 'DRAWN', 'FINISHED', 'PUBLISHED', 'CANCELLED'];

const TAGS = {
  HIGH: 'danger', ELEVATED: 'warning', NORMAL: 'primary', LOW: 'success',
  PLANNED: 'info', DRAWN: 'warning', FINISHED: 'primary', PUBLISHED: 'success',
  PASS: 'success', FAIL: 'danger', NOT_APPLICABLE: 'info',
};
export function tagType(value) {
  return TAGS[value] || 'info';
}

