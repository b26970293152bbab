// Number formats of the result tables (web/lib/format.js): one format per column, small
// probabilities carried by "1 in N".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFixed, formatProbability, oneIn } from '../../web/lib/format.js';

test('formatProbability: the same decimals for 0, 1 and everything between; "about 1 in N" below 0.001', () => {
  assert.equal(formatProbability(1), '1.0000');
  assert.equal(formatProbability(0.99999), '1.0000');
  assert.equal(formatProbability(0), '0.0000');
  assert.equal(formatProbability(0.25), '0.2500');
  assert.equal(formatProbability(0.001), '0.0010');
  assert.equal(formatProbability(5.41e-4), '0.0005 (about 1 in 1\u202f850)');
  assert.equal(formatProbability(1e-5), '0.0000 (about 1 in 100\u202f000)');
  // Rounding noise of a double computation is 0, not "1 in 10^16".
  assert.equal(formatProbability(4e-17), '0.0000');
  assert.equal(formatProbability(-3e-17), '0.0000');
  assert.equal(formatProbability(null), '—');
});

test('formatFixed: exactly the decimals asked, never "-0.0000"', () => {
  assert.equal(formatFixed(1, 2), '1.00');
  assert.equal(formatFixed(4.6523, 2), '4.65');
  assert.equal(formatFixed(-2.35e-6, 4), '0.0000');
  assert.equal(formatFixed(-0.0123, 4), '-0.0123');
  assert.equal(formatFixed(14.87, 1), '14.9');
  assert.equal(formatFixed(1558, 0), '1558');
  assert.equal(formatFixed(undefined), '—');
});

test('oneIn: three significant digits from 1000 on, whole numbers below; null for 0', () => {
  assert.equal(oneIn(0.0739), '1 in 14');
  assert.equal(oneIn(1 / 677.0), '1 in 677');
  assert.equal(oneIn(1 / 1848.4), '1 in 1\u202f850');
  assert.equal(oneIn(0), null);
});
