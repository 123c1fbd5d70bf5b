// The UI languages of the browser apps (issue 13): the four of the API (docs/api.md "Conventions"), the stored
// choice, else the browser's languages, else zh-CN. Shared by the console and the portal.
import { createI18n } from 'vue-i18n';

export const LOCALES = [
  { code: 'zh-CN', label: '简体中文' },
  { code: 'zh-TW', label: '繁體中文' },
  { code: 'pt', label: 'Português' },
  { code: 'en', label: 'English' },
];
export const DEFAULT_LOCALE = 'zh-CN';

/** The Accept-Language the API understands for a UI language (docs/api.md "Conventions"). */
export function acceptLanguage(locale) {
  return { 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW', pt: 'pt-PT', en: 'en' }[locale] || DEFAULT_LOCALE;
}

/** The UI language for a stored choice or the browser's languages: zh-CN unless one of the four is asked for. */
export function chooseLocale(stored, browserLanguages = []) {
  if (LOCALES.some(l => l.code === stored)) return stored;
  for (const raw of browserLanguages) {
    const tag = String(raw).toLowerCase();
    if (/^zh-(tw|hk|mo|hant)/.test(tag)) return 'zh-TW';
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'pt' || tag.startsWith('pt-')) return 'pt';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return DEFAULT_LOCALE;
}

/**
 * The app's vue-i18n instance (composition mode) in the stored or negotiated language, and the two functions the
 * app uses: `currentLocale()` and `setLocale(code)` (stores the choice under `key` in localStorage, sets <html lang>).
 */
export function createLocaleI18n(messages, key) {
  let stored = null;
  try { stored = localStorage.getItem(key); } catch { /* private mode */ }
  const i18n = createI18n({
    legacy: false,
    locale: chooseLocale(stored, typeof navigator === 'undefined' ? [] : navigator.languages || []),
    fallbackLocale: DEFAULT_LOCALE,
    messages,
  });

  function currentLocale() {
    return i18n.global.locale.value;
  }

  function setLocale(code) {
    i18n.global.locale.value = code;
    try { localStorage.setItem(key, code); } catch { /* private mode */ }
    if (typeof document !== 'undefined') document.documentElement.lang = code;
  }

  return { i18n, currentLocale, setLocale };
}
