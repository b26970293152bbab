// bench/timing.mjs on a simulated clock: the warm-up lasts until the time per call settles
// (issue 22, item 8: a 20-call warm-up timed V8's baseline tier, 0.7-1.2 ms for a request
// that takes 0.66-0.68 ms once optimised).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settledTime } from '../../bench/timing.mjs';

/** A function whose call k costs `cost(k, clock)` simulated ms, and the clock it advances. */
function simulated(cost) {
  let clock = 0, calls = 0;
  return { fn: () => { clock += cost(calls++, clock); }, now: () => clock };
}

test('settledTime: times the optimised tier, not the warm-up, when a function tiers up after a second of calls', () => {
  const f = simulated((k) => (k < 1000 ? 1.0 : 0.66));
  const r = settledTime(f.fn, 201, { now: f.now });
  assert.ok(Math.abs(r.ms - 0.66) < 1e-9, `${r.ms} ms`);
  assert.equal(r.settled, true);
  assert.ok(r.warmupCalls > 1000, `${r.warmupCalls} warm-up calls`);
  // What a fixed warm-up of 20 calls would have measured: the baseline tier.
  const g = simulated((k) => (k < 1000 ? 1.0 : 0.66));
  for (let i = 0; i < 20; i++) g.fn();
  const start = g.now();
  for (let i = 0; i < 201; i++) g.fn();
  assert.ok(Math.abs((g.now() - start) / 201 - 1.0) < 1e-9);
});

test('settledTime: at least minSeconds of warm-up, then stops once the last three rounds agree', () => {
  const f = simulated(() => 0.5);
  const r = settledTime(f.fn, 11, { now: f.now, minSeconds: 2 });
  assert.ok(Math.abs(r.ms - 0.5) < 1e-9, `${r.ms} ms`);
  assert.equal(r.settled, true);
  // 2 s of 0.5 ms calls, and not much more: rounds of about 100 ms.
  assert.ok(r.warmupCalls >= 4000 && r.warmupCalls <= 4000 + 3 * 200, `${r.warmupCalls} warm-up calls`);
});

test('settledTime: says so when the time per call never settles within maxSeconds', () => {
  // 5 % slower every 100 ms, the length of a round: never within 3 %.
  const f = simulated((k, clock) => 1.05 ** Math.floor(clock / 100));
  const r = settledTime(f.fn, 5, { now: f.now, maxSeconds: 10 });
  assert.equal(r.settled, false);
  assert.ok(f.now() >= 10000, 'warmed up for the whole maxSeconds');
});
