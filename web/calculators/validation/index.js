// Validation tab: every published number of tests/reference/*.json beside the number this
// page computes now, in this browser, with its source and whether it is reproduced; and, for
// the calculators without published numbers, the independent checks they pass (a file's
// `checks`: recomputed here by ./checks.js, or named where only the Catch2 suite runs them).
// The files are the ones the Catch2 tests and docs/validation.md read; a calculator's rows
// appear here when its reference file is added (scripts/build-web.mjs bundles them all).
import referenceFiles from 'rbcmatch:reference';
import { CATALOGUE } from '../catalogue.js';
import { h } from '../../lib/dom.js';
import { csvLink } from '../../lib/csv.js';
import { formatNumber } from '../../lib/format.js';
import { labelCells, scrollRegion } from '../../lib/table.js';
import { isCatch2, runCheck } from './checks.js';
import { judge } from './judge.js';

// In the navigation's order, so the sections follow the calculators.
const position = (file) => {
  const k = CATALOGUE.findIndex((c) => c.id === file.calculator);
  return k < 0 ? CATALOGUE.length : k;
};
const files = [...referenceFiles].sort((a, b) => position(a) - position(b));

export default {
  id: 'validation',
  title: 'Validation',
  summary: 'every published number beside the number computed here',
  mount,
};

function sourceText(file, c) {
  const document = file.documents?.[c.source.document] ?? c.source.document;
  return `${document}, ${c.source.where}${c.source.section ? ` (sec. ${c.source.section})` : ''}`;
}

async function mount(container, { client, params }) {
  const summary = h('p', { class: 'status', role: 'status' }, 'Computing every published number…');
  const sections = h('div', {});
  // The tab has no settings: a link that gives some is told so, as every tab does (nothing
  // here depends on them, so the numbers are still computed).
  const unknown = [...new Set(params?.keys() ?? [])];
  const root = h('div', { class: 'validation' },
    h('p', { class: 'intro' }, 'Every number the source papers publish that this calculator reproduces, beside the number computed just now in your browser by the same WebAssembly module the calculators use. ',
      'A row passes when the difference is within what the paper’s rounding allows. ',
      'Where a calculator has no published number, the checks it passes instead: its answers recomputed here another way (by enumeration, a direct sum, simulation), each with its kind, size and tolerance.'),
    unknown.length ? h('div', { class: 'link-problems', role: 'alert' },
      h('p', {}, h('strong', {}, 'This link has settings the Validation tab does not have, so they were not used. '),
        'The numbers below do not depend on them.'),
      h('ul', {}, unknown.map((k) => h('li', {}, `“${k}” is not a setting of this calculator`)))) : '',
    summary, sections);
  container.append(root);
  let cancelled = false;
  const rows = [['calculator', 'case', 'source', 'quantity', 'published', 'computed', 'difference', 'allowed', 'reproduced']];
  const checkRows = [['calculator', 'check', 'kind', 'size', 'largest difference', 'allowed', 'passes']];
  let passed = 0;
  let total = 0;
  const pending = [];
  for (const file of files) {
    const section = h('section', { class: 'results validation-group', 'data-calculator': file.calculator }, h('h2', {}, file.title));
    sections.append(section);
    if (file.cases.length) {
      const result = await publishedNumbers(file, section, client, rows, () => cancelled);
      if (cancelled) return { unmount() {} };
      passed += result.passed;
      total += result.total;
    } else if (file.published) section.append(h('p', {}, file.published));
    if (file.checks?.length) pending.push([file, section]);
  }
  const counts = { passed: 0, total: 0, catch2: 0 };
  const show = () => {
    const checks = counts.total || counts.catch2 ? [` ${counts.passed} of ${counts.total} independent checks pass here`,
      counts.catch2 ? `; ${counts.catch2} more in the Catch2 suite` : '', '.'] : [];
    summary.replaceChildren(`${passed} of ${total} published numbers reproduced${passed === total ? '.' : ' — the rows marked ✗ are not.'}`, ...checks, ' ',
      csvLink(rows, 'rbcmatch-validation.csv', 'Download CSV: published numbers'), ' ',
      csvLink(checkRows, 'rbcmatch-validation-checks.csv', 'Download CSV: independent checks'));
  };
  show();
  summary.dataset.passed = String(passed);
  summary.dataset.total = String(total);
  const call = async (op, request) => (await client.call(op, request)).result;
  for (const [file, section] of pending) {
    await independentChecks(file, section, call, checkRows, counts, () => cancelled);
    if (cancelled) return { unmount() {} };
    show();
  }
  summary.dataset.checksPassed = String(counts.passed);
  summary.dataset.checksTotal = String(counts.total);
  return { unmount() { cancelled = true; } };
}

/** One file's published numbers: a table of each case's values, computed now. */
async function publishedNumbers(file, section, client, rows, cancelled) {
  const body = h('tbody');
  const fileSummary = h('p', {});
  section.append(fileSummary,
    scrollRegion(`${file.title}: published numbers`, h('table', { class: 'result-table cards' },
      h('thead', {}, h('tr', {}, ['Quantity', 'Published', 'Computed', 'Difference', 'Allowed', 'Reproduced'].map((t) => h('th', { scope: 'col' }, t)))),
      body)));
  let passed = 0;
  let total = 0;
  const answers = await computeCases(file.cases, client);
  if (cancelled()) return { passed, total };
  for (const [i, c] of file.cases.entries()) {
    const { result, error } = answers[i];
    body.append(h('tr', { class: 'group-start' }, h('th', { scope: 'rowgroup', colspan: 6 },
      c.title, h('span', { class: 'path' }, ` — ${sourceText(file, c)}`),
      error ? h('span', { class: 'error' }, ` — not computed: ${error.message}`) : '')));
    for (const v of c.values) {
      const verdict = result ? judge(v, result) : { computed: null, ok: false, difference: null, allowed: '' };
      total++;
      if (verdict.ok) passed++;
      body.append(h('tr', { class: verdict.ok ? 'pass' : 'fail' },
        h('td', {}, v.name, v.note ? h('span', { class: 'path' }, ` (${v.note})`) : ''),
        h('td', { class: 'num' }, String(v.published)),
        h('td', { class: 'num', title: String(verdict.computed) }, formatNumber(verdict.computed, 4)),
        h('td', { class: 'num' }, verdict.difference == null ? '—' : formatNumber(verdict.difference, 4)),
        h('td', {}, verdict.allowed),
        h('td', {}, verdict.ok ? '✓ yes' : '✗ no')));
      rows.push([file.title, c.title, sourceText(file, c), v.name, v.published, verdict.computed, verdict.difference, verdict.allowed, verdict.ok ? 'yes' : 'no']);
    }
  }
  fileSummary.textContent = `${passed} of ${total} published numbers reproduced.`;
  labelCells(body.parentElement); // cards on a phone (lib/table.js)
  return { passed, total };
}

/**
 * Every case's result, or the error it gave: the cases of one operation run on the pool of
 * workers (some, like the simulated antigen orders, take seconds each); if a piece fails, the
 * cases are run one at a time so each error stays with its case.
 */
async function computeCases(cases, client) {
  const ops = new Set(cases.map((c) => c.op));
  if (ops.size === 1 && client.callEach) {
    try {
      const answers = await client.callEach(cases[0].op, cases.map((c) => c.request));
      return answers.map(({ result }) => ({ result, error: null }));
    } catch { /* one at a time below */ }
  }
  const out = [];
  for (const c of cases) {
    try {
      out.push({ result: (await client.call(c.op, c.request)).result, error: null });
    } catch (error) {
      out.push({ result: null, error });
    }
  }
  return out;
}

/** A difference as small as 1e-15 stays readable (formatNumber would say ≈ 0). */
const smallNumber = (x) => (x === 0 ? '0' : Math.abs(x) < 1e-3 ? x.toExponential(1) : formatNumber(x, 4));

/** One file's independent checks: each run here (or named, for the Catch2 suite's). */
async function independentChecks(file, section, call, checkRows, counts, cancelled) {
  const body = h('tbody');
  section.append(h('h3', {}, `Independent checks of ${file.title}`),
    scrollRegion(`${file.title}: independent checks`,
      h('table', { class: 'result-table validation-checks cards' },
        h('thead', {}, h('tr', {}, ['Kind', 'What is checked', 'Size', 'Largest difference', 'Allowed', 'Passes'].map((t) => h('th', { scope: 'col' }, t)))),
        body)));
  for (const check of file.checks) {
    const what = h('td', {}, check.title, check.source ? h('span', { class: 'path' }, ` — ${sourceText(file, check)}`) : '');
    if (isCatch2(check)) {
      counts.catch2++;
      what.append(h('span', { class: 'path' }, ` — in ${check.files.join(' and ')}: `), h('ul', { class: 'catch2-tests' }, check.tests.map((t) => h('li', {}, `“${t}”`))));
      body.append(h('tr', { class: 'catch2' }, h('th', { scope: 'row' }, check.kind), what, h('td', {}, check.size), h('td', {}, '—'),
        h('td', {}, check.tolerance != null ? `± ${check.tolerance}` : 'exact'), h('td', {}, 'in the Catch2 suite (native and wasm), not run in this browser')));
      checkRows.push([file.title, check.title, check.kind, check.size, '', check.tolerance ?? 'exact', 'Catch2 suite']);
      continue;
    }
    const row = h('tr', { class: 'running' }, h('th', { scope: 'row' }, check.kind), what, h('td', {}, 'computing…'), h('td', {}), h('td', {}), h('td', {}));
    body.append(row);
    await new Promise((resolve) => setTimeout(resolve)); // let the page show the row before a long check
    let outcome;
    try {
      outcome = await runCheck(check, call);
    } catch (e) {
      outcome = { ok: false, error: e.message, size: '', worst: null, allowed: '' };
    }
    if (cancelled()) return;
    counts.total++;
    if (outcome.ok) counts.passed++;
    const worst = outcome.worst == null ? '—' : check.standard_errors != null ? `${formatNumber(outcome.worst, 2)} SE` : smallNumber(outcome.worst);
    if (outcome.items) {
      what.append(h('ul', { class: 'check-instances' }, outcome.items.map((i) => h('li', {}, `${i.name}: `,
        i.ok ? '✓' : h('strong', {}, `✗ largest difference ${smallNumber(i.worst)}`)))));
    }
    row.className = outcome.ok ? 'check-pass' : 'fail';
    row.replaceChildren(row.firstChild, what,
      h('td', {}, outcome.size),
      h('td', { class: 'num', title: String(outcome.worst) }, worst),
      h('td', {}, outcome.allowed),
      h('td', {}, outcome.ok ? `✓ yes (${outcome.compared} numbers compared)` : `✗ no${outcome.error ? `: ${outcome.error}` : ''}`));
    checkRows.push([file.title, check.title, check.kind, outcome.size, outcome.worst, outcome.allowed, outcome.ok ? 'yes' : 'no']);
  }
  labelCells(body.parentElement); // cards on a phone (lib/table.js)
}
