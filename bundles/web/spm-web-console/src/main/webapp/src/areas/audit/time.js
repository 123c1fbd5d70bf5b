// Audit times to the second, in the zone of Hengqin and Macao (Asia/Shanghai), as the UI language writes them.
const TAGS = { 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW', pt: 'pt-PT', en: 'en-GB' };

export function auditTime(iso, locale) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return new Intl.DateTimeFormat(TAGS[locale] || 'zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    hourCycle: 'h23',
  }).format(d);
}
