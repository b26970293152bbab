// Relatives benchmarks, measured in one run and printed as a table with ratios: `relatives`
// requests (every relation) natively (bench_requests, the request API with JSON in and out)
// and in the wasm module under node, and a 16-person Rh pedigree (`family`). Goals (issue
// "Relatives, Family and Pregnancy"): an Rh donor and a four-system donor each under 1 ms in
// wasm; the pedigree under 10 ms. `make bench` runs it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadModule, root } from '../tests/js/support.mjs';
import { settledTime } from './timing.mjs';

const requests = {
  'Rh donor (DCce), every relation': { donor: [{ system: 'rh', phenotype: 'DCce' }] },
  'four systems (O, ce, K-k+, Fy(a-b+)), every relation': {
    donor: [{ system: 'abo', phenotype: 'O' }, { system: 'rh', phenotype: 'ce' }, { system: 'kell', phenotype: 'K-k+' },
      { system: 'duffy', phenotype: 'Fy(a-b+)' }],
  },
  'Rh, Table 3.3 summary (as printed)': { model: 'as_printed', donor: [{ system: 'rh', phenotype: 'DCce' }], summary: true },
  'Duffy, gene counting (Hardy-Weinberg)': { model: 'gene_counting', donor: [{ system: 'duffy', phenotype: 'Fy(a-b-)', population: 'duffy/african-sec-3.5.2' }] },
};
const bodies = Object.fromEntries(Object.entries(requests).map(([k, v]) => [k, JSON.stringify(v)]));
// `family`: a 16-person Rh pedigree (three generations, cousins), six members typed.
const family = { '16-person Rh pedigree, 6 typed (family)': readFileSync(path.join(root, 'bench/requests/family-rh-16.json'), 'utf8') };

const nativeDir = process.env.RBCMATCH_NATIVE_DIR ?? path.join(root, 'build/native');
const run = spawnSync(path.join(nativeDir, 'bench/bench_requests'), ['relatives', '201', ...Object.entries(bodies).flat()], { maxBuffer: 1 << 24 });
if (run.status !== 0) throw new Error(`bench_requests failed: ${run.stderr}`);
const native = JSON.parse(run.stdout.toString());
const familyRun = spawnSync(path.join(nativeDir, 'bench/bench_requests'), ['family', '21', ...Object.entries(family).flat()], { maxBuffer: 1 << 24 });
if (familyRun.status !== 0) throw new Error(`bench_requests failed: ${familyRun.stderr}`);
Object.assign(native, JSON.parse(familyRun.stdout.toString()));

const mod = await loadModule();
// Medians after a warm-up until the time per call settles (bench/timing.mjs).
const wasm = Object.fromEntries(Object.entries(bodies).map(([name, body]) => [name, settledTime(() => mod.call('relatives', body), 201)]));
for (const [name, body] of Object.entries(family)) wasm[name] = settledTime(() => mod.call('family', body), 21);

console.log('\n## Relatives\n');
console.log('| request | native ms | wasm ms (node) | wasm / native | wasm warm-up calls |');
console.log('|---|---|---|---|---|');
for (const name of [...Object.keys(bodies), ...Object.keys(family)]) {
  const w = wasm[name];
  console.log(`| ${name} | ${native[name].toFixed(3)} | ${w.ms.toFixed(3)} | ${(w.ms / native[name]).toFixed(2)} | ${w.warmupCalls}${w.settled ? '' : ', not settled'} |`);
}
