// The one reader of blood groups as staff write them (web/lib/blood-group.js), used by every
// tab: a table of written forms, each with its reading or its refusal message (issue 23:
// "O-", "A pos", "0+" were refused, "A+" read as antigen A), against the module's own systems.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  WIENER_HAPLOTYPES, describeBloodGroup, describeGroup, groupLabel, readAntigensPresent, readBloodGroup, readGroup,
} from '../../web/lib/blood-group.js';
import { loadModule } from './support.mjs';

let systems, rh;
before(async () => {
  const mod = await loadModule();
  const call = (op, request) => JSON.parse(mod.call(op, JSON.stringify(request))).result;
  systems = call('systems', {}).systems;
  rh = call('system', { system: 'rh' });
});

const person = (text) => {
  const r = readBloodGroup(text, systems);
  return r.error ? r.error : Object.fromEntries(r.phenotypes);
};

// A person's blood group (Relatives, Pregnancy, Family): written form -> phenotype per system.
const PERSON = [
  ['O-', { abo: 'O', rhd: 'd' }],
  ['O+', { abo: 'O', rhd: 'D' }],
  ['AB+', { abo: 'AB', rhd: 'D' }],
  ['AB−', { abo: 'AB', rhd: 'd' }], // typographic minus
  ['A–', { abo: 'A', rhd: 'd' }], // en dash
  ['A+', { abo: 'A', rhd: 'D' }], // A RhD-positive, not "antigen A present"
  ['O neg', { abo: 'O', rhd: 'd' }],
  ['A pos', { abo: 'A', rhd: 'D' }],
  ['B -ve', { abo: 'B', rhd: 'd' }],
  ['AB +ve', { abo: 'AB', rhd: 'D' }],
  ['o neg', { abo: 'O', rhd: 'd' }],
  ['O Rh-', { abo: 'O', rhd: 'd' }],
  ['O Rh+', { abo: 'O', rhd: 'D' }],
  ['O RhD negative', { abo: 'O', rhd: 'd' }],
  ['O RhD-neg', { abo: 'O', rhd: 'd' }],
  ['O D-', { abo: 'O', rhd: 'd' }],
  ['O Rh D negative', { abo: 'O', rhd: 'd' }],
  ['A Rh(D) neg', { abo: 'A', rhd: 'd' }],
  ['O Rh (D) positive', { abo: 'O', rhd: 'D' }],
  ['B Rhesus negative', { abo: 'B', rhd: 'd' }],
  ['0+', { abo: 'O', rhd: 'D' }], // zero for O
  ['0 Rh+', { abo: 'O', rhd: 'D' }],
  ['0 neg', { abo: 'O', rhd: 'd' }],
  ['RhD-neg', { rhd: 'd' }],
  ['D+', { rhd: 'D' }],
  ['d', { rhd: 'd' }],
  ['O neg.', { abo: 'O', rhd: 'd' }],
  ['AB RhD positive K-', { abo: 'AB', rhd: 'D', kell: 'K-k+' }],
  ['O Rh- Fy(a-b+)', { abo: 'O', rhd: 'd', duffy: 'Fy(a-b+)' }],
  ['A, K-, Fy(a-b+)', { abo: 'A', kell: 'K-k+', duffy: 'Fy(a-b+)' }],
  ['R1R1 K-', { rh: 'DCe', kell: 'K-k+' }],
  ['rr', { rh: 'ce' }],
  ['R2r', { rh: 'DcEe' }],
  ['R0r', { rh: 'Dce' }],
  ['Ror', { rh: 'Dce' }],
  ["r'r", { rh: 'Cce' }],
  ['r’r', { rh: 'Cce' }], // typographic apostrophe
  ['R2R1', { rh: 'DCcEe' }], // either order
  ['R1 r', { rh: 'DCce' }],
  ['CDe/cde', { rh: 'DCce' }],
  ['ccddee', { rh: 'ce' }],
  ['CcDee', { rh: 'DCce' }],
  ['A DCce K+k+', { abo: 'A', rh: 'DCce', kell: 'K+k+' }],
  ['O+ R1R1', { abo: 'O', rh: 'DCe' }],
  ['O D- C- E-', { abo: 'O', rh: 'ce' }],
  ['K+k-', { kell: 'K+k-' }],
  ['Kell negative', { kell: 'K-k+' }],
  ['Jk(a+b-)', { kidd: 'Jk(a+b-)' }],
  ['Fy (a+, b-)', { duffy: 'Fy(a+b-)' }],
  ['fya+ FYB-', { duffy: 'Fy(a+b-)' }],
  ['M+N-S+s-', { mns: 'M+N-S+s-' }],
  ['B RhD+ Jk(a+b-) M+N- S-s+', { abo: 'B', rhd: 'D', kidd: 'Jk(a+b-)', mns: 'M+N-S-s+' }],
  ['O R1R1 K- Fy(a-b+) Jk(a-b+) M+N+S-s+', { abo: 'O', rh: 'DCe', kell: 'K-k+', duffy: 'Fy(a-b+)', kidd: 'Jk(a-b+)', mns: 'M+N+S-s+' }],
  ['S-s+', 'MNS: M+N-S-s+ or M-N+S-s+ or M+N+S-s+? Say + or − for M, N'],
  // Refused, with the nearest valid form where there is one.
  ['A+B', '“A+B” is not a blood group: group AB is written “AB” (“AB+” if RhD-positive), A RhD-positive “A+”'],
  ['O--', '“O--” has two signs: did you mean “O-” (O RhD-negative)?'],
  ['O+-', '“O+-” has two signs: write “O+” or “O-”'],
  ['AB+ A-', '“AB+” and “A-” are two ABO groups (AB and A): write one'],
  ['A B', '“A” and “B” are two ABO groups (A and B): write one, or “AB” for group AB'],
  ['O- R1R1', '“O-” says RhD-negative but “R1R1” RhD-positive'],
  ['R1R1 E+', '“R1R1” says E− but “E+” E+'],
  ['Q+', '“Q+”: Q is not an antigen the calculator knows (A, B, D, C, c, E, e, K, k, Fya, Fyb, Jka, Jkb, M, N, S, s)'],
  ['m+', '“m+”: m is not an antigen the calculator knows (A, B, D, C, c, E, e, K, k, Fya, Fyb, Jka, Jkb, M, N, S, s): did you mean “M+”?'],
  ['O Rh negtive', '“negtive” is not a blood group or an antigen the calculator knows: did you mean “O Rh negative”?'],
  ['neg', '“neg” needs a blood group or an antigen before it, e.g. “O neg”'],
  ['-K', '“-K”: the sign goes after the antigen: did you mean “K-”?'],
  ['O RhD', '“RhD” needs positive or negative: “RhD-positive” or “RhD-negative”'],
  ['R1R1 neg', '“neg” after “R1R1”: a sign follows an ABO group, RhD or an antigen (“O neg”, “K neg”)'],
  ['Rhnull', 'Rh-null (no Rh antigens) is not among the Rh phenotypes here: each has C or c and E or e'],
  ['A2', '“A2”: subgroups of A are not told apart here: did you mean “A”?'],
  ['R1', '“R1” is one Rh haplotype: write both, e.g. “R1r” or “R1R1”'],
  ['DC', '“DC” leaves E and e out: an Rh phenotype has C or c and E or e (DCce, ccddee); antigens alone are written apart (“D C”)'],
  ['K+', 'Kell (K, k): K+k- or K+k+? Say + or − for k'],
  ['Fy(a-)', 'Duffy: Fy(a-b-) or Fy(a-b+)? Say + or − for Fyb'],
  ['K-k-', 'No Kell (K, k) phenotype is K− k−'],
  ['', 'Type a blood group, e.g. “O RhD-negative K-” or “A+”'],
];

// A group over the antigens chosen (Frequencies, Allocation): [form, antigens, complete,
// reading as describeGroup writes it, or the refusal].
const ABD = ['A', 'B', 'D'];
const GROUP = [
  ['O-', ABD, true, 'O D-'],
  ['A pos', ABD, true, 'A D+'],
  ['0+', ABD, true, 'O D+'],
  ['A+', ABD, true, 'A D+'],
  ['AB−', ABD, true, 'AB D-'],
  ['o', ['A', 'B'], true, 'O'],
  ['O RhD-neg C+ c+ E- K+k- Fy(a+b-) S- s+', ['A', 'B', 'D', 'C', 'c', 'E', 'K', 'k', 'Fya', 'Fyb', 'S', 's'], true,
    'O D- C+ c+ E- K+ k- Fya+ Fyb- S- s+'],
  ['R1R1 K-', ['A', 'B', 'D', 'K'], false, 'D+ K-; any A, B'], // Rh antigens not chosen are left out
  ['O D-', ['A', 'B', 'D', 'K'], false, 'O D-; any K'],
  ['A+ D+', ['A', 'D'], true, 'A+ D+'], // without B, A+ is the antigen A (groupLabel's writing)
  ['A', ['A', 'D'], false, 'A+; any D'],
  ['A D K−', ['A', 'D', 'K'], true, 'A+ D+ K-'],
  ['A+', ['A', 'B'], true, '“A+” is A RhD-positive, but D is not among the antigens chosen (A, B): write “A”, or add D'],
  ['O-', ['A', 'B'], false, '“O-” is O RhD-negative, but D is not among the antigens chosen (A, B): write “O”, or add D'],
  ['A+ D-', ABD, true, '“A+” says RhD-positive but “D-” RhD-negative'],
  ['K+', ['A', 'B'], true, '“K+”: K is not among the antigens chosen (A, B)'],
  ['Fy(a+)', ABD, false, '“Fy(a+)”: Fya is not among the antigens chosen (A, B, D)'],
  ['R1R1', ['A', 'B'], false, '“R1R1”: none of D, C, c, E, e is among the antigens chosen (A, B)'],
  ['O', ['D', 'K'], false, '“O”: neither A nor B is among the antigens chosen (D, K)'],
  ['O', ABD, true, 'Say + or − for D (every antigen chosen)'],
  ['D+', ['A', 'B', 'D', 'K'], true, 'Give the ABO group (O, A, B or AB) and + or − for K'],
  ['D+ D-', ['D'], false, '“D+” says RhD-positive but “D-” RhD-negative'],
  ['A, D −K', ['A', 'D', 'K'], false, '“-K”: the sign goes after the antigen: did you mean “A D K-”?'],
];

// The antigens a unit or patient carries (Matching, limited preset): the rest are absent.
const LIMITED = ['A', 'B', 'D', 'C', 'c', 'E', 'e', 'K'];
const PRESENT = [
  ['D C e', 'D C e'],
  ['A B D c e', 'A B D c e'], // A and B alone are antigens in a list
  ['O-', ''],
  ['A pos', 'A D'],
  ['0+', 'D'],
  ['AB+ K', 'A B D K'],
  ['R1R1 K+', 'D C e K'],
  ['', ''],
  ['-', ''],
  ['none', ''],
  ['Fya', '“Fya”: Fya is not among the antigens typed (A, B, D, C, c, E, e, K)'],
];

test('readBloodGroup: every written form of the table reads as listed, or is refused with its message', () => {
  assert.ok(PERSON.length + GROUP.length + PRESENT.length >= 50);
  for (const [text, expected] of PERSON) assert.deepEqual(person(text), expected, `“${text}”`);
});

test('readGroup: every written form of the table over its antigens reads as listed, or is refused with its message', () => {
  for (const [text, antigens, complete, expected] of GROUP) {
    const r = readGroup(text, antigens, { complete });
    assert.equal(r.error ?? describeGroup(antigens, r), expected, `“${text}” over ${antigens.join(', ')}`);
  }
});

test('readAntigensPresent: names or a blood group, every antigen not given as present absent', () => {
  for (const [text, expected] of PRESENT) {
    const r = readAntigensPresent(text, LIMITED);
    assert.equal(r.error ?? r.present.join(' '), expected, `“${text}”`);
  }
});

test('readBloodGroup: every phenotype label of every system reads as itself', () => {
  for (const system of systems) {
    for (const p of system.phenotypes) assert.deepEqual(person(p.label), { [system.id]: p.label }, `${system.id} ${p.label}`);
  }
});

test('readBloodGroup: Wiener’s shorthand agrees with the module’s short labels, in either order', () => {
  assert.deepEqual(Object.keys(WIENER_HAPLOTYPES).length, rh.system.haplotypes.length);
  const labelled = rh.genotypes.filter((g) => g.short_label);
  assert.equal(labelled.length, 36);
  for (const g of labelled) {
    const phenotype = rh.system.phenotypes[g.phenotype].label;
    const [first, second] = g.short_label.match(/R[0-2z]|r''|r'|ry|r/g);
    assert.deepEqual(person(g.short_label), { rh: phenotype }, g.short_label);
    assert.deepEqual(person(second + first), { rh: phenotype }, second + first);
  }
});

test('groupLabel and readGroup are inverse over every group of several antigen sets', () => {
  for (const antigens of [['A', 'B', 'D', 'Fya', 'k'], ['A', 'D', 'K'], ['B', 'C', 'c'], ['A'], ['D', 'C', 'c', 'E', 'e', 'K']]) {
    for (let g = 0; g < 1 << antigens.length; g++) {
      const present = antigens.filter((_, i) => (g >> i) & 1);
      const label = groupLabel(antigens, present);
      assert.deepEqual(readGroup(label, antigens, { complete: true }).present, present, label);
    }
  }
});

test('readBloodGroup: every person of random phenotypes, written in random spellings, reads back', () => {
  // A seeded stream, so a failure repeats.
  let seed = 23;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = (list) => list[Math.floor(random() * list.length)];
  for (let k = 0; k < 300; k++) {
    const abo = pick(['O', 'A', 'B', 'AB']), d = random() < 0.5;
    const kell = pick(systems.find((s) => s.id === 'kell').phenotypes).label;
    const duffy = pick(systems.find((s) => s.id === 'duffy').phenotypes).label;
    const rhd = d ? pick(['+', ' pos', ' Rh+', ' RhD positive', '+ve', ' Rh(D) pos']) : pick(['-', '−', ' neg', ' Rh-', ' RhD-negative', ' -ve']);
    const text = `${abo === 'O' && random() < 0.3 ? '0' : abo}${rhd} ${kell}, ${duffy}`;
    assert.deepEqual(person(text), { abo, rhd: d ? 'D' : 'd', kell, duffy }, text);
  }
});

test('describeBloodGroup: the "Read as" line in words', () => {
  const { phenotypes } = readBloodGroup('O- K-', systems);
  assert.equal(describeBloodGroup(systems, phenotypes), 'ABO: O · RhD: negative (d) · Kell (K, k): K-k+');
  assert.equal(describeBloodGroup(systems, phenotypes, { short: true }), 'O · RhD-negative · K-k+');
  assert.equal(describeBloodGroup(systems, new Map()), '—');
});
