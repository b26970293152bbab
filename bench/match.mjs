// Benchmark of the `match` operation at seed 004's scale of a day: 1,000 units and 300
// requests (sec. 4: daily epochs of a national stock), drawn by the Matching tab's own
// generator (web/calculators/matching/grids.js: units from the European tables of the
// module's catalogue, 70 % sickle-cell patients from the African ones, with antibodies at the
// shares of the seed's data, 1-3 units each), for the three presets, plus a smaller day of 200 units and 60
// requests.
//
// Times the request (JSON in and out) in the wasm module under node and natively in one warm
// process (bench/native.mjs), medians after a warm-up until the time per call settles, and the
// wasm module's own `solver.seconds` (the core). Prints one Markdown table (docs/performance.md).
//
//   node bench/match.mjs                  build/native and build/wasm (make native wasm)
//   node bench/match.mjs --native-only    native only
// RBCMATCH_WASM_DIR / RBCMATCH_CLI choose other builds (tests/js/support.mjs).
import { spawnSync } from 'node:child_process';
import { cliPath, loadModule } from '../tests/js/support.mjs';
import { nativeRequestMs } from './native.mjs';
import { median, settledTime } from './timing.mjs';
import { antibodySharesOf } from '../web/calculators/matching/grids.js';
import { matchDay } from './match-days.mjs';

function cli(op, text) {
  const r = spawnSync(cliPath, [op], { input: text, maxBuffer: 1 << 26 });
  const response = JSON.parse(r.stdout.toString());
  if (!response.result) throw new Error(`${op}: ${JSON.stringify(response.error)}`);
  return response.result;
}

const nativeOnly = process.argv.includes('--native-only');
const mod = nativeOnly ? null : await loadModule();
const catalogue = cli('systems', '{}');
const antibodyShares = antibodySharesOf(cli('match', '{"units": [], "requests": []}'));
const rows = [];
for (const [units, patients] of [[200, 60], [1000, 300]]) {
  for (const preset of ['abod', 'limited', 'extended']) {
    const request = matchDay({ catalogue, antibodyShares, preset, units, patients, seed: 20241125 + units });
    const text = JSON.stringify(request);
    const result = cli('match', text);
    const native = nativeRequestMs('match', { request: text }, 11).request;
    const row = { units, patients, preset, requested: result.units_requested, delivered: result.delivered, pairs: result.pairs_allowed,
      unique: result.unique, varying: result.varying_pairs, native };
    if (mod) {
      const wasm = settledTime(() => mod.call('match', text), 11);
      row.wasm = wasm.ms;
      row.settled = wasm.settled;
      const core = [];
      for (let i = 0; i < 5; i++) core.push(JSON.parse(mod.call('match', text)).result.solver.seconds * 1000);
      row.wasmCore = median(core);
    }
    rows.push(row);
  }
}

const f = (x) => (x == null ? '—' : x < 10 ? x.toFixed(2) : x.toFixed(0));
console.log('| units / requests (units requested) | preset | pairs allowed | delivered | unique (varying pairs) | wasm core ms | native request ms | wasm request ms | wasm / native (request) |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.units} / ${r.patients} (${r.requested}) | ${r.preset} | ${r.pairs} | ${r.delivered} | ${r.unique ? 'yes' : `no (${r.varying})`} | ${f(r.wasmCore)} | ${f(r.native)} | ${f(r.wasm)} | ${r.wasm == null ? '—' : (r.wasm / r.native).toFixed(2)} |`);
}
const unsettled = rows.filter((r) => r.wasm != null && !r.settled).map((r) => `${r.units} / ${r.preset}`);
if (unsettled.length) console.log(`\nNot settled after 30 s of warm-up (bench/timing.mjs): ${unsettled.join(', ')}.`);
console.log('\nMedians (wasm: after a warm-up until the time per call settles, bench/timing.mjs); "core" = the match call\'s own solver.seconds (network, maximum flow, minimum-cost flow, uniqueness, tie-break), "request" = JSON in and out, through Module.call in wasm and in one warm process natively (bench/native.mjs).');
