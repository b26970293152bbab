// web/lib/worker-pool.js: the pool's sizing, dispatch, ordering, progress and failure, with
// stand-in lanes (no Workers): a lane answers a piece when the test releases it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_WORKERS, poolSize, runPieces } from '../../web/lib/worker-pool.js';

const abortError = () => new DOMException('the calculation was cancelled', 'AbortError');

/**
 * Stand-in lanes: each piece waits until `finish(request, answer | Error)`; an aborted signal
 * rejects it with an AbortError at once, as the client's lanes do. `started` lists
 * [lane, request] in start order, `running` the pieces not yet settled.
 */
function standIns(count) {
  const started = [];
  const running = new Map(); // request -> {lane, resolve, reject, onProgress, signal}
  const lanes = Array.from({ length: count }, (_, lane) => (request, { signal, onProgress }) => {
    if (signal.aborted) return Promise.reject(abortError());
    started.push([lane, request]);
    return new Promise((resolve, reject) => {
      running.set(request, { lane, resolve, reject, onProgress, signal });
      signal.addEventListener('abort', () => { running.delete(request); reject(abortError()); }, { once: true });
    });
  });
  const finish = (request, answer) => {
    const piece = running.get(request) ?? assert.fail(`${request} is not running`);
    running.delete(request);
    if (answer instanceof Error) piece.reject(answer); else piece.resolve(answer);
  };
  return { lanes, started, running, finish };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

test('poolSize: one worker per core, at least 1, at most MAX_WORKERS and the number of pieces', () => {
  assert.equal(poolSize(10, { cores: 4 }), 4);
  assert.equal(poolSize(3, { cores: 4 }), 3, 'no more workers than pieces');
  assert.equal(poolSize(100, { cores: 64 }), MAX_WORKERS);
  assert.equal(poolSize(10, {}), 1, 'a browser that reports no cores');
  assert.equal(poolSize(10, { cores: 0 }), 1);
  assert.equal(poolSize(0, { cores: 4 }), 1);
  assert.equal(poolSize(10, { cores: 4, workers: 2 }), 2, 'workers given overrides the cores');
  assert.equal(poolSize(10, { cores: 1, workers: 3.7 }), 3);
  assert.equal(poolSize(10, { cores: 2, workers: Number.NaN }), 1);
});

test('runPieces: answers in the order of the requests, whatever order the lanes finish in; each piece runs once', async () => {
  const { lanes, started, running, finish } = standIns(3);
  const requests = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
  const result = runPieces(requests, lanes);
  await settled();
  assert.deepEqual(started, [[0, 'r0'], [1, 'r1'], [2, 'r2']], 'one piece per lane at a time');
  // The last lane finishes first and takes the next piece; a slow piece holds up only its lane.
  finish('r2', 'a2');
  await settled();
  assert.deepEqual(started.at(-1), [2, 'r3']);
  for (const r of ['r3', 'r1', 'r0']) { finish(r, `a${r[1]}`); await settled(); }
  assert.equal(running.size, 3);
  for (const r of ['r6', 'r5', 'r4']) { finish(r, `a${r[1]}`); await settled(); }
  assert.deepEqual(await result, ['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
  assert.deepEqual(started.map(([, r]) => r).sort(), requests, 'every piece started exactly once');
});

test('runPieces: no requests, no work', async () => {
  const { lanes, started } = standIns(2);
  assert.deepEqual(await runPieces([], lanes), []);
  assert.deepEqual(started, []);
});

test('runPieces: progress is the mean over all pieces (a finished one counts 1), never going back, with the last stage reported', async () => {
  const { lanes, running, finish } = standIns(2);
  const seen = [];
  const result = runPieces(['a', 'b', 'c', 'd'], lanes, { onProgress: (p) => seen.push(p) });
  await settled();
  running.get('a').onProgress({ fraction: 0.5, stage: 'least squares' });
  assert.deepEqual(seen.at(-1), { fraction: 0.5 / 4, stage: 'least squares' });
  running.get('b').onProgress({ fraction: 0.25, stage: 'multistart' });
  assert.deepEqual(seen.at(-1), { fraction: 0.75 / 4, stage: 'multistart' });
  running.get('a').onProgress({ fraction: 0.1, stage: 'least squares' }); // a piece's fraction never goes back
  assert.equal(seen.at(-1).fraction, 0.75 / 4);
  finish('a', 1);
  await settled();
  assert.equal(seen.at(-1).fraction, 1.25 / 4);
  for (const r of ['b', 'c', 'd']) { finish(r, 1); await settled(); }
  await result;
  assert.equal(seen.at(-1).fraction, 1);
  assert.ok(seen.every((p, i) => i === 0 || p.fraction >= seen[i - 1].fraction), 'monotone');
  assert.ok(seen.every((p) => p.fraction >= 0 && p.fraction <= 1));
});

test('runPieces: the first failure rejects the whole call with that error and stops the other pieces; nothing more starts or reports', async () => {
  const { lanes, started, running, finish } = standIns(3);
  const seen = [];
  const result = runPieces(['a', 'b', 'c', 'd', 'e'], lanes, { onProgress: (p) => seen.push(p) });
  await settled();
  const others = ['a', 'c'].map((r) => running.get(r));
  const apiError = Object.assign(new Error('"Q" is not an antigen'), { name: 'ApiError', code: 'unknown_antigen' });
  finish('b', apiError);
  await assert.rejects(result, (e) => e === apiError);
  assert.ok(others.every((p) => p.signal.aborted), 'the running pieces are told to stop');
  assert.equal(running.size, 0);
  assert.deepEqual(started.map(([, r]) => r), ['a', 'b', 'c'], 'no piece starts after the failure');
  const reports = seen.length;
  others[0].onProgress({ fraction: 0.9, stage: 'late' });
  assert.equal(seen.length, reports, 'no progress after the failure');
});

test('runPieces: the caller\'s abort rejects with the lanes\' AbortError and stops every piece', async () => {
  const { lanes, running } = standIns(2);
  const controller = new AbortController();
  const result = runPieces(['a', 'b', 'c'], lanes, { signal: controller.signal });
  await settled();
  const pieces = [...running.values()];
  controller.abort();
  await assert.rejects(result, { name: 'AbortError' });
  assert.ok(pieces.every((p) => p.signal.aborted));
  assert.equal(running.size, 0);
});

test('runPieces: a signal aborted before the call gives the lanes an aborted signal, which they refuse', async () => {
  const { lanes, started } = standIns(2);
  await assert.rejects(runPieces(['a', 'b'], lanes, { signal: AbortSignal.abort() }), { name: 'AbortError' });
  assert.deepEqual(started, []);
});
