// Benchmarks, measured in one run and printed as tables with ratios:
//   - the Rh stationary request (36 genotypes, thesis Table 3.4) natively (bench_stationary)
//     and in the wasm module under node: the default request (answer, uniqueness check, gene
//     counting), the answer alone, the iteration as printed and multistart;
//   - user-defined systems at the API's limits (bench/requests/, tests/support/large_systems.hpp):
//     300 genotypes and 136 with multistart, natively with numeric::nnls and with the solver
//     it replaced (same run), and as requests in wasm;
//   - page load to a ready Genotypes calculator (#/genotypes), and to a computed Rh result, in
//     Chromium (timed inside the page and by the test driver), on cold loads (COLD_LOADS
//     browsers with fresh profiles, default 5, the page their first navigation), first visits
//     (as many, each in a browser already showing about:blank) and repeat loads; first visits
//     of the start view (the page without a calculator in its link); and whether the page
//     compiled the wasm by streaming (instantiateStreaming).
// Medians of repeated runs; `make bench` builds first. Results go in docs/performance.md.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadModule, root } from '../tests/js/support.mjs';
import { median, settledTime } from './timing.mjs';

// RBCMATCH_NATIVE_DIR: another native build tree; --no-browser skips the page loads.
const nativeDir = process.env.RBCMATCH_NATIVE_DIR ?? path.join(root, 'build/native');
const browser = !process.argv.includes('--no-browser');
const native = JSON.parse(spawnSync(path.join(nativeDir, 'bench/bench_stationary'), { maxBuffer: 1 << 24 }).stdout.toString());

const mod = await loadModule();
const rh = (extra) => JSON.stringify({ system: 'rh', population: 'rh/thesis-table-3.4', ...extra });
// Each wasm time is a median after a warm-up until the time per call settles (bench/timing.mjs);
// warmup[key] keeps how many calls that took, and whether it settled.
const warmup = {};
const wasmTime = (key, fn, repeats) => {
  const t = settledTime(fn, repeats);
  warmup[key] = t;
  return t.ms;
};
const wasm = {
  rh_request_ms: wasmTime('rh_request_ms', () => mod.call('stationary', rh({})), 201),
  rh_request_solve_only_ms: wasmTime('rh_request_solve_only_ms', () => mod.call('stationary', rh({ check_uniqueness: false })), 201),
  rh_request_as_printed_ms: wasmTime('rh_request_as_printed_ms', () => mod.call('stationary', rh({ constraint: 'none' })), 201),
  rh_request_multistart_ms: wasmTime('rh_request_multistart_ms', () => mod.call('stationary', rh({ multistart: true })), 21),
};
const large = ['user-300-abo-ce', 'user-300-random-3x8', 'user-136-random-16'];
for (const name of large) {
  const request = readFileSync(path.join(root, 'bench/requests', `${name}.json`), 'utf8');
  wasm[name] = wasmTime(name, () => mod.call('stationary', request), name.includes('136') ? 5 : 11);
}
const warmed = (key) => `${warmup[key].warmupCalls}${warmup[key].settled ? '' : ', not settled'}`;

const pages = { ready: [], computed: [], readyDriver: [], computedDriver: [], cold: [], firstVisit: [], startFirstVisit: [] };
let streamingFailed = false, wasmType = '';
// COLD_LOADS (default 5): cold loads, each in a browser with a fresh profile (nothing cached);
// one sample of a cold load varies by a factor of two on this shared machine.
const coldLoads = Number(process.env.COLD_LOADS ?? 5);
if (browser) {
  const { startServer, launchBrowser } = await import('../tests/browser/helpers.mjs'); // playwright-core
  const server = await startServer();
  // In the page: milliseconds from navigation start until an element exists (performance.now()
  // counts from the navigation), free of the time the test driver takes to notice.
  const observe = () => {
    window.__seen = {};
    new MutationObserver(() => {
      for (const id of ['gt-f-0', 'gt-result-table']) {
        if (!window.__seen[id] && document.getElementById(id)) window.__seen[id] = performance.now();
      }
      if (!window.__seen.start && document.querySelector('.start-list')) window.__seen.start = performance.now();
    }).observe(document, { childList: true, subtree: true });
  };
  const watch = (page) => {
    // Emscripten's loader reports on the console when it cannot compile by streaming.
    page.on('console', (m) => { if (/streaming compile failed|falling back to ArrayBuffer/.test(m.text())) streamingFailed = true; });
  };
  try {
    // Page ready on one load in a browser with a fresh profile (nothing cached); running: the
    // browser already shows about:blank, as for a user's first visit; otherwise the page is a
    // just-started browser's first navigation, whose first renderer is slower.
    // The Genotypes calculator by its link (#/genotypes); start: the page's own address, which
    // shows the start view.
    const freshLoad = async ({ running, start = false }) => {
      const { context, close } = await launchBrowser();
      try {
        await context.addInitScript(observe);
        const page = await context.newPage();
        if (running) {
          await page.goto('about:blank');
          await page.waitForTimeout(300);
        }
        watch(page);
        await page.goto(start ? server.url : `${server.url}#/genotypes`);
        await page.waitForSelector(start ? '.start-list' : '#gt-f-0');
        return await page.evaluate((key) => window.__seen[key], start ? 'start' : 'gt-f-0');
      } finally {
        await close();
      }
    };
    // Cold loads 1 .. COLD_LOADS - 1; load 0 of the browser below is the other.
    for (let i = 1; i < coldLoads; i++) pages.cold.push(await freshLoad({ running: false }));
    for (let i = 0; i < coldLoads; i++) pages.firstVisit.push(await freshLoad({ running: true }));
    for (let i = 0; i < coldLoads; i++) pages.startFirstVisit.push(await freshLoad({ running: true, start: true }));
    const { context, close } = await launchBrowser();
    await context.addInitScript(observe);
    context.on('response', (r) => { if (r.url().endsWith('.wasm')) wasmType = r.headers()['content-type']; });
    try {
      // Load 0 is cold (nothing cached); later loads revalidate (304) and Chromium reuses the
      // module's compiled code. Medians are over loads 1-10; the cold load is reported apart.
      for (let i = 0; i < 11; i++) {
        const page = await context.newPage();
        watch(page);
        let start = performance.now();
        await page.goto(`${server.url}#/genotypes`);
        await page.waitForSelector('#gt-f-0');
        pages.readyDriver.push(performance.now() - start);
        pages.ready.push(await page.evaluate(() => window.__seen['gt-f-0']));
        if (i === 0) pages.cold.unshift(pages.ready[0]);
        start = performance.now();
        await page.goto(`${server.url}?run=${i}#/genotypes?system=rh&population=rh/thesis-table-3.4`);
        await page.waitForSelector('#gt-result-table');
        pages.computedDriver.push(performance.now() - start);
        pages.computed.push(await page.evaluate(() => window.__seen['gt-result-table']));
        await page.close();
      }
    } finally {
      await close();
    }
  } finally {
    server.stop();
  }
}
const warm = (xs) => median(xs.slice(1));

const requests = [
  ['Rh request, default (answer + uniqueness check + gene counting)', 'rh_request_ms'],
  ['Rh request, answer only (check_uniqueness false)', 'rh_request_solve_only_ms'],
  ['Rh request, as printed (constraint none)', 'rh_request_as_printed_ms'],
  ['Rh request with 36-start multistart', 'rh_request_multistart_ms'],
];
console.log('| request | native ms | wasm ms (node) | wasm / native | wasm warm-up calls |');
console.log('|---|---|---|---|---|');
for (const [name, key] of requests) {
  console.log(`| ${name} | ${native[key].toFixed(3)} | ${wasm[key].toFixed(3)} | ${(wasm[key] / native[key]).toFixed(2)} | ${warmed(key)} |`);
}
for (const name of large) {
  const what = name.includes('136') ? `${name} (136 genotypes, multistart)` : `${name} (300 genotypes)`;
  console.log(`| ${what} | ${native[name].request_ms.toFixed(1)} | ${wasm[name].toFixed(1)} | ${(wasm[name] / native[name].request_ms).toFixed(2)} | ${warmed(name)} |`);
}
console.log();
const rows = [
  ['Rh least-squares core, over x >= 0 (native)', native.rh_core_nonnegative_ms],
  ['Rh least-squares core, over x >= 0, previous NNLS (native)', native.rh_core_nonnegative_reference_ms],
  ['Rh least-squares core, as printed (native)', native.rh_core_as_printed_ms],
  ...large.flatMap((name) => [
    [`${name}: core, nnls (native)`, native[name].fast_ms],
    [`${name}: core, previous NNLS (native)`, native[name].reference_ms],
  ]),
  ...(browser
    ? [
        ['page ready: navigation to a usable Genotypes calculator, in the page (Chromium)', warm(pages.ready)],
        ['page ready, first (cold) load, in the page (Chromium)', pages.ready[0]],
        [`page ready, cold loads (fresh browser profile each), median of ${pages.cold.length}`, median(pages.cold)],
        [`page ready, first visits (running browser, fresh profile each), median of ${pages.firstVisit.length}`, median(pages.firstVisit)],
        [`start view ready (no calculator in the link), first visits, median of ${pages.startFirstVisit.length}`, median(pages.startFirstVisit)],
        ['page ready as the test driver sees it (goto + waitForSelector)', warm(pages.readyDriver)],
        ['page load to a computed Rh result, in the page (Chromium)', warm(pages.computed)],
        ['page load to a computed Rh result, as the test driver sees it', warm(pages.computedDriver)],
      ]
    : []),
];
console.log('| benchmark | median ms |');
console.log('|---|---|');
for (const [name, ms] of rows) console.log(`| ${name} | ${ms == null ? '—' : ms.toFixed(3)} |`);
console.log();
if (browser) console.log(`wasm compiled by streaming in the page: ${!streamingFailed && wasmType === 'application/wasm' ? 'yes' : `no (${wasmType})`}`);
console.log(`wasm / native, Rh request: ${(wasm.rh_request_ms / native.rh_request_ms).toFixed(2)}`);
console.log(`Rh request in wasm vs the 1 ms target: default ${wasm.rh_request_ms.toFixed(2)}, answer only ${wasm.rh_request_solve_only_ms.toFixed(2)} of the budget`);
console.log(`previous / current NNLS, Rh core over x >= 0 (native): ${(native.rh_core_nonnegative_reference_ms / native.rh_core_nonnegative_ms).toFixed(1)}`);
for (const name of large) {
  const r = native[name];
  if (r.reference_over_fast) console.log(`previous / current NNLS, ${name} core (native): ${r.reference_over_fast.toFixed(1)} (largest |x| difference ${r.max_abs_x_difference.toExponential(1)})`);
}
for (const name of large.filter((n) => n.includes('300')))
  console.log(`${name} request in wasm vs the 200 ms target: ${(wasm[name] / 200).toFixed(2)} of the budget`);
if (browser) {
  console.log(`page ready (in the page) vs the 250 ms target: ${(warm(pages.ready) / 250).toFixed(2)} of the budget on repeat loads, ${(median(pages.firstVisit) / 250).toFixed(2)} on first visits, ${(median(pages.cold) / 250).toFixed(2)} on cold loads`);
  console.log(`cold loads, page ready in ms: ${pages.cold.map((t) => t.toFixed(0)).join(', ')}`);
  console.log(`first visits, page ready in ms: ${pages.firstVisit.map((t) => t.toFixed(0)).join(', ')}`);
}
