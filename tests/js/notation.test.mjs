// The page's reading of blood groups as staff write them (web/calculators/frequencies/notation.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGroup, groupLabel } from '../../web/calculators/frequencies/notation.js';

const A = ['A', 'B', 'D', 'C', 'c', 'E', 'K', 'k', 'Fya', 'Fyb', 'S', 's'];

test('parseGroup reads ABO names, signs, RhD-pos/neg, K+k- and Fy(a+b-)', () => {
  assert.deepEqual(parseGroup('O RhD-neg C+ c+ E- K+k- Fy(a+b-) S- s+', A, { complete: true }),
    { present: ['C', 'c', 'K', 'Fya', 's'], absent: ['A', 'B', 'D', 'E', 'k', 'Fyb', 'S'] });
  assert.deepEqual(parseGroup('AB RhD+', ['A', 'B', 'D'], { complete: true }), { present: ['A', 'B', 'D'], absent: [] });
  // A bare antigen name is present; a Unicode minus is a minus.
  assert.deepEqual(parseGroup('A, D −K', ['A', 'D', 'K']), { error: '“−K” is not a blood group or an antigen with + or − (A, D, K)' });
  assert.deepEqual(parseGroup('A D K−', ['A', 'D', 'K']), { present: ['A', 'D'], absent: ['K'] });
  // Without B among the antigens, "A" is the antigen A.
  assert.deepEqual(parseGroup('A', ['A', 'D']), { present: ['A'], absent: [] });
  assert.deepEqual(parseGroup('Fy(a+)', A), { present: ['Fya'], absent: [] });
});

test('parseGroup: missing, unknown and contradictory antigens are named', () => {
  assert.match(parseGroup('A D+', ['A', 'B', 'D', 'K'], { complete: true }).error, /Say \+ or − for K/);
  assert.match(parseGroup('D+ Jka+', ['D']).error, /Jka/);
  assert.match(parseGroup('D+ D-', ['D']).error, /D is given both as present and as absent/);
  assert.match(parseGroup('O A', ['A', 'B']).error, /both as present and as absent/);
  // A filter may leave antigens open.
  assert.deepEqual(parseGroup('O D-', A), { present: [], absent: ['A', 'B', 'D'] });
  assert.deepEqual(parseGroup('   ', A), { present: [], absent: [] });
});

test('groupLabel and parseGroup are inverse over every group of a small set', () => {
  const antigens = ['A', 'B', 'D', 'Fya', 'k'];
  for (let g = 0; g < 1 << antigens.length; g++) {
    const present = antigens.filter((_, i) => (g >> i) & 1);
    assert.deepEqual(parseGroup(groupLabel(antigens, present), antigens, { complete: true }).present, present);
  }
});
