// A worker thread of bench/antigen-order.mjs: loads the wasm module, says so, then answers
// {id, body} with {id, value} (the request's V).
import { parentPort } from 'node:worker_threads';
import { loadModule } from '../tests/js/support.mjs';

const mod = await loadModule();
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ id, body }) => {
  parentPort.postMessage({ id, value: JSON.parse(mod.call('antigen_order', body)).result.value });
});
