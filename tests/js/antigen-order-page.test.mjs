// The Antigen order tab's pure parts (web/calculators/antigen-order/): the scenario grid split
// into one request per scenario and joined again, the runner over the page's workers, the
// link's antigen lists and shares, and the words and CSV files of a result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GRID_K, GRID_N, joinAnswers, mergeGrids, runEach, splitRequest, thesisGrid } from '../../web/calculators/antigen-order/scenarios.js';
import { formatSharesParam, readNames, readSharesParam } from '../../web/calculators/antigen-order/antigens.js';
import { added, curveCsv, gridCsv, list, orderCsv, orderText, shade, strategiesCsv, tailTieWords, tieWords } from '../../web/calculators/antigen-order/words.js';

const request = (model) => ({ antigens: ['E', 'K', 'c'], n: 60, k: 2, model, draws: 500, replications: 3, seed: 9,
  strategy: ['E'], robustness: true, offset: 64, limit: 64, cutoff: 0.001, grid: thesisGrid(model) });

test('splitRequest: models 1 and 2 keep the grid in one request [antigen_order][property]', () => {
  for (const model of [1, 2]) assert.deepEqual(splitRequest(request(model)), [request(model)]);
  const { grid: _grid, ...plain } = request(3);
  assert.deepEqual(splitRequest(plain), [plain], 'no grid: the request itself');
});

test('splitRequest: model 3 is the request without its grid, then one request per scenario, n then k [antigen_order][property]', () => {
  const [main, ...pieces] = splitRequest(request(3));
  const { grid: _grid, ...expected } = request(3);
  assert.deepEqual(main, expected);
  assert.equal(pieces.length, GRID_N.length * GRID_K.length);
  assert.deepEqual(pieces.map((p) => [p.grid.n, p.grid.k, p.grid.models]), GRID_N.flatMap((n) => GRID_K.map((k) => [[n], [k], [3]])));
  for (const p of pieces) {
    // The piece's own scenario is exact (model 1) and within its grid scenario's limits (k <= n).
    assert.deepEqual([p.model, p.n, p.k], [1, p.grid.n[0], p.grid.k[0]]);
    assert.equal(p.limit, 1);
    for (const gone of ['strategy', 'robustness', 'offset']) assert.ok(!(gone in p), `${gone} left out of a piece`);
    for (const kept of ['antigens', 'draws', 'replications', 'seed', 'cutoff']) assert.deepEqual(p[kept], request(3)[kept], kept);
  }
});

const piece = (n, k, counts, beyond) => ({ result: { grid: {
  scenarios: [{ n, k, model: 3, value: n / 1000, se: 0.01, order: ['E'], tied: [false], curve: [0, n / 1000] }],
  positions: [{ antigen: 'E', counts: counts[0], beyond_cutoff: beyond[0] }, { antigen: 'K', counts: counts[1], beyond_cutoff: beyond[1] }],
} }, warnings: [{ code: 'order_not_nested' }] });

test('mergeGrids, joinAnswers: scenarios in order, positions summed, the first answer’s warnings only [antigen_order][property]', () => {
  const first = { result: { value: 0.5, grid: null }, warnings: [{ code: 'shares_renormalised' }] };
  const joined = joinAnswers([first, piece(60, 1, [[1, 0], [0, 0]], [0, 1]), piece(120, 2, [[0, 1], [1, 0]], [0, 0])]);
  assert.equal(joined.result.value, 0.5);
  assert.deepEqual(joined.result.grid.scenarios.map((s) => [s.n, s.k]), [[60, 1], [120, 2]]);
  assert.deepEqual(joined.result.grid.positions, [{ antigen: 'E', counts: [1, 1], beyond_cutoff: 0 }, { antigen: 'K', counts: [1, 0], beyond_cutoff: 1 }]);
  assert.deepEqual(joined.warnings, [{ code: 'shares_renormalised' }]);
  assert.deepEqual(joinAnswers([first]), first);
  assert.deepEqual(mergeGrids([piece(60, 1, [[2, 0], [0, 2]], [0, 0]).result.grid]).positions[1].counts, [0, 2]);
});

test('runEach: one request after another without a pool, answers in order, progress rising to 1; a pool when the client has one [antigen_order][property]', async () => {
  const seen = [];
  const client = { call: async (op, r, { onProgress }) => { seen.push([op, r.i]); onProgress({ fraction: 0.5 }); return { result: r.i, warnings: [] }; } };
  const progress = [];
  const answers = await runEach(client, 'antigen_order', [{ i: 0 }, { i: 1 }, { i: 2 }], { onProgress: (p) => progress.push(p.fraction) });
  assert.deepEqual(answers.map((a) => a.result), [0, 1, 2]);
  assert.deepEqual(seen, [['antigen_order', 0], ['antigen_order', 1], ['antigen_order', 2]]);
  assert.ok(progress.every((p, i) => i === 0 || p >= progress[i - 1]), `rising: ${progress}`);
  assert.equal(progress.at(-1), 1);
  // A failure stops the rest: a cancelled piece rejects the whole.
  const failing = { call: async (op, r) => { if (r.i === 1) throw new DOMException('cancelled', 'AbortError'); return { result: r.i, warnings: [] }; } };
  await assert.rejects(runEach(failing, 'antigen_order', [{ i: 0 }, { i: 1 }, { i: 2 }]), { name: 'AbortError' });
  const pooled = {
    callEach: async (op, requests, { onProgress }) => { onProgress({ fraction: 0.5, stage: 'simulating' }); return requests.map((r) => ({ result: -r.i, warnings: [] })); },
    call: () => assert.fail('not the pool'),
  };
  const stages = [];
  assert.deepEqual((await runEach(pooled, 'antigen_order', [{ i: 1 }, { i: 2 }], { onProgress: (p) => stages.push(p) })).map((a) => a.result), [-1, -2]);
  assert.deepEqual(stages, [{ fraction: 0.5, stage: '2 parts; simulating' }]);
  // One request: the client's call, its progress as it reports it.
  const single = { call: async (op, r, { onProgress }) => { onProgress({ fraction: 0.3, stage: 'simulating' }); return { result: r.i, warnings: [] }; }, callEach: () => assert.fail('no pool for one') };
  const one = [];
  assert.deepEqual(await runEach(single, 'antigen_order', [{ i: 7 }], { onProgress: (p) => one.push(p) }), [{ result: 7, warnings: [] }]);
  assert.deepEqual(one, [{ fraction: 0.3, stage: 'simulating' }]);
});

test('readNames, readSharesParam: the link’s lists and shares read, what does not read said [antigen_order][validation]', () => {
  const known = ['A', 'B', 'D', 'c', 'E', 'K'];
  assert.deepEqual(readNames('E, K,E,,Q', known), { names: ['E', 'K'], unknown: ['Q'] });
  assert.deepEqual(readSharesParam('E:0.4;K:0', known), { shares: { E: '0.4', K: '0' }, problems: [] });
  const bad = readSharesParam('E:2;Q:0.1;K;c:0.1:3', known);
  assert.deepEqual(Object.keys(bad.shares), ['E']);
  assert.equal(bad.problems.length, 4);
  assert.match(bad.problems[0], /share of E: “2” must be ≤ 1/);
  assert.match(bad.problems[1], /“Q:0.1” is not antigen:share/);
  assert.equal(formatSharesParam({ K: '0.3', E: '0.4' }, known), 'E:0.4;K:0.3');
  assert.deepEqual(readSharesParam(formatSharesParam({ K: '0.3', E: '0.4' }, known), known).shares, { E: '0.4', K: '0.3' });
});

test('list, tieWords, orderText, added, shade: the words of a result [antigen_order][property]', () => {
  assert.equal(list([]), 'none');
  assert.equal(list(['E', 'K', 'Jka']), 'E, K and Jka');
  assert.equal(tieWords([]), '');
  assert.equal(tieWords(['c']), '≈ tied with c');
  assert.equal(orderText(['E', 'K', 'Jka', 'c'], [false, false, true, false]), 'E K ≈Jka c');
  const curve = [{ strategy: [] }, { strategy: ['E'] }, { strategy: ['E', 'K'] }, { strategy: ['c', 'K', 'Jka'] }];
  assert.deepEqual([added(curve, 0), added(curve, 1), added(curve, 2), added(curve, 3)], [[], ['E'], ['K'], null]);
  assert.equal(shade(0, 20), 0);
  assert.equal(shade(20, 20), 5);
  assert.equal(shade(1, 20), 1);
  for (let c = 1; c <= 20; c++) assert.ok(shade(c, 20) >= shade(c - 1, 20), 'darker for more');
});

test('orderCsv, curveCsv, strategiesCsv, gridCsv: every row at full precision, ranks from the offset [antigen_order][property]', () => {
  const result = {
    order: [{ position: 1, antigen: 'E', gain: 0.3123456789, value: 0.3123456789, se: null, tied_with: [] },
      { position: 2, antigen: 'K', gain: 0.2, value: 0.5123456789, se: null, tied_with: ['c'] }],
    beyond_cutoff: ['s'],
    curve: [{ level: 0, value: 0, se: null, strategy: [], tied_strategies: 1, runner_up: null },
      { level: 1, value: 0.31, se: 0.01, strategy: ['E'], tied_strategies: 1, runner_up: { strategy: ['K'], value: 0.3, difference: 0.01, difference_se: 0.02, tied: true } }],
    strategies: [{ antigens: ['E', 'K'], level: 2, value: 0.5, se: null, path: ['E', 'K'] }],
    offset: 64,
  };
  const order = orderCsv(result);
  assert.deepEqual(order[0], ['position', 'antigen', 'gain', 'share_prevented', 'se', 'tied_with']);
  assert.deepEqual(order[2], [2, 'K', 0.2, 0.5123456789, '', 'c']);
  assert.deepEqual(order[3], ['beyond cut-off', 's', '', '', '', '']);
  assert.deepEqual(curveCsv(result)[2].slice(5), ['K', 0.3, 0.01, 0.02, 'yes']);
  assert.deepEqual(strategiesCsv(result)[1], [65, 'E K', 2, 0.5, '', 'E K']);
  const grid = { scenarios: [{ model: 3, n: 60, k: 2, value: 0.46, se: 0.01, order: ['E', 'K', 'c'], tied: [false, true, false] }] };
  assert.deepEqual(gridCsv(grid)[1], [3, 60, 2, 0.46, 0.01, 'E ≈K c']);
});

test('readStrategy: the strategy in detail as people write it; what it cannot mean refused in words [antigen_order][regression]', async () => {
  const { readStrategy } = await import('../../web/calculators/antigen-order/antigens.js');
  const minor = ['C', 'c', 'E', 'e', 'K', 'Fya', 'Fyb', 'Jka', 'Jkb', 'M', 'S', 's'];
  const always = ['A', 'B', 'D'];
  const read = (text) => readStrategy(text, minor, always);
  // "Fy(a+)" and "K+" were refused as not among the antigens to order.
  assert.deepEqual(read('Fy(a+) K+'), { names: ['K', 'Fya'] });
  assert.deepEqual(read('E, K;Jka  c'), { names: ['c', 'E', 'K', 'Jka'] });
  assert.deepEqual(read('c C'), { names: ['C', 'c'] }, 'c and C are two antigens');
  assert.deepEqual(read(''), { names: null });
  // "none" is the strategy of no minor antigen (Details on the first row of the strategies).
  assert.deepEqual(read('none'), { names: [] });
  assert.match(read('fya').error, /did you mean “Fya”/);
  assert.match(read('k').error, /k is not among the antigens to order/);
  assert.match(read('K-').error, /says K absent: a strategy lists the antigens to match on/);
  assert.match(read('E D').error, /^D is always matched/);
  assert.match(read('D+').error, /^D is always matched/);
});

test('orderText, gridCsv, tailTieWords, orderCsv: a tie names its partners, in the grid and past the cut-off [antigen_order][regression]', () => {
  // The grid marked a tied position "≈Jka" without saying which antigen was as good there.
  assert.equal(orderText(['E', 'K', 'Jka', 'c'], [false, false, true, false], [[], [], ['c'], []]), 'E K ≈Jka (or c) c');
  const grid = { scenarios: [{ model: 3, n: 60, k: 2, value: 0.46, se: 0.01, order: ['E', 'K'], tied: [false, true], tied_with: [[], ['c', 'Jka']] }] };
  assert.equal(gridCsv(grid)[1][5], 'E ≈K (or c, Jka)');
  assert.equal(tailTieWords(['M', 's', 'e'], [['s'], [], []]), 'M ≈ s');
  assert.equal(tailTieWords(['M'], [[]]), '');
  const csv = orderCsv({ order: [], beyond_cutoff: ['M', 's'], beyond_cutoff_tied_with: [['s'], []] });
  assert.deepEqual(csv.slice(1), [['beyond cut-off', 'M', '', '', '', 's'], ['beyond cut-off', 's', '', '', '', '']]);
});
