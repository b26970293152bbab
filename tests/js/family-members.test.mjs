// The Family tab's member list (web/calculators/family/members.js): checks, generations and
// the link form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PRESETS, checkMembers, generations, membersFromParam, membersToParam } from '../../web/calculators/family/members.js';

const rows = (list) => list.map(([name, father, mother, group = '']) => ({ name, father, mother, group }));

test('checkMembers: names given and unique, parents distinct, nobody their own ancestor', () => {
  assert.deepEqual([...checkMembers(rows([['A', '', ''], ['B', 'A', '']]))], []);
  assert.deepEqual([...checkMembers(rows([['A', '', ''], ['A', '', '']]))], [[1, 'Two people are called “A”']]);
  assert.deepEqual([...checkMembers(rows([[' ', '', '']]))], [[0, 'Give this person a name']]);
  assert.match(checkMembers(rows([['Ann; Bo', '', '']])).get(0), /cannot hold/);
  assert.deepEqual([...checkMembers(rows([['A', '', ''], ['B', 'A', 'A']]))], [[1, 'The father and the mother are the same person']]);
  const loop = checkMembers(rows([['A', 'B', ''], ['B', 'A', '']]));
  assert.equal(loop.get(0), 'A would be their own ancestor');
  assert.equal(loop.get(1), 'B would be their own ancestor');
});

test('generations: founders on top, a child one below its lowest parent', () => {
  const preset = rows(PRESETS.generations.people);
  const depth = generations(preset);
  const of = (name) => depth[preset.findIndex((r) => r.name === name)];
  assert.deepEqual(['Grandmother', 'Father', 'Mother', 'Patient', 'Cousin'].map(of), [0, 0, 1, 2, 2]);
});

test('the link form gives the list back, blood groups with spaces and signs included', () => {
  const list = rows(PRESETS.parents.people);
  assert.deepEqual(membersFromParam(membersToParam(list)), list);
});
