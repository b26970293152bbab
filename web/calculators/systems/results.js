// What a system makes (haplotypes, genotypes, phenotypes), a population table for it and the
// Save button of the Systems tab.
import { h } from '../../lib/dom.js';
import { scrollRegion } from '../../lib/table.js';
import { formatNumber } from '../../lib/format.js';
import { checkNumber, parseNumber } from '../../lib/numbers.js';
import { phenotypeCsvControls } from '../../lib/phenotype-csv-controls.js';
import { saveOwnSystem } from '../../lib/own-systems.js';

/**
 * context: {request, editing: the saved system being edited or null, savedChanged(), sumTolerance}.
 * Returns the shell's {destroy, csv, csvName}.
 */
export function renderSystem(container, result, warnings, { request, editing, savedChanged, sumTolerance }) {
  const system = result.system;
  const definition = request.system;
  const byPhenotype = system.phenotypes.map(() => []);
  for (const g of result.genotypes) byPhenotype[g.phenotype].push(g.label);
  // Editing a saved system whose phenotypes are unchanged: start from its first table.
  const sameDefinition = editing && JSON.stringify(editing.definition) === JSON.stringify(definition);
  const previous = sameDefinition ? editing.populations[0] : null;
  const inputs = system.phenotypes.map((p, i) => h('input', {
    type: 'text', inputmode: 'decimal', id: `sy-f-${i}`, autocomplete: 'off', size: 8,
    'aria-describedby': `sy-f-${i}-error`, value: previous ? String(previous.frequencies[i]) : '',
    oninput: () => check(), onpaste: (e) => paste(e, i) }));
  const errors = inputs.map((_, i) => h('span', { class: 'field-error', id: `sy-f-${i}-error` }));
  const sum = h('output', { class: 'num', id: 'sy-sum' });
  const populationName = h('input', { type: 'text', id: 'sy-pop-name', autocomplete: 'off', value: previous?.name ?? '', 'aria-describedby': 'sy-pop-name-hint' });
  const saveReport = h('p', { class: 'sy-save-report', role: 'status' });
  const csv = phenotypeCsvControls({
    id: 'sy',
    system: () => system,
    values: () => inputs.map((input) => (Number.isFinite(parseNumber(input.value)) ? parseNumber(input.value) : input.value)),
    apply: (values) => { inputs.forEach((input, i) => { input.value = String(values[i]); }); check(); },
  });

  /** Marks each bad frequency; returns {errors, blank, sum}. A table left blank is no table. */
  function check() {
    const blank = inputs.every((input) => input.value.trim() === '');
    let bad = 0, total = 0;
    inputs.forEach((input, i) => {
      const message = blank ? '' : checkNumber(input.value, { min: 0, max: 1 });
      errors[i].textContent = message;
      input.setAttribute('aria-invalid', message ? 'true' : 'false');
      if (message) bad++; else if (!blank) total += parseNumber(input.value);
    });
    sum.textContent = blank ? '—' : bad ? '—' : formatNumber(total, 6);
    return { bad, blank, total };
  }

  function paste(event, index) {
    if (csv.paste(event, inputs, index)) check();
  }

  function save() {
    const { bad, blank, total } = check();
    if (bad) { saveReport.textContent = `Not saved: correct the ${bad === 1 ? 'marked frequency' : `${bad} marked frequencies`} first (or clear them all to save the system without a table).`; return; }
    if (!blank && Math.abs(total - 1) > sumTolerance) { saveReport.textContent = `Not saved: the frequencies add up to ${formatNumber(total, 6)}; they should add up to 1 (within ${sumTolerance}).`; return; }
    if (!blank && !populationName.value.trim()) { saveReport.textContent = 'Not saved: give the population table a name.'; return; }
    const table = blank ? [] : [{ name: populationName.value.trim(), frequencies: inputs.map((input) => parseNumber(input.value)) }];
    // The tables saved before stay when the phenotypes are the same (other names only).
    const kept = sameDefinition ? editing.populations.filter((p) => !table.some((t) => t.name === p.name)) : [];
    try {
      const saved = saveOwnSystem({ id: editing?.id, definition, populations: [...table, ...kept] });
      saveReport.textContent = `Saved “${definition.name}”${table.length ? ` with the table “${table[0].name}”` : ''}` +
        `${kept.length ? ` (and ${kept.length} table${kept.length > 1 ? 's' : ''} saved before)` : ''}` +
        `${editing && !sameDefinition && editing.populations.length ? '. Its phenotypes changed, so the tables saved before were dropped' : ''}. ` +
        'The Genotypes and Frequencies tabs now offer it.';
      if (!editing) editing = saved;
      savedChanged();
    } catch (e) {
      saveReport.textContent = `Not saved: ${e.message}`;
    }
  }

  check();
  container.append(
    h('h2', {}, system.name),
    h('p', {}, `${system.antigens.length} antigen${system.antigens.length === 1 ? '' : 's'} (${system.antigens.join(', ')}), `,
      `${system.haplotypes.length} haplotypes (${system.haplotypes.join(', ')}), ${system.genotype_count} genotypes, ${system.phenotypes.length} phenotypes.`),
    warnings.length ? h('ul', { class: 'warnings' }, warnings.map((w) => h('li', {}, w.message))) : '',
    h('p', { class: 'hint' }, 'The phenotypes, in the order the calculators list them (and a CSV file gives them), with the genotypes that show each. ',
      'Type a population’s phenotype frequencies to save them with the system (optional).'),
    scrollRegion('Phenotypes',
      h('table', { class: 'freq-table', id: 'sy-phenotypes', 'aria-label': 'Phenotypes, their genotypes and frequencies' },
        h('thead', {}, h('tr', {}, ['Phenotype', 'Antigens', 'Genotypes', 'Frequency'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, system.phenotypes.map((p, i) => h('tr', {},
          h('th', { scope: 'row' }, h('label', { for: inputs[i].id }, p.label)),
          h('td', { class: 'antigens' }, p.antigens.length ? p.antigens.join(' ') : 'none'),
          h('td', {}, byPhenotype[i].join(', ')),
          h('td', {}, inputs[i], errors[i])))),
        h('tfoot', {}, h('tr', {}, h('th', { scope: 'row', colspan: 3 }, 'Sum'), h('td', {}, sum))))),
    h('div', { class: 'field' }, h('label', { for: 'sy-pop-name' }, 'Population table name'), populationName,
      h('span', { class: 'hint', id: 'sy-pop-name-hint' }, 'e.g. “Blood donors, our region, 2025 (n = 2 000)”: where the numbers come from.')),
    csv.element,
    h('div', { class: 'actions' }, h('button', { type: 'button', id: 'sy-save', onclick: save }, editing ? `Save changes to “${editing.definition.name}”` : 'Save in this browser'), saveReport));
  return {
    destroy() {},
    csv: () => [['phenotype', 'antigens', 'genotypes'], ...system.phenotypes.map((p, i) => [p.label, p.antigens.join(' '), byPhenotype[i].join(' ')])],
    csvName: `rbcmatch-system-${system.name.replace(/\W+/g, '-').toLowerCase()}.csv`,
  };
}
