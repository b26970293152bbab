// The Matching tab's generator of random days (web/calculators/matching/grids.js): sickle-cell
// patients carry each alloantibody at the share of seed 004's data (the `match` operation's
// antigen_defaults, from the authors' published simulator), and only against an antigen they lack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from './support.mjs';
import { antibodySharesOf, generate } from '../../web/calculators/matching/grids.js';

const EXTENDED = ['A', 'B', 'D', 'C', 'c', 'E', 'e', 'K', 'k', 'Fya', 'Fyb', 'Jka', 'Jkb', 'M', 'N', 'S', 's'];
const catalogue = () => runCli('systems', {}).response.result;
const shares = () => antibodySharesOf(runCli('match', { units: [], requests: [] }).response.result);
const names = (cell) => cell.split(' ').filter(Boolean);

test('generate: sickle-cell patients carry each antibody at its published share, only against antigens they lack', () => {
  const antibodyShares = shares();
  assert.equal(antibodyShares.S, 0.0517333);  // seeds/NOTES.md, "Seed 004's inputs"
  assert.equal(antibodyShares.k, 0);
  const day = generate({ seed: 7, units: 0, patients: 20000, antigens: EXTENDED, catalogue: catalogue(), antibodyShares });
  const scd = day.requests.filter((r) => r[1] === 'sickle cell');
  assert.ok(scd.length > 13000);
  for (const a of EXTENDED.slice(3)) {
    const lacking = scd.filter((r) => !names(r[2]).includes(a));
    const against = lacking.filter((r) => names(r[3]).includes(a)).length;
    const p = antibodyShares[a];
    // Binomial(lacking, p): within 5 standard deviations.
    const sd = Math.sqrt(lacking.length * p * (1 - p));
    assert.ok(Math.abs(against - p * lacking.length) <= 5 * sd + 1e-9, `${a}: ${against} of ${lacking.length}, share ${p}`);
    assert.equal(scd.filter((r) => names(r[2]).includes(a) && names(r[3]).includes(a)).length, 0, `${a}: an antibody to the patient's own antigen`);
  }
  assert.ok(day.requests.filter((r) => r[1] === 'other').every((r) => r[3] === ''), 'other patients: no antibody');
});

test('generate: antibodies only against the antigens typed, and the shares are required', () => {
  const day = generate({ seed: 3, units: 5, patients: 2000, antigens: ['A', 'B', 'D'], catalogue: catalogue(), antibodyShares: shares() });
  assert.ok(day.requests.every((r) => r[3] === ''));
  assert.throws(() => generate({ seed: 3, units: 5, patients: 5, antigens: EXTENDED, catalogue: catalogue() }), /antibodyShares is required/);
});
