// The Validation tab's independent checks (web/calculators/validation/checks.js) against the
// wasm module: every calculator without published numbers has checks, they pass, a wrong
// answer fails them, and the Catch2 tests they name exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadModule, root } from './support.mjs';
import { isCatch2, runCheck } from '../../web/calculators/validation/checks.js';
import { CATALOGUE } from '../../web/calculators/catalogue.js';

const dir = path.join(root, 'tests/reference');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
const mod = await loadModule();

/** call(op, request) through the module; `tamper(op, result)` may change an answer first. */
const caller = (tamper = () => {}) => async (op, request) => {
  const response = JSON.parse(mod.call(op, JSON.stringify(request)));
  if (response.error) throw new Error(`${op}: ${response.error.message}`);
  tamper(op, response.result, request);
  return response.result;
};
const checkOf = (id) => files.flatMap((f) => f.checks ?? []).find((c) => c.id === id) ?? assert.fail(`no check ${id}`);

test('validation checks: every calculator with code has published numbers or independent checks run in the browser', () => {
  const covered = new Set(files.filter((f) => f.cases.length || (f.checks ?? []).some((c) => !isCatch2(c))).map((f) => f.calculator));
  // Validation is the tab that shows them; calculators still coming have no code to check.
  const needed = CATALOGUE.filter((c) => c.op && c.id !== 'validation').map((c) => c.id);
  assert.deepEqual(needed.filter((id) => !covered.has(id)), []);
  for (const id of ['family', 'pregnancy', 'systems']) assert.ok(covered.has(id), id);
});

test('validation checks: each check passes, with its kind, size and tolerance stated', async () => {
  for (const check of files.flatMap((f) => f.checks ?? []).filter((c) => !isCatch2(c))) {
    assert.ok(check.kind && check.title && check.source, `${check.id}: kind, title and source`);
    assert.ok(check.tolerance != null || check.standard_errors != null, `${check.id}: a tolerance`);
    const outcome = await runCheck(check, caller());
    assert.ok(outcome.ok, `${check.id}: ${JSON.stringify(outcome.items.filter((i) => !i.ok))}`);
    assert.ok(outcome.compared > 20, `${check.id} compares ${outcome.compared} numbers`);
    assert.match(outcome.size, /\d/, `${check.id}: its size`);
  }
});

test('validation checks: a wrong answer of the module fails them', async () => {
  // One number off by more than the tolerance (or by 0.05, beyond 4 SE of the families kept).
  const nudge = (values, by) => { values[values.findIndex((v) => v > 0.1 && v < 0.9)] += by; };
  const family = caller((op, r) => { if (op === 'family') nudge(r.systems[0].people[1].genotypes, 1e-9); });
  assert.equal((await runCheck(checkOf('family-enumeration'), family)).ok, false, 'family: a genotype probability');
  const total = caller((op, r) => { if (op === 'family') r.probability *= 1 + 1e-9; });
  assert.equal((await runCheck(checkOf('family-enumeration'), total)).ok, false, 'family: the probability of the typed blood groups');
  const simulated = caller((op, r) => { if (op === 'family') nudge(r.systems[0].people[1].phenotypes, 0.05); });
  assert.equal((await runCheck(checkOf('family-simulation'), simulated)).ok, false, 'family, simulated');
  const fetus = caller((op, r) => { if (op === 'pregnancy' && r.systems[0].id === 'kell' && r.systems[0].lacking.length) r.systems[0].lacking[0].probability += 1e-9; });
  assert.equal((await runCheck(checkOf('pregnancy-direct-sum'), fetus)).ok, false, 'pregnancy: an antigen the mother lacks');
  const own = caller((op, r, request) => { if (op === 'stationary' && typeof request.system === 'object' && request.system.loci.length === 3) nudge(r.least_squares.x, 1e-9); });
  assert.equal((await runCheck(checkOf('systems-builtin-copy'), own)).ok, false, 'systems: a copy of Rh');
  const relabelled = caller((op, r, request) => { if (op === 'system' && typeof request.system === 'object' && r.genotypes.length === 6) r.genotypes.reverse(); });
  assert.equal((await runCheck(checkOf('systems-builtin-copy'), relabelled)).ok, false, 'systems: genotypes in another order');
  // Antigen order: one instance each, a number off by 1e-10 (models 1-2) or 0.05 (model 3, about 10 SE).
  const first = (id) => ({ ...checkOf(id), instances: checkOf(id).instances.slice(0, 1) });
  assert.equal((await runCheck(first('antigen-order-brute-force'), caller())).ok, true, 'antigen order: untouched');
  const strategy = caller((op, r) => { if (op === 'antigen_order' && !r.strategy) r.strategies[5].value += 1e-10; });
  assert.equal((await runCheck(first('antigen-order-brute-force'), strategy)).ok, false, 'antigen order: one strategy’s V');
  const group = caller((op, r) => { if (op === 'antigen_order' && r.strategy?.antigens.length === 2) r.strategy.groups.at(-1).likelihood += 1e-10; });
  assert.equal((await runCheck(first('antigen-order-brute-force'), group)).ok, false, 'antigen order: a group’s likelihood');
  const matched = caller((op, r) => { if (op === 'antigen_order' && !r.strategy) r.matched.levels[1] += 1e-10; });
  assert.equal((await runCheck(first('antigen-order-brute-force'), matched)).ok, false, 'antigen order: the matched distribution');
  const simulatedValue = caller((op, r) => { if (op === 'antigen_order' && !r.strategy) r.strategies.at(-1).value += 0.05; });
  assert.equal((await runCheck(first('antigen-order-markov-chain'), simulatedValue)).ok, false, 'antigen order, model 3: V');
  const simulatedGroup = caller((op, r) => { if (op === 'antigen_order' && r.strategy?.antigens.length === 1) r.strategy.groups[0].likelihood += 0.05; });
  assert.equal((await runCheck(first('antigen-order-markov-chain'), simulatedGroup)).ok, false, 'antigen order, model 3: a group’s likelihood');
});

test('validation checks: every Catch2 test they name is in the file they name', () => {
  for (const check of files.flatMap((f) => f.checks ?? []).filter(isCatch2)) {
    // Adjacent string literals are one name in C++: "a " "b" reads "a b".
    const names = check.files.flatMap((f) => [...readFileSync(path.join(root, f), 'utf8')
      .matchAll(/TEST_CASE\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+),/g)]
      .map((m) => [...m[1].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((s) => s[1]).join('')));
    for (const name of check.tests) assert.ok(names.includes(name), `${check.id}: “${name}” is not a TEST_CASE of ${check.files.join(', ')}`);
  }
});
