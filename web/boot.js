// Starts the worker, and with it the wasm module's download and compile, while the page's
// own script (app.js, much larger) still loads: a classic script the page runs first. The
// client takes this worker through the worker factory hook (web/app.js), and makes fresh
// ones the usual way after a restart. The single-file build has its own bootstrap.
(() => {
  const url = new URL('worker.js', document.currentScript.src);
  let early = new Worker(url);
  globalThis.rbcmatchWorkerFactory = () => {
    const worker = early ?? new Worker(url);
    early = null;
    return worker;
  };
})();
