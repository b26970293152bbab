// One system's phenotype frequencies typed (or imported from CSV) by the user, for one of the
// Frequencies tab's two populations: a small table of phenotypes with their frequencies,
// checked as you type, its sum too (the API renormalises within its tolerance and refuses
// beyond it). Messages go to slots named own<column>.<system>[<row>] and own<column>.<system>
// (the sum), which the tab's errorField points the module's errors to.
import { h } from '../../lib/dom.js';
import { formatNumber } from '../../lib/format.js';
import { checkNumber, parseNumber } from '../../lib/numbers.js';
import { phenotypeCsvControls } from '../../lib/phenotype-csv-controls.js';

export class OwnFrequencies {
  /** system: the catalogue's system ({id, name, phenotypes: [{label}]}); column: 0 or 1;
   *  sumTolerance: how far from 1 the sum may be (the API's default sum tolerance). */
  constructor(system, column, changed, sumTolerance) {
    this.system = system;
    this.changed = changed;
    this.sumTolerance = sumTolerance;
    this.path = `own${column + 1}.${system.id}`;
    this.name = `${system.name}, population ${column + 1}`;
    const id = `fq-own${column + 1}-${system.id}`;
    this.inputs = system.phenotypes.map((p, i) => h('input', {
      type: 'text', inputmode: 'decimal', id: `${id}-${i}`, autocomplete: 'off', size: 7,
      'aria-describedby': `${id}-${i}-error`, oninput: () => changed(),
    }));
    this.errors = system.phenotypes.map((_, i) => h('span', { class: 'field-error', id: `${id}-${i}-error`, 'data-error-for': `${this.path}[${i}]` }));
    this.sum = h('output', { class: 'num', id: `${id}-sum` });
    this.sumNote = h('span', { class: 'sum-note', id: `${id}-sum-note`, 'data-error-for': this.path });
    this.csv = phenotypeCsvControls({
      id,
      system: () => system,
      values: () => this.texts().map((t) => (Number.isFinite(parseNumber(t)) ? parseNumber(t) : t)),
      apply: (values) => { this.set(values); changed(); },
    });
    this.element = h('div', { class: 'fq-own', hidden: true, role: 'group', 'aria-label': `${system.name}: your frequencies, population ${column + 1}` },
      h('table', { class: 'freq-table' },
        h('caption', { class: 'hint' }, `${system.name}, population ${column + 1}: your phenotype frequencies`),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Phenotype'), h('th', { scope: 'col' }, 'Frequency'))),
        h('tbody', {}, system.phenotypes.map((p, i) => h('tr', {},
          h('th', { scope: 'row' }, h('label', { for: this.inputs[i].id }, p.label)),
          h('td', {}, this.inputs[i], this.errors[i])))),
        h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, 'Sum'), h('td', {}, this.sum, this.sumNote)))),
      this.csv.element);
  }

  get shown() { return !this.element.hidden; }
  show(on) { this.element.hidden = !on; }
  texts() { return this.inputs.map((input) => input.value.trim()); }
  set(values) { this.inputs.forEach((input, i) => { input.value = String(values[i] ?? 0); }); }
  values() { return this.texts().map(parseNumber); }

  clearErrors() {
    this.errors.forEach((e, i) => { e.textContent = ''; this.inputs[i].setAttribute('aria-invalid', 'false'); });
    this.sumNote.textContent = '';
  }

  /** Marks each bad entry, and a sum too far from 1, through setError(path, message); returns how many there are. */
  validate(setError) {
    let errors = 0, sum = 0;
    this.inputs.forEach((input, i) => {
      const message = checkNumber(input.value, { min: 0, max: 1 });
      setError(`${this.path}[${i}]`, message);
      if (message) errors++; else sum += parseNumber(input.value);
    });
    this.sum.textContent = errors ? '—' : formatNumber(sum, 6);
    const off = Math.abs(sum - 1);
    // 1e-9: the API's rounding guard (frequency::sum_rounding_guard).
    const wrong = !errors && off > this.sumTolerance + 1e-9;
    this.sumNote.classList.toggle('field-error', wrong);
    setError(this.path, wrong ? `${this.name}: the frequencies add up to ${Number(sum.toFixed(6))}; they should add up to 1 (within ${this.sumTolerance})` : '');
    if (!errors && !wrong && off > 1e-9) this.sumNote.textContent = `not exactly 1: the frequencies will be divided by ${Number(sum.toFixed(6))}`;
    return errors + (wrong ? 1 : 0);
  }

  // In a link: "own:0.68;0.06;0.25;0.01" (semicolons, so decimal commas survive).
  toParam() { return `own:${this.texts().join(';')}`; }

  /** From a link; returns what could not be read. */
  fromParam(text) {
    const parts = text.split(';');
    if (parts.length !== this.inputs.length)
      return [`${this.system.name}: the link has ${parts.length} frequencies, the system ${this.inputs.length} phenotypes`];
    this.inputs.forEach((input, i) => { input.value = parts[i]; });
    const bad = parts.filter((p) => checkNumber(p, { min: 0, max: 1 }));
    return bad.length ? [`${this.system.name}: ${bad.map((b) => `“${b}”`).join(', ')} not a frequency from 0 to 1`] : [];
  }
}
