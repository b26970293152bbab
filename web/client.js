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
//
// callEach runs independent pieces of work on a pool of such workers (lanes), one per core:
// `call`'s own worker and up to MAX_WORKERS - 1 more, started when first needed and kept, so
// each loads the module once. Which piece runs where, and the pieces' progress as one, is
// web/lib/worker-pool.js.

import startup from 'rbcmatch:startup';
import { poolSize, runPieces } from './lib/worker-pool.js';

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
let nextId = 1;

/**
 * One worker and the calls waiting for it. The worker is started at its first call (and again
 * after a restart) and kept; `call` uses the first lane, `callEach` the first few.
 */
class Lane {
  worker = null;
  cancelFlag = null; // Int32Array on a SharedArrayBuffer, or null
  running = null;    // the job the worker is computing
  graceTimer = null;
  queue = [];        // jobs waiting for the worker

  submit(op, request, { signal, onProgress } = {}) {
    if (signal?.aborted) return Promise.reject(abortError());
    return new Promise((resolve, reject) => {
      const job = { id: nextId++, op, request, resolve, reject, onProgress, settled: false };
      signal?.addEventListener('abort', () => this.cancel(job), { once: true });
      this.queue.push(job);
      this.next();
    });
  }

  stopWorker() {
    this.worker?.terminate();
    this.worker = null;
    this.running = null;
    clearTimeout(this.graceTimer);
  }

  failAll(error) {
    if (this.running) settle(this.running, 'reject', error);
    for (const job of this.queue.splice(0)) settle(job, 'reject', error);
    this.stopWorker();
  }

  ensureWorker() {
    if (this.worker) return this.worker;
    const worker = (this.worker = makeWorker());
    if (sharedFlag) {
      this.cancelFlag = new Int32Array(new SharedArrayBuffer(4));
      worker.postMessage({ cancelFlag: this.cancelFlag });
    }
    worker.addEventListener('message', ({ data }) => {
      const job = this.running;
      if (worker !== this.worker || !job || data.id !== job.id) return; // from a call given up on before a restart
      if ('progress' in data) { if (!job.settled) job.onProgress?.(data.progress); return; }
      this.running = null;
      clearTimeout(this.graceTimer);
      if (data.error) settle(job, 'reject', data.error.code === 'cancelled' ? abortError() : new ApiError(data.error));
      else settle(job, 'resolve', { result: data.result, warnings: data.warnings ?? [] });
      this.next();
    });
    worker.addEventListener('error', (event) => {
      // The module failed to load or crashed: nothing pending can complete on this worker.
      event.preventDefault?.();
      if (worker !== this.worker) return;
      this.failAll(new Error(`worker failed: ${event.message || 'could not load the rbcmatch module'}`));
    });
    return worker;
  }

  next() {
    if (this.running || this.queue.length === 0) return;
    const job = (this.running = this.queue.shift());
    this.ensureWorker().postMessage({ id: job.id, op: job.op, request: job.request });
  }

  cancel(job) {
    if (job.settled) return;
    settle(job, 'reject', abortError());
    const waiting = this.queue.indexOf(job);
    if (waiting >= 0) { this.queue.splice(waiting, 1); return; }
    if (job !== this.running) return;
    if (this.cancelFlag) Atomics.store(this.cancelFlag, 0, job.id);
    clearTimeout(this.graceTimer);
    this.graceTimer = setTimeout(() => {
      if (this.running !== job) return;
      this.stopWorker();
      this.next();
    }, CANCEL_GRACE_MS);
  }
}

// lanes[0] is the worker of `call`; callEach adds the others when it first needs them.
const lanes = [new Lane()];

/** Override how the worker is created (the single-file build starts it from a Blob URL). */
export function setWorkerFactory(factory) {
  makeWorker = factory;
  for (const lane of lanes) lane.failAll(new Error('worker factory changed'));
}

function settle(job, outcome, value) {
  if (job.settled) return;
  job.settled = true;
  if (outcome === 'resolve') job.resolve(value); else job.reject(value);
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
  return lanes[0].submit(op, request, { signal, onProgress });
}

/**
 * Run one operation on each of `requests`, independent pieces (replications, scenarios), on a
 * pool of workers: one per core the browser reports (at most MAX_WORKERS, and no more than
 * pieces), or `workers`. The first is `call`'s worker; the others start at the first callEach
 * that needs them and are kept for the next. Each piece's answer is the one `call` gives.
 * @param {string} op
 * @param {object[]} requests
 * @param {{signal?: AbortSignal, onProgress?: (p: {fraction: number, stage: string}) => void, workers?: number}} options
 *   onProgress gets the fraction of the whole work (every piece counted alike).
 * @returns {Promise<{result: object, warnings: object[]}[]>} in the order of `requests`; rejects
 *   as `call` does, with the first piece's failure, and then stops the other pieces.
 */
export function callEach(op, requests, { signal, onProgress, workers } = {}) {
  if (signal?.aborted) return Promise.reject(abortError());
  const size = poolSize(requests.length, { cores: globalThis.navigator?.hardwareConcurrency, workers });
  while (lanes.length < size) lanes.push(new Lane());
  const pieces = lanes.slice(0, size).map((lane) => (request, options) => lane.submit(op, request, options));
  return runPieces(requests, pieces, { signal, onProgress });
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
