// Issue 13 budget, for both apps: the JavaScript a first visit loads (the entry chunks named on the command line with
// their static imports) must stay ≤ 500 KB gzipped. Each app's `npm run build` runs it after `vite build` and it fails
// the build above the budget:
//   node ../../../../common/budget.mjs <assets dir> <entry> [<entry> …]
// <assets dir> is the built app's assets/ folder (relative to the app's folder); an <entry> is a chunk's name before
// its content hash ("index" matches index-<hash>.js). Node built-ins only: no package resolves from this folder.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 500 * 1024;
const [dirArg, ...entries] = process.argv.slice(2);
if (!dirArg || entries.length === 0) {
  console.error('usage: node budget.mjs <assets dir> <entry> [<entry> …]');
  process.exit(2);
}
const dir = resolve(dirArg);
const files = readdirSync(dir);
const seen = new Set();
function walk(file) {
  if (seen.has(file)) return;
  seen.add(file);
  for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) walk(m[1]);
}
for (const entry of entries) {
  const start = new RegExp(`^${entry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-.*\\.js$`);
  const file = files.find(f => start.test(f));
  if (!file) throw new Error(`no chunk ${start} in ${dir}`);
  walk(file);
}
const gzipped = f => gzipSync(readFileSync(join(dir, f)), { level: 9 }).length;
const gz = [...seen].reduce((sum, f) => sum + gzipped(f), 0);
const all = files.filter(f => f.endsWith('.js')).reduce((sum, f) => sum + gzipped(f), 0);
console.log(`initial JavaScript ${(gz / 1024).toFixed(1)} KB gzipped (${seen.size} chunks; budget ${BUDGET / 1024} KB); all JavaScript ${(all / 1024).toFixed(1)} KB gzipped`);
if (gz > BUDGET) {
  console.error('initial JavaScript over budget: split routes or import fewer components in the shell');
  process.exit(1);
}
