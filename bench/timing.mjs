// Timing for the node benchmarks: the median of repeated calls after a warm-up.
import { performance } from 'node:perf_hooks';

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median milliseconds of `repeats` calls of fn. Warm-up: V8 compiles wasm with its baseline
 *  tier first and optimises hot functions in the background, so a short warm-up measures a
 *  mix of tiers (seen: 3 ms vs 5 ms for the same request in two runs). It warms for at least
 *  a second and at least minWarmups calls, at most maxWarmups calls. */
export function timeMs(fn, repeats, { minWarmups = Math.min(20, repeats), maxWarmups = 200 } = {}) {
  const until = performance.now() + 1000;
  for (let i = 0; i < maxWarmups && (i < minWarmups || performance.now() < until); i++) fn();
  const t = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    fn();
    t.push(performance.now() - start);
  }
  return median(t);
}
