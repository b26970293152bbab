// Fills the generated blocks of docs/validation.md from tests/reference/*.json and the CLI:
//   <!-- reference:FILE --> ... <!-- /reference -->   every published number of
//   tests/reference/FILE.json beside the number the CLI computes for its request;
//   <!-- checks:FILE --> ... <!-- /checks -->         the independent checks of FILE.json
//   (web/calculators/validation/checks.js), run against the CLI's answers.
// The same files are checked by Catch2 (tests/api/reference_values.cpp) and shown on the
// page's Validation tab.
// node scripts/gen-validation-doc.mjs          rewrites docs/validation.md
// node scripts/gen-validation-doc.mjs --check  exits 1 when it is out of date
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { atPointer, judge } from '../web/calculators/validation/judge.js';
import { isCatch2, runCheck } from '../web/calculators/validation/checks.js';
import { updateGeneratedDoc } from './lib/generated-doc.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = process.env.RBCMATCH_CLI ?? path.join(root, 'build/native/rbcmatch');
const docPath = path.join(root, 'docs/validation.md');

function run(op, request) {
  const r = spawnSync(cli, [op], { input: JSON.stringify(request) });
  const response = JSON.parse(r.stdout);
  if (!response.result) throw new Error(`${op} ${JSON.stringify(request)}: ${JSON.stringify(response.error)}`);
  return response.result;
}

// Differences below 1e-12 are the rounding of a double computation, not information.
const round = (x) => {
  if (typeof x !== 'number') return '—';
  if (Math.abs(x) < 1e-12) return '0';
  return Math.abs(x) < 1e-3 ? x.toExponential(2) : x.toFixed(4);
};

function table(name) {
  const file = JSON.parse(readFileSync(path.join(root, 'tests/reference', `${name}.json`), 'utf8'));
  const out = [];
  for (const c of file.cases) {
    const result = run(c.op, c.request);
    const document = file.documents?.[c.source.document] ?? c.source.document;
    // Model text is shown by its file (tests/reference/<model_file>), not inline.
    const shown = c.model_file ? { ...c.request, model: `<tests/reference/${c.model_file}>` } : c.request;
    out.push(`**${c.title}** — ${document}, ${c.source.where}. Request (\`${c.op}\`): \`${JSON.stringify(shown)}\``, '');
    out.push('| quantity | published | computed | difference | allowed | reproduced |', '|---|---|---|---|---|---|');
    for (const v of c.values) {
      const j = judge(v, result);
      const name = `${v.name}${v.note ? ` (${v.note})` : ''}`;
      out.push(`| ${name} | ${v.published} | ${round(atPointer(result, v.path))} | ${round(j.difference)} | ${j.allowed} | ${j.ok ? 'yes' : '**no**'} |`);
    }
    out.push('');
  }
  return out.join('\n').trimEnd();
}

async function checks(name) {
  const file = JSON.parse(readFileSync(path.join(root, 'tests/reference', `${name}.json`), 'utf8'));
  const out = ['| kind | what is checked | size | largest difference | allowed | passes |', '|---|---|---|---|---|---|'];
  const source = (c) => (c.source ? ` (${file.documents?.[c.source.document] ?? c.source.document}, ${c.source.where})` : '');
  for (const c of file.checks) {
    if (isCatch2(c)) {
      const tests = c.tests.map((t) => `"${t}"`).join('; ');
      out.push(`| ${c.kind} | ${c.title}: ${tests} (${c.files.map((f) => `\`${f}\``).join(', ')}) | ${c.size} | — | ${c.tolerance != null ? `± ${c.tolerance}` : 'exact'} | in the Catch2 suite, natively and in wasm |`);
      continue;
    }
    const r = await runCheck(c, async (op, request) => run(op, request));
    const worst = c.standard_errors != null ? `${r.worst.toFixed(2)} SE` : round(r.worst);
    const on = r.items.map((i) => `${i.name}${i.ok ? '' : ' (**fails**)'}`).join('; ');
    out.push(`| ${c.kind} | ${c.title}${source(c)}. On: ${on} | ${r.size} | ${worst} | ${r.allowed} | ${r.ok ? `yes (${r.compared} numbers)` : '**no**'} |`);
  }
  return out.join('\n');
}

const blocks = new Map();
for (const [, name] of readFileSync(docPath, 'utf8').matchAll(/<!-- checks:([\w.-]+) -->/g)) blocks.set(name, await checks(name));

updateGeneratedDoc(docPath, (text) => text
  .replace(/(<!-- reference:([\w.-]+) -->)[\s\S]*?(<!-- \/reference -->)/g, (m, open, name, close) => `${open}\n${table(name)}\n${close}`)
  .replace(/(<!-- checks:([\w.-]+) -->)[\s\S]*?(<!-- \/checks -->)/g, (m, open, name, close) => `${open}\n${blocks.get(name)}\n${close}`),
'scripts/gen-validation-doc.mjs');
