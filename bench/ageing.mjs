// Ageing benchmarks (thesis sec. 5.3), measured in one run and printed as a table with ratios:
// `ageing` requests natively (bench_requests, the request API with JSON in and out) and in the
// wasm module under node. Goal: interactive, well under 100 ms in wasm for the page's request
// and for the largest one the limits allow. `make bench` runs it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { loadModule, root } from '../tests/js/support.mjs';
import { settledTime } from './timing.mjs';

const requests = {
  "the page's default (R = 35, N = 35; curves for N = 1, 5, 35; 9 table rows)": {},
  '8 curves of 2,001 points, N up to 10,000': {
    compare_phases: [1, 5, 35, 350, 1000, 3000, 7000, 10000], points: 2001 },
  'error table of 60 rows, N up to 1,000,000': {
    error_table: Array.from({ length: 60 }, (_, i) => Math.round(10 ** (i / 10))), compare_phases: [35], points: 2 },
  'stock of mean 100,000 units (lambda R at its limit), N = 1,000 with a state': {
    arrival_rate: 1e5 / 35, phases: 1000, state: Array(1000).fill(100), compare_phases: [35], points: 2 },
};
const bodies = Object.fromEntries(Object.entries(requests).map(([k, v]) => [k, JSON.stringify(v)]));

const nativeDir = process.env.RBCMATCH_NATIVE_DIR ?? path.join(root, 'build/native');
const run = spawnSync(path.join(nativeDir, 'bench/bench_requests'), ['ageing', '101', ...Object.entries(bodies).flat()], { maxBuffer: 1 << 24 });
if (run.status !== 0) throw new Error(`bench_requests failed: ${run.stderr}`);
const native = JSON.parse(run.stdout.toString());

const mod = await loadModule();
// Medians after a warm-up until the time per call settles (bench/timing.mjs).
const wasm = Object.fromEntries(Object.entries(bodies).map(([name, body]) => [name, settledTime(() => mod.call('ageing', body), 101)]));

console.log('\n## Ageing\n');
console.log('| request | native ms | wasm ms (node) | wasm / native | wasm warm-up calls |');
console.log('|---|---|---|---|---|');
for (const name of Object.keys(bodies)) {
  const w = wasm[name];
  console.log(`| ${name} | ${native[name].toFixed(3)} | ${w.ms.toFixed(3)} | ${(w.ms / native[name]).toFixed(2)} | ${w.warmupCalls}${w.settled ? '' : ', not settled'} |`);
}
