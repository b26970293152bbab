// Replication ranges as separate processes (docs/cluster.md): GNU parallel runs the native CLI
// on two ranges of simulate_issuing, merge_issuing combines their results through the CLI,
// and the merged answer is the single run's, bit for bit. GNU parallel is Debian's `parallel`,
// installed by scripts/setup.sh; without it this test fails (it does not skip).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliPath, runCli } from './support.mjs';

// seed004_small over a few days: seconds per process. The trace is asked of replication 2, so
// it comes from the second range and must survive the merge.
const scenario = { preset: 'seed004_small', warm_up_days: 5, days: 4, seed: 11, trace_replication: 2 };
const ranges = [{ first_replication: 0, replications: 2 }, { first_replication: 2, replications: 2 }];

const quoted = (s) => `'${s.replaceAll("'", "'\\''")}'`;

function gnuParallel(args, cwd) {
  const r = spawnSync('parallel', args, { cwd, encoding: 'utf8' });
  if (r.error?.code === 'ENOENT') {
    assert.fail('GNU parallel is missing (Debian package `parallel`): run scripts/setup.sh');
  }
  if (r.error) throw r.error;
  return r;
}

/** Every range's response, each run by its own CLI process under GNU parallel. */
function runRangesWithParallel(dir) {
  const files = ranges.map((range) => {
    const file = `range-${range.first_replication}.json`;
    writeFileSync(path.join(dir, file), JSON.stringify({ ...scenario, ...range }));
    return file;
  });
  const r = gnuParallel(['--will-cite', '--halt', 'now,fail=1', '-j', '2',
    `${quoted(cliPath)} simulate_issuing < {} > {.}.out`, ':::', ...files], dir);
  assert.equal(r.status, 0, `parallel failed: ${r.stderr}`);
  return files.map((f) => JSON.parse(readFileSync(path.join(dir, f.replace(/\.json$/, '.out')), 'utf8')));
}

test('merge_issuing: two ranges run as processes by GNU parallel merge into the single run, bit for bit [issuing][property]', (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rbcmatch-ranges-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const parts = runRangesWithParallel(dir);
  for (const p of parts) assert.ok(p.result, `a range failed: ${JSON.stringify(p.error)}`);
  assert.deepEqual(parts.map((p) => p.result.replication_indices), [[0, 1], [2, 3]]);

  const merged = runCli('merge_issuing', { results: parts.map((p) => p.result) });
  const single = runCli('simulate_issuing', { ...scenario, replications: 4 });
  assert.equal(merged.status, 0, JSON.stringify(merged.response.error));
  assert.equal(single.status, 0, JSON.stringify(single.response.error));
  assert.equal(single.response.result.trace.replication, 2);
  // Compared: the whole result (scenario, replication indices, summary, trace, per-replication
  // sums) and the warnings. Not compared: `op`, which names the operation answering. The
  // result holds no timings. deepStrictEqual compares numbers with Object.is, and JSON text
  // parses to the same double on both sides, so equal here means equal bits (-0 included).
  assert.deepStrictEqual(merged.response.result, single.response.result);
  assert.deepStrictEqual(merged.response.warnings, single.response.warnings);

  // The comparison can fail: one range alone is not the single run.
  const partial = runCli('merge_issuing', { results: [parts[0].result] });
  assert.notDeepStrictEqual(partial.response.result, single.response.result);
});
