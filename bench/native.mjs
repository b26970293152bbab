// The native side of a wasm / native ratio: requests timed in one warm native process
// (bench/requests.cpp: the request API with JSON in and out, warmed up as bench/timing.mjs
// warms the wasm module, freed memory kept as the wasm heap keeps it).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root } from '../tests/js/support.mjs';

const nativeDir = process.env.RBCMATCH_NATIVE_DIR ?? path.join(root, 'build/native');

/** Median native milliseconds per request: {name: ms} for bodies {name: JSON text} of one operation. */
export function nativeRequestMs(op, bodies, repeats) {
  const dir = mkdtempSync(path.join(tmpdir(), 'rbcmatch-bench-'));
  try {
    const args = Object.entries(bodies).flatMap(([name, body], i) => {
      const file = path.join(dir, `${i}.json`);
      writeFileSync(file, body);
      return [name, `@${file}`];
    });
    const run = spawnSync(path.join(nativeDir, 'bench/bench_requests'), [op, String(repeats), ...args], { maxBuffer: 1 << 24 });
    if (run.status !== 0) throw new Error(`bench_requests ${op} failed: ${run.stderr}`);
    return JSON.parse(run.stdout.toString());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
