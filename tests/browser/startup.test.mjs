// The served worker answers the page's first calls (describe, systems, version) with answers
// the build computed (scripts/build-web.mjs, self.RBCMATCH_STARTUP in worker.js): they must be
// the answers of the module it ships.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireBuilt, root } from './helpers.mjs';
import { loadModule, wasmDir } from '../js/support.mjs';

test('the worker\'s answers to the page\'s first calls are the shipped module\'s own', async () => {
  requireBuilt('public/build/worker.js', 'public/build/rbcmatch.wasm');
  const worker = readFileSync(join(root, 'public/build/worker.js'), 'utf8');
  const embedded = JSON.parse(worker.match(/self\.RBCMATCH_STARTUP=(\{.*?\});\n/)?.[1] ?? 'null');
  assert.deepEqual(Object.keys(embedded ?? {}).sort(), ['describe', 'systems', 'version']);
  const module = await loadModule();
  for (const [op, text] of Object.entries(embedded)) assert.deepEqual(JSON.parse(text), JSON.parse(module.call(op, '{}')), op);
  // The same module: the served .wasm is the one the node tests load.
  assert.ok(readFileSync(join(root, 'public/build/rbcmatch.wasm')).equals(readFileSync(join(wasmDir, 'rbcmatch.wasm'))));
});
