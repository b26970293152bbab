// A worker thread of bench/issuing.mjs: loads the wasm module, says so, then answers each
// simulate_issuing request (JSON text) with its result (JSON text).
import { parentPort } from 'node:worker_threads';
import { loadModule } from '../tests/js/support.mjs';

const mod = await loadModule();
parentPort.postMessage({ ready: true });
parentPort.on('message', (body) => {
  parentPort.postMessage(JSON.stringify(JSON.parse(mod.call('simulate_issuing', body)).result));
});
