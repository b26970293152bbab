// The Simulation tab's pure parts (web/calculators/simulation/words.js): the replications
// split into ranges for the page's workers, the policies in a link, shares and intervals in
// words, and the CSV files of a result (checked against a result of the wasm module).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classWords, count, differenceDirection, interval, percent, policyParam, rangeRequests, readPolicyParam,
  replicationsCsv, splitRanges, traceCsv } from '../../web/calculators/simulation/words.js';
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
  assert.equal(classWords({ from: 0, to: 0.00001 }), 'below 1 × 10^-5');
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
