// Counting mismatches per request on the day of bench/match.mjs (200 units, 60 requests,
// drawn by the Matching tab's generator), through the wasm module: refused before (at most
// 800 allowed pairs), now proven optimal for every preset.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from './support.mjs';
import { antibodySharesOf } from '../../web/calculators/matching/grids.js';
import { matchDay, PRESETS } from '../../bench/match-days.mjs';

let mod, catalogue, antibodyShares;
before(async () => {
  mod = await loadModule();
  catalogue = JSON.parse(mod.call('systems', '{}')).result;
  antibodyShares = antibodySharesOf(JSON.parse(mod.call('match', '{"units": [], "requests": []}')).result);
});

const benchDay = (preset, count) => JSON.stringify({
  ...matchDay({ catalogue, antibodyShares, preset, units: 200, patients: 60, seed: 20241325 }),
  mismatch_count: count,
});

test('match per request: the bench day of 200 units and 60 requests is proven optimal in every preset', () => {
  for (const preset of Object.keys(PRESETS)) {
    const response = JSON.parse(mod.call('match', benchDay(preset, 'per_request')));
    assert.ok(response.result, `${preset}: ${JSON.stringify(response.error)}`);
    const r = response.result;
    assert.ok(r.pairs_allowed > 2000, `${preset}: ${r.pairs_allowed} pairs`);
    assert.equal(r.status, 'optimal', preset);
    const perUnit = JSON.parse(mod.call('match', benchDay(preset, 'per_unit'))).result;
    assert.equal(r.delivered, perUnit.delivered, preset);
    assert.ok(r.objective.total <= perUnit.objective.total + perUnit.objective_gap_bound + 1e-9, preset);
    if (preset === 'extended') {
      // Mismatches are charged: the MIP, whose other optima are not looked for.
      assert.equal(r.unique, null);
      assert.ok(r.objective.total < perUnit.objective.total, 'some antigen is paid once instead of per unit');
    } else {
      // ABOD types no minor antigen and Limited penalises none: the per-unit problem itself,
      // uniqueness analysed.
      assert.ok(!('mip' in r.solver), preset);
      assert.equal(r.unique, perUnit.unique);
      assert.deepEqual(r.assignment, perUnit.assignment);
    }
  }
});

test('match per request: a day of one-unit classes and two-unit requests within the pair limit is solved, not refused', () => {
  // 200 units, each its own class (8 types x 25 ages), and 12 requests of 2 units: a row per
  // (pair, charged antigen) tightening the relaxation would make 20,000+ rows. Before, the day
  // (2,400 allowed pairs, within the 4,000 limit) was refused with "constraints: at most 20000
  // constraints", a field match does not have (found by a review).
  const base = ['D', 'c', 'e', 'k', 'Fya', 'Fyb', 'Jka', 'Jkb', 'M', 'N', 'S', 's'];
  const extras = [[], ['C'], ['E'], ['C', 'E'], ['K'], ['C', 'K'], ['E', 'K'], ['C', 'E', 'K']];
  const units = [];
  for (let age = 0; age < 25; age++)
    for (const extra of extras) units.push({ id: `U${units.length}`, type: [...base, ...extra], age });
  const requests = Array.from({ length: 12 }, (_, i) => ({
    id: `R${i}`, group: 'myelodysplasia', type: ['D', 'C', 'c', 'E', 'e', 'K'], units: 2 }));
  const response = JSON.parse(mod.call('match', JSON.stringify({
    preset: 'extended', mismatch_count: 'per_request', immunogenicity: { k: 0.01, s: 0.01 }, units, requests })));
  assert.ok(response.result, JSON.stringify(response.error));
  const r = response.result;
  assert.equal(r.pairs_allowed, 2400);
  assert.equal(r.status, 'optimal');
  assert.equal(r.delivered, 24);
  assert.ok(r.solver.mip.rows <= 20000, `${r.solver.mip.rows} rows`);
});
