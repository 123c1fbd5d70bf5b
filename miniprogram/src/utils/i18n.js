// The mini program's texts in the four languages of the platform (zh-CN default, zh-TW, pt, en; issue 12 item 8). The key
// style mirrors the portal's messages.js (`houses.title`, `cases.status.REQUESTED`); test/i18n.test.js keeps the four
// files' keys and `{placeholders}` equal. The choice is kept in storage (`spm.locale`); without one the WeChat client's
// language decides (zh_CN → zh-CN, zh_TW / zh_HK → zh-TW, pt* → pt, en* → en, anything else zh-CN).
const MESSAGES = {
  'zh-CN': require('../i18n/zh-CN.js'),
  'zh-TW': require('../i18n/zh-TW.js'),
  pt: require('../i18n/pt.js'),
  en: require('../i18n/en.js'),
};
const LOCALES = ['zh-CN', 'zh-TW', 'pt', 'en'];
const DEFAULT_LOCALE = 'zh-CN';
const KEY = 'spm.locale';
let current = null;

/** The UI language for a WeChat client language (`zh_CN`, `zh_TW`, `en`, `pt_BR` …). */
function fromClient(language) {
  const tag = String(language || '').toLowerCase().replace('_', '-');
  if (tag === 'zh-tw' || tag === 'zh-hk' || tag === 'zh-mo' || tag.startsWith('zh-hant')) return 'zh-TW';
  if (tag.startsWith('zh')) return 'zh-CN';
  if (tag.startsWith('pt')) return 'pt';
  if (tag.startsWith('en')) return 'en';
  return DEFAULT_LOCALE;
}

function clientLanguage() {
  try {
    const info = typeof wx.getAppBaseInfo === 'function' ? wx.getAppBaseInfo() : wx.getSystemInfoSync();
    return info && info.language;
  } catch (e) {
    return '';
  }
}

function locale() {
  if (current) return current;
  let stored = '';
  try { stored = wx.getStorageSync(KEY); } catch (e) { /* no storage: the client's language */ }
  current = LOCALES.includes(stored) ? stored : fromClient(clientLanguage());
  return current;
}

function setLocale(l) {
  if (!LOCALES.includes(l)) throw new Error(`unknown locale ${l}`);
  current = l;
  wx.setStorageSync(KEY, l);
}

/** Forget the cached choice (tests). */
function reset() {
  current = null;
}

/** The Accept-Language the API understands for a UI language (docs/api.md "language"). */
function acceptLanguage(l) {
  return { 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW', pt: 'pt-PT', en: 'en' }[l || locale()] || DEFAULT_LOCALE;
}

/** Every text of the current language (pages put it into `data.t`: WXML reads `{{t.houses.title}}`). */
function messages(l) {
  return MESSAGES[l || locale()];
}

function lookup(tree, key) {
  return key.split('.').reduce((node, part) => (node && typeof node === 'object' ? node[part] : undefined), tree);
}

/** `t('houses.verifyDone', {n: 2})`: the text with `{name}` replaced; the key itself when missing. */
function t(key, params) {
  let text = lookup(messages(), key);
  if (typeof text !== 'string') text = lookup(MESSAGES[DEFAULT_LOCALE], key);
  if (typeof text !== 'string') return key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (params && params[name] !== undefined && params[name] !== null ? String(params[name]) : m));
}

/** Whether a key exists in the current language. */
function has(key) {
  return typeof lookup(messages(), key) === 'string';
}

module.exports = { LOCALES, DEFAULT_LOCALE, MESSAGES, locale, setLocale, reset, fromClient, acceptLanguage, messages, t, has };
