// Dates and times for the UI language (the API sends ISO-8601 UTC; the zone's people read Asia/Shanghai time).
import { formatDate, formatTime } from '@spm-common/format.js';
import { currentLocale } from '../i18n.js';

/** An ISO instant in the zone time, to the minute, in the UI language. */
export const dateTime = iso => formatTime(iso, currentLocale());

/** A day: yyyy-MM-dd as it is, an instant as its day in the zone. */
export const date = iso => (/^\d{4}-\d{2}-\d{2}$/.test(iso || '') ? iso : formatDate(iso, currentLocale()));

/** Element Plus tag type of a status: done green, refused red, waiting orange, else blue. */
export function statusType(status) {
  if (['CLOSED', 'CONFIRMED', 'FILED', 'APPROVED', 'RESOLVED', 'COMPLETED'].includes(status)) return 'success';
  if (['REJECTED', 'REVOKED', 'RETURNED', 'SUSPENDED'].includes(status)) return 'danger';
  if (['WAITING', 'REOPENED', 'SUBMITTED', 'APPLYING'].includes(status)) return 'warning';
  return 'primary';
}
