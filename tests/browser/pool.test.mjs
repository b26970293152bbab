// callEach (web/client.js) on the real page, through the page's own client (app.js puts it at
// globalThis.rbcmatchClient): independent pieces on a pool of workers give the answers `call`
// gives, in order; Cancel and an API error stop every piece and leave the pool working; the
// workers are kept for the next call. Served (cross-origin isolated: cancel by the shared flag)
// and as the single file from file:// (Blob URL workers; cancel by terminating).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, requireBuilt, root, startServer, watchProblems } from './helpers.mjs';
import { loadModule } from '../js/support.mjs';
import { antibodySharesOf } from '../../web/calculators/matching/grids.js';
import { matchDay } from '../../bench/match-days.mjs';

let server, browser;
let slowDays; // `match` requests of a few seconds each, with checkpoints on the way

before(async () => {
  requireBuilt('public/build/app.js', 'public/build/worker.js', 'build/single/rbcmatch.html');
  server = await startServer();
  browser = await launchBrowser();
  // The matching benchmark's day, counted per request (a MIP: about 2 s in node), drawn with
  // other seeds so each piece differs.
  const module = await loadModule();
  const catalogue = JSON.parse(module.call('systems', '{}')).result;
  const antibodyShares = antibodySharesOf(JSON.parse(module.call('match', '{"units": [], "requests": []}')).result);
  slowDays = [1, 2, 3, 4].map((k) => ({
    ...matchDay({ catalogue, antibodyShares, preset: 'extended', units: 200, patients: 60, seed: 20241325 + k }),
    mismatch_count: 'per_request',
  }));
});

after(async () => {
  await browser?.close();
  server?.stop();
});

// Each different: other antigens, a group, a mixture of donors. The first, over 17 antigens
// (a table of 2^17 groups), takes longest, so the pieces finish out of order.
const FREQUENCY_REQUESTS = [
  { antigens: ['A', 'B', 'D', 'C', 'c', 'E', 'e', 'K', 'k', 'Fya', 'Fyb', 'Jka', 'Jkb', 'M', 'N', 'S', 's'], order: 'rarest', limit: 3 },
  { antigens: ['A', 'B', 'D'] },
  { antigens: ['A', 'B', 'D', 'K'], group: ['A', 'D'] },
  { antigens: ['C', 'c', 'E', 'e'], order: 'rarest', limit: 5 },
  { antigens: ['Fya', 'Fyb', 'Jka', 'Jkb'], donors: [{ weight: 0.99, populations: {} }, { weight: 0.01, populations: { duffy: 'duffy/thesis-table-4.4' } }] },
  { antigens: ['M', 'N', 'S', 's'], table: false, group: ['M', 's'] },
];

async function openPage(url) {
  const page = await browser.context.newPage();
  const problems = watchProblems(page);
  let workersStarted = 0;
  page.on('worker', () => { workersStarted++; });
  await page.goto(url);
  await page.waitForFunction(() => Boolean(globalThis.rbcmatchClient));
  return { page, problems, workersStarted: () => workersStarted };
}

/** callEach in the page: {answers, progress} or {error: {name, code, message, isApiError}}. */
function callEachInPage(page, op, requests, options = {}) {
  return page.evaluate(async ({ op, requests, options }) => {
    const client = globalThis.rbcmatchClient;
    const progress = [];
    try {
      const answers = await client.callEach(op, requests, { ...options, onProgress: (p) => progress.push(p) });
      return { answers, progress };
    } catch (e) {
      return { error: { name: e.name, code: e.code, message: e.message, isApiError: e instanceof client.ApiError } };
    }
  }, { op, requests, options });
}

/** The answers of `call`, one request after another. */
function callOneByOne(page, op, requests) {
  return page.evaluate(async ({ op, requests }) => {
    const answers = [];
    for (const request of requests) answers.push(await globalThis.rbcmatchClient.call(op, request));
    return answers;
  }, { op, requests });
}

/** Start callEach on the slow days, abort it once the pieces have started computing. */
function cancelMidway(page, days) {
  return page.evaluate(async (days) => {
    const controller = new AbortController();
    let finished = false;
    let firstProgress;
    const started = new Promise((resolve) => { firstProgress = resolve; });
    const running = globalThis.rbcmatchClient.callEach('match', days, {
      signal: controller.signal, workers: 2, onProgress: firstProgress,
    }).finally(() => { finished = true; });
    running.catch(() => {});
    await started;
    const finishedBeforeCancel = finished;
    controller.abort();
    try {
      await running;
      return { finishedBeforeCancel, outcome: 'resolved' };
    } catch (e) {
      return { finishedBeforeCancel, outcome: e.name, message: e.message };
    }
  }, days);
}

async function assertSameAsCall(page, workers) {
  const pooled = await callEachInPage(page, 'frequencies', FREQUENCY_REQUESTS, { workers });
  assert.ok(pooled.answers, JSON.stringify(pooled.error));
  const single = await callOneByOne(page, 'frequencies', FREQUENCY_REQUESTS);
  assert.equal(pooled.answers.length, FREQUENCY_REQUESTS.length);
  pooled.answers.forEach((answer, k) => assert.deepEqual(answer, single[k], `piece ${k}: ${JSON.stringify(FREQUENCY_REQUESTS[k])}`));
  // Each answer is its own request's: the antigens it names are that request's.
  pooled.answers.forEach((answer, k) => assert.deepEqual(answer.result.antigens, FREQUENCY_REQUESTS[k].antigens));
  return pooled;
}

test('callEach: each answer is what call gives for the same request, in the order of the requests; the workers are kept for the next call', async () => {
  const { page, problems, workersStarted } = await openPage(`${server.url}#/`);
  const before = workersStarted(); // the page's first worker
  const { progress } = await assertSameAsCall(page, 3);
  assert.equal(workersStarted(), before + 2, 'three workers: call\'s own and two more');
  assert.ok(progress.length >= FREQUENCY_REQUESTS.length, 'progress at least as each piece finishes');
  assert.ok(progress.every((p, i) => p.fraction >= 0 && p.fraction <= 1 && (i === 0 || p.fraction >= progress[i - 1].fraction)),
    `progress over all pieces, never going back: ${JSON.stringify(progress)}`);
  assert.equal(progress.at(-1).fraction, 1);
  await assertSameAsCall(page, 3);
  assert.equal(workersStarted(), before + 2, 'the second call reuses the workers: the module is not loaded again');
  // Without `workers`: one per core the browser reports (at least 1), none started anew.
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await assertSameAsCall(page);
  assert.equal(workersStarted(), before + Math.max(2, Math.min(cores, 8, FREQUENCY_REQUESTS.length) - 1));
  assert.deepEqual(problems, []);
  await page.close();
});

test('callEach: Cancel mid-way rejects with the AbortError of call, and the next callEach works', async () => {
  const { page, problems } = await openPage(`${server.url}#/`);
  assert.ok(await page.evaluate(() => globalThis.crossOriginIsolated), 'served pages are cross-origin isolated');
  const cancelled = await cancelMidway(page, slowDays);
  assert.equal(cancelled.finishedBeforeCancel, false, 'cancelled while computing');
  assert.equal(cancelled.outcome, 'AbortError', cancelled.message);
  // call's own AbortError, the same after a cancel in the pool.
  const single = await page.evaluate(async () => {
    const controller = new AbortController();
    const running = globalThis.rbcmatchClient.call('version', { x: 1 }, { signal: controller.signal });
    controller.abort();
    try { await running; return null; } catch (e) { return { name: e.name, message: e.message }; }
  });
  assert.deepEqual(single, { name: 'AbortError', message: cancelled.message });
  await assertSameAsCall(page, 2);
  assert.deepEqual(problems, []);
  await page.close();
});

test('callEach: an API error in one piece rejects the whole call with that ApiError, and the pool keeps working', async () => {
  const { page, problems } = await openPage(`${server.url}#/`);
  const requests = [...FREQUENCY_REQUESTS.slice(0, 2), { antigens: ['A', 'Q'] }, ...FREQUENCY_REQUESTS.slice(2)];
  const failed = await callEachInPage(page, 'frequencies', requests, { workers: 3 });
  assert.equal(failed.error?.isApiError, true, JSON.stringify(failed));
  assert.equal(failed.error.code, 'unknown_antigen');
  assert.match(failed.error.message, /Q/);
  await assertSameAsCall(page, 3);
  assert.deepEqual(problems, []);
  await page.close();
});

test('callEach: in the single file from file:// (Blob URL workers, no shared memory) the answers are call\'s, and after Cancel and an error the pool still works', async () => {
  const { page, problems, workersStarted } = await openPage(`${pathToFileURL(join(root, 'build/single/rbcmatch.html')).href}#/`);
  assert.equal(await page.evaluate(() => globalThis.crossOriginIsolated), false);
  const before = workersStarted();
  await assertSameAsCall(page, 2);
  assert.equal(workersStarted(), before + 1);
  const cancelled = await cancelMidway(page, slowDays.slice(0, 2));
  assert.equal(cancelled.finishedBeforeCancel, false, 'cancelled while computing');
  assert.equal(cancelled.outcome, 'AbortError', cancelled.message);
  const failed = await callEachInPage(page, 'frequencies', [{ antigens: ['Q'] }, ...FREQUENCY_REQUESTS], { workers: 2 });
  assert.equal(failed.error?.code, 'unknown_antigen', JSON.stringify(failed));
  await assertSameAsCall(page, 2);
  assert.deepEqual(problems, []);
  await page.close();
});
