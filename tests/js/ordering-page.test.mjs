// The Ordering tab's pure parts (web/calculators/ordering/words.js): what people paste read as
// the request sends it, the rules of one or two schedules in Table 9's order, ties and the
// grid's edge in words, and the CSV files of a result (checked against the wasm module).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datesFrom, edgeWords, forecastCsv, forecastSummaryCsv, readDemandText, readList, rulesCsv, rulesOf, tiesWords, traceCsv, tuningCsv } from '../../web/calculators/ordering/words.js';
import { requestsOf } from '../../web/calculators/ordering/index.js';
import { loadModule } from './support.mjs';

test('readDemandText: a column of numbers (header optional, CRLF, decimal comma) is numbers with their lines; dated rows are CSV [ordering][page]', () => {
  assert.deepEqual(readDemandText('units\r\n93\r\n\r\n95\r\n'), { kind: 'numbers', values: [93, 95], lines: [2, 4], text: 'units\r\n93\r\n\r\n95\r\n' });
  assert.deepEqual(readDemandText('93\n93,5').values, [93, 93.5]); // a decimal comma: refused later as a fraction, at its line
  assert.equal(readDemandText('2018-01-01,93\n2018-01-02,95').kind, 'csv');
  assert.equal(readDemandText('date;units\n2018-01-01;93').kind, 'csv');
  assert.equal(readDemandText('date\tunits\n2018-01-01\t93').kind, 'csv');
  assert.equal(readDemandText('  \n\n').kind, 'empty');
  // A word among the numbers (not a header) stays a number that is not one: NaN, refused at its line.
  const d = readDemandText('90\nninety\n92');
  assert.equal(d.kind, 'numbers');
  assert.ok(Number.isNaN(d.values[1]) && d.lines[1] === 2);
});

test('readList: commas, semicolons, tabs and decimal commas, as people write lists [ordering][page]', () => {
  assert.deepEqual(readList('1.08, 1.10, 1.08'), [1.08, 1.1, 1.08]);
  assert.deepEqual(readList('1,08; 1,10;1,2'), [1.08, 1.1, 1.2]);
  assert.deepEqual(readList('1,08 1,10 0,5'), [1.08, 1.1, 0.5]);
  assert.deepEqual(readList('1.08\t1.1\t0.8'), [1.08, 1.1, 0.8]);
  assert.deepEqual(readList('1,2,3'), [1, 2, 3]);
  assert.deepEqual(readList('4\n5\n6'), [4, 5, 6]);
  assert.deepEqual(readList(''), []);
  assert.ok(Number.isNaN(readList('1, x, 3')[1]));
});

test('tiesWords and edgeWords: equally close values named as a run or a list; a tuned or least-cost pair on the grid’s edge said [ordering][page]', () => {
  assert.equal(tiesWords([1040], 10), '1040');
  assert.equal(tiesWords([1040, 1050, 1060], 10), '1040 to 1060 (3 values)');
  assert.equal(tiesWords([1, 5, 9], 10), '1, 5 and 9');
  assert.equal(tiesWords([1, 3, 5, 9, 11, 13, 17], 1), '1, 3, 5, 9, 11, … (7 values)');
  const t = (points, tuned = { reorder: 500, target: 1000 }) => ({ target_grid: { from: 780, to: 2005, step: 10 }, reorder_grid: { from: 0, to: 2000, step: 10 },
    least_cost: { points }, ...tuned });
  assert.match(edgeWords(t([{ reorder: 160, target: 780 }])), /least-cost pair .*S = 780 is the smallest S tried/);
  assert.match(edgeWords(t([{ reorder: 160, target: 2000 }])), /S = 2000 is the largest S tried/); // the last grid value, not `to`
  assert.equal(edgeWords(t([{ reorder: 0, target: 900 }])), ''); // s = 0 is no edge: s cannot go lower
  assert.equal(edgeWords(t([{ reorder: 900, target: 900 }])), ''); // s = S is inside the grid
  // The tuned pair too: S* at the smallest S tried (every S costing less than the gold standard, say).
  const tuned = edgeWords(t([{ reorder: 300, target: 900 }], { reorder: 780, target: 780 }));
  assert.match(tuned, /^ The tuned pair lies on the edge of the grid \(S = 780 is the smallest S tried\)/);
  assert.doesNotMatch(tuned, /least-cost/);
});

test('datesFrom: consecutive days across a leap day and a daylight-saving change [ordering][page]', () => {
  assert.deepEqual(datesFrom('2020-02-28', 3), ['2020-02-28', '2020-02-29', '2020-03-01']);
  assert.deepEqual(datesFrom('2021-03-27', 3), ['2021-03-27', '2021-03-28', '2021-03-29']);
});

test('requestsOf and rulesOf: both schedules are two requests; the gold standard once, then each schedule’s rules; the CSV files match the module’s answers [ordering][page]', async () => {
  const module = await loadModule();
  const request = { generate: { days: 200, mean: 40, noise_sd: 10, seed: 2 }, test_days: 60, initial_stock: 300, schedule: 'both', fixed: { reorder: 250, target: 350 }, trace: true };
  const requests = requestsOf(request);
  assert.deepEqual(requests.map((r) => r.schedule), ['daily', 'twice_weekly']);
  assert.deepEqual(requestsOf({ ...request, schedule: 'daily' }), [{ ...request, schedule: 'daily' }]);
  const answers = requests.map((r) => ({ schedule: r.schedule, result: JSON.parse(module.call('ordering', JSON.stringify(r))).result }));
  const rules = rulesOf(answers);
  assert.deepEqual(rules.map((r) => r.key), ['actual_demand', 'forecast_bounded-daily', 'tuned-daily', 'least_cost-daily', 'fixed-daily',
    'forecast_bounded-twice_weekly', 'tuned-twice_weekly', 'least_cost-twice_weekly', 'fixed-twice_weekly']);
  // The gold standard is the same daily rule in both answers.
  assert.deepEqual(answers[1].result.rules[0].cost, answers[0].result.rules[0].cost);
  assert.match(rules.find((r) => r.key === 'fixed-twice_weekly').label, /^Your \(s, S\) = \(250, 350\), twice weekly/);
  const single = rulesOf(answers.slice(0, 1));
  assert.deepEqual(single.map((r) => r.key), ['actual_demand', 'forecast_bounded', 'tuned', 'least_cost', 'fixed']);
  assert.ok(!single.some((r) => /daily/.test(r.label)), 'one schedule: the labels do not repeat it');

  const summary = rulesCsv(rules);
  assert.equal(summary.length, 1 + rules.length);
  assert.equal(summary[3][17], rules[2].cost.mean);
  const trace = traceCsv(answers[0].result, rules);
  assert.equal(trace.length, 1 + 60);
  assert.equal(trace[1][0], answers[0].result.series.first_test_date);
  assert.equal(trace[60][1], answers[0].result.series.demand[199]);
  const k = trace[0].indexOf('fixed-twice_weekly_cost');
  assert.deepEqual(trace.slice(1).map((r) => r[k]), rules[8].trace.cost);
  const forecast = forecastCsv(answers[0].result);
  assert.equal(forecast.length, 1 + 200);
  assert.deepEqual([forecast[140][1], forecast[141][1]], ['training', 'test']);
  const tuning = tuningCsv(answers);
  const t = answers.map((a) => a.result.tuning);
  const cells = (sf) => sf.cost.flat().filter((c) => c != null).length;
  assert.equal(tuning.length, 1 + t[0].target_curve.length + t[0].reorder_curve.length + t[1].reorder_curve.length + cells(t[0].surface) + cells(t[1].surface));
  // Every surface cell with s <= S, at its (s, S).
  const row = tuning.find((r) => r[0] === 'surface' && r[1] === 'twice_weekly');
  const [i, j] = [t[1].surface.targets.indexOf(row[3]), t[1].surface.reorders.indexOf(row[2])];
  assert.equal(row[4], t[1].surface.cost[i][j]);
  assert.ok(tuning.filter((r) => r[0] === 'surface').every((r) => r[2] <= r[3]));
});

test('forecastSummaryCsv: the errors of each part, and for STL its settings, weekly pattern and coefficients, as the module gives them [ordering][page]', async () => {
  const module = await loadModule();
  const days = Array.from({ length: 84 }, (_, t) => [new Date(Date.UTC(2018, 0, 1 + t)).toISOString().slice(0, 10), 20 + (t % 7) * 2 + (t % 5), t % 5]);
  const request = { demand: ['date,units,lab', ...days.map((d) => d.join(','))].join('\n'), test_days: 28, initial_stock: 100, forecast: 'stl', trace: true, surface: 0 };
  const result = JSON.parse(module.call('ordering', JSON.stringify(request))).result;
  const rows = forecastSummaryCsv(result);
  const find = (q, part, name = '') => rows.find((r) => r[0] === q && r[1] === part && r[2] === name)?.[3];
  assert.equal(find('rmse', 'test'), result.forecast.test.rmse);
  assert.equal(find('mape', 'training'), result.forecast.train.mape);
  assert.equal(find('stl_setting', '', 'refit'), 'weekly');
  assert.equal(rows.filter((r) => r[0] === 'weekly_pattern').length, 7);
  assert.equal(find('weekly_pattern', 'training', 'Sunday'), result.forecast.components.seasonal[55]); // day 56 of 2018 is a Sunday
  assert.equal(find('coefficient', 'training', 'lab'), result.forecast.regression.coefficients[0]);
  // Another forecast: its errors and method only.
  const plain = JSON.parse(module.call('ordering', JSON.stringify({ ...request, forecast: 'weekday_means' }))).result;
  assert.deepEqual(forecastSummaryCsv(plain).map((r) => r[0]).filter((q, i, all) => all.indexOf(q) === i), ['quantity', 'days', 'rmse', 'mape', 'mape_days', 'method']);
});
