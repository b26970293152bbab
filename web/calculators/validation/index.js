// Validation tab: every published number of tests/reference/*.json beside the number this
// page computes now, in this browser, with its source and whether it is reproduced. The
// files are the ones the Catch2 tests and docs/validation.md read; a calculator's rows
// appear here when its reference file is added (scripts/build-web.mjs bundles them all).
import referenceFiles from 'rbcmatch:reference';
import { h } from '../../lib/dom.js';
import { csvLink } from '../../lib/csv.js';
import { formatNumber } from '../../lib/format.js';
import { labelCells } from '../../lib/table.js';
import { judge } from './judge.js';

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

async function mount(container, { client }) {
  const summary = h('p', { class: 'status', role: 'status' }, 'Computing every published number…');
  const sections = h('div', {});
  const root = h('div', { class: 'validation' },
    h('p', { class: 'intro' }, 'Every number the source papers publish that this calculator reproduces, beside the number computed just now in your browser by the same WebAssembly module the calculators use. ',
      'A row passes when the difference is within what the paper’s rounding allows.'),
    summary, sections);
  container.append(root);
  let cancelled = false;
  const rows = [['calculator', 'case', 'source', 'quantity', 'published', 'computed', 'difference', 'allowed', 'reproduced']];
  let passed = 0;
  let total = 0;
  for (const file of referenceFiles) {
    const body = h('tbody');
    const fileSummary = h('p', {});
    sections.append(h('section', { class: 'results validation-group' }, h('h2', {}, file.title), fileSummary,
      h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': `${file.title} (scrolls sideways)` }, h('table', { class: 'result-table cards' },
        h('thead', {}, h('tr', {}, ['Quantity', 'Published', 'Computed', 'Difference', 'Allowed', 'Reproduced'].map((t) => h('th', { scope: 'col' }, t)))),
        body))));
    let filePassed = 0;
    let fileTotal = 0;
    for (const c of file.cases) {
      let result = null;
      let error = null;
      try {
        ({ result } = await client.call(c.op, c.request));
      } catch (e) {
        error = e;
      }
      if (cancelled) return { unmount() {} };
      body.append(h('tr', { class: 'group-start' }, h('th', { scope: 'rowgroup', colspan: 6 },
        c.title, h('span', { class: 'path' }, ` — ${sourceText(file, c)}`),
        error ? h('span', { class: 'error' }, ` — not computed: ${error.message}`) : '')));
      for (const v of c.values) {
        const verdict = result ? judge(v, result) : { computed: null, ok: false, difference: null, allowed: '' };
        fileTotal++;
        if (verdict.ok) filePassed++;
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
    fileSummary.textContent = `${filePassed} of ${fileTotal} published numbers reproduced.`;
    labelCells(body.parentElement); // cards on a phone (lib/table.js)
    passed += filePassed;
    total += fileTotal;
  }
  summary.replaceChildren(`${passed} of ${total} published numbers reproduced${passed === total ? '.' : ' — the rows marked ✗ are not.'} `,
    csvLink(rows, 'rbcmatch-validation.csv'));
  summary.dataset.passed = String(passed);
  summary.dataset.total = String(total);
  return { unmount() { cancelled = true; } };
}
