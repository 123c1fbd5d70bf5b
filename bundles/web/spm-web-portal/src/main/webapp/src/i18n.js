// The portal's UI language; the negotiation (and the stored choice, shared with the console) is in bundles/web/common.
import { createLocaleI18n } from '@spm-common/locale.js';
import messages from './messages.js';

export { LOCALES, DEFAULT_LOCALE, acceptLanguage, chooseLocale } from '@spm-common/locale.js';

export const { i18n, currentLocale, setLocale } = createLocaleI18n(messages, 'spm.locale');
