// Fills the generated blocks of docs/api.md from the running code, so the tables cannot
// drift from the operation registry (src/api/registry.hpp, one record per operation):
//   <!-- fields:OP --> ... <!-- /fields -->        the request fields of operation OP
//   <!-- result:OP --> ... <!-- /result -->        the members of its result
//   <!-- example:FILE --> ... <!-- /example -->    tests/requests/FILE.json, request and expectation
// node scripts/gen-api-doc.mjs          rewrites docs/api.md
// node scripts/gen-api-doc.mjs --check  exits 1 when docs/api.md is out of date
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { updateGeneratedDoc } from './lib/generated-doc.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = process.env.RBCMATCH_CLI ?? path.join(root, 'build/native/rbcmatch');
const docPath = path.join(root, 'docs/api.md');

function describe() {
  const r = spawnSync(cli, ['describe'], { input: '{}' });
  if (r.status !== 0) throw new Error(`${cli} describe failed: ${r.stderr}`);
  return JSON.parse(r.stdout).result.operations;
}

const cell = (s) => String(s ?? '').replaceAll('|', '\\|').replaceAll('\n', ' ');
const value = (v) => (v === undefined ? '' : `\`${JSON.stringify(v)}\``);

function fieldTable(op) {
  if (op.fields.length === 0) return 'No fields: the request is `{}` (anything else is refused).';
  const rows = op.fields.map(
    (f) =>
      `| \`${f.name}\` | ${cell(f.type)} | ${f.required ? 'yes' : ''} | ${value(f.default)} | ${value(f.min)} | ${f.max_items === undefined ? value(f.max) : `${value(f.max_items)} items`} | ${cell(f.description)}${f.choices ? ` One of ${f.choices.map((c) => `\`${c}\``).join(', ')}.` : ''} | ${cell(f.source)} |`,
  );
  return ['| field | type | required | default | min | max | meaning | source |', '|---|---|---|---|---|---|---|---|', ...rows].join('\n');
}

function resultTable(op) {
  const rows = op.result.map((m) => `| \`${m.name}\` | ${cell(m.type)} | ${cell(m.description)} |`);
  const progress = op.long_running
    ? '\n\nA long operation: it reports progress and can be cancelled at its checkpoints (`cancelled`).'
    : '';
  return ['| member | type | meaning |', '|---|---|---|', ...rows].join('\n') + progress;
}

function example(file) {
  const g = JSON.parse(readFileSync(path.join(root, 'tests/requests', `${file}.json`), 'utf8'));
  return [
    `${g.description} (${g.source}). From \`tests/requests/${file}.json\`:`,
    '',
    '```sh',
    `echo '${JSON.stringify(g.request)}' | rbcmatch ${g.op}`,
    '```',
    '',
    `The response contains (numbers within ${g.tolerance ?? 1e-9}):`,
    '',
    '```json',
    JSON.stringify(g.expect, null, 1).replace(/\[\s+([^\[\]{}]*?)\s+\]/g, (m, inner) => `[${inner.replace(/\s+/g, ' ')}]`),
    '```',
  ].join('\n');
}

export function render(text, ops) {
  return text
    .replace(/(<!-- fields:(\w+) -->)[\s\S]*?(<!-- \/fields -->)/g, (m, open, name, close) => {
      if (!ops[name]) throw new Error(`docs/api.md names unknown operation ${name}`);
      return `${open}\n${fieldTable(ops[name])}\n${close}`;
    })
    .replace(/(<!-- result:(\w+) -->)[\s\S]*?(<!-- \/result -->)/g, (m, open, name, close) => {
      if (!ops[name]) throw new Error(`docs/api.md names unknown operation ${name}`);
      return `${open}\n${resultTable(ops[name])}\n${close}`;
    })
    .replace(/(<!-- example:([\w.-]+) -->)[\s\S]*?(<!-- \/example -->)/g, (m, open, file, close) => `${open}\n${example(file)}\n${close}`);
}

updateGeneratedDoc(docPath, (text) => render(text, describe()), 'scripts/gen-api-doc.mjs');
