// Counting mismatches per request (`mismatch_count: "per_request"`, docs/methods/matching.md)
// in the wasm module under node:
//   1. the day of bench/match.mjs (200 units, 60 requests, seed 20241325, drawn by the Matching
//      tab's generator) for each preset, per unit and per request: medians of repeated calls
//      after a warm-up ("core" = the call's own solver.seconds, "request" = JSON in and out
//      through Module.call), and the ratio per request / per unit of the request times;
//   2. the limit on allowed pairs: days of the same generator for seeds 1-12 at growing sizes,
//      Extended (the only preset whose per-request mismatches cost anything: ABOD types no minor
//      antigen and Limited penalises none), one call each after one warm-up call.
// The requests are bench/match.mjs's: the generator draws antibodies at the default shares and
// the immunogenicities are the defaults (seed 004's authors' simulator). Prints Markdown tables
// (docs/performance.md).
//
//   node bench/match-per-request.mjs            build/wasm (make wasm)
// RBCMATCH_WASM_DIR chooses another build (tests/js/support.mjs).
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { cliPath, loadModule } from '../tests/js/support.mjs';
import { median, timeMs } from './timing.mjs';
import { antibodySharesOf } from '../web/calculators/matching/grids.js';
import { matchDay, PRESETS } from './match-days.mjs';

const SIZES = [[150, 45], [200, 60], [220, 66], [250, 75]];

const mod = await loadModule();
const call = (request) => {
  const response = JSON.parse(mod.call('match', JSON.stringify(request)));
  return response.result ?? response.error;
};
const catalogue = JSON.parse(mod.call('systems', '{}')).result;
const antibodyShares = antibodySharesOf(call({ units: [], requests: [] }));

const day = (preset, units, patients, seed) => matchDay({ catalogue, antibodyShares, preset, units, patients, seed });

const f = (x) => (x == null ? '—' : x < 10 ? x.toFixed(2) : x.toFixed(0));

// V8 compiles the module with its baseline tier first and optimises it in the background:
// two seconds of calls before anything is timed, so the first preset is not measured slower.
{
  const warm = JSON.stringify({ ...day('extended', 200, 60, 1), mismatch_count: 'per_unit' });
  const until = performance.now() + 2000;
  while (performance.now() < until) mod.call('match', warm);
}

// 1. The bench day.
const rows = [];
for (const preset of Object.keys(PRESETS)) {
  const base = day(preset, 200, 60, 20241125 + 200);  // bench/match.mjs's seed for this day
  const row = { preset };
  for (const count of ['per_unit', 'per_request']) {
    const request = { ...base, mismatch_count: count };
    const text = JSON.stringify(request);
    const repeats = count === 'per_unit' ? 51 : 11;
    row[count] = { request: timeMs(() => mod.call('match', text), repeats, { minWarmups: 3 }) };
    const core = [];
    let result;
    for (let i = 0; i < 5; i++) core.push((result = call(request)).solver.seconds * 1000);
    Object.assign(row[count], { core: median(core), status: result.status, pairs: result.pairs_allowed, mip: result.solver.mip });
  }
  rows.push(row);
}
console.log('| preset | pairs allowed | per unit: core / request ms | per request: status | core / request ms | ratio per request / per unit | MIP columns / rows |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) {
  const u = r.per_unit, q = r.per_request;
  console.log(`| ${r.preset} | ${u.pairs} | ${f(u.core)} / ${f(u.request)} | ${q.status} | ${f(q.core)} / ${f(q.request)} | ` +
    `${(q.request / u.request).toFixed(1)} | ${q.mip ? `${q.mip.columns} / ${q.mip.rows}` : 'none: a flow'} |`);
}

// 2. The limit.
const limit = Number(JSON.parse(spawnSync(cliPath, ['describe'], { input: '{}' }).stdout.toString()).result.operations.match.fields
  .find((x) => x.name === 'mismatch_count').description.match(/at most ([\d,]+) allowed/)[1].replace(/,/g, ''));
console.log(`\nLimit: ${limit} allowed pairs. Extended, seeds 1-12:\n`);
console.log('| units / requests | pairs allowed | refused (over the limit) | proven optimal | median ms | slowest ms (its pairs) |');
console.log('|---|---|---|---|---|---|');
for (const [units, patients] of SIZES) {
  const times = [], pairs = [];
  let refused = 0, proven = 0, slowest = { ms: 0 };
  for (let seed = 1; seed <= 12; seed++) {
    const request = { ...day('extended', units, patients, seed), mismatch_count: 'per_request' };
    const first = call(request);
    if (first.code === 'limit_exceeded') {
      refused++;
      continue;
    }
    const start = performance.now();
    const result = call(request);
    const ms = performance.now() - start;
    times.push(ms), pairs.push(result.pairs_allowed);
    if (result.status === 'optimal') proven++;
    if (ms > slowest.ms) slowest = { ms, pairs: result.pairs_allowed };
  }
  const range = pairs.length ? `${Math.min(...pairs)}-${Math.max(...pairs)}` : '—';
  console.log(`| ${units} / ${patients} | ${range} | ${refused} | ${proven} of ${times.length} | ${f(times.length ? median(times) : null)} | ` +
    `${times.length ? `${f(slowest.ms)} (${slowest.pairs})` : '—'} |`);
}
console.log('\nRequest times (JSON in and out); one run on a shared machine: expect a factor of about 1.5 between runs.');
