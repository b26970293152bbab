// Reading numbers as people type and paste them (web/lib/numbers.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkNumber, parseNumber } from '../../web/lib/numbers.js';

test('parseNumber: decimal comma, spreadsheet cells, percent [numbers][property]', () => {
  for (const [text, value] of [['0,5', 0.5], ['0.5', 0.5], ['60\t', 60], [' 60  ', 60], ['1 000', 1000], ['37,3%', 0.373],
    ['40%', 0.4], ['1e-3', 0.001], ['0,373', 0.373], ['60,0', 60], ['2,25', 2.25]]) {
    assert.equal(parseNumber(text), value, JSON.stringify(text));
  }
});

test('parseNumber, checkNumber: "1,000" is refused, not read as 1 (a thousands separator or a decimal comma) [numbers][regression]', () => {
  // "1,000" in the Antigen order tab's n was read as n = 1 and the error shown at k.
  for (const text of ['1,000', '12,500', '1,000,000']) {
    assert.ok(Number.isNaN(parseNumber(text)), text);
    assert.match(checkNumber(text, { min: 1, max: 100000, type: 'integer' }), /without a thousands separator/, text);
  }
  assert.match(checkNumber('1,000', { min: 1, max: 100000, type: 'integer' }), /^is it 1000 or a decimal\?/);
  // A whole number written with a point and three digits: 1000 in much of Europe, refused as well.
  assert.match(checkNumber('1.000', { min: 1, max: 100000, type: 'integer' }), /without a thousands separator/);
  assert.equal(checkNumber('1.000', { min: 0, max: 2 }), '', 'a decimal field reads 1.000 as 1');
  assert.equal(checkNumber('0,125', { min: 0, max: 1 }), '', 'a decimal comma after 0 is clear');
  assert.equal(checkNumber('60,0', { min: 1, type: 'integer' }), '');
});
