// web/lib/words.js: the page's words for what the API names by identifier.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cite } from '../../web/lib/words.js';

test('cite: Oyebolu et al. 2024 for seed 004, with a comma before the place in it', () => {
  assert.equal(cite('seed 004 eq. 7, sec. 3.2'), 'Oyebolu et al. 2024, eq. 7, sec. 3.2');
  assert.equal(cite('seed 004'), 'Oyebolu et al. 2024');
  assert.equal(cite('thesis eq. 6.10'), 'thesis eq. 6.10');
  assert.equal(cite(undefined), '');
});
