// Web Worker: loads the rbcmatch wasm module once and answers the client's messages.
//
// In:  {id, op, request}          run one operation (the client sends one at a time)
//      {cancelFlag}               an Int32Array on a SharedArrayBuffer, where the client writes
//                                 the id of the call it wants stopped (only where the page is
//                                 cross-origin isolated; elsewhere cancel restarts the worker)
// Out: {id, progress: {fraction, stage}}   from the computation's checkpoints
//      {id, result, warnings} | {id, error}
//
// Normal build: the build puts the module script (rbcmatch.js) at the top of this file; the
// page compiles rbcmatch.wasm by streaming (WebAssembly.compileStreaming) and hands this
// worker the module, or, without one, the Emscripten loader streams rbcmatch.wasm from beside
// this file (WebAssembly.instantiateStreaming).
// Single-file build (file://): the build prepends the module script and the wasm as base64
// (self.RBCMATCH_WASM_BASE64) to this worker's source, which the page starts from a Blob URL.
// Without a prepended module script, rbcmatch.js is loaded from beside this file.
// The module is loaded as soon as possible, not at the first message: the page starts the
// worker and the compile early (public/index.html), so they overlap the page's own start.
// The operations are the module's own: an unknown one is answered by the request API.

// compiled: a WebAssembly.Module the page compiled (then the loader instantiates it instead
// of fetching and compiling rbcmatch.wasm itself).
function loadModule(compiled) {
  if (typeof self.createRbcmatch !== 'function') importScripts('rbcmatch.js');
  const options = {};
  if (self.RBCMATCH_WASM_BASE64) {
    const text = atob(self.RBCMATCH_WASM_BASE64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    options.wasmBinary = bytes;
  }
  if (!compiled) return self.createRbcmatch(options);
  return new Promise((resolve, reject) => {
    options.instantiateWasm = (imports, done) => {
      WebAssembly.instantiate(compiled, imports).then((instance) => done(instance, compiled), reject);
      return {};
    };
    self.createRbcmatch(options).then(resolve, reject);
  });
}

let modulePromise = null;
let cancelFlag = null;

// The page's first worker (named "module-from-page", public/index.html) gets the module the
// page compiles while this worker starts, as its first message {wasmModule} (null if the page
// could not compile it: then this worker loads it itself). Other workers load it at once.
let handOver = null;
const pageModule = self.name === 'module-from-page' ? new Promise((resolve) => { handOver = resolve; }) : null;

try {
  modulePromise = pageModule ? pageModule.then((compiled) => loadModule(compiled)) : loadModule();
  modulePromise.catch(() => {}); // reported to the first message, below
} catch {
  modulePromise = null; // tried again, and reported, by the first message
}

self.onmessage = async ({ data }) => {
  if ('wasmModule' in data) { handOver?.(data.wasmModule); return; }
  if (data.cancelFlag) { cancelFlag = data.cancelFlag; return; }
  const { id, op, request } = data;
  try {
    modulePromise ??= loadModule();
    const module = await modulePromise;
    const onProgress = (fraction, stage) => {
      self.postMessage({ id, progress: { fraction, stage } });
      return !(cancelFlag && Atomics.load(cancelFlag, 0) === id);
    };
    const response = JSON.parse(module.call(String(op), JSON.stringify(request ?? {}), onProgress));
    if (response.error) self.postMessage({ id, error: response.error });
    else self.postMessage({ id, result: response.result, warnings: response.warnings ?? [] });
  } catch (e) {
    // Only a broken module gets here (the API never throws); report it as a whole-request error.
    self.postMessage({ id, error: { code: 'module_failure', message: String(e?.message ?? e), path: '' } });
  }
};
