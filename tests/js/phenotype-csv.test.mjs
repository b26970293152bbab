// Reading and writing phenotype frequency tables as CSV (web/lib/phenotype-csv.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPhenotypeCsv, phenotypeCsvRows } from '../../web/lib/phenotype-csv.js';

const abo = [{ label: 'O' }, { label: 'A' }, { label: 'B' }, { label: 'AB' }];

test('readPhenotypeCsv: comma, semicolon and tab files, a header, decimal commas and percentages', () => {
  const expected = [0.44, 0.43, 0.09, 0.04];
  for (const text of ['phenotype,frequency\nO,0.44\nA,0.43\nB,0.09\nAB,0.04\n',
    'Phenotype;Frequency\r\nO;0,44\r\nA;0,43\r\nB;0,09\r\nAB;0,04',
    'O\t44%\nA\t43%\nB\t9%\nAB\t4%',
    'O,"0,44"\nA,0,43\nB,0.09\n\nab,0.04']) {
    const r = readPhenotypeCsv(text, abo, 'ABO');
    assert.deepEqual(r.errors, [], text);
    assert.deepEqual(r.values.map((v) => Number(v.toFixed(12))), expected, text);
    assert.deepEqual(r.missing, []);
  }
});

test('readPhenotypeCsv: every bad row is named by its line, and nothing is silently dropped', () => {
  const r = readPhenotypeCsv('phenotype,frequency\nO,0.44\nX,0.1\nA,abc\n\nB,1.5\nO,0.2\nAB\n', abo, 'ABO');
  assert.deepEqual(r.errors.map((e) => e.line), [3, 4, 6, 7, 8]);
  assert.match(r.errors[0].message, /“X” is not a phenotype of ABO \(O, A, B, AB\)/);
  assert.match(r.errors[1].message, /“abc” is not a number/);
  assert.match(r.errors[2].message, /must be from 0 to 1/);
  assert.match(r.errors[3].message, /O is listed again \(first on line 2\)/);
  assert.match(r.errors[4].message, /needs a phenotype and a frequency/);
  // Phenotypes the file does not list are 0, and said to be missing.
  assert.deepEqual(r.missing, ['A', 'B', 'AB']);
});

test('phenotypeCsvRows writes what readPhenotypeCsv reads', () => {
  const values = [0.1, 0.2, 0.3, 0.4];
  const text = phenotypeCsvRows(abo, values).map((row) => row.join(',')).join('\n');
  assert.deepEqual(readPhenotypeCsv(text, abo).values, values);
});
