// Benchmarks, measured in one run and printed as one table with ratios:
//   - the Rh stationary solve (36 genotypes, thesis Table 3.4) natively (bench_stationary)
//     and in the wasm module under node, as a whole request and per method;
//   - page load to a ready Genotypes calculator, and to a computed Rh result, in Chromium
//     (timed inside the page and by the test driver), and whether the page compiled the wasm
//     by streaming (instantiateStreaming).
// Medians of repeated runs; `make bench` builds first. Results go in docs/performance.md.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadModule, root } from '../tests/js/support.mjs';
import { startServer, launchBrowser } from '../tests/browser/helpers.mjs';

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

const native = JSON.parse(spawnSync(path.join(root, 'build/native/bench/bench_stationary')).stdout.toString());

const mod = await loadModule();
const rh = (extra) => JSON.stringify({ system: 'rh', population: 'rh/thesis-table-3.4', ...extra });
const wasm = {
  rh_request_ms: timeMs(() => mod.call('stationary', rh({})), 201),
  rh_request_as_printed_ms: timeMs(() => mod.call('stationary', rh({ nonnegative: false })), 201),
  rh_request_multistart_ms: timeMs(() => mod.call('stationary', rh({ multistart: true })), 21),
};

const server = await startServer();
const { context, close } = await launchBrowser();
// In the page: milliseconds from navigation start until an element exists (performance.now()
// counts from the navigation), free of the time the test driver takes to notice.
await context.addInitScript(() => {
  window.__seen = {};
  new MutationObserver(() => {
    for (const id of ['gt-f-0', 'gt-result-table']) {
      if (!window.__seen[id] && document.getElementById(id)) window.__seen[id] = performance.now();
    }
  }).observe(document, { childList: true, subtree: true });
});
const pages = { ready: [], computed: [], readyDriver: [], computedDriver: [] };
let streamingFailed = false, wasmType = '';
context.on('response', (r) => { if (r.url().endsWith('.wasm')) wasmType = r.headers()['content-type']; });
try {
  // Load 0 is cold (nothing cached); later loads revalidate (304) and Chromium reuses the
  // module's compiled code. Medians are over loads 1-10; the cold load is reported apart.
  for (let i = 0; i < 11; i++) {
    const page = await context.newPage();
    // Emscripten's loader reports on the console when it cannot compile by streaming.
    page.on('console', (m) => { if (/streaming compile failed|falling back to ArrayBuffer/.test(m.text())) streamingFailed = true; });
    let start = performance.now();
    await page.goto(server.url);
    await page.waitForSelector('#gt-f-0');
    pages.readyDriver.push(performance.now() - start);
    pages.ready.push(await page.evaluate(() => window.__seen['gt-f-0']));
    start = performance.now();
    await page.goto(`${server.url}?run=${i}#/genotypes?system=rh&population=rh/thesis-table-3.4`);
    await page.waitForSelector('#gt-result-table');
    pages.computedDriver.push(performance.now() - start);
    pages.computed.push(await page.evaluate(() => window.__seen['gt-result-table']));
    await page.close();
  }
} finally {
  await close();
  server.stop();
}
const warm = (xs) => median(xs.slice(1));

const requests = [
  ['Rh stationary request, both methods', 'rh_request_ms'],
  ['Rh request, as printed', 'rh_request_as_printed_ms'],
  ['Rh request with 36-start multistart', 'rh_request_multistart_ms'],
];
console.log('| request | native ms | wasm ms (node) | wasm / native |');
console.log('|---|---|---|---|');
for (const [name, key] of requests) {
  console.log(`| ${name} | ${native[key].toFixed(3)} | ${wasm[key].toFixed(3)} | ${(wasm[key] / native[key]).toFixed(2)} |`);
}
console.log();
const rows = [
  ['Rh least-squares core, non-negative (native)', native.rh_core_nonnegative_ms],
  ['Rh least-squares core, as printed (native)', native.rh_core_as_printed_ms],
  ['page ready: navigation to a usable Genotypes calculator, in the page (Chromium)', warm(pages.ready)],
  ['page ready, first (cold) load, in the page (Chromium)', pages.ready[0]],
  ['page ready as the test driver sees it (goto + waitForSelector)', warm(pages.readyDriver)],
  ['page load to a computed Rh result, in the page (Chromium)', warm(pages.computed)],
  ['page load to a computed Rh result, as the test driver sees it', warm(pages.computedDriver)],
];
console.log('| benchmark | median ms |');
console.log('|---|---|');
for (const [name, ms] of rows) console.log(`| ${name} | ${ms.toFixed(3)} |`);
console.log();
console.log(`wasm compiled by streaming in the page: ${!streamingFailed && wasmType === 'application/wasm' ? 'yes' : `no (${wasmType})`}`);
console.log(`wasm / native, Rh request: ${(wasm.rh_request_ms / native.rh_request_ms).toFixed(2)}`);
console.log(`non-negative / as printed, native core: ${(native.rh_core_nonnegative_ms / native.rh_core_as_printed_ms).toFixed(2)}`);
console.log(`Rh request in wasm vs the 1 ms target: ${wasm.rh_request_ms.toFixed(2)} of the budget`);
console.log(`page ready (in the page) vs the 250 ms target: ${(warm(pages.ready) / 250).toFixed(2)} of the budget`);
