import { createI18n } from 'vue-i18n';
import messages from './messages.js';

export const LOCALES = [
  { code: 'zh-CN', label: '简体中文' },
  { code: 'zh-TW', label: '繁體中文' },
  { code: 'pt', label: 'Português' },
  { code: 'en', label: 'English' },
];
export const DEFAULT_LOCALE = 'zh-CN';
const KEY = 'spm.locale';

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

function storedLocale() {
  try { return localStorage.getItem(KEY); } catch { return null; }
}

export const i18n = createI18n({
  legacy: false,
  locale: chooseLocale(storedLocale(), typeof navigator === 'undefined' ? [] : navigator.languages || []),
  fallbackLocale: DEFAULT_LOCALE,
  messages,
});

export function currentLocale() {
  return i18n.global.locale.value;
}

export function setLocale(code) {
  i18n.global.locale.value = code;
  try { localStorage.setItem(KEY, code); } catch { /* private mode */ }
  if (typeof document !== 'undefined') document.documentElement.lang = code;
}
