// The only place that talks to the Worker (STYLE habit 4, after highs-js and squoosh).
//
// Protocol: out {id, op, request}; back {id, result, warnings} | {id, error} | {id, progress}.
// Replies are matched by id, never first-in-first-out, so errors and cancels cannot mix them up.
// Cancelling a call terminates the worker (the only way to stop wasm mid-computation);
// every other pending call is rejected too, and the next call starts a fresh worker lazily.

/** An error reported by the request API: {code, message, path} (path "" = whole request). */
export class ApiError extends Error {
  constructor({ code, message, path }) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.path = path ?? '';
  }
}

let makeWorker = () => new Worker(new URL('worker.js', import.meta.url));
let worker = null;
let nextId = 1;
const pending = new Map(); // id -> {resolve, reject, onProgress}

/** Override how the worker is created (the single-file build starts it from a Blob URL). */
export function setWorkerFactory(factory) {
  makeWorker = factory;
  reset(new Error('worker factory changed'));
}

function rejectAll(error) {
  for (const { reject } of pending.values()) reject(error);
  pending.clear();
}

function reset(error) {
  if (worker) worker.terminate();
  worker = null;
  rejectAll(error);
}

function ensureWorker() {
  if (worker) return worker;
  worker = makeWorker();
  worker.addEventListener('message', ({ data }) => {
    const call = pending.get(data.id);
    if (!call) return; // a reply to a call that was already cancelled
    if ('progress' in data) { call.onProgress?.(data.progress); return; }
    pending.delete(data.id);
    if (data.error) call.reject(new ApiError(data.error));
    else call.resolve({ result: data.result, warnings: data.warnings ?? [] });
  });
  worker.addEventListener('error', (event) => {
    // The module failed to load or crashed: nothing pending can complete on this worker.
    event.preventDefault?.();
    reset(new Error(`worker failed: ${event.message || 'could not load the rbcmatch module'}`));
  });
  return worker;
}

/**
 * Run one operation in the worker.
 * @returns {Promise<{result: object, warnings: object[]}>}; rejects with ApiError for API errors,
 *   with an AbortError if `signal` aborts, with Error if the worker dies.
 */
export function call(op, request = {}, { signal, onProgress } = {}) {
  if (signal?.aborted) return Promise.reject(abortError());
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, onProgress });
    signal?.addEventListener('abort', () => {
      if (!pending.has(id)) return;
      pending.delete(id);
      reject(abortError());
      reset(new Error('worker restarted after a cancelled call'));
    }, { once: true });
    ensureWorker().postMessage({ id, op, request });
  });
}

function abortError() {
  return new DOMException('the calculation was cancelled', 'AbortError');
}

// One function per operation (docs/api.md). Each resolves to {result, warnings}.
export const version = (request, options) => call('version', request, options);
export const describe = (request, options) => call('describe', request, options);
export const systems = (request, options) => call('systems', request, options);
export const stationary = (request, options) => call('stationary', request, options);
export const lp = (request, options) => call('lp', request, options);
