// Times and numbers as the pages show them: ISO-8601 UTC from the API in the phone's local time.
const pad = n => String(n).padStart(2, '0');

/** '2026-12-05 14:03' in local time; '' without a value. */
function dateTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** '2026-12-05'; a plain date (yyyy-MM-dd) stays as it is. */
function date(iso) {
  if (!iso) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return dateTime(iso).slice(0, 10);
}

/** A date picker's 'yyyy-MM-dd' and a time picker's 'HH:mm' (local) → ISO-8601 with the phone's offset. */
function toIso(day, time) {
  if (!day) return '';
  const [y, m, d] = day.split('-').map(Number);
  const [hh, mm] = (time || '09:00').split(':').map(Number);
  return new Date(y, m - 1, d, hh, mm).toISOString();
}

module.exports = { dateTime, date, toIso };
