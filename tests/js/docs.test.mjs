// docs/api.md's field tables and examples are generated from `describe` and tests/requests;
// this fails when someone changes a field without regenerating them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './support.mjs';
import { CATALOGUE } from '../../web/calculators/catalogue.js';

test('docs/api.md is up to date with describe and tests/requests', () => {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/gen-api-doc.mjs'), '--check']);
  assert.equal(r.status, 0, r.stderr.toString());
});

test('docs/validation.md is up to date with tests/reference', () => {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/gen-validation-doc.mjs'), '--check']);
  assert.equal(r.status, 0, r.stderr.toString());
});

test('README.md opens with the table of calculators (scripts/gen-readme.mjs), current with the catalogue', () => {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/gen-readme.mjs'), '--check']);
  assert.equal(r.status, 0, r.stderr.toString());
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const table = readme.match(/<!-- calculators -->([\s\S]*?)<!-- \/calculators -->/)?.[1] ?? assert.fail('README.md has no table of calculators');
  // The first screen: the table before any section, after a short introduction.
  assert.ok(readme.indexOf('<!-- calculators -->') < readme.indexOf('\n## '));
  assert.ok(readme.slice(0, readme.indexOf('<!-- calculators -->')).split('\n').length <= 10, 'a short introduction');
  for (const c of CATALOGUE) {
    const row = table.split('\n').find((l) => l.startsWith(`| ${c.title}`)) ?? assert.fail(`no row for ${c.title}`);
    assert.ok(row.includes(c.question) && row.includes(c.audience), `${c.id}: question and audience`);
    if (c.coming) assert.ok(row.includes('(coming)') && row.includes(c.coming), `${c.id}: what is coming`);
    else assert.ok(row.includes(`docs/img/${c.id}.png`), `${c.id}: its screenshot`);
    for (const op of [c.op ?? []].flat()) assert.ok(row.includes(`\`${op}\``), `${c.id}: its operation ${op}`);
  }
});

test('README.md: every documentation link exists, and the user guide is not described as one calculator\'s', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  for (const [, target] of readme.matchAll(/\]\(((?:docs\/)[^)#]+)/g)) assert.ok(existsSync(path.join(root, target)), target);
  const guide = readme.split('\n').find((l) => l.includes('(docs/user-guide.md)')) ?? assert.fail('no link to the user guide');
  assert.doesNotMatch(guide, /Genotypes calculator/);
  assert.match(readFileSync(path.join(root, 'docs/user-guide.md'), 'utf8').split('\n')[0], /^# User guide$/);
});
