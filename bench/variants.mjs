// Compares wasm builds of the module in one node process: each is first checked for error
// survival (a GLPK fatal error, an input error, then a good LP and a stationary request),
// then the Rh requests are timed round-robin, so every build sees the same machine load.
//   node bench/variants.mjs DIR...     (folders with rbcmatch.js + rbcmatch.wasm; the first
//                                       is the reference; bench/variant.sh builds them)
// ROUNDS (default 300) and MULTISTART (default 9) set the repetitions. Prints medians in ms
// and, in brackets, the ratio to the first build.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const dirs = process.argv.slice(2).map((d) => path.resolve(d));
if (dirs.length === 0) { console.error('usage: node bench/variants.mjs DIR...'); process.exit(2); }
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const name = (d) => path.basename(d);

const modules = {};
for (const dir of dirs) {
  const m = await require(path.join(dir, 'rbcmatch.js'))({ wasmBinary: readFileSync(path.join(dir, 'rbcmatch.wasm')) });
  const call = (op, r) => JSON.parse(m.call(op, JSON.stringify(r)));
  const fatal = call('lp', { objective: [1e308, 1e308], constraints: [{ coefficients: [1e308, -1e308], upper: 1e308 }] });
  const input = call('lp', { objective: [1], bounds: [{ lower: 2, upper: 1 }] });
  const good = call('lp', { sense: 'max', objective: [3, 2], constraints: [{ coefficients: [1, 1], upper: 10 }, { coefficients: [1, 0], upper: 6 }] });
  const st = call('stationary', { system: 'rhd', frequencies: [0.168, 0.832] });
  const ok = fatal.error?.code === 'solver_error' && input.error?.code === 'invalid_field' && good.result?.objective === 26 &&
    Math.abs(st.result.least_squares.x[1] - 0.484) < 5e-4;
  console.log(`${name(dir)}: ${statSync(path.join(dir, 'rbcmatch.wasm')).size} bytes; errors survived: ${ok ? 'yes' : 'NO'}`);
  modules[dir] = m;
}

const rh = (extra) => JSON.stringify({ system: 'rh', population: 'rh/thesis-table-3.4', ...extra });
const benches = { 'Rh request': rh({}), 'as printed': rh({ constraint: 'none' }) };
const t = Object.fromEntries(dirs.map((d) => [d, { 'Rh request': [], 'as printed': [], multistart: [] }]));
for (const d of dirs) for (let i = 0; i < 20; i++) modules[d].call('stationary', benches['Rh request']);
for (let i = 0; i < Number(process.env.ROUNDS ?? 300); i++) {
  for (const d of dirs) {
    for (const [b, request] of Object.entries(benches)) {
      const s = performance.now();
      modules[d].call('stationary', request);
      t[d][b].push(performance.now() - s);
    }
  }
}
for (let i = 0; i < Number(process.env.MULTISTART ?? 9); i++) {
  for (const d of dirs) {
    const s = performance.now();
    modules[d].call('stationary', rh({ multistart: true }));
    t[d].multistart.push(performance.now() - s);
  }
}
const columns = Object.keys(t[dirs[0]]);
console.log(`| build | ${columns.join(' | ')} |`);
console.log(`|---|${columns.map(() => '---').join('|')}|`);
for (const d of dirs) {
  console.log(`| ${name(d)} | ${columns.map((b) => `${median(t[d][b]).toFixed(3)} (${(median(t[d][b]) / median(t[dirs[0]][b])).toFixed(2)})`).join(' | ')} |`);
}
