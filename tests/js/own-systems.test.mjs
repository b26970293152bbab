// The notation of a user's own system (web/lib/own-systems.js): every built-in system written
// out and read back is the same definition, and the module expands it to the same system.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatLoci, parseLoci, systemId } from '../../web/lib/own-systems.js';
import { runCli } from './support.mjs';

const builtins = runCli('systems', {}).response.result.systems;

test('every built-in system, written in the notation and read back, is expanded to the same system', () => {
  for (const s of builtins) {
    const { definition, errors } = parseLoci(formatLoci(s), { name: s.name });
    assert.equal(errors, undefined, s.id);
    // Antigens come in the order the alleles first carry them; the system's own order may
    // differ, so compare what the module makes of each.
    const expanded = runCli('system', { system: definition }).response.result.system;
    assert.deepEqual(expanded.haplotypes, s.haplotypes, s.id);
    assert.deepEqual(new Set(expanded.phenotypes.map((p) => [...p.antigens].sort().join(' '))),
      new Set(s.phenotypes.map((p) => [...p.antigens].sort().join(' '))), s.id);
  }
});

test('parseLoci: silent alleles, comments, a trailing comma; each mistake named by its line', () => {
  const { definition } = parseLoci('# Duffy\nFY: FY*A = Fya, FY*B = Fyb, FY*Null = ,\n\n', { name: ' Duffy ', emptyLabel: 'Fy(a-b-)' });
  assert.deepEqual(definition, { name: 'Duffy', antigens: ['Fya', 'Fyb'], empty_phenotype_label: 'Fy(a-b-)',
    loci: [{ name: 'FY', alleles: [{ name: 'FY*A', antigens: ['Fya'] }, { name: 'FY*B', antigens: ['Fyb'] }, { name: 'FY*Null', antigens: [] }] }] });
  assert.match(parseLoci('FY FY*A = Fya').errors[0], /^Line 1: start with the locus name and a colon/);
  assert.match(parseLoci('KEL: K = K\nFY: Fya').errors[0], /^Line 2: “Fya” should be an allele, “=” and its antigens/);
  assert.match(parseLoci('  \n# nothing').errors[0], /Give at least one locus/);
});

test('parseLoci: a repeated allele or locus is named on its line as you type, as the module would refuse it (regression)', () => {
  assert.deepEqual(parseLoci('FY: A = Fya, A = Fyb').errors, ['Line 1: the allele “A” is listed twice in locus FY']);
  assert.deepEqual(parseLoci('FY: A = Fya, B = Fyb\n\nFY: K = K').errors, ['Line 3: the locus “FY” is already on line 1']);
  // The same allele name in two loci is fine (as in the module).
  assert.equal(parseLoci('A1: X = a, Y = b\nA2: X = c, Y = d').errors, undefined);
  for (const text of ['FY: A = Fya, A = Fyb', 'FY: A = Fya, B = Fyb\nFY: K = K']) {
    const definition = { name: 'x', antigens: ['Fya', 'Fyb', 'K'], loci: text.split('\n').map((line) => ({ name: line.split(':')[0],
      alleles: line.split(':')[1].split(',').map((a) => ({ name: a.split('=')[0].trim(), antigens: [a.split('=')[1].trim()] })) })) };
    assert.equal(runCli('system', { system: definition }).response.error.code, 'duplicate_name', text);
  }
});

test('systemId: lower-case, prefixed, unique', () => {
  assert.equal(systemId('Duffy, silent allele', []), 'my-duffy-silent-allele');
  assert.equal(systemId('Duffy, silent allele', ['my-duffy-silent-allele']), 'my-duffy-silent-allele-2');
  assert.equal(systemId('Ω', []), 'my-system');
});
