// Timing for the node benchmarks: the median of repeated calls once the time per call has
// settled.
//
// V8 first runs a wasm function in its baseline compiler (Liftoff) and recompiles it with its
// optimising compiler (TurboFan) in the background once it is hot, function by function, so a
// request's time keeps falling over its first hundreds of calls: the default Rh stationary
// request took 0.7-1.2 ms after 20 calls and 0.66-0.68 ms, steadily, after 300. A fixed
// warm-up measures a mix of tiers that varies from run to run. So the warm-up runs in rounds
// and ends, after at least two seconds, when the medians of the last three rounds agree within
// `tolerance`; `settled` says whether that happened before `maxSeconds` (on a busy machine it
// may not).
import { performance } from 'node:perf_hooks';

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const timer = (now) => (fn) => {
  const start = now();
  fn();
  return now() - start;
};

/**
 * Median milliseconds of `repeats` calls of fn after a warm-up until the time per call settles:
 * at least `minSeconds`, then until the medians of the last three rounds agree within
 * `tolerance`. A round is as many calls as take about `roundMs` at the last round's speed (at
 * least 3). Returns {ms, warmupCalls, settled}. `now` is the clock in milliseconds (the tests give
 * a simulated one).
 */
export function settledTime(fn, repeats, { tolerance = 0.03, roundMs = 100, minSeconds = 2, maxSeconds = 30, now = () => performance.now() } = {}) {
  const timed = timer(now);
  const start = now();
  let perCall = timed(fn);
  const medians = [];
  let warmupCalls = 1, settled = false;
  while (!settled && now() < start + 1000 * maxSeconds) {
    const t = [];
    const round = Math.max(3, Math.ceil(roundMs / Math.max(perCall, 1e-3)));
    for (let i = 0; i < round; i++) t.push(timed(fn));
    warmupCalls += round;
    perCall = median(t);
    medians.push(perCall);
    const last = medians.slice(-3);
    settled = now() >= start + 1000 * minSeconds && last.length === 3
      && Math.max(...last) <= (1 + tolerance) * Math.min(...last);
  }
  const t = [];
  for (let i = 0; i < repeats; i++) t.push(timed(fn));
  return { ms: median(t), warmupCalls, settled };
}

/** settledTime's median alone. */
export const timeMs = (fn, repeats, options) => settledTime(fn, repeats, options).ms;
