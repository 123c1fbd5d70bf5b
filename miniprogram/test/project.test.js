// The project as WeChat DevTools opens it: project.config.json points at src/, every page of app.json has its four files
// and compiles with WeChat's wcc, the tab bar's pages are pages, every usingComponents path exists, sitemap.json is
// valid, and nothing in src/ requires an npm package (no runtime dependency).
const fs = require('fs');
const path = require('path');
const { SRC, load } = require('./helpers');

const ROOT = path.join(__dirname, '..');
const json = p => JSON.parse(fs.readFileSync(p, 'utf8'));
const app = json(path.join(SRC, 'app.json'));

test('project.config.json: a mini program rooted at src/ with the test AppID', () => {
  const project = json(path.join(ROOT, 'project.config.json'));
  expect(project.compileType).toBe('miniprogram');
  expect(project.miniprogramRoot).toBe('src/');
  expect(project.appid).toBe('touristappid');
  expect(fs.existsSync(path.join(SRC, 'app.js'))).toBe(true);
  expect(fs.existsSync(path.join(SRC, 'app.wxss'))).toBe(true);
  expect(json(path.join(SRC, app.sitemapLocation)).rules.length).toBeGreaterThan(0);
});

test.each(app.pages)('%s has .js, .json, .wxml, .wxss and compiles with wcc', page => {
  for (const ext of ['js', 'json', 'wxml', 'wxss']) expect(fs.existsSync(path.join(SRC, `${page}.${ext}`))).toBe(true);
  expect(() => load(page)).not.toThrow();
});

test('the tab bar is custom and its pages are pages', () => {
  expect(app.tabBar.custom).toBe(true);
  for (const item of app.tabBar.list) expect(app.pages).toContain(item.pagePath);
  for (const ext of ['js', 'json', 'wxml', 'wxss']) expect(fs.existsSync(path.join(SRC, 'custom-tab-bar', `index.${ext}`))).toBe(true);
});

test('every usingComponents path exists; marker icons exist', () => {
  const jsons = [];
  const walk = dir => fs.readdirSync(dir, { withFileTypes: true }).forEach(d => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) walk(p); else if (d.name.endsWith('.json') && p !== path.join(SRC, 'app.json') && !p.endsWith('sitemap.json')) jsons.push(p);
  });
  walk(SRC);
  for (const file of jsons) {
    for (const target of Object.values(json(file).usingComponents || {})) {
      const resolved = target.startsWith('/') ? path.join(SRC, target) : path.join(path.dirname(file), target);
      expect(fs.existsSync(`${resolved}.js`)).toBe(true);
    }
  }
  expect(fs.existsSync(path.join(SRC, 'images', 'estate.png'))).toBe(true);
  expect(fs.existsSync(path.join(SRC, 'images', 'cluster.png'))).toBe(true);
});

test('src/ requires only its own files (no npm package at run time)', () => {
  const bad = [];
  const walk = dir => fs.readdirSync(dir, { withFileTypes: true }).forEach(d => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) walk(p);
    else if (p.endsWith('.js')) {
      for (const m of fs.readFileSync(p, 'utf8').matchAll(/require\('([^']+)'\)/g)) if (!m[1].startsWith('.')) bad.push(`${path.relative(SRC, p)}: ${m[1]}`);
    }
  });
  walk(SRC);
  expect(bad).toEqual([]);
});
