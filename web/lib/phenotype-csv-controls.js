// Import and export of a phenotype frequency table on a page: a file picker (CSV, or text
// copied from a spreadsheet), a download of the table as it stands, and the report of what
// the import did: every bad row by its line, the phenotypes the file left out.
import { h } from './dom.js';
import { csvLink } from './csv.js';
import { readPhenotypeCsv, phenotypeCsvRows } from './phenotype-csv.js';

/**
 * source = {
 *   id: string,                          prefix of the element ids
 *   system(): {name, phenotypes: [{label}]},
 *   values(): (number|string)[],         the table as it stands (for export)
 *   apply(values: number[]),             put an imported table in the form
 * }
 * Returns {element, readText(text, name), paste(event, inputs, index)}.
 */
export function phenotypeCsvControls(source) {
  const report = h('div', { class: 'csv-report', id: `${source.id}-csv-report`, 'aria-live': 'polite' });
  const file = h('input', { type: 'file', id: `${source.id}-csv-file`, accept: '.csv,.tsv,.txt,text/csv,text/plain', class: 'visually-hidden',
    tabindex: -1, 'aria-label': 'CSV file to import',
    onchange: async () => {
      const chosen = file.files?.[0];
      if (chosen) readText(await chosen.text(), chosen.name);
      file.value = ''; // choosing the same file again reads it again
    } });
  // Built when asked, so it holds the table as it stands then.
  const download = () => {
    const system = source.system();
    const a = csvLink(phenotypeCsvRows(system.phenotypes, source.values()),
      `rbcmatch-phenotypes-${system.name.replace(/\W+/g, '-').toLowerCase()}.csv`);
    document.body.append(a);
    a.click();
    a.remove();
  };

  function readText(text, name = 'the pasted text') {
    const system = source.system();
    const { values, missing, errors } = readPhenotypeCsv(text, system.phenotypes, system.name);
    if (errors.length) {
      report.replaceChildren(h('div', { class: 'field-error', role: 'alert' },
        h('p', {}, `${name} was not imported: ${errors.length === 1 ? 'one row needs' : `${errors.length} rows need`} correcting. The table is unchanged.`),
        h('ul', {}, errors.map((e) => h('li', {}, `Line ${e.line}: ${e.message}`)))));
      return false;
    }
    source.apply(values);
    report.replaceChildren(h('p', { class: 'note' }, `Imported ${system.phenotypes.length - missing.length} phenotypes from ${name}.`,
      missing.length ? ` Not in the file, so set to 0: ${missing.join(', ')}.` : ''));
    return true;
  }

  const element = h('div', { class: 'csv-controls' },
    h('button', { type: 'button', class: 'secondary', id: `${source.id}-csv-import`, onclick: () => file.click() }, 'Import CSV…'),
    file,
    h('button', { type: 'button', class: 'secondary', id: `${source.id}-csv-export`, onclick: download }, 'Export CSV'),
    h('span', { class: 'hint' }, ' Two columns: phenotype, frequency (comma, semicolon or tab separated). You can also paste two columns from a spreadsheet into any frequency box.'),
    report);
  /** Several lines pasted into the frequency box `index` of `inputs` (in the system's phenotype
   *  order): a table (phenotype, frequency) is imported as CSV; a column of numbers fills this
   *  box and the ones below it. Returns true when it filled boxes (the caller takes it as an
   *  edit); a single value pastes as usual. */
  function paste(event, inputs, index) {
    const text = event.clipboardData?.getData('text') ?? '';
    const lines = text.trimEnd().split(/\r?\n/);
    if (lines.length < 2) return false;
    event.preventDefault();
    if (lines.some((l) => /[\t;,]/.test(l.trim()) && !/^\d+,\d+%?$/.test(l.trim()))) {
      readText(text, 'the pasted table');
      return false;
    }
    const below = inputs.slice(index);
    if (lines.length > below.length) {
      report.replaceChildren(h('p', { class: 'field-error', role: 'alert' }, `The paste has ${lines.length} values, but there are only ${below.length} phenotypes from ` +
        `${source.system().phenotypes[index].label} down; nothing was pasted.`));
      return false;
    }
    lines.forEach((line, k) => { below[k].value = line.trim(); });
    report.replaceChildren();
    return true;
  }

  return {
    element,
    readText,
    paste,
  };
}
