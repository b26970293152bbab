// Acquisition benchmarks (seed 002), measured in one run and printed as a table with ratios:
// `acquisition` requests natively (bench_requests, the request API with JSON in and out) and in
// the wasm module under node. Goals (issue 26): the batch-request chain at k = 5,000 under
// 20 ms in wasm; the smallest rate for a target at k = 5,000 under 50 ms in wasm.
// `make bench` runs it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { loadModule, root } from '../tests/js/support.mjs';
import { settledTime } from './timing.mjs';

const batch = [0.55, 0.3, 0.1, 0.05];
const requests = {
  'batch chain, k = 5,000, requests of 1-4 units (no distribution returned)':
    { model: 'batch', k: 5000, m: 4000, rho: 1.01, batch, distribution: false },
  'batch chain, k = 5,000, with its distribution (5,001 numbers)':
    { model: 'batch', k: 5000, m: 4000, rho: 1.01, batch },
  'batch chain, k = 5,000, requests of 1-100 units': {
    model: 'batch', k: 5000, m: 4000, rho: 1.01, batch: Array.from({ length: 100 }, () => 0.01), distribution: false },
  'smallest rate for 0.9999, k = 5,000, m = 4,000 (M/M/1/k)':
    { k: 5000, m: 4000, target: 0.9999, distribution: false },
  'Fig. 3 curve, 2,001 rates, k = 5,000 (M/M/1/k)':
    { k: 5000, m: 4000, target: null, curve: { from: 0.9, to: 1.1, step: 0.0001 }, distribution: false },
};
const bodies = Object.fromEntries(Object.entries(requests).map(([k, v]) => [k, JSON.stringify(v)]));

const nativeDir = process.env.RBCMATCH_NATIVE_DIR ?? path.join(root, 'build/native');
const run = spawnSync(path.join(nativeDir, 'bench/bench_requests'), ['acquisition', '101', ...Object.entries(bodies).flat()], { maxBuffer: 1 << 24 });
if (run.status !== 0) throw new Error(`bench_requests failed: ${run.stderr}`);
const native = JSON.parse(run.stdout.toString());

const mod = await loadModule();
// Medians after a warm-up until the time per call settles (bench/timing.mjs).
const wasm = Object.fromEntries(Object.entries(bodies).map(([name, body]) => [name, settledTime(() => mod.call('acquisition', body), 101)]));

console.log('\n## Acquisition\n');
console.log('| request | native ms | wasm ms (node) | wasm / native | wasm warm-up calls |');
console.log('|---|---|---|---|---|');
for (const name of Object.keys(bodies)) {
  const w = wasm[name];
  console.log(`| ${name} | ${native[name].toFixed(3)} | ${w.ms.toFixed(3)} | ${(w.ms / native[name]).toFixed(2)} | ${w.warmupCalls}${w.settled ? '' : ', not settled'} |`);
}
