// Dates and times as the UI language writes them, in the zone's time (Asia/Shanghai: Hengqin and Macao share it).
const ZONE = 'Asia/Shanghai';
const TAGS = { 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW', pt: 'pt-PT', en: 'en-GB' };

/** 2026-12-04T03:51:06Z → "2026/12/04 11:51" (zh-CN), "04/12/2026, 11:51" (en); empty for no value. */
export function formatTime(iso, locale) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return new Intl.DateTimeFormat(TAGS[locale] || 'zh-CN', {
    timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).format(date);
}

export function formatDate(iso, locale) {
  if (!iso) return '';
  const date = new Date(iso.length === 10 ? iso + 'T12:00:00Z' : iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return new Intl.DateTimeFormat(TAGS[locale] || 'zh-CN', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}
