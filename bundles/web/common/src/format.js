// Dates and times as the UI language writes them, in the zone time (Asia/Shanghai: Hengqin and Macao share it).
// Shared by the console (src/lib/format.js) and the portal (src/lib/format.js).
const ZONE = 'Asia/Shanghai';
const TAGS = { 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW', pt: 'pt-PT', en: 'en-GB' };

/**
 * 2026-12-04T03:51:06Z → "2026/12/04 11:51" (zh-CN), "04/12/2026, 11:51" (en); with `{ seconds: true }` to the second
 * (audit rows, bans, health); empty for no value, the raw text for one that is no time.
 */
export function formatTime(iso, locale, { seconds = false } = {}) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return new Intl.DateTimeFormat(TAGS[locale] || 'zh-CN', {
    timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}), hourCycle: 'h23',
  }).format(date);
}

export function formatDate(iso, locale) {
  if (!iso) return '';
  const date = new Date(iso.length === 10 ? iso + 'T12:00:00Z' : iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return new Intl.DateTimeFormat(TAGS[locale] || 'zh-CN', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}
