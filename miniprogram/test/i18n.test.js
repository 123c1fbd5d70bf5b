// The four languages of the mini program (issue 12 item 8 / issue 18): the same keys and {placeholders} in zh-CN, zh-TW,
// pt and en; every text key the pages and components use exists; the client's language and Accept-Language mapping.
const fs = require('fs');
const path = require('path');
const { SRC } = require('./helpers');

const LOCALES = ['zh-CN', 'zh-TW', 'pt', 'en'];
const load = l => require(path.join(SRC, 'i18n', `${l}.js`));

function flatten(tree, prefix = '', out = {}) {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') flatten(v, key, out);
    else out[key] = v;
  }
  return out;
}

const placeholders = text => [...String(text).matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort().join(',');

describe('message files', () => {
  const base = flatten(load('zh-CN'));

  test.each(LOCALES.slice(1))('%s has exactly the keys of zh-CN', l => {
    const other = flatten(load(l));
    expect(Object.keys(other).sort()).toEqual(Object.keys(base).sort());
  });

  test.each(LOCALES.slice(1))('%s keeps the placeholders of every zh-CN text', l => {
    const other = flatten(load(l));
    const wrong = Object.keys(base).filter(k => placeholders(base[k]) !== placeholders(other[k]));
    expect(wrong).toEqual([]);
  });

  test.each(LOCALES)('%s has no empty text', l => {
    const empty = Object.entries(flatten(load(l))).filter(([, v]) => typeof v !== 'string' || !v.trim()).map(([k]) => k);
    expect(empty).toEqual([]);
  });

  test('every static text key used in WXML (t.x.y) and JS (tr/i18n.t/setTitle) exists in zh-CN', () => {
    const files = [];
    const walk = dir => fs.readdirSync(dir, { withFileTypes: true }).forEach(d => {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else if (/\.(wxml|js)$/.test(d.name) && !p.includes(`${path.sep}i18n${path.sep}`)) files.push(p);
    });
    walk(SRC);
    const missing = [];
    for (const file of files) {
      const src = fs.readFileSync(file, 'utf8');
      const keys = [];
      if (file.endsWith('.wxml')) {
        // t.a.b.c up to the first dynamic part ([ or a non-identifier)
        for (const m of src.matchAll(/\bt\.([A-Za-z]+(?:\.[A-Za-z0-9]+)*)/g)) keys.push(m[1]);
      } else {
        for (const m of src.matchAll(/(?:\btr|i18n\.t|setTitle)\('([A-Za-z0-9.]+)'/g)) keys.push(m[1]);
      }
      for (const key of keys.map(k => k.replace(/\.$/, ''))) {
        const node = key.split('.').reduce((n, part) => (n && typeof n === 'object' ? n[part] : undefined), load('zh-CN'));
        if (node === undefined) missing.push(`${path.relative(SRC, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('i18n module', () => {
  const i18n = () => require(path.join(SRC, 'utils', 'i18n.js'));

  test('zh-CN by default; the WeChat client language decides without a stored choice', () => {
    expect(i18n().locale()).toBe('zh-CN');
    jest.resetModules();
    wx.getAppBaseInfo = () => ({ language: 'zh_HK' });
    expect(i18n().locale()).toBe('zh-TW');
    expect(['zh_CN', 'zh_TW', 'zh_MO', 'pt_BR', 'pt', 'en_US', 'en', 'fr', ''].map(x => i18n().fromClient(x)))
      .toEqual(['zh-CN', 'zh-TW', 'zh-TW', 'pt', 'pt', 'en', 'en', 'zh-CN', 'zh-CN']);
  });

  test('a stored choice wins and is kept; the Accept-Language follows (pt → pt-PT)', () => {
    const m = i18n();
    m.setLocale('pt');
    expect(wx.getStorageSync('spm.locale')).toBe('pt');
    expect(m.acceptLanguage()).toBe('pt-PT');
    expect(m.t('tabs.home')).toBe('Início');
    jest.resetModules();
    expect(i18n().locale()).toBe('pt');
    expect(() => i18n().setLocale('fr')).toThrow();
  });

  test('t() fills the placeholders and falls back to zh-CN, then to the key', () => {
    const m = i18n();
    m.setLocale('en');
    expect(m.t('houses.verifyDone', { n: 2 })).toBe('Verification done: 2 houses');
    expect(m.t('no.such.key')).toBe('no.such.key');
    expect(m.has('tabs.map')).toBe(true);
    expect(m.has('tabs')).toBe(false);
  });
});
