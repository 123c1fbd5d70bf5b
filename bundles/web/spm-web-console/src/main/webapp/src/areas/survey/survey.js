// Helpers of the survey pages (issue 16 part 2): tag types of the statuses; the rest is shared with the portal
// (@spm-common/survey.js).
const TAGS = { DRAFT: 'warning', OPEN: 'primary', CLOSED: 'info', PUBLISHED: 'success' };
export function tagType(status) {
  return TAGS[status] || 'info';
}
