// web/lib/math.js: formulas as people type them, read into MathML's tree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFormula } from '../../web/lib/math.js';

/** The tree as compact text: mi(λ) msub(...) ... */
const show = (node) => (node.children ? `${node.tag}(${node.children.map(show).join(' ')})` : `${node.tag}:${node.text}`);

test('parseFormula: a weight and its penalty with subscripts (Oyebolu et al. 2024, eq. 7)', () => {
  assert.equal(show(parseFormula('λ_4 π_4')), 'mrow(msub(mi:λ mn:4) msub(mi:π mn:4))');
});

test('parseFormula: letters are variables one by one, function names stay whole, a hyphen is a minus', () => {
  assert.equal(show(parseFormula('γ Δ_{ij} + (1 - γ) r / R')),
    'mrow(mi:γ msub(mi:Δ mrow(mi:i mi:j)) mo:+ mo:( mn:1 mo:− mi:γ mo:) mi:r mo:/ mi:R)');
  assert.equal(show(parseFormula('exp(−β r)')), 'mrow(mi:exp mspace: mo:( mo:− mi:β mi:r mo:))');
  assert.equal(show(parseFormula('x^"T" P x')), 'mrow(msup(mi:x mi:T) mi:P mi:x)');
  assert.equal(show(parseFormula('7 log 2')), 'mrow(mn:7 mspace: mi:log mspace: mn:2)');
  assert.equal(parseFormula('x^"T"').children[0].children[1].upright, true);
});

test('parseFormula: sub- and superscript on one base, in either order, and a norm with its index', () => {
  assert.equal(show(parseFormula('x_i^2')), 'mrow(msubsup(mi:x mi:i mn:2))');
  assert.equal(show(parseFormula('x^2_i')), 'mrow(msubsup(mi:x mi:i mn:2))');
  assert.equal(show(parseFormula('‖x^"T" P x − x‖_1')), 'mrow(mo:‖ msup(mi:x mi:T) mi:P mi:x mo:− mi:x msub(mo:‖ mn:1))');
  assert.equal(show(parseFormula('x^{(n)}')), 'mrow(msup(mi:x mrow(mo:( mi:n mo:))))');
});

test('parseFormula: an unbalanced brace or a script without a base is refused, naming the formula', () => {
  assert.throws(() => parseFormula('x_{i'), /missing } in "x_\{i"/);
  assert.throws(() => parseFormula('x}'), /unbalanced }/);
  assert.throws(() => parseFormula('_1'), /nothing before it/);
  assert.throws(() => parseFormula('x_'), /nothing after it/);
});
