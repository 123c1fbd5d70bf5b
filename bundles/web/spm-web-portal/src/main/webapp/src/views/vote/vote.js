// The portal's e-voting helpers (issue 16): tag types of the statuses and outcomes; the rest is shared with the console
// (bundles/web/common/src/vote.js).
export { CATEGORIES, CHOICES, article, fraction, percent } from '@spm-common/vote.js';

const TAGS = { NOTICED: 'primary', OPEN: 'warning', CLOSED: 'info', PUBLISHED: 'success', SUSPENDED: 'danger', CANCELLED: 'info', DRAFT: 'info' };
export const statusTag = status => TAGS[status] || 'info';
