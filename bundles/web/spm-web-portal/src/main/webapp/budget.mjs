// Issue 13 budget (portal): the JavaScript a first visit loads (the entry chunk and the home page with their static
// imports) must stay ≤ 500 KB gzipped. Runs after `vite build` (npm run build) and fails the build above it.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const BUDGET = 500 * 1024;
const dir = fileURLToPath(new URL('../../../target/classes/portal/assets/', import.meta.url));
const files = readdirSync(dir);
const seen = new Set();
function walk(file) {
  if (seen.has(file)) return;
  seen.add(file);
  for (const m of readFileSync(dir + file, 'utf8').matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) walk(m[1]);
}
for (const start of [/^index-.*\.js$/, /^HomeView-.*\.js$/]) {
  const file = files.find(f => start.test(f));
  if (!file) throw new Error(`no chunk ${start} in ${dir}`);
  walk(file);
}
const gz = [...seen].reduce((sum, f) => sum + gzipSync(readFileSync(dir + f), { level: 9 }).length, 0);
const all = files.filter(f => f.endsWith('.js')).reduce((sum, f) => sum + gzipSync(readFileSync(dir + f), { level: 9 }).length, 0);
console.log(`initial JavaScript ${(gz / 1024).toFixed(1)} KB gzipped (${seen.size} chunks; budget ${BUDGET / 1024} KB); all JavaScript ${(all / 1024).toFixed(1)} KB gzipped`);
if (gz > BUDGET) {
  console.error('initial JavaScript over budget: split routes or import fewer components in the shell');
  process.exit(1);
}
