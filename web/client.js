// The only place that talks to the Worker (STYLE habit 4, after highs-js and squoosh).
//
// Protocol: out {id, op, request}; back {id, result, warnings} | {id, error} | {id, progress}.
// Replies are matched by id, never first-in-first-out, so errors and cancels cannot mix them up.
//
// The worker computes one call at a time, so calls wait here in a queue and the worker gets
// the next one when it answers. Cancelling a waiting call just drops it. Cancelling the
// running call asks the computation to stop at its next checkpoint (through a shared flag,
// where the page is cross-origin isolated) and lets the worker finish otherwise; only when
// the worker has not answered within CANCEL_GRACE_MS is it terminated and started afresh,
// the last resort, since that reloads the wasm module. So twenty quick clicks on Compute load
// the module once.

import startup from 'rbcmatch:startup';

/** An error reported by the request API: {code, message, path} (path "" = whole request). */
export class ApiError extends Error {
  constructor({ code, message, path }) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.path = path ?? '';
  }
}

const sharedFlag = typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated;
// A checkpoint reports at least every 50 ms, so with the shared flag a second is generous;
// without it, a short wait lets a quick computation finish instead of reloading the module.
const CANCEL_GRACE_MS = sharedFlag ? 1000 : 250;

let makeWorker = () => new Worker(new URL('worker.js', import.meta.url));
let worker = null;
let cancelFlag = null;  // Int32Array on a SharedArrayBuffer, or null
let nextId = 1;
let running = null;     // the job the worker is computing
let graceTimer = null;
const queue = [];       // jobs waiting for the worker

/** Override how the worker is created (the single-file build starts it from a Blob URL). */
export function setWorkerFactory(factory) {
  makeWorker = factory;
  failAll(new Error('worker factory changed'));
}

function settle(job, outcome, value) {
  if (job.settled) return;
  job.settled = true;
  if (outcome === 'resolve') job.resolve(value); else job.reject(value);
}

function stopWorker() {
  worker?.terminate();
  worker = null;
  running = null;
  clearTimeout(graceTimer);
}

function failAll(error) {
  if (running) settle(running, 'reject', error);
  for (const job of queue.splice(0)) settle(job, 'reject', error);
  stopWorker();
}

function ensureWorker() {
  if (worker) return worker;
  worker = makeWorker();
  if (sharedFlag) {
    cancelFlag = new Int32Array(new SharedArrayBuffer(4));
    worker.postMessage({ cancelFlag });
  }
  worker.addEventListener('message', ({ data }) => {
    const job = running;
    if (!job || data.id !== job.id) return; // from a call given up on before a restart
    if ('progress' in data) { if (!job.settled) job.onProgress?.(data.progress); return; }
    running = null;
    clearTimeout(graceTimer);
    if (data.error) settle(job, 'reject', data.error.code === 'cancelled' ? abortError() : new ApiError(data.error));
    else settle(job, 'resolve', { result: data.result, warnings: data.warnings ?? [] });
    next();
  });
  worker.addEventListener('error', (event) => {
    // The module failed to load or crashed: nothing pending can complete on this worker.
    event.preventDefault?.();
    failAll(new Error(`worker failed: ${event.message || 'could not load the rbcmatch module'}`));
  });
  return worker;
}

function next() {
  if (running || queue.length === 0) return;
  running = queue.shift();
  ensureWorker().postMessage({ id: running.id, op: running.op, request: running.request });
}

function cancel(job) {
  if (job.settled) return;
  settle(job, 'reject', abortError());
  const waiting = queue.indexOf(job);
  if (waiting >= 0) { queue.splice(waiting, 1); return; }
  if (job !== running) return;
  if (cancelFlag) Atomics.store(cancelFlag, 0, job.id);
  clearTimeout(graceTimer);
  graceTimer = setTimeout(() => {
    if (running !== job) return;
    stopWorker();
    next();
  }, CANCEL_GRACE_MS);
}

// The page's first calls (describe, systems and version, with an empty request) have answers
// fixed for a build, which the build computed with the module it ships (scripts/build-web.mjs):
// they are given at once, so the page draws its form while the worker still starts and the
// module compiles. Kept as text and parsed per call, so no caller of call() can change another's
// copy (operations() shares one parsed describe, as before).
const startupAnswers = new Map(Object.entries(startup));

/**
 * Run one operation of the request API (see `describe`) in the worker; describe, systems and
 * version with an empty request are answered from the build, without the worker.
 * @param {string} op
 * @param {object} request
 * @param {{signal?: AbortSignal, onProgress?: (p: {fraction: number, stage: string}) => void}} options
 * @returns {Promise<{result: object, warnings: object[]}>}; rejects with ApiError for API errors,
 *   with an AbortError if `signal` aborts, with Error if the worker dies.
 */
export function call(op, request = {}, { signal, onProgress } = {}) {
  if (signal?.aborted) return Promise.reject(abortError());
  const fixed = request == null || Object.keys(request).length === 0 ? startupAnswers.get(op) : undefined;
  if (fixed !== undefined) {
    const { result, warnings } = JSON.parse(fixed);
    return Promise.resolve({ result, warnings: warnings ?? [] });
  }
  return new Promise((resolve, reject) => {
    const job = { id: nextId++, op, request, resolve, reject, onProgress, settled: false };
    signal?.addEventListener('abort', () => cancel(job), { once: true });
    queue.push(job);
    next();
  });
}

let described = null;
/** The module's `describe` result, fetched once: every operation with its fields and result. */
export function operations() {
  described ??= call('describe').then(({ result }) => result.operations, (e) => { described = null; throw e; });
  return described;
}

function abortError() {
  return new DOMException('the calculation was cancelled', 'AbortError');
}
