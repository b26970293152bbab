// Ordering benchmarks (seed 003 sec. 4.3), measured in one run and printed as a table with
// ratios: the `ordering` request natively (bench_requests, the request API with JSON in and
// out) and in the wasm module under node. Goal (issue 27): the (s, S) tuning of a 3-year daily
// series over a 200 x 200 grid under 300 ms in wasm. The rows after it show how the time grows
// with the grid and with the series' length, and what the cost map over the (s, S) grid (41
// values a side by default) and the STL forecast (seed 003 sec. 4.2) add.
// `make bench` runs it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { loadModule, root } from '../tests/js/support.mjs';
import { settledTime } from './timing.mjs';

// `days` generated days, the last 365 for testing; an n x n grid: S from 780, s from 0, both
// spanning 2,000 units.
const request = (years, n) => ({
  generate: { days: 365 * (years + 1), seed: 1 },
  target_grid: { from: 780, to: 780 + (n - 1) * (2000 / n), step: 2000 / n },
  reorder_grid: { from: 0, to: (n - 1) * (2000 / n), step: 2000 / n },
  trace: false,
});
const requests = {
  '3 years of training days, 200 x 200 grid (the goal)': request(3, 200),
  '3 years, 100 x 100 grid': request(3, 100),
  '3 years, 50 x 50 grid': request(3, 50),
  '1 year, 200 x 200 grid': request(1, 200),
  '9 years, 200 x 200 grid': request(9, 200),
  '3 years, 200 x 200 grid, without the cost map (surface 0)': { ...request(3, 200), surface: 0 },
  '3 years, 200 x 200 grid, a finer cost map (101 x 101)': { ...request(3, 200), surface: 101 },
  '3 years, 200 x 200 grid, twice-weekly orders': { ...request(3, 200), schedule: 'twice_weekly' },
  '3 years, 200 x 200 grid, with every trace': { ...request(3, 200), trace: true },
  '3 years, 200 x 200 grid, STL forecast (robust)': { ...request(3, 200), forecast: 'stl', stl: { robust: true } },
  '3 years, 200 x 200 grid, STL forecast (periodic, trend window 1001)':
    { ...request(3, 200), forecast: 'stl', stl: { seasonal_window: 'periodic', trend_window: 1001 } },
};
const bodies = Object.fromEntries(Object.entries(requests).map(([k, v]) => [k, JSON.stringify(v)]));

const nativeDir = process.env.RBCMATCH_NATIVE_DIR ?? path.join(root, 'build/native');
const run = spawnSync(path.join(nativeDir, 'bench/bench_requests'), ['ordering', '5', ...Object.entries(bodies).flat()], { maxBuffer: 1 << 24 });
if (run.status !== 0) throw new Error(`bench_requests failed: ${run.stderr}`);
const native = JSON.parse(run.stdout.toString());

const mod = await loadModule();
const pairs = {};
const wasm = Object.fromEntries(Object.entries(bodies).map(([name, body]) => {
  const r = JSON.parse(mod.call('ordering', body));
  if (r.error) throw new Error(`${name}: ${r.error.message}`);
  pairs[name] = r.result.tuning.pairs;
  // Calls of a few hundred ms: short warm-up rounds, a bounded wait.
  return [name, settledTime(() => mod.call('ordering', body), 5, { maxSeconds: 10 })];
}));

console.log('\n## Ordering\n');
console.log('| request | (s, S) pairs | native ms | wasm ms (node) | wasm / native | wasm warm-up calls |');
console.log('|---|---|---|---|---|---|');
for (const name of Object.keys(bodies)) {
  const w = wasm[name];
  console.log(`| ${name} | ${pairs[name]} | ${native[name].toFixed(1)} | ${w.ms.toFixed(1)} | ${(w.ms / native[name]).toFixed(2)} | ${w.warmupCalls}${w.settled ? '' : ', not settled'} |`);
}
