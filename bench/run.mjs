// Benchmarks, measured in one run and printed as one table with ratios:
//   - the Rh stationary solve (36 genotypes, thesis Table 3.4) natively (bench_stationary)
//     and in the wasm module under node, as a whole request and per method;
//   - user-defined systems at the API's limits (bench/requests/, tests/support/large_systems.hpp):
//     300 genotypes in the default non-negative mode and 136 with multistart, natively with
//     numeric::nnls and with the solver it replaced (same run), and as requests in wasm;
//   - page load to a ready Genotypes calculator, and to a computed Rh result, in Chromium.
// Medians of repeated runs; `make bench` builds first. Results go in docs/performance.md.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadModule, root } from '../tests/js/support.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timeMs(fn, repeats) {
  for (let i = 0; i < Math.min(20, repeats); i++) fn(); // warm-up: JIT, heap growth
  const t = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    fn();
    t.push(performance.now() - start);
  }
  return median(t);
}

// RBCMATCH_NATIVE_DIR: another native build tree; --no-browser skips the page loads.
const nativeDir = process.env.RBCMATCH_NATIVE_DIR ?? path.join(root, 'build/native');
const browser = !process.argv.includes('--no-browser');
const native = JSON.parse(spawnSync(path.join(nativeDir, 'bench/bench_stationary'), { maxBuffer: 1 << 24 }).stdout.toString());

const mod = await loadModule();
const rh = (extra) => JSON.stringify({ system: 'rh', population: 'rh/thesis-table-3.4', ...extra });
const wasm = {
  rh_request_ms: timeMs(() => mod.call('stationary', rh({})), 201),
  rh_request_as_printed_ms: timeMs(() => mod.call('stationary', rh({ constraint: 'none' })), 201),
  rh_request_multistart_ms: timeMs(() => mod.call('stationary', rh({ multistart: true })), 21),
};
const large = ['user-300-abo-ce', 'user-300-random-3x8', 'user-136-random-16'];
for (const name of large) {
  const request = readFileSync(path.join(root, 'bench/requests', `${name}.json`), 'utf8');
  wasm[name] = timeMs(() => mod.call('stationary', request), name.includes('136') ? 1 : 5);
}

const ready = [], computed = [];
if (browser) {
  const { startServer, launchBrowser } = await import('../tests/browser/helpers.mjs'); // playwright-core
  const server = await startServer();
  const { context, close } = await launchBrowser();
  try {
    for (let i = 0; i < 7; i++) {
      const page = await context.newPage();
      let start = performance.now();
      await page.goto(server.url);
      await page.waitForSelector('#gt-f-0');
      ready.push(performance.now() - start);
      start = performance.now();
      await page.goto(`${server.url}?run=${i}#/genotypes?system=rh&population=rh/thesis-table-3.4`);
      await page.waitForSelector('#gt-result-table');
      computed.push(performance.now() - start);
      await page.close();
    }
  } finally {
    await close();
    server.stop();
  }
}

const rows = [
  ['Rh stationary request, both methods (native)', native.rh_request_ms],
  ['Rh stationary request, both methods (wasm, node)', wasm.rh_request_ms],
  ['Rh least-squares core, non-negative (native)', native.rh_core_nonnegative_ms],
  ['Rh least-squares core, non-negative, previous NNLS (native)', native.rh_core_nonnegative_reference_ms],
  ['Rh least-squares core, as printed (native)', native.rh_core_as_printed_ms],
  ['Rh request, as printed (wasm, node)', wasm.rh_request_as_printed_ms],
  ['Rh request with 36-start multistart (wasm, node)', wasm.rh_request_multistart_ms],
  ...large.flatMap((name) => {
    const what = name.includes('136') ? `${name}, 136 genotypes, multistart` : `${name}, 300 genotypes`;
    return [
      [`${what}: core, nnls (native)`, native[name].fast_ms],
      [`${what}: core, previous NNLS (native)`, native[name].reference_ms],
      [`${what}: request (native)`, native[name].request_ms],
      [`${what}: request (wasm, node)`, wasm[name]],
    ];
  }),
  ...(browser
    ? [
        ['page load to a ready calculator (Chromium)', median(ready)],
        ['page load to a computed Rh result (Chromium)', median(computed)],
      ]
    : []),
];
console.log('| benchmark | median ms |');
console.log('|---|---|');
for (const [name, ms] of rows) console.log(`| ${name} | ${ms.toFixed(3)} |`);
console.log();
console.log(`wasm / native, Rh request: ${(wasm.rh_request_ms / native.rh_request_ms).toFixed(2)}`);
console.log(`non-negative / as printed, native core: ${(native.rh_core_nonnegative_ms / native.rh_core_as_printed_ms).toFixed(2)}`);
console.log(`Rh request in wasm vs the 5 ms target: ${(wasm.rh_request_ms / 5).toFixed(2)} of the budget`);
console.log(`previous / current NNLS, Rh non-negative core (native): ${(native.rh_core_nonnegative_reference_ms / native.rh_core_nonnegative_ms).toFixed(1)}`);
for (const name of large) {
  const r = native[name];
  console.log(`previous / current NNLS, ${name} core (native): ${r.reference_over_fast.toFixed(1)} (largest |x| difference ${r.max_abs_x_difference.toExponential(1)})`);
}
for (const name of large.filter((n) => n.includes('300')))
  console.log(`${name} request in wasm vs the 200 ms target: ${(wasm[name] / 200).toFixed(2)} of the budget`);
