// Audit times to the second, in the zone of Hengqin and Macao (lib/format.js).
import { formatTime } from '../../lib/format.js';

export const auditTime = (iso, locale) => formatTime(iso, locale, { seconds: true });
