// Shared by the node tests: load the wasm module, run the CLI, compare JSON approximately.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const wasmDir = process.env.RBCMATCH_WASM_DIR ?? path.join(root, 'build/wasm');
export const cliPath = process.env.RBCMATCH_CLI ?? path.join(root, 'build/native/rbcmatch');

// Node 20 + Emscripten 3.1.6 would try fetch() on a file path: hand it the bytes instead.
export async function loadModule() {
  const require = createRequire(import.meta.url);
  const createRbcmatch = require(path.join(wasmDir, 'rbcmatch.js'));
  return createRbcmatch({ wasmBinary: readFileSync(path.join(wasmDir, 'rbcmatch.wasm')) });
}

export function runCli(op, request) {
  const r = spawnSync(cliPath, [op], { input: typeof request === 'string' ? request : JSON.stringify(request) });
  if (r.error) throw r.error;
  return { status: r.status, response: JSON.parse(r.stdout.toString()) };
}

export function goldenRequests() {
  const dir = path.join(root, 'tests/requests');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ file: f, ...JSON.parse(readFileSync(path.join(dir, f), 'utf8')) }));
}

// First JSON path where `actual` differs from the expected part, or null. Only keys present
// in `expected` are compared (the same rule as tests/support/json_near.hpp).
export function mismatch(actual, expected, tolerance, at = '') {
  if (typeof expected === 'number') {
    return typeof actual === 'number' && Math.abs(actual - expected) <= tolerance ? null : `${at} (${actual} vs ${expected})`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return `${at} (length differs)`;
    for (let i = 0; i < expected.length; i++) {
      const m = mismatch(actual[i], expected[i], tolerance, `${at}[${i}]`);
      if (m) return m;
    }
    return null;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return `${at} (not an object)`;
    for (const [k, v] of Object.entries(expected)) {
      if (!(k in actual)) return `${at}.${k} (missing)`;
      const m = mismatch(actual[k], v, tolerance, `${at}.${k}`);
      if (m) return m;
    }
    return null;
  }
  return actual === expected ? null : `${at} (${JSON.stringify(actual)} vs ${JSON.stringify(expected)})`;
}
