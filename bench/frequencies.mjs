// Frequencies benchmarks, measured in one run and printed as tables with ratios:
//   - the core natively (bench_frequencies): the 17-antigen table (131 072 groups) with
//     usability and receivability by zeta transforms, and the naive O(4^n) pair sums at
//     n = 12 beside the transforms at n = 12;
//   - the same `frequencies` requests natively (request API, JSON in and out) and in the
//     wasm module under node;
//   - the page: the 17-antigen table shown, then reordered (rarest first), filtered (O D-)
//     and paged (Next) in Chromium, each step timed from the click to the new rows.
// `make bench` runs it after bench/run.mjs; --no-browser skips the page.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadModule, root } from '../tests/js/support.mjs';
import { median, timeMs } from './timing.mjs';

const all = ['A', 'B', 'D', 'C', 'c', 'E', 'e', 'K', 'k', 'Fya', 'Fyb', 'Jka', 'Jkb', 'M', 'N', 'S', 's'];
const requests = {
  'table of 17 antigens, first 256 rows (colex)': { antigens: all },
  'table of 17 antigens, rarest 256 first': { antigens: all, order: 'rarest' },
  'table of 17 antigens, donors a 99/1 mix, patients African': {
    antigens: all,
    donors: [{ weight: 0.99, populations: {} }, { weight: 0.01, populations: { abo: 'abo/african-reid-2012', duffy: 'duffy/african-sec-3.5.2' } }],
    recipients: { abo: 'abo/african-reid-2012', duffy: 'duffy/african-sec-3.5.2' },
  },
  'one patient over 17 antigens, donor groups best first': { antigens: all, group: ['D', 'c', 'e', 'k', 'Fyb', 'Jka', 'M', 's'], table: false },
};
const bodies = Object.fromEntries(Object.entries(requests).map(([k, v]) => [k, JSON.stringify(v)]));

const nativeDir = process.env.RBCMATCH_NATIVE_DIR ?? path.join(root, 'build/native');
const run = spawnSync(path.join(nativeDir, 'bench/bench_frequencies'), Object.entries(bodies).flat(), { maxBuffer: 1 << 24 });
if (run.status !== 0) throw new Error(`bench_frequencies failed: ${run.stderr}`);
const native = JSON.parse(run.stdout.toString());

const mod = await loadModule();
const wasm = Object.fromEntries(Object.entries(bodies).map(([name, body]) => [name, timeMs(() => mod.call('frequencies', body), 21)]));

console.log('| request | native ms | wasm ms (node) | wasm / native |');
console.log('|---|---|---|---|');
for (const name of Object.keys(bodies))
  console.log(`| ${name} | ${native.requests[name].toFixed(2)} | ${wasm[name].toFixed(2)} | ${(wasm[name] / native.requests[name]).toFixed(2)} |`);
console.log();
console.log('| core, natively | median ms |');
console.log('|---|---|');
console.log(`| 17-antigen table (eq. 4.11) | ${native.table_17_ms.toFixed(2)} |`);
console.log(`| 17-antigen table with usability and receivability | ${native.table_17_usability_receivability_ms.toFixed(2)} |`);
console.log(`| usability and receivability at n = 12, zeta transforms | ${native.zeta_12_ms.toFixed(3)} |`);
console.log(`| usability and receivability at n = 12, naive pairs | ${native.naive_pairs_12_ms.toFixed(1)} |`);
console.log(`\nnaive / zeta at n = 12: ${(native.naive_pairs_12_ms / native.zeta_12_ms).toFixed(0)}x`);

if (!process.argv.includes('--no-browser')) {
  const { startServer, launchBrowser } = await import('../tests/browser/helpers.mjs');
  const server = await startServer();
  const { context, close } = await launchBrowser();
  try {
    const steps = { shown: [], rarest: [], filtered: [], next: [] };
    for (let i = 0; i < 5; i++) {
      const page = await context.newPage();
      await page.goto(`${server.url}#/frequencies?antigens=A,B,D`);
      await page.waitForSelector('#fq-result-table');
      const step = async (name, act, done) => {
        const start = performance.now();
        await act();
        await page.waitForFunction(done);
        steps[name].push(performance.now() - start);
      };
      const status = () => document.querySelector('.status')?.textContent === 'Done.';
      await step('shown', async () => { await page.selectOption('#fq-preset', 'all'); await page.click('#frequencies-compute'); },
        () => document.querySelectorAll('#fq-result-table tbody tr').length === 256 && document.querySelector('.status')?.textContent === 'Done.');
      await page.evaluate(() => { document.querySelector('details.options').open = true; });
      await step('rarest', async () => { await page.selectOption('#frequencies-opt-order', 'rarest'); await page.click('#frequencies-compute'); }, status);
      await step('filtered', async () => { await page.fill('#fq-filter', 'O D-'); await page.click('#frequencies-compute'); },
        () => /matching/.test(document.querySelector('#fq-page')?.textContent ?? ''));
      await step('next', () => page.click('#fq-next'), () => /Showing groups 257/.test(document.querySelector('#fq-page')?.textContent ?? ''));
      await page.close();
    }
    console.log('\n| page step (Chromium, 17 antigens, 256 rows a page) | median ms of 5 |');
    console.log('|---|---|');
    for (const [name, what] of [['shown', 'table computed and shown'], ['rarest', 'reordered, rarest first'], ['filtered', 'filtered to O D-'], ['next', 'next page']])
      console.log(`| ${what} | ${median(steps[name]).toFixed(0)} |`);
  } finally {
    await close();
    server.stop();
  }
}
