// Node tests of the Issuing policy panel's pure parts (web/calculators/supply/mdp*.js): the
// groups' text read into the request, and stocks and actions put into words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readGroups, PRESETS } from '../../web/calculators/supply/mdp.js';
import { stockWords, actionWords, phaseWords } from '../../web/calculators/supply/mdp-results.js';

test('readGroups: each preset reads without a problem, the request share only where given', () => {
  for (const p of PRESETS) assert.equal(readGroups(p.groups).problem, '', p.id);
  assert.deepEqual(readGroups('O: -, 0.6, 0.3\nA: A B, 0.4').groups, [
    { name: 'O', antigens: [], donation_share: 0.6, request_share: 0.3 },
    { name: 'A', antigens: ['A', 'B'], donation_share: 0.4 }]);
});

test('readGroups: a line that does not read names its line and what is wrong', () => {
  assert.match(readGroups('').problem, /at least one blood group/);
  assert.match(readGroups('O - 0.5').problem, /^line 1 .*a colon/);
  assert.match(readGroups('O: -, 0.5\nA: A').problem, /^line 2 .*separated by commas/);
  assert.match(readGroups('O: -, 1.5').problem, /^line 1 .*share “1\.5”/);
});

test('stockWords and actionWords: the freshest phase first, the oldest named, refusal in words', () => {
  const groups = [{ name: 'D-' }, { name: 'D+' }];
  assert.equal(stockWords([[0, 0], [0, 0]], groups, 2), 'empty');
  assert.equal(stockWords([[1, 1], [0, 2]], groups, 2), '2 D- (1 freshest phase, 1 oldest phase); 2 D+ (2 freshest phase)');
  assert.equal(stockWords([[2], [1]], groups, 1), '2 D-; 1 D+');
  assert.equal(phaseWords(2, 3), 'phase 2 of 3');
  const types = [{ group: 'D-', phase: 1 }, { group: 'D-', phase: 2 }];
  assert.equal(actionWords(-1, types, 2), 'refuse (keep the stock)');
  assert.equal(actionWords(0, types, 2), 'issue D-, oldest phase');
  assert.equal(actionWords(1, types, 2), 'issue D-, freshest phase');
});
