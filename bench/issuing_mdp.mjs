// Issuing MDP benchmarks (thesis sec. 5.4), measured in one run and printed as a table with
// ratios: `issuing_mdp` requests natively (bench_requests, the request API with JSON in and
// out) and in the wasm module under node. Goal (issue 26): the MDP at its stated limit
// (20,000 stock compositions; iterations x state-action pairs <= 1.5e8) under 2 s in wasm.
// `make bench` runs it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { loadModule, root } from '../tests/js/support.mjs';
import { settledTime } from './timing.mjs';

const abo = [
  { name: 'O', antigens: [], donation_share: 0.45 },
  { name: 'A', antigens: ['A'], donation_share: 0.4 },
  { name: 'B', antigens: ['B'], donation_share: 0.1 },
  { name: 'AB', antigens: ['A', 'B'], donation_share: 0.05 },
];
const requests = {
  'RhD, 2 phases, at most 4 units (70 states; the defaults)': {},
  'ABO, 3 phases, at most 6 units (18,564 states, 241,332 state-action pairs), no action table':
    { groups: abo, phases: 3, max_stock: 6, actions: false },
  'the same with its action table (18,564 rows)': { groups: abo, phases: 3, max_stock: 6 },
  'the same at the work limit: 621 iterations, tolerance 1e-13 (not reached)':
    { groups: abo, phases: 3, max_stock: 6, tolerance: 1e-13, actions: false },
};
const bodies = Object.fromEntries(Object.entries(requests).map(([k, v]) => [k, JSON.stringify(v)]));

const nativeDir = process.env.RBCMATCH_NATIVE_DIR ?? path.join(root, 'build/native');
const run = spawnSync(path.join(nativeDir, 'bench/bench_requests'), ['issuing_mdp', '5', ...Object.entries(bodies).flat()], { maxBuffer: 1 << 26 });
if (run.status !== 0) throw new Error(`bench_requests failed: ${run.stderr}`);
const native = JSON.parse(run.stdout.toString());

const mod = await loadModule();
// Medians after a warm-up until the time per call settles (bench/timing.mjs).
const wasm = Object.fromEntries(Object.entries(bodies).map(([name, body]) => [name, settledTime(() => mod.call('issuing_mdp', body), 5, { maxSeconds: 12 })]));

console.log('\n## Issuing MDP\n');
console.log('| request | native ms | wasm ms (node) | wasm / native | wasm warm-up calls |');
console.log('|---|---|---|---|---|');
for (const name of Object.keys(bodies)) {
  const w = wasm[name];
  console.log(`| ${name} | ${native[name].toFixed(1)} | ${w.ms.toFixed(1)} | ${(w.ms / native[name]).toFixed(2)} | ${w.warmupCalls}${w.settled ? '' : ', not settled'} |`);
}
