// Dates and times in the zone's time and the UI language: shared with the portal (bundles/web/common/src/format.js).
export { formatDate, formatTime } from '@spm-common/format.js';
