// Builds the fuzzer's seed corpus: usage `node fuzz/make-corpus.mjs <request_fuzzer> <out dir>`.
// Seeds, each "<op>\n<request body>" (see fuzz/request_fuzzer.cpp):
//   - the `request` of every golden request, tests/requests/*.json;
//   - "{}" and an empty body for every operation the fuzzer lists (so new operations get seeds);
//   - the hand-made valid and broken requests in fuzz/corpus/.
// The output directory is emptied first; it is generated, never committed.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [fuzzer, out] = process.argv.slice(2);
if (!fuzzer || !out) {
  console.error('usage: node fuzz/make-corpus.mjs <request_fuzzer> <out dir>');
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const write = (name, text) => writeFileSync(join(out, name), text);

const requests = join(root, 'tests/requests');
for (const file of readdirSync(requests).filter((f) => f.endsWith('.json'))) {
  const { op, request } = JSON.parse(readFileSync(join(requests, file), 'utf8'));
  write(`golden-${file.replace(/\.json$/, '')}`, `${op}\n${JSON.stringify(request)}`);
}

const ops = execFileSync(fuzzer, [], { env: { ...process.env, RBCMATCH_FUZZ_LIST_OPERATIONS: '1' }, encoding: 'utf8' })
  .split('\n')
  .filter(Boolean);
for (const op of ops) {
  write(`op-${op}-empty-object`, `${op}\n{}`);
  write(`op-${op}-empty-body`, `${op}\n`);
}

const hand = join(root, 'fuzz/corpus');
for (const file of readdirSync(hand)) copyFileSync(join(hand, file), join(out, `hand-${file}`));

const count = readdirSync(out).length;
console.log(`fuzz: ${count} seeds (${ops.length} operations: ${ops.join(', ')}) in ${out}`);
