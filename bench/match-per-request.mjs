// How long counting mismatches per request (a MIP, GLPK's branch and bound) takes near its
// limit of allowed pairs: days drawn by the Matching tab's generator (as bench/match.mjs) for
// each preset and several seeds, shrunk until the allowed (unit, request) pairs are within
// the limit, then solved natively (CLI, the core's solver.seconds) and in the wasm module
// (one call after a warm-up, core seconds). Prints one line per day and the slowest.
//
//   node bench/match-per-request.mjs [--native-only]
import { spawnSync } from 'node:child_process';
import { cliPath, loadModule } from '../tests/js/support.mjs';
import { antibodySharesOf, generate, readRows, UNITS_GRID, REQUESTS_GRID } from '../web/calculators/matching/grids.js';

const PRESETS = {
  abod: ['A', 'B', 'D'],
  limited: ['A', 'B', 'D', 'C', 'c', 'E', 'e', 'K'],
  extended: ['A', 'B', 'D', 'C', 'c', 'E', 'e', 'K', 'k', 'Fya', 'Fyb', 'Jka', 'Jkb', 'M', 'N', 'S', 's'],
};

function cli(op, request) {
  const r = spawnSync(cliPath, [op], { input: JSON.stringify(request), maxBuffer: 1 << 26 });
  return JSON.parse(r.stdout.toString());
}

const nativeOnly = process.argv.includes('--native-only');
const mod = nativeOnly ? null : await loadModule();
const catalogue = cli('systems', {}).result;
const antibodyShares = antibodySharesOf(cli('match', { units: [], requests: [] }).result);
const limit = cli('describe', {}).result.operations.match.fields.find((f) => f.name === 'mismatch_count').description
  .match(/at most (\d+) allowed/)[1];
let slowest = { wasm: 0, native: 0 };
for (const preset of ['abod', 'limited', 'extended']) {
  for (let seed = 1; seed <= 12; seed++) {
    // The generator's mix (70 % sickle-cell patients, 1-3 units each): grow the day until the
    // next size would pass the limit.
    let request = null;
    for (let units = 20; units <= 1000; units += 10) {
      const antigens = PRESETS[preset];
      const day = generate({ seed, units, patients: Math.round(units * 0.3), antigens, catalogue, antibodyShares });
      const context = { antigens, shelfLife: 35 };
      const next = { preset, mismatch_count: 'per_request', units: readRows(UNITS_GRID, day.units, context).entries,
        requests: readRows(REQUESTS_GRID, day.requests, context).entries };
      const pairs = cli('match', { ...next, mismatch_count: 'per_unit' }).result.pairs_allowed;
      if (pairs > Number(limit)) break;
      request = next;
    }
    const native = cli('match', request).result;
    const row = { preset, seed, units: request.units.length, requests: request.requests.length, pairs: native.pairs_allowed,
      columns: native.solver.mip.columns, rows: native.solver.mip.rows, status: native.status, native: native.solver.seconds * 1000 };
    if (mod) {
      const text = JSON.stringify(request);
      mod.call('match', text);
      row.wasm = JSON.parse(mod.call('match', text)).result.solver.seconds * 1000;
    }
    console.log(JSON.stringify(row));
    if ((row.wasm ?? row.native) > (slowest.wasm || slowest.native)) slowest = row;
  }
}
console.log('slowest', JSON.stringify(slowest));
