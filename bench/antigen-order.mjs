// Antigen-order benchmarks (issue "Antigen order"), measured in one run and printed as a table
// with ratios: `antigen_order` requests natively (bench_requests, the request API with JSON in
// and out) and in the wasm module under node. Goals: models 1 and 2 over the 20-scenario grid
// under 0.5 s in wasm; one model-3 scenario with 10,000 draws per strategy under 2 s in wasm.
// The model-3 grid is split into one request per scenario (the page's pool of workers does the
// same); here the pieces run one after another and in node worker threads, with the speed-up
// and a check that both give the same numbers. `make bench` runs it.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { loadModule } from '../tests/js/support.mjs';
import { nativeRequestMs } from './native.mjs';
import { settledTime } from './timing.mjs';

const grid = (models) => ({ n: [60, 120, 250, 1000], k: [1, 2, 3, 5, 10], models });
const requests = {
  'model 2, n 60, k 2 (one scenario, 4,096 strategies)': { model: 2, limit: 1 },
  'models 1 and 2, the 20-scenario grid (40 programmes)': { model: 1, limit: 1, grid: grid([1, 2]) },
  'model 1, the 20-scenario grid (the page\'s grid request)': { model: 1, limit: 1, grid: grid([1]) },
  'model 2, the 20-scenario grid (the page\'s grid request)': { model: 2, limit: 1, grid: grid([2]) },
  'model 3, n 60, k 2: 2 replications of 5,000 draws (10,000 per strategy)': { model: 3, draws: 5000, replications: 2, limit: 1 },
  'model 3, n 60, k 2: the default 4 replications of 10,000 draws': { model: 3, limit: 1 },
};
const bodies = Object.fromEntries(Object.entries(requests).map(([k, v]) => [k, JSON.stringify(v)]));

const native = nativeRequestMs('antigen_order', bodies, 3);
const mod = await loadModule();
const wasm = Object.fromEntries(Object.entries(bodies).map(([name, body]) =>
  [name, settledTime(() => mod.call('antigen_order', body), 3, { minSeconds: 0, maxSeconds: 20, roundMs: 1 })]));

console.log('\n## Antigen order\n');
console.log('| request | native ms | wasm ms (node) | wasm / native |');
console.log('|---|---|---|---|');
for (const name of Object.keys(bodies))
  console.log(`| ${name} | ${native[name].toFixed(1)} | ${wasm[name].ms.toFixed(1)} | ${(wasm[name].ms / native[name]).toFixed(2)} |`);

// The model-3 grid, one request per scenario: in one thread, then over worker threads.
const pieces = [];
for (const n of [60, 120, 250, 1000]) for (const k of [1, 2, 3, 5, 10]) pieces.push(JSON.stringify({ model: 3, n, k, draws: 2000, replications: 2, limit: 1 }));
const started = performance.now();
const serial = pieces.map((body) => JSON.parse(mod.call('antigen_order', body)).result.value);
const serialMs = performance.now() - started;
const threads = Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, 8));
const workerUrl = fileURLToPath(new URL('./antigen-order-worker.mjs', import.meta.url));
const workers = Array.from({ length: threads }, () => new Worker(workerUrl));
await Promise.all(workers.map((w) => new Promise((resolve) => w.once('message', resolve))));  // modules loaded
const pooledStart = performance.now();
const pooled = await Promise.all(pieces.map((body, i) => new Promise((resolve) => {
  const w = workers[i % threads];
  const id = i;
  const onMessage = (m) => { if (m.id === id) { w.off('message', onMessage); resolve(m.value); } };
  w.on('message', onMessage);
  w.postMessage({ id, body });
})));
const pooledMs = performance.now() - pooledStart;
for (const w of workers) await w.terminate();
const same = serial.every((v, i) => v === pooled[i]);
console.log(`\nModel-3 grid (20 scenarios, 2 x 2,000 draws each), wasm: ${serialMs.toFixed(0)} ms in one thread, ` +
  `${pooledMs.toFixed(0)} ms over ${threads} worker threads (speed-up ${(serialMs / pooledMs).toFixed(2)}); ` +
  `the same numbers: ${same ? 'yes' : 'NO'}.`);
if (!same) process.exitCode = 1;
