// docs/api.md's field tables and examples are generated from `describe` and tests/requests;
// this fails when someone changes a field without regenerating them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { root } from './support.mjs';

test('docs/api.md is up to date with describe and tests/requests', () => {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/gen-api-doc.mjs'), '--check']);
  assert.equal(r.status, 0, r.stderr.toString());
});

test('docs/validation.md is up to date with tests/reference', () => {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/gen-validation-doc.mjs'), '--check']);
  assert.equal(r.status, 0, r.stderr.toString());
});
