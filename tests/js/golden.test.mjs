// The golden requests of tests/requests through both front doors: the native CLI and the
// wasm module. Each must match the expected part, and the two must agree to 1e-12.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule, runCli, goldenRequests, mismatch } from './support.mjs';

// Wall-clock times (members named `seconds`, e.g. allocate's solver.seconds) differ between
// runs and front doors; everything else must agree.
const withoutTimes = (v) => JSON.parse(JSON.stringify(v, (key, x) => (key === 'seconds' ? undefined : x)));

let mod;
before(async () => {
  mod = await loadModule();
});

for (const g of goldenRequests()) {
  test(`golden ${g.file} (${g.source})`, () => {
    const wasm = JSON.parse(mod.call(g.op, JSON.stringify(g.request)));
    assert.equal(mismatch(wasm, g.expect, g.tolerance ?? 1e-9), null, 'wasm module');
    const cli = runCli(g.op, g.request);
    assert.equal(mismatch(cli.response, g.expect, g.tolerance ?? 1e-9), null, 'CLI');
    assert.equal(cli.status, 'error' in g.expect ? 1 : 0, 'CLI exit status');
    // Same request, same numbers natively and in wasm.
    assert.equal(mismatch(withoutTimes(wasm), withoutTimes(cli.response), 1e-12), null, 'wasm vs native');
  });
}
