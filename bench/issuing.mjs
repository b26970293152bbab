// Issuing-simulation benchmarks (issue "Issuing simulation"), one run, printed as tables with
// ratios: `simulate_issuing` natively (bench_requests, the request API with JSON in and out)
// and in the wasm module under node.
//
// - Time per simulated day against the stock size: seed 004's scenario scaled from about 1,000
//   to 30,000 units (supply, starting stock and both demand streams scaled together), rules L0,
//   E0 and E1 each alone, 10 days from the starting stock.
// - A seed-004 replication at 30,000 units (126 + 42 days) per rule: the time per day at full
//   size times 168 (run one with `--full` to time it whole, natively and in wasm).
// - A 365-day thesis run (56 warm-up days) with antigen set A3 (sec. 6.5.1), per gamma.
// - Replications in parallel: natively with --threads 1, 2 and 0 (every core), and in node
//   worker threads over ranges merged by merge_issuing, as the page's pool does; the numbers
//   must be those of one thread.
// `make bench` runs it; `node bench/issuing.mjs --full` adds the whole replications.
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { loadModule, root } from '../tests/js/support.mjs';
import { nativeRequestMs } from './native.mjs';

const full = process.argv.includes('--full');
const mod = await loadModule();
const call = (op, body) => {
  const response = JSON.parse(mod.call(op, typeof body === 'string' ? body : JSON.stringify(body)));
  if (response.error) throw new Error(`${op}: ${response.error.message}`);
  return response.result;
};
const wasmMs = (op, body) => {
  const started = performance.now();
  call(op, body);
  return performance.now() - started;
};
const cli = path.join(root, 'build/native/rbcmatch');
const fmt = (x, digits = 1) => x.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

// Seed 004's scenario as the preset has it (the result carries the scenario as run).
const seed004 = call('simulate_issuing', { preset: 'seed004', days: 1, warm_up_days: 0, replications: 1 }).scenario;
const rules = Object.fromEntries(seed004.policies.map((p) => [p.label, p]));
const scaled = (supply, policy, days) => {
  const f = supply / seed004.supply.mean;
  const demand = seed004.demand.map((d) => ({ ...d, requests: { ...d.requests, mean: Math.max(1, Math.round(d.requests.mean * f)) } }));
  return JSON.stringify({
    preset: 'seed004', supply: { ...seed004.supply, mean: supply }, initial_stock: { ...seed004.initial_stock, units: Math.round(seed004.initial_stock.units * f) },
    demand, warm_up_days: 0, days, replications: 1, policies: [rules[policy]],
  });
};

// 1. Time per day against stock size.
const supplies = [130, 400, 1300, 3500];
const days = 10;
const perDay = {};
for (const policy of ['L0', 'E0', 'E1']) {
  const bodies = Object.fromEntries(supplies.map((s) => [`${policy} ${s}`, scaled(s, policy, days)]));
  const native = nativeRequestMs('simulate_issuing', bodies, 1);
  for (const [name, body] of Object.entries(bodies)) {
    const stock = JSON.parse(body).initial_stock.units;
    perDay[name] = { policy, stock, native: native[name] / days, wasm: wasmMs('simulate_issuing', body) / days };
  }
}
console.log('\n## Issuing simulation\n');
console.log(`Time per simulated day, seed 004's scenario scaled (${days} days from the starting stock, one rule at a time):\n`);
console.log('| rule | stock at the start | native ms / day | wasm ms / day | wasm / native |');
console.log('|---|---|---|---|---|');
for (const r of Object.values(perDay))
  console.log(`| ${r.policy} | ${fmt(r.stock, 0)} | ${fmt(r.native)} | ${fmt(r.wasm)} | ${(r.wasm / r.native).toFixed(2)} |`);

// 2. A seed-004 replication at full size.
console.log('\nA seed-004 replication at 30,000 units (126 warm-up + 42 measured days), one rule:\n');
console.log('| rule | native s (168 x per day) | wasm s (168 x per day) | goal |');
console.log('|---|---|---|---|');
for (const policy of ['L0', 'E0', 'E1']) {
  const r = perDay[`${policy} 3500`];
  console.log(`| ${policy} | ${fmt(r.native * 168 / 1000)} | ${fmt(r.wasm * 168 / 1000)} | 60 s native, 90 s wasm |`);
}
if (full) {
  for (const policy of ['L0', 'E0', 'E1']) {
    const body = JSON.stringify({ preset: 'seed004', replications: 1, policies: [rules[policy]] });
    const native = nativeRequestMs('simulate_issuing', { whole: body }, 1).whole;
    console.log(`whole replication, ${policy}: native ${fmt(native / 1000)} s, wasm ${fmt(wasmMs('simulate_issuing', body) / 1000)} s`);
  }
}

// 3. The thesis year with A3.
const a3 = ['A', 'B', 'D', 'C', 'c', 'E', 'e', 'K', 'Fya', 'Fyb', 'Jka', 'Jkb', 'S', 's'];
const thesis = call('simulate_issuing', { preset: 'thesis', days: 1, warm_up_days: 0, replications: 1 }).scenario;
console.log('\nA 365-day thesis run (56 warm-up days) with antigen set A3, one replication, one policy:\n');
console.log('| policy | native s | wasm s | wasm / native | goal |');
console.log('|---|---|---|---|---|');
for (const policy of thesis.policies) {
  const body = JSON.stringify({ preset: 'thesis', antigens: a3, replications: 1, policies: [policy] });
  const native = nativeRequestMs('simulate_issuing', { year: body }, 1).year;
  const wasm = wasmMs('simulate_issuing', body);
  console.log(`| ${policy.label} | ${fmt(native / 1000, 2)} | ${fmt(wasm / 1000, 2)} | ${(wasm / native).toFixed(2)} | 5 s wasm |`);
}

// 4. Replications in parallel.
const parallelBody = JSON.stringify({ preset: 'seed004_small', replications: 4 });
const threadRuns = [1, 2, 0].map((threads) => {
  const started = performance.now();
  const run = spawnSync(cli, ['--threads', String(threads), 'simulate_issuing'], { input: parallelBody, maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`rbcmatch --threads ${threads}: ${run.stderr}`);
  return { threads, ms: performance.now() - started, out: run.stdout.toString() };
});
console.log(`\nReplications in parallel: seed004_small, 4 replications, natively (${os.availableParallelism?.() ?? os.cpus().length} cores):\n`);
console.log('| --threads | s | speed-up | the numbers of one thread |');
console.log('|---|---|---|---|');
for (const r of threadRuns)
  console.log(`| ${r.threads === 0 ? '0 (every core)' : r.threads} | ${fmt(r.ms / 1000, 2)} | ${(threadRuns[0].ms / r.ms).toFixed(2)} | ${r.out === threadRuns[0].out ? 'yes' : 'NO'} |`);

// In node worker threads, as the page's pool: one range per worker, merged.
const serialStart = performance.now();
const serial = JSON.stringify(call('simulate_issuing', parallelBody));
const serialMs = performance.now() - serialStart;
const workerUrl = fileURLToPath(new URL('./issuing-worker.mjs', import.meta.url));
const pooledRun = async (threads) => {
  const workers = Array.from({ length: threads }, () => new Worker(workerUrl));
  await Promise.all(workers.map((w) => new Promise((resolve) => w.once('message', resolve))));
  const per = Math.ceil(4 / threads);
  const started = performance.now();
  const parts = await Promise.all(workers.map((w, i) => new Promise((resolve) => {
    w.once('message', resolve);
    w.postMessage(JSON.stringify({ preset: 'seed004_small', first_replication: i * per, replications: Math.min(per, 4 - i * per) }));
  })));
  const merged = JSON.stringify(call('merge_issuing', { results: parts.map((p) => JSON.parse(p)) }));
  const ms = performance.now() - started;
  for (const w of workers) await w.terminate();
  return { ms, same: merged === serial };
};
const threads = Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, 4));
console.log('\nIn wasm (node), the same 4 replications:\n');
console.log('| workers | s | speed-up | the numbers of one run |');
console.log('|---|---|---|---|');
console.log(`| none (one call) | ${fmt(serialMs / 1000, 2)} | 1.00 | - |`);
for (const n of [...new Set([1, 2, threads])]) {
  const r = await pooledRun(n);
  console.log(`| ${n} | ${fmt(r.ms / 1000, 2)} | ${(serialMs / r.ms).toFixed(2)} | ${r.same ? 'yes' : 'NO'} |`);
  if (!r.same) process.exitCode = 1;
}
if (threadRuns.some((r) => r.out !== threadRuns[0].out)) process.exitCode = 1;
