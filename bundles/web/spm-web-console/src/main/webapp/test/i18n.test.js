import { describe, expect, it } from 'vitest';
import { acceptLanguage, chooseLocale, LOCALES } from '../src/i18n.js';
import messages from '../src/messages.js';

function keys(object, prefix = '') {
  return Object.entries(object).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, prefix + k + '.') : [prefix + k]));
}

describe('languages', () => {
  it('asks the API in the language the UI shows', () => {
    expect(acceptLanguage('zh-CN')).toBe('zh-CN');
    expect(acceptLanguage('zh-TW')).toBe('zh-TW');
    expect(acceptLanguage('pt')).toBe('pt-PT');
    expect(acceptLanguage('en')).toBe('en');
    expect(acceptLanguage('fr')).toBe('zh-CN');
  });

  it('keeps a stored choice, else follows the browser, else zh-CN', () => {
    expect(chooseLocale('en', ['zh-CN'])).toBe('en');
    expect(chooseLocale(null, ['fr-FR', 'zh-MO'])).toBe('zh-TW');
    expect(chooseLocale(null, ['zh-Hant-HK'])).toBe('zh-TW');
    expect(chooseLocale(null, ['zh-SG'])).toBe('zh-CN');
    expect(chooseLocale(null, ['pt-BR'])).toBe('pt');
    expect(chooseLocale('xx', ['de'])).toBe('zh-CN');
  });

  it('has every text in all four languages', () => {
    const reference = keys(messages['zh-CN']).sort();
    for (const { code } of LOCALES) {
      expect(keys(messages[code]).sort(), code).toEqual(reference);
    }
  });
});
