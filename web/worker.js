// Web Worker: loads the rbcmatch wasm module once and answers {id, op, request} messages.
//
// Normal build: rbcmatch.js sits next to this file and is loaded with importScripts; the
// Emscripten loader then finds rbcmatch.wasm beside it.
// Single-file build (file://): the build prepends the module script and the wasm as base64
// (self.RBCMATCH_WASM_BASE64) to this worker's source, which the page starts from a Blob URL.

const OPERATIONS = new Set(['version', 'describe', 'systems', 'stationary', 'lp']);

function loadModule() {
  if (typeof self.createRbcmatch !== 'function') importScripts('rbcmatch.js');
  const options = {};
  if (self.RBCMATCH_WASM_BASE64) {
    const text = atob(self.RBCMATCH_WASM_BASE64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    options.wasmBinary = bytes;
  }
  return self.createRbcmatch(options);
}

let modulePromise = null;

self.onmessage = async ({ data }) => {
  const { id, op, request } = data;
  if (!OPERATIONS.has(op)) {
    self.postMessage({ id, error: { code: 'unknown_operation', message: `unknown operation "${op}"`, path: '' } });
    return;
  }
  try {
    modulePromise ??= loadModule();
    const module = await modulePromise;
    const response = JSON.parse(module.call(op, JSON.stringify(request ?? {})));
    if (response.error) self.postMessage({ id, error: response.error });
    else self.postMessage({ id, result: response.result, warnings: response.warnings ?? [] });
  } catch (e) {
    // Only a broken module gets here (the API never throws); report it as a whole-request error.
    self.postMessage({ id, error: { code: 'module_failure', message: String(e?.message ?? e), path: '' } });
  }
};
