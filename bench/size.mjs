// What the page downloads: each file the built page loads (public/build, `make web`), raw and
// gzip-compressed (level 9, as a server would send it), and the total against the goal of the
// issue "Allocation calculator": the wasm module and its JS under 1 MB gzip in total.
// Source maps are not downloaded by users and are left out.
//
//   node bench/size.mjs
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'public', 'build');
const files = readdirSync(dir).filter((f) => !f.endsWith('.map')).sort();
if (!files.some((f) => f.endsWith('.wasm'))) throw new Error(`no wasm module in ${dir}: run make web`);
const kB = (n) => (n / 1000).toFixed(1);
let raw = 0, gzip = 0;
console.log('| file | kB | kB gzip |\n|---|---|---|');
for (const f of files) {
  const data = readFileSync(path.join(dir, f));
  const z = gzipSync(data, { level: 9 }).length;
  raw += data.length;
  gzip += z;
  console.log(`| ${f} | ${kB(data.length)} | ${kB(z)} |`);
}
console.log(`| total | ${kB(raw)} | ${kB(gzip)} |`);
console.log(`\nGoal: under 1,000 kB gzip in total: ${gzip < 1e6 ? 'met' : 'NOT met'} (${kB(gzip)} kB).`);
