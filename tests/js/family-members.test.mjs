// The Family tab's member list (web/calculators/family/members.js): checks, generations and
// the link form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PRESETS, checkMembers, generations, membersFromParam, membersToParam, presetOf } from '../../web/calculators/family/members.js';

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

test('checkMembers: a blank name is only “give a name”, not the blank parents of the others (regression)', () => {
  // Clearing the patient's name made the patient the parent of everyone without parents:
  // “Mother would be their own ancestor”.
  const family = rows([['Mother', '', ''], ['Father', '', ''], ['', 'Father', 'Mother'], ['Sister', 'Father', 'Mother']]);
  assert.deepEqual([...checkMembers(family)], [[2, 'Give this person a name']]);
  assert.deepEqual(generations(family), [0, 0, 1, 1]);
});

test('presetOf: a family to start from is recognised again from its rows, an edited one is not', () => {
  for (const id of Object.keys(PRESETS)) assert.equal(presetOf(membersFromParam(membersToParam(rows(PRESETS[id].people)))), id);
  const edited = rows(PRESETS.parents.people);
  edited[1].group = 'B';
  assert.equal(presetOf(edited), '');
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
