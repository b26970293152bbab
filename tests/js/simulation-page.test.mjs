// The Simulation tab's pure parts (web/calculators/simulation/words.js): the replications
// split into ranges for the page's workers, the policies in a link, shares and intervals in
// words, and the CSV files of a result (checked against a result of the wasm module).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classWords, count, demandWords, differenceDirection, forecastError, interval, percent, policyParam, rangeRequests, readPolicyParam, readRuleChoice,
  replicationsCsv, ruleChoice, ruleChoiceWords, ruleChoices, splitRanges, traceCsv, traceWords } from '../../web/calculators/simulation/words.js';
import { formatPowerOfTen } from '../../web/lib/format.js';
import { loadModule } from './support.mjs';

test('splitRanges: contiguous ranges covering every replication once, sizes within one [issuing][property]', () => {
  for (let reps = 1; reps <= 23; reps++) {
    for (let pieces = 1; pieces <= 9; pieces++) {
      for (const first of [0, 5]) {
        const ranges = splitRanges(reps, pieces, first);
        assert.equal(ranges.length, Math.min(reps, pieces));
        assert.equal(ranges[0].first, first);
        ranges.forEach((r, k) => { if (k) assert.equal(r.first, ranges[k - 1].first + ranges[k - 1].count); });
        assert.equal(ranges.reduce((s, r) => s + r.count, 0), reps);
        const sizes = ranges.map((r) => r.count);
        assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1 && Math.min(...sizes) >= 1, `${reps} in ${pieces}: ${sizes}`);
      }
    }
  }
  assert.deepEqual(rangeRequests({ preset: 'thesis', replications: 5, trace_replication: 0 }, splitRanges(5, 2)),
    [{ preset: 'thesis', replications: 3, first_replication: 0, trace_replication: 0 }, { preset: 'thesis', replications: 2, first_replication: 3, trace_replication: 0 }]);
});

test('policyParam, readPolicyParam: a link round trip, labels with colons; bad ones refused in words [issuing][property]', () => {
  for (const p of [{ label: 'L0', method: 'match', rule: 'limited' }, { label: 'a:b', method: 'match', rule: 'abod' },
    { label: 'FIFO (gamma 0)', method: 'allocate', gamma: 0.25, cost: 'exponential' },
    // Rule E1's look-ahead goes with its policy: without it E1 would run as E0 under E1's label.
    { label: 'E1', method: 'match', rule: 'extended', forecast: { request_days: 5, unit_days: 1, arrival_share: 0.966 } },
    { label: 'x:y', method: 'match', rule: 'limited', forecast: { request_days: 3, unit_days: 2, arrival_share: 1 } }]) {
    assert.deepEqual(readPolicyParam(policyParam(p)).policy, p);
  }
  assert.match(readPolicyParam('E1:match:extended:5/1/1.5').error, /is not a look-ahead/);
  assert.match(readPolicyParam('x:match:best').error, /“best” is not a matching rule/);
  assert.match(readPolicyParam('x:allocate:2:linear').error, /γ “2” is not a number from 0 to 1/);
  assert.match(readPolicyParam('x:allocate::linear').error, /γ “” is not/);
  assert.match(readPolicyParam('x:allocate:1:cubic').error, /“cubic” is not a cost function/);
  assert.match(readPolicyParam('nonsense').error, /is not a policy/);
});

test('percent, count, interval, differenceDirection, classWords: the words of the results [issuing][property]', () => {
  assert.equal(percent(0.031), '3.1 %');
  assert.equal(percent(0.0004), '0.040 %');
  assert.equal(percent(0.005), '0.50 %');
  assert.equal(percent(0), '0 %');
  assert.equal(percent(null), '—');
  assert.equal(count(26500), '26\u202f500');
  assert.equal(count(1234.56), '1\u202f234.6');
  assert.equal(interval({ mean: 0.5, low: null, high: null }), null, 'one replication: no interval');
  assert.equal(interval({ mean: 0.5, low: 0.25, high: 0.75 }), '25.0 % to 75.0 %');
  assert.equal(differenceDirection({ low: -2, high: -1 }), 'lower');
  assert.equal(differenceDirection({ low: 1, high: 2 }), 'higher');
  assert.equal(differenceDirection({ low: -1, high: 2 }), 'unclear');
  assert.equal(differenceDirection({ low: null, high: null }), 'unclear');
  assert.equal(classWords({ from: 0.01, to: 0.1 }), '0.01 to 0.1');
  assert.equal(classWords({ from: 0, to: 0.00001 }), 'below 10⁻⁵');
  assert.equal(classWords({ from: 0.0001, to: 0.001 }), '10⁻⁴ to 0.001');
});

test('formatPowerOfTen: a real superscript, never "10^-4"; the mantissa only when it is not 1 [issuing][regression]', () => {
  assert.equal(formatPowerOfTen(1e-4), '10⁻⁴');
  assert.equal(formatPowerOfTen(2.5e-5), '2.5 × 10⁻⁵');
  assert.equal(formatPowerOfTen(1e-12), '10⁻¹²');
  assert.equal(formatPowerOfTen(-3e-7), '−3 × 10⁻⁷');
  assert.equal(formatPowerOfTen(1.2e6), '1.2 × 10⁶');
  assert.equal(formatPowerOfTen(0), '0');
  assert.equal(formatPowerOfTen(null), '—');
  // Every exponent a class boundary can have: superscript digits only, and the value reads back.
  const digits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  for (let e = -15; e <= 15; e++) {
    const text = formatPowerOfTen(10 ** e);
    assert.doesNotMatch(text, /\^|e/, text);
    const [, sign, power] = /^10(⁻?)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(text);
    assert.equal((sign ? -1 : 1) * Number([...power].map((c) => digits.indexOf(c)).join('')), e);
  }
});

test('ruleChoices, ruleChoiceWords: a policy with rule E1’s look-ahead has an E1 entry and shows it, not E0 [issuing][regression]', () => {
  const ahead = { request_days: 5, unit_days: 1, arrival_share: 0.966 };
  const e1 = { label: 'E1', method: 'match', rule: 'extended', forecast: ahead };
  assert.equal(ruleChoice(e1), 'extended+ahead');
  assert.ok(ruleChoices(e1, true).includes(ruleChoice(e1)));
  assert.match(ruleChoiceWords(ruleChoice(e1)), /\(E1\)/);
  assert.doesNotMatch(ruleChoiceWords(ruleChoice(e1)), /E0/);
  assert.match(ruleChoiceWords('extended'), /\(E0\)/);
  // Each entry says something different; E1 is offered only when a look-ahead is known.
  const all = ruleChoices({ method: 'match', rule: 'extended' }, true);
  assert.equal(new Set(all.map(ruleChoiceWords)).size, all.length);
  assert.ok(!ruleChoices({ method: 'match', rule: 'extended' }, false).includes('extended+ahead'));
  // A look-ahead on another rule (a link may hold one) gets an entry of its own, not E1's words.
  const l0ahead = { label: 'x', method: 'match', rule: 'limited', forecast: ahead };
  assert.ok(ruleChoices(l0ahead, false).includes('limited+ahead'));
  assert.match(ruleChoiceWords('limited+ahead'), /L0.*look-ahead/);
  // Menu entry and link agree: the link's policy shows as its entry, and the entry reads back as the rule.
  for (const p of [e1, l0ahead, { label: 'E0', method: 'match', rule: 'extended' }]) {
    const back = readPolicyParam(policyParam(p)).policy;
    assert.equal(ruleChoice(back), ruleChoice(p));
    assert.deepEqual(readRuleChoice(ruleChoice(back)), { rule: p.rule, ahead: Boolean(p.forecast) });
  }
});

test('demandWords: a booked stream is said to be seen ahead by rule E1; the seed 004 presets book the appointments only [issuing][regression]', async () => {
  const module = await loadModule();
  const scenario = JSON.parse(module.call('simulate_issuing', JSON.stringify({ preset: 'seed004_small', days: 1, warm_up_days: 0, replications: 1 }))).result.scenario;
  const words = scenario.demand.map(demandWords);
  assert.match(words[0], /sickle-cell patients .*booked ahead \(rule E1 sees them coming\)/);
  assert.doesNotMatch(words[1], /booked/);
});

test('forecastError: a look-ahead of whole days within 14 and the shelf life, a share in (0, 1] [issuing][property]', () => {
  const ok = { request_days: 5, unit_days: 1, arrival_share: 0.966 };
  assert.equal(forecastError(ok, 35), '');
  assert.match(forecastError({ ...ok, request_days: 20 }, 35), /20 days of requests .* from 0 to 14$/);
  assert.match(forecastError({ ...ok, request_days: 2, unit_days: 5 }, 5), /5 days of donations .* from 0 to 4 \(less than the shelf life\)/);
  assert.match(forecastError({ ...ok, request_days: 1.5 }, 35), /whole number/);
  assert.match(forecastError({ ...ok, arrival_share: 0 }, 35), /above 0 and at most 1/);
  assert.equal(forecastError({ ...ok, arrival_share: 1 }, 35), '');
});

test('traceWords: policies whose lines coincide are named, else the largest gap between them on a day [issuing][regression]', () => {
  const trace = (...stocks) => ({ replication: 0, policies: stocks.map((s) => s.map((stock, day) => ({ day: day + 1, stock }))) });
  assert.equal(traceWords(trace([803, 803, 803], [803, 803, 803], [803, 803, 803]), ['L0', 'E0', 'E1']),
    'All 3 policies held exactly the same stock every day (803 units every day), so their lines lie on top of each other.');
  assert.match(traceWords(trace([5, 7], [5, 7]), ['A', 'B']), /^Both policies held exactly the same stock every day \(from 5 to 7 units\)/);
  const some = traceWords(trace([10, 12, 11], [10, 13, 11], [10, 13, 11]), ['L0', 'E0', 'E1']);
  assert.match(some, /^E0 and E1 held exactly the same stock every day, so their lines lie on top of each other\./);
  assert.match(some, /from 10 to 12 units under L0; from 10 to 13 units under E0 and E1; on any one day the policies differed by at most 1 units\./);
  const none = traceWords(trace([1000, 1200], [1000, 1150], [990, 1210]), ['a', 'b', 'c']);
  assert.doesNotMatch(none, /on top of each other/);
  assert.match(none, /at most 60 units/);
  assert.equal(traceWords(trace([4, 2]), ['only']), 'Stock from 2 to 4 units.');
  assert.equal(traceWords(null, []), '');
});

test('traceCsv, replicationsCsv: every day and replication of a module result, at full precision [issuing][property]', async () => {
  const module = await loadModule();
  const { result } = JSON.parse(module.call('simulate_issuing', JSON.stringify({ preset: 'seed004_small', days: 3, warm_up_days: 1, replications: 2, trace_replication: 1 })));
  const trace = traceCsv(result);
  const policies = result.scenario.policies.length;  // the preset's L0, E0 and E1
  assert.ok(policies >= 2);
  assert.deepEqual(trace[0].slice(0, 3), ['replication', 'policy', 'day']);
  assert.equal(trace.length, 1 + policies * 3, 'every policy, three days');
  assert.equal(trace[1][0], 1);
  assert.equal(trace[4][1], result.scenario.policies[1].label);
  assert.equal(trace[2][trace[0].indexOf('stock')], result.trace.policies[0][1].stock);
  const reps = replicationsCsv(result);
  assert.equal(reps.length, 1 + 2 * policies);
  const h = reps[0];
  for (const row of reps.slice(1)) {
    // Conservation: requested = issued + short (seed 004 sec. 4.1, lost demand).
    assert.equal(row[h.indexOf('requested')], row[h.indexOf('issued')] + row[h.indexOf('shortage')]);
    assert.ok(row[h.indexOf('shortage_share')] >= 0 && row[h.indexOf('shortage_share')] <= 1);
  }
  // The mean of the replications' shares is the summary's (the summary is computed from the same sums).
  const share = reps.slice(1).filter((r) => r[1] === 'L0').map((r) => r[h.indexOf('shortage_share')]);
  assert.ok(Math.abs(share.reduce((a, b) => a + b) / share.length - result.summary.policies[0].shortage_share.mean) < 1e-12);
  const stock = reps.slice(1).filter((r) => r[1] === 'L0').map((r) => r[h.indexOf('mean_stock')]);
  assert.ok(Math.abs(stock.reduce((a, b) => a + b) / stock.length - result.summary.policies[0].mean_stock.mean) < 1e-9);
});
