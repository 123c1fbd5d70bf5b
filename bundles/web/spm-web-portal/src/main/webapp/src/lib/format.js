// Dates and times for the UI language (the API sends ISO-8601 UTC; the zone's people read Asia/Shanghai time).
import { currentLocale } from '../i18n.js';

const TAG = { 'zh-CN': 'zh-CN', 'zh-TW': 'zh-MO', pt: 'pt-PT', en: 'en-GB' };

export function dateTime(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(TAG[currentLocale()] || 'zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  });
}

export function date(iso) {
  if (!iso) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return new Date(iso).toLocaleDateString(TAG[currentLocale()] || 'zh-CN', { timeZone: 'Asia/Shanghai' });
}

/** Element Plus tag type of a status: done green, refused red, waiting orange, else blue. */
export function statusType(status) {
  if (['CLOSED', 'CONFIRMED', 'FILED', 'APPROVED', 'RESOLVED', 'COMPLETED'].includes(status)) return 'success';
  if (['REJECTED', 'REVOKED', 'RETURNED', 'SUSPENDED'].includes(status)) return 'danger';
  if (['WAITING', 'REOPENED', 'SUBMITTED', 'APPLYING'].includes(status)) return 'warning';
  return 'primary';
}
