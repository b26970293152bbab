// Benchmark of the `allocate` operation on the chapter-6 instance (thesis sec. 6.5.1):
// antigen set A3 (14 antigens), units drawn from the Caucasian population of Table 4.4
// (the `frequencies` table over A3, 16,384 groups), residual shelf lives uniform on 1..35
// days (R = 35), requests drawn from the same population; 1,000 units / 100 requests and
// 3,000 units / 300 requests, for gamma = 0, 1/2 and 1.
//
// Times the request (JSON in and out) in the wasm module under node and natively in one warm
// process (bench/native.mjs), medians after a warm-up until the time per call settles, and
// the wasm module's own `solver.seconds` (the core); and, in the same run, the npm solvers
// glpk.js (GLPK's simplex in wasm) and highs (HiGHS in wasm) on the same instance: the one LP
// of eq. 6.3's second part (the least cost at the maximum flow F that rbcmatch found), model
// building included, a subset of what rbcmatch solves (it also finds F, checks uniqueness and
// breaks ties). Their objective is checked against rbcmatch's. Prints one Markdown table.
//
//   node bench/allocate.mjs                  build/native and build/wasm (make native wasm)
//   node bench/allocate.mjs --write DIR      also writes the requests as DIR/allocate-*.json
// RBCMATCH_WASM_DIR / RBCMATCH_NATIVE_DIR choose other builds (tests/js/support.mjs, bench/native.mjs).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import GLPK from 'glpk.js/node';
import loadHighs from 'highs';
import { loadModule } from '../tests/js/support.mjs';
import { seededRandom } from '../web/lib/random.js';
import { nativeRequestMs } from './native.mjs';
import { median, settledTime } from './timing.mjs';

const A3 = ['A', 'B', 'D', 'C', 'c', 'E', 'e', 'K', 'Fya', 'Fyb', 'Jka', 'Jkb', 'S', 's'];

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
  const random = seededRandom(seed);
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

// Eq. 6.3's second part as an LP over the compatible (stock entry, request) edges, with the
// costs of eq. 6.1 (linear; gamma Delta + (1 - gamma) r / R), at flow value `issued`.
function flowLp(request, usability, issued) {
  const subset = (a, b) => a.every((x) => b.includes(x));
  const edges = [];
  request.stock.forEach((s, k) => {
    const Fi = usability.get(s.group.join(' '));
    request.requests.forEach((r, m) => {
      if (!subset(s.group, r.group)) return;
      const Fj = usability.get(r.group.join(' '));
      const delta = Fi > 0 ? (Fi - Fj) / Fi : 0;
      const cost = request.gamma * delta + (1 - request.gamma) * s.residual_shelf_life / request.max_shelf_life;
      edges.push({ name: `x${k}_${m}`, k, m, cost });
    });
  });
  return { edges, issued };
}

function glpkModel(glpk, lp, request) {
  const rows = [];
  const stockRows = request.stock.map((s, k) => ({ name: `s${k}`, vars: [], bnds: { type: glpk.GLP_UP, ub: s.units, lb: 0 } }));
  const requestRows = request.requests.map((r, m) => ({ name: `d${m}`, vars: [], bnds: { type: glpk.GLP_UP, ub: r.units, lb: 0 } }));
  const total = { name: 'flow', vars: [], bnds: { type: glpk.GLP_FX, ub: lp.issued, lb: lp.issued } };
  for (const e of lp.edges) {
    stockRows[e.k].vars.push({ name: e.name, coef: 1 });
    requestRows[e.m].vars.push({ name: e.name, coef: 1 });
    total.vars.push({ name: e.name, coef: 1 });
  }
  rows.push(...stockRows.filter((r) => r.vars.length), ...requestRows.filter((r) => r.vars.length), total);
  return {
    name: 'allocate',
    objective: { direction: glpk.GLP_MIN, name: 'cost', vars: lp.edges.map((e) => ({ name: e.name, coef: e.cost })) },
    subjectTo: rows,
  };
}

function highsModel(lp, request) {
  const terms = (list) => list.map((e) => e.name).join(' + ');
  const lines = ['Minimize', ` cost: ${lp.edges.map((e) => `${e.cost} ${e.name}`).join(' + ')}`, 'Subject To'];
  const byStock = new Map(), byRequest = new Map();
  for (const e of lp.edges) {
    (byStock.get(e.k) ?? byStock.set(e.k, []).get(e.k)).push(e);
    (byRequest.get(e.m) ?? byRequest.set(e.m, []).get(e.m)).push(e);
  }
  for (const [k, list] of byStock) lines.push(` s${k}: ${terms(list)} <= ${request.stock[k].units}`);
  for (const [m, list] of byRequest) lines.push(` d${m}: ${terms(list)} <= ${request.requests[m].units}`);
  lines.push(` flow: ${terms(lp.edges)} = ${lp.issued}`, 'End');
  return lines.join('\n');
}

const writeAt = process.argv.indexOf('--write');
const writeDir = writeAt > 0 ? process.argv[writeAt + 1] : null;
if (writeDir) mkdirSync(writeDir, { recursive: true });

const mod = await loadModule();
const pop = population(mod);
const usability = new Map(pop.groups.map((g) => [g.antigens.join(' '), g.usability]));
const glpk = await GLPK();
const highs = await loadHighs();
const rows = [];
const unsettled = [];
for (const [units, requested] of [[1000, 100], [3000, 300]]) {
  for (const gamma of [0.5, 0, 1]) {
    const request = instance(pop, units, requested, gamma, 20251125 + units);
    const text = JSON.stringify(request);
    if (writeDir) writeFileSync(path.join(writeDir, `allocate-a3-${units}-gamma-${gamma}.json`), text);
    const result = call(mod, 'allocate', text);
    const wasmTime = settledTime(() => mod.call('allocate', text), units > 1000 ? 5 : 21);
    if (!wasmTime.settled) unsettled.push(`${units} units, gamma ${gamma}`);
    const wasmMs = wasmTime.ms;
    const wasmCore = [];
    for (let i = 0; i < 5; i++) wasmCore.push(call(mod, 'allocate', text).solver.seconds * 1000);
    const native = nativeRequestMs('allocate', { request: text }, units > 1000 ? 5 : 21).request;
    // The npm solvers, model building included; their objective must be rbcmatch's (which
    // rounds costs to 1 / cost_scale: within objective_gap_bound, plus the LP tolerance).
    let glpkObjective, highsObjective;
    const glpkMs = settledTime(() => {
      const r = glpk.solve(glpkModel(glpk, flowLp(request, usability, result.issued), request), { msglev: glpk.GLP_MSG_OFF });
      if (r.result.status !== glpk.GLP_OPT) throw new Error(`glpk.js: status ${r.result.status}`);
      glpkObjective = r.result.z;
    }, 5).ms;
    const highsMs = settledTime(() => {
      const r = highs.solve(highsModel(flowLp(request, usability, result.issued), request), { output_flag: false });
      if (r.Status !== 'Optimal') throw new Error(`highs: ${r.Status}`);
      highsObjective = r.ObjectiveValue;
    }, 5).ms;
    for (const [name, z] of [['glpk.js', glpkObjective], ['highs', highsObjective]])
      if (Math.abs(z - result.objective) > result.objective_gap_bound + 1e-6 * Math.max(1, Math.abs(z)))
        throw new Error(`${name}: objective ${z}, rbcmatch ${result.objective} (gap bound ${result.objective_gap_bound})`);
    const groups = new Set(request.stock.map((s) => s.group.join(' '))).size;
    rows.push({
      units, requested, gamma, entries: request.stock.length, groups, requestGroups: request.requests.length,
      edges: result.edges, issued: result.issued, unique: result.unique, varying: result.varying_edges,
      native, wasmCore: median(wasmCore), wasm: wasmMs, glpkMs, highsMs,
    });
  }
}

const f = (x) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
console.log('| units / requested | gamma | stock entries (groups) | requested groups | edges | issued | unique (varying edges) | wasm core ms | native request ms | wasm request ms | wasm / native (request) | glpk.js ms | highs ms | glpk.js / rbcmatch request | highs / rbcmatch request |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.units} / ${r.requested} | ${r.gamma} | ${r.entries} (${r.groups}) | ${r.requestGroups} | ${r.edges} | ${r.issued} | ${r.unique ? 'yes' : `no (${r.varying})`} | ${f(r.wasmCore)} | ${f(r.native)} | ${f(r.wasm)} | ${(r.wasm / r.native).toFixed(2)} | ${f(r.glpkMs)} | ${f(r.highsMs)} | ${(r.glpkMs / r.wasm).toFixed(1)} | ${(r.highsMs / r.wasm).toFixed(1)} |`);
}
const solver = call(mod, 'allocate', { antigens: ['A'], max_shelf_life: 1, stock: [], requests: [] }).solver.method;
console.log(`\n${solver}; glpk.js ${glpk.version} and highs ${JSON.parse(readFileSync(new URL('../node_modules/highs/package.json', import.meta.url))).version} from npm, each on the one LP of eq. 6.3's second part, model building included; medians after a warm-up until the time per call settles (bench/timing.mjs)${unsettled.length ? `, except ${unsettled.join(', ')}, which had not settled after 30 s` : ''}; "core" = the allocate call's own solver.seconds (model, flows, uniqueness, tie-break), "request" = JSON in and out, through Module.call in wasm and in one warm process natively (bench/native.mjs). The objectives of all three agree.`);
