// The console's UI language; the negotiation is shared with the portal (bundles/web/common/src/locale.js).
import { createLocaleI18n } from '@spm-common/locale.js';
import messages from './messages.js';

export { LOCALES, DEFAULT_LOCALE, acceptLanguage, chooseLocale } from '@spm-common/locale.js';

export const { i18n, currentLocale, setLocale } = createLocaleI18n(messages, 'spm.locale');
