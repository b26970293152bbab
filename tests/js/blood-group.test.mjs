// The Relatives tab's reading of a donor's blood group as staff write it
// (web/lib/blood-group.js), against the module's own systems.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readBloodGroup } from '../../web/lib/blood-group.js';
import { runCli } from './support.mjs';

const systems = runCli('systems', {}).response.result.systems;
const rh = runCli('system', { system: 'rh' }).response.result;
const rhShort = new Map(rh.genotypes.filter((g) => g.short_label).map((g) => [g.short_label, rh.system.phenotypes[g.phenotype].label]));
const read = (text) => {
  const r = readBloodGroup(text, systems, rhShort);
  return r.error ? r : Object.fromEntries(r.phenotypes);
};

test('a blood group as staff write it becomes one phenotype per system', () => {
  assert.deepEqual(read('O RhD-neg K-'), { abo: 'O', rhd: 'd', kell: 'K-k+' });
  assert.deepEqual(read('Fy(a-b-)'), { duffy: 'Fy(a-b-)' });
  assert.deepEqual(read('R1R1'), { rh: 'DCe' });
  assert.deepEqual(read('rr K-'), { rh: 'ce', kell: 'K-k+' });
  assert.deepEqual(read('A DCce K+k+'), { abo: 'A', rh: 'DCce', kell: 'K+k+' });
  // D with other Rh antigens: the Rh system; D alone: RhD.
  assert.deepEqual(read('O D- C- E-'), { abo: 'O', rh: 'ce' });
  assert.deepEqual(read('AB d'), { abo: 'AB', rhd: 'd' });
  assert.deepEqual(read('B RhD+ Jk(a+b-) M+N- S-s+'), { abo: 'B', rhd: 'D', kidd: 'Jk(a+b-)', mns: 'M+N-S-s+' });
});

test('a blood group that leaves a system open, or contradicts itself, says what is missing', () => {
  assert.match(read('K+').error, /K\+k- or K\+k\+\? Say \+ or − for k/);
  assert.match(read('Fy(a-)').error, /Fy\(a-b-\) or Fy\(a-b\+\)\? Say \+ or − for Fyb/);
  assert.match(read('R1R1 rr').error, /two Rh phenotypes/);
  assert.match(read('R1R1 E+').error, /DCe does not agree with E\+/);
  assert.match(read('Q+').error, /not a blood group or an antigen/);
  assert.match(read('   ').error, /Type the donor’s blood group/);
});
