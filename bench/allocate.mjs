// Benchmark of the `allocate` operation on the chapter-6 instance (thesis sec. 6.5.1):
// antigen set A3 (14 antigens), units drawn from the Caucasian population of Table 4.4
// (the `frequencies` table over A3, 16,384 groups), residual shelf lives uniform on 1..35
// days (R = 35), requests drawn from the same population; 1,000 units / 100 requests and
// 3,000 units / 300 requests, for gamma = 0, 1/2 and 1.
//
// Times the request in the wasm module under node (JSON in and out, median of repeated
// calls after a warm-up) and natively through the CLI (the core's own `solver.seconds`,
// median over runs; process start-up excluded). Prints one Markdown table.
//
//   node bench/allocate.mjs                  build/native and build/wasm (make native wasm)
//   node bench/allocate.mjs --write DIR      also writes the requests as DIR/allocate-*.json
// RBCMATCH_WASM_DIR / RBCMATCH_CLI choose other builds (tests/js/support.mjs).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { cliPath, loadModule } from '../tests/js/support.mjs';

const A3 = ['A', 'B', 'D', 'C', 'c', 'E', 'e', 'K', 'Fya', 'Fyb', 'Jka', 'Jkb', 'S', 's'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// mulberry32: a small seeded generator, so the instance is the same on every run.
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function call(mod, op, request) {
  const r = JSON.parse(mod.call(op, typeof request === 'string' ? request : JSON.stringify(request)));
  if (r.error) throw new Error(`${op}: ${JSON.stringify(r.error)}`);
  return r.result;
}

// The A3 groups and their frequencies among donors (= recipients), from the module itself.
function population(mod) {
  const groups = [];
  for (let offset = 0; offset < 1 << A3.length; offset += 4096) {
    for (const g of call(mod, 'frequencies', { antigens: A3, offset, limit: 4096 }).groups) groups.push(g);
  }
  const cumulative = [];
  let total = 0;
  for (const g of groups) cumulative.push((total += g.frequency));
  return { groups, cumulative, total };
}

function draw(pop, random) {
  const u = random() * pop.total;
  let lo = 0, hi = pop.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pop.cumulative[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return pop.groups[lo].antigens;
}

function instance(pop, units, requested, gamma, seed) {
  const random = generator(seed);
  const stock = new Map();
  for (let k = 0; k < units; k++) {
    const group = draw(pop, random);
    const r = 1 + Math.floor(random() * 35);
    const key = `${group.join(' ')}|${r}`;
    stock.set(key, { group, residual_shelf_life: r, units: (stock.get(key)?.units ?? 0) + 1 });
  }
  const requests = new Map();
  for (let k = 0; k < requested; k++) {
    const group = draw(pop, random);
    const key = group.join(' ');
    requests.set(key, { group, units: (requests.get(key)?.units ?? 0) + 1 });
  }
  return { antigens: A3, max_shelf_life: 35, gamma, stock: [...stock.values()], requests: [...requests.values()] };
}

function timeWasm(fn, minRepeats) {
  // Warm-up for V8's optimising tier (see bench/run.mjs): at least half a second or 50 calls.
  const until = performance.now() + 500;
  for (let i = 0; i < 50 && (i < 3 || performance.now() < until); i++) fn();
  const t = [];
  const stop = performance.now() + 2000;
  for (let i = 0; i < minRepeats || (i < 200 && performance.now() < stop); i++) {
    const start = performance.now();
    fn();
    t.push(performance.now() - start);
  }
  return median(t);
}

const writeAt = process.argv.indexOf('--write');
const writeDir = writeAt > 0 ? process.argv[writeAt + 1] : null;
if (writeDir) mkdirSync(writeDir, { recursive: true });

const mod = await loadModule();
const pop = population(mod);
const rows = [];
for (const [units, requested] of [[1000, 100], [3000, 300]]) {
  for (const gamma of [0.5, 0, 1]) {
    const request = instance(pop, units, requested, gamma, 20251125 + units);
    const text = JSON.stringify(request);
    if (writeDir) writeFileSync(path.join(writeDir, `allocate-a3-${units}-gamma-${gamma}.json`), text);
    const result = call(mod, 'allocate', text);
    const wasmMs = timeWasm(() => mod.call('allocate', text), units > 1000 ? 5 : 21);
    const wasmCore = [];
    for (let i = 0; i < 5; i++) wasmCore.push(call(mod, 'allocate', text).solver.seconds * 1000);
    const nativeCore = [];
    for (let i = 0; i < (units > 1000 ? 5 : 11); i++) {
      const r = spawnSync(cliPath, ['allocate'], { input: text, maxBuffer: 1 << 26 });
      const response = JSON.parse(r.stdout.toString());
      if (!response.result) throw new Error(JSON.stringify(response.error));
      nativeCore.push(response.result.solver.seconds * 1000);
    }
    const groups = new Set(request.stock.map((s) => s.group.join(' '))).size;
    rows.push({
      units, requested, gamma, entries: request.stock.length, groups, requestGroups: request.requests.length,
      edges: result.edges, issued: result.issued, unique: result.unique, varying: result.varying_edges,
      native: median(nativeCore), wasmCore: median(wasmCore), wasm: wasmMs,
    });
  }
}

const f = (x) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
console.log('| units / requested | gamma | stock entries (groups) | requested groups | edges | issued | unique (varying edges) | native core ms | wasm core ms | wasm request ms | wasm / native |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.units} / ${r.requested} | ${r.gamma} | ${r.entries} (${r.groups}) | ${r.requestGroups} | ${r.edges} | ${r.issued} | ${r.unique ? 'yes' : `no (${r.varying})`} | ${f(r.native)} | ${f(r.wasmCore)} | ${f(r.wasm)} | ${(r.wasm / r.native).toFixed(1)} |`);
}
console.log(`\nGLPK ${call(mod, 'version', {}).glpk ?? ''}; medians; "core" = the allocate call's own solver.seconds (model, GLPK phases, uniqueness), "request" = JSON in and out through Module.call.`);
