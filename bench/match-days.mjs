// The matching days the benchmarks (bench/match.mjs, bench/match-per-request.mjs) and the
// per-request test (tests/js/match-per-request.test.mjs) draw: the Matching tab's own
// generator and grid reader, for a preset's antigens, so each is a request the page could send.
import { generate, readRows, UNITS_GRID, REQUESTS_GRID } from '../web/calculators/matching/grids.js';

// The antigens each preset types and penalises (seed 004's three matching strategies).
export const PRESETS = {
  abod: ['A', 'B', 'D'],
  limited: ['A', 'B', 'D', 'C', 'c', 'E', 'e', 'K'],
  extended: ['A', 'B', 'D', 'C', 'c', 'E', 'e', 'K', 'k', 'Fya', 'Fyb', 'Jka', 'Jkb', 'M', 'N', 'S', 's'],
};

/**
 * A `match` request of `units` units and `patients` requests drawn with `seed`; catalogue is
 * the `systems` result, antibodyShares antibodySharesOf(a match result).
 */
export function matchDay({ catalogue, antibodyShares, preset, units, patients, seed }) {
  const antigens = PRESETS[preset];
  const day = generate({ seed, units, patients, antigens, catalogue, antibodyShares });
  const context = { antigens, shelfLife: 35 };
  return {
    preset,
    units: readRows(UNITS_GRID, day.units, context).entries,
    requests: readRows(REQUESTS_GRID, day.requests, context).entries,
  };
}
