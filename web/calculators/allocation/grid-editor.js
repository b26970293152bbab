// An editable grid of the Allocation form (stock or requests; the Matching tab's units and
// requests too, whose grids bring their own cell reader and column sizes): a row per entry with a text
// box per column, Add row / Remove row, and CSV import / export. Each cell's error slot is
// named by the request path the API uses ("stock[2].units"), so the shell puts an API error
// next to the cell; a row's own slot ("stock[2]") takes a pair given twice.
import { h } from '../../lib/dom.js';
import { csvLink } from '../../lib/csv.js';
import { gridCsvRows, readGridCsv } from './grids.js';

export class GridEditor {
  /** grid: STOCK or REQUESTS (grids.js); context(): {antigens, maxShelfLife} for the CSV's checks. */
  constructor(grid, { id, legend, hint, changed, context }) {
    Object.assign(this, { grid, id, changed, context });
    this.rows = []; // [{tr, errorRow, inputs: HTMLInputElement[]}]
    this.body = h('tbody');
    this.report = h('div', { class: 'csv-report', id: `${id}-csv-report`, 'aria-live': 'polite' });
    this.file = h('input', { type: 'file', id: `${id}-csv-file`, accept: '.csv,.tsv,.txt,text/csv,text/plain', class: 'visually-hidden',
      tabindex: -1, 'aria-label': `CSV file of the ${legend.toLowerCase()} to import`,
      onchange: async () => {
        const chosen = this.file.files?.[0];
        if (chosen) this.importText(await chosen.text(), chosen.name);
        this.file.value = ''; // choosing the same file again reads it again
      } });
    this.addButton = h('button', { type: 'button', class: 'secondary', id: `${id}-add`, onclick: () => this.addRow() }, 'Add row');
    this.fieldset = h('fieldset', { class: 'al-grid' },
      h('legend', {}, legend),
      h('p', { class: 'hint' }, hint),
      h('div', { class: 'table-scroll' },
        // A grid of more than three columns becomes a card per row on a phone (web/style.css).
        h('table', { class: `al-grid-table${grid.columns.length > 3 ? ' reflow' : ''}`, id: `${id}-grid` },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Row'), grid.columns.map((c) => h('th', { scope: 'col' }, c.heading)),
            h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Remove')))),
          this.body)),
      // In a box of its own: the shell marks the first input beside a slot as invalid.
      h('div', {}, h('span', { class: 'field-error', 'data-error-for': grid.field })),
      h('div', { class: 'csv-controls' }, this.addButton,
        h('button', { type: 'button', class: 'secondary', id: `${id}-csv-import`, onclick: () => this.file.click() }, 'Import CSV…'),
        this.file,
        h('button', { type: 'button', class: 'secondary', id: `${id}-csv-export`, onclick: () => this.exportCsv() }, 'Export CSV'),
        h('span', { class: 'hint' }, `Columns: ${grid.columns.map((c) => c.name).join(', ')} (comma, semicolon or tab separated; a header line is optional).`),
        this.report));
  }

  /** Under each cell of a column that reads a blood group, its reading ("Read as A D+"),
   *  when that is not just what was typed; nothing while the cell has an error. */
  showReadings() {
    const context = this.context();
    for (const row of this.rows) {
      row.inputs.forEach((input, i) => {
        const slot = row.readings[i];
        if (!slot) return;
        const reading = this.grid.columns[i].reading(input.value, context);
        const shown = reading && reading !== input.value.trim().replace(/\s+/g, ' ');
        slot.textContent = shown ? `Read as ${reading}` : '';
        slot.hidden = !shown;
      });
    }
  }

  /** The cell texts, row by row. */
  values() { return this.rows.map((r) => r.inputs.map((i) => i.value)); }

  setRows(rows) {
    this.rows = [];
    this.body.replaceChildren();
    for (const cells of rows) this.appendRow(cells);
  }

  appendRow(cells = []) {
    const k = this.rows.length;
    const inputs = this.grid.columns.map((c, i) => h('input', { type: 'text', autocomplete: 'off', spellcheck: false,
      // Small sizes: the table's columns then share a phone's width by their content.
      size: c.size ?? (c.key === 'group' ? 8 : 3), inputmode: c.inputmode ?? (c.key === 'group' ? 'text' : 'numeric'), value: cells[i] ?? '', oninput: () => this.changed() }));
    const remove = h('button', { type: 'button', class: 'secondary al-remove' }, '×');
    const row = { inputs, remove };
    remove.addEventListener('click', () => this.removeRow(this.rows.indexOf(row)));
    row.number = h('th', { scope: 'row', 'data-label': 'Row' });
    row.cellErrors = this.grid.columns.map(() => h('span', { class: 'field-error' }));
    // A column that reads a blood group says, under the cell, how it was read.
    row.readings = this.grid.columns.map((c) => (c.reading ? h('div', { class: 'hint cell-read', hidden: true }) : null));
    row.rowError = h('span', { class: 'field-error' });
    row.tr = h('tr', {}, row.number,
      inputs.map((input, i) => h('td', { class: `al-${this.grid.columns[i].key}`, 'data-label': this.grid.columns[i].heading }, input, row.readings[i], row.cellErrors[i])),
      h('td', {}, remove));
    row.errorRow = h('tr', { class: 'al-row-error' }, h('td', { colspan: this.grid.columns.length + 2 }, row.rowError));
    this.rows.push(row);
    this.body.append(row.tr, row.errorRow);
    this.label(row, k);
    return row;
  }

  /** Names and slots follow the row's position, so they are set again when rows move. */
  label(row, k) {
    const name = `${this.grid.row} ${k + 1}`;
    row.number.textContent = String(k + 1);
    row.inputs.forEach((input, i) => {
      const column = this.grid.columns[i];
      const slot = row.cellErrors[i];
      input.id = `${this.id}-${k}-${column.key}`;
      input.setAttribute('aria-label', `${column.heading.replace(/ \(days\)$/, ', residual shelf life in days')}, ${name}`);
      slot.id = `${input.id}-error`;
      slot.dataset.errorFor = `${this.grid.field}[${k}].${column.key}`;
      const reading = row.readings[i];
      if (reading) reading.id = `${input.id}-read`;
      input.setAttribute('aria-describedby', `${slot.id} ${this.id}-${k}-error${reading ? ` ${reading.id}` : ''}`);
    });
    row.rowError.id = `${this.id}-${k}-error`;
    row.rowError.dataset.errorFor = `${this.grid.field}[${k}]`;
    row.remove.setAttribute('aria-label', `Remove ${name}`);
  }

  addRow() {
    const row = this.appendRow();
    row.inputs[0].focus();
    this.changed();
  }

  removeRow(k) {
    const [row] = this.rows.splice(k, 1);
    row.tr.remove();
    row.errorRow.remove();
    this.rows.forEach((r, i) => this.label(r, i));
    // Focus stays in the grid: the row that took this one's place, else Add row.
    (this.rows[k]?.remove ?? this.rows[k - 1]?.remove ?? this.addButton).focus();
    this.changed();
  }

  /** A CSV file (or text) in place of the grid, only if every line reads. */
  importText(text, name = 'the text') {
    const { rows, errors } = readGridCsv(this.grid, text, this.context());
    if (errors.length) {
      this.report.replaceChildren(h('div', { class: 'field-error', role: 'alert' },
        h('p', {}, `${name} was not imported: ${errors.length === 1 ? 'one line needs' : `${errors.length} lines need`} correcting. The grid is unchanged.`),
        h('ul', {}, errors.map((e) => h('li', {}, `Line ${e.line}: ${e.message}`)))));
      return false;
    }
    this.setRows(rows);
    this.report.replaceChildren(h('p', { class: 'note' }, `Imported ${rows.length} ${rows.length === 1 ? 'row' : 'rows'} from ${name}.`));
    this.changed();
    return true;
  }

  exportCsv() {
    const a = csvLink(gridCsvRows(this.grid, this.values()), `rbcmatch-${this.grid.field}.csv`);
    document.body.append(a);
    a.click();
    a.remove();
  }

  clearReport() { this.report.replaceChildren(); }
}
