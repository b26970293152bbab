// The Allocation tab's grids as data (web/calculators/allocation/grids.js): cells, pairs
// given twice, the link's form, CSV files, the user's names for the API's paths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STOCK, REQUESTS, readAntigens, readCell, readRows, fieldLabel, formatGridParam, readGridCsv, gridCsvRows }
  from '../../web/calculators/allocation/grids.js';
import { readGridParam } from '../../web/lib/grid-param.js';

const ABO = { antigens: ['A', 'B'], maxShelfLife: 2 };
const [group, days, units] = STOCK.columns;

test('readCell: groups in staff notation, whole numbers (decimal comma too), r up to R', () => {
  assert.deepEqual(readCell(group, ' AB ', ABO), { value: ['A', 'B'] });
  assert.deepEqual(readCell(group, 'O', ABO), { value: [] });
  assert.deepEqual(readCell(group, 'A D+ K-', { antigens: ['A', 'B', 'D', 'K'] }), { value: ['A', 'D'] });
  assert.equal(readCell(group, 'A K+', ABO).error, '“K+”: K is not among the antigens chosen (A, B)');
  // A sign after an ABO group is RhD (issue 23): refused while D is not chosen, read with it.
  assert.match(readCell(group, 'A+', ABO).error, /“A\+” is A RhD-positive, but D is not among the antigens chosen/);
  assert.deepEqual(readCell(group, 'A pos', { antigens: ['A', 'B', 'D'] }), { value: ['A', 'D'] });
  assert.equal(readCell(group, '', ABO).error, 'enter a blood group');
  assert.deepEqual(readCell(units, '4,0', ABO), { value: 4 });
  assert.equal(readCell(units, '-1', ABO).error, 'must be ≥ 0');
  assert.equal(readCell(units, '1.5', ABO).error, 'must be a whole number');
  assert.equal(readCell(units, 'x', ABO).error, 'not a number');
  assert.equal(readCell(units, '', ABO).error, 'enter a number of units');
  assert.deepEqual(readCell(days, '2', ABO), { value: 2 });
  assert.match(readCell(days, '3', ABO).error, /must be ≤ R = 2, the maximum shelf life/);
  // While R itself is wrong, r is checked for being a whole number only.
  assert.deepEqual(readCell(days, '3', { antigens: ['A', 'B'] }), { value: 3 });
});

test('readRows: the request entries, each bad cell by its row and column, a pair given twice by its row', () => {
  const { entries, errors } = readRows(STOCK, [['O', '0', '4'], ['A', '1', '-1'], ['O', '1', '2'], ['o', '0,0', '3']], ABO);
  assert.deepEqual(entries, [{ group: [], residual_shelf_life: 0, units: 4 }, null, { group: [], residual_shelf_life: 1, units: 2 }, null]);
  assert.deepEqual(errors, [
    { row: 1, key: 'units', message: 'must be ≥ 0' },
    { row: 3, key: null, message: 'Same blood group and residual shelf life as row 1: give each once (add their units together)' },
  ]);
  assert.deepEqual(readRows(REQUESTS, [['A', '2'], ['A', '1']], ABO).errors,
    [{ row: 1, key: null, message: 'Same blood group as row 1: give each once (add their units together)' }]);
});

test('fieldLabel: the API’s paths in the user’s words', () => {
  assert.equal(fieldLabel('stock[2].units'), 'units of stock row 3');
  assert.equal(fieldLabel('stock[0].residual_shelf_life'), 'residual shelf life of stock row 1');
  assert.equal(fieldLabel('requests[0].group'), 'blood group of request row 1');
  assert.equal(fieldLabel('requests[4]'), 'request row 5');
  assert.equal(fieldLabel('max_shelf_life'), 'the maximum shelf life R');
  assert.equal(fieldLabel('cost'), undefined);
});

test('the link: stock=O:0:4;A D+:1:1 both ways; a part with the wrong number of values is named', () => {
  const antigens = ['A', 'B', 'D'];
  const text = formatGridParam(STOCK, [{ group: [], residual_shelf_life: 0, units: 4 }, { group: ['A', 'D'], residual_shelf_life: 1, units: 1 }], antigens);
  assert.equal(text, 'O D-:0:4;A D+:1:1');
  assert.deepEqual(readGridParam(STOCK, text), { rows: [['O D-', '0', '4'], ['A D+', '1', '1']], problems: [] });
  assert.equal(formatGridParam(REQUESTS, [{ group: ['A', 'B'], units: 2 }], ['A', 'B']), 'AB:2');
  assert.deepEqual(readGridParam(REQUESTS, ''), { rows: [], problems: [] });
  assert.deepEqual(readGridParam(REQUESTS, 'O:2;A'), { rows: [['O', '2']], problems: ['Request row 2: “A” is not group:units'] });
});

test('readGridCsv: comma, semicolon and tab files, a header, decimal commas; CSV out', () => {
  const expected = [['O', '0', '4'], ['A', '2', '5']];
  for (const text of ['group,residual_shelf_life,units\nO,0,4\nA,2,5\n', 'Blood group;r;Units\r\nO;0;4,0\r\n\r\nA;2;5',
    'O\t0\t4\nA\t2\t5']) {
    const { rows, errors } = readGridCsv(STOCK, text, ABO);
    assert.deepEqual(errors, [], text);
    assert.deepEqual(rows.map((r) => [r[0], r[1], String(Number(r[2].replace(',', '.')))]), expected, text);
  }
  assert.deepEqual(gridCsvRows(REQUESTS, [['O', '2']]), [['group', 'units'], ['O', '2']]);
});

test('readGridCsv: every bad line by its number, nothing dropped', () => {
  const text = 'group,units\nO,2\nA,-1\n\nB\nQ,1\nO,3\nAB,1,7\n';
  const { errors } = readGridCsv(REQUESTS, text, ABO);
  assert.deepEqual(errors.map((e) => e.line), [3, 5, 6, 7, 8]);
  assert.match(errors[0].message, /units “-1”: must be ≥ 0/);
  assert.match(errors[1].message, /needs 2 cells, blood group, units/);
  assert.match(errors[2].message, /blood group “Q”/);
  assert.match(errors[3].message, /Same blood group as line 2/);
  assert.match(errors[4].message, /needs 2 cells/);
});

test('readAntigens: in order, known, once', () => {
  const known = ['A', 'B', 'D', 'K', 'Fya'];
  assert.deepEqual(readAntigens('A, B  D;Fya', known), { antigens: ['A', 'B', 'D', 'Fya'] });
  assert.match(readAntigens('A, Q', known).error, /^“Q” is not an antigen of the built-in systems \(A, B, D, K, Fya\)$/);
  assert.equal(readAntigens('A, D, A', known).error, 'A given twice');
  assert.equal(readAntigens(' ', known).error, 'choose at least one antigen');
});
