// Allocation calculator: which units in stock should meet today's requests (thesis ch. 6,
// sec. 6.3): the most requests met with compatible units, and among those allocations the
// one of least cost, a unit's cost weighing its relative opportunity loss against its
// residual shelf life (eq. 6.1-6.3, 6.9). The `allocate` operation does the work.
//
// Its own inputs: the antigens, the stock and requests grids, R and γ (a slider: the one
// choice a user is most likely to explore). The cost shape, α and β are the shell's options.
import { calculator } from '../../lib/calculator-shell.js';
import { formula } from '../../lib/math.js';
import { h } from '../../lib/dom.js';
import { restoreGrid } from '../../lib/grid-param.js';
import { SystemPopulations } from '../../lib/system-populations.js';
import { checkNumber, parseNumber } from '../../lib/numbers.js';
import { ANTIGEN_PRESETS } from '../frequencies/presets.js';
import { GridEditor } from './grid-editor.js';
import { REQUESTS, STOCK, fieldLabel, formatGridParam, readAntigens, readRows } from './grids.js';
import { renderAllocation } from './results.js';

const PRESETS = [{ id: 'abo', label: 'ABO', antigens: ['A', 'B'] }, ...ANTIGEN_PRESETS];
const DEFAULT_ANTIGENS = ['A', 'B'];

// Thesis Table 6.1's header row and Fig. 6.2: O (4, 2, 0), A (0, 1, 5), B (0, 1, 3), AB (0, 0, 2)
// units at r = 0, 1, 2; R = 2; two units requested of each ABO group (docs/methods/allocation.md,
// tests/reference/allocation.json). Shown when the link gives no inputs of this tab.
const EXAMPLE = {
  antigens: DEFAULT_ANTIGENS,
  max_shelf_life: '2',
  gamma: '0.5',
  stock: ['O', 'A', 'B', 'AB'].flatMap((g, i) => [[4, 2, 0], [0, 1, 5], [0, 1, 3], [0, 0, 2]][i].map((units, r) => [g, String(r), String(units)])),
  requests: ['O', 'A', 'B', 'AB'].map((g) => [g, '2']),
};
const OWN_PARAMS = ['antigens', 'stock', 'requests', 'max_shelf_life', 'gamma'];
// The patients' populations, one table per system of thesis Table 4.4 (the API's default).
const TABLE_SYSTEMS = ['abo', 'rh', 'kell', 'duffy', 'kidd', 'mns'];

export default calculator({
  id: 'allocation',
  title: 'Allocation',
  summary: 'which units in stock to issue to today’s requests (thesis ch. 6)',
  op: 'allocate',
  intro: 'Which units should meet today’s requests? Give the units in stock by blood group and residual shelf life r (days left), ' +
    'and the units requested by blood group. The calculator meets as many requests as it can with compatible units and, among those ' +
    'allocations, chooses one of least cost: γ weighs the relative opportunity loss of issuing a unit (the patients it could have served ' +
    'instead) against its age (thesis sec. 6.3, eq. 6.1–6.3). The opportunity loss counts the patients of the populations below ' +
    '(thesis Table 4.4 by default; ABO: Table 3.1). The example is the thesis’s Table 6.1 (Fig. 6.2).',
  // recipients is not a link parameter (the tables are, as <system>_population): a link naming it is reported.
  ownFields: OWN_PARAMS,
  optionWords: {
    cost: {
      label: 'Cost of a unit',
      // Formulas in pieces: an inline formula does not break at the end of a line.
      hint: () => ['The cost of issuing a unit of group ', formula('i'), ' with residual shelf life ', formula('r'), ' to a request of group ',
        formula('j'), ': linear, ', formula('γ Δ_{ij} + (1 − γ) r / R'), ' (eq. 6.1), or exponential, ',
        formula('γ (1 − exp(−α Δ_{ij}))'), ' + ', formula('(1 − γ) (1 − exp(−β r / R))'), ' (eq. 6.9–6.10).'],
    },
    alpha: { label: 'α', heading: () => formula('α'), hint: () => [formula('α'), ' of eq. 6.10 (exponential cost only); the thesis takes ', formula('7 log 2'), '.'] },
    beta: { label: 'β', heading: () => formula('β'), hint: () => [formula('β'), ' of eq. 6.10 (exponential cost only); the thesis takes ', formula('7 log 2'), '.'] },
  },
  paramNames: SystemPopulations.paramNames(TABLE_SYSTEMS),
  load: async (client) => {
    const [{ result }, operations] = await Promise.all([client.call('systems'), client.operations()]);
    return { known: [...new Set(result.systems.flatMap((s) => s.antigens))], fields: operations.allocate.fields, catalogue: result };
  },
  inputs: (data, shell) => new AllocationInputs(data, shell),
  render: renderAllocation,
});

class AllocationInputs {
  constructor({ known, fields, catalogue }, { changed }) {
    this.known = known;
    this.systems = TABLE_SYSTEMS.map((id) => catalogue.systems.find((s) => s.id === id)).filter(Boolean);
    this.patients = new SystemPopulations(this.systems, catalogue.populations,
      { prefix: 'al', changed, preferred: (id) => `${id}/thesis-table-4.4` });
    this.patients.fieldset.querySelector('legend').textContent = 'Patients (for the opportunity loss)';
    this.field = (name) => fields.find((f) => f.name === name);
    const text = (id, field, label, hint, extra = {}) => {
      const input = h('input', { type: 'text', id, autocomplete: 'off', spellcheck: false, 'aria-describedby': `${id}-hint`, oninput: () => changed(), ...extra });
      return [input, (...more) => h('div', { class: 'field' }, h('label', { for: id }, label), ...(more.length ? more : [input]),
        h('span', { class: 'hint', id: `${id}-hint` }, hint),
        h('span', { class: 'field-error', 'data-error-for': field }))];
    };
    let antigensField, lifeField, gammaField;
    [this.antigens, antigensField] = text('al-antigens', 'antigens', 'Antigens, in order',
      'The antigens the blood groups are written over, in order, e.g. “A, B, D”. With A and B, ABO is written O, A, B, AB (with D, “A+” is A D+); every other antigen with + or −.',
      { oninput: () => { this.preset.value = this.presetOf(this.antigens.value); changed(); } });
    this.preset = h('select', { id: 'al-preset', onchange: () => {
      const preset = PRESETS.find((p) => p.id === this.preset.value);
      if (preset) this.antigens.value = preset.antigens.join(', ');
      changed();
    } }, h('option', { value: '' }, 'Your own choice'), PRESETS.map((p) => h('option', { value: p.id }, p.label)));
    const R = this.field('max_shelf_life');
    [this.maxShelfLife, lifeField] = text('al-max-shelf-life', 'max_shelf_life', 'Maximum shelf life R (days)',
      `${R.description} Every r is from 0 to R. (${R.min} to ${R.max} days.)`, { inputmode: 'numeric' });
    const gamma = this.field('gamma');
    [this.gamma, gammaField] = text('al-gamma', 'gamma', 'γ (gamma)',
      '0 issues the oldest units first (FIFO); 1 the least opportunity loss (MROL); ½ weighs both equally (thesis eq. 6.1, 6.9).',
      { inputmode: 'decimal', oninput: () => { this.syncSlider(); changed(); } });
    this.slider = h('input', { type: 'range', id: 'al-gamma-slider', min: gamma.min, max: gamma.max, step: 0.05,
      'aria-label': 'γ, from 0 (oldest first) to 1 (least opportunity loss)',
      oninput: () => { this.gamma.value = String(Number(this.slider.value)); changed(); } });
    const context = () => this.context();
    this.stock = new GridEditor(STOCK, { id: 'al-stock', legend: 'Stock', changed, context,
      hint: 'One row per blood group (as you write it: O-, A pos, A D+ K-) and residual shelf life r: the units of that group with r days left. Give each pair once.' });
    this.requests = new GridEditor(REQUESTS, { id: 'al-requests', legend: 'Requests', changed, context,
      hint: 'One row per blood group requested: how many units. Give each group once.' });
    this.fieldsets = [
      h('fieldset', {}, h('legend', {}, 'Blood groups and costs'),
        h('div', { class: 'field' }, h('label', { for: 'al-preset' }, 'Antigen set'), this.preset),
        antigensField(),
        lifeField(),
        gammaField(h('div', { class: 'al-gamma' }, this.gamma, this.slider))),
      this.stock.fieldset,
      this.requests.fieldset,
      this.patients.fieldset,
    ];
  }

  /** The systems the antigens use (their patients' tables matter). */
  usedSystems() {
    const antigens = this.context().antigens ?? [];
    return new Set(this.systems.filter((s) => s.antigens.some((a) => antigens.includes(a))).map((s) => s.id));
  }

  presetOf(text) {
    const { antigens } = readAntigens(text, this.known);
    return PRESETS.find((p) => antigens && p.antigens.join() === antigens.join())?.id ?? '';
  }

  syncSlider() {
    const value = parseNumber(this.gamma.value);
    if (Number.isFinite(value)) this.slider.value = String(value);
  }

  /** What the grids' cells are read against: the antigens that read, R if it reads. */
  context() {
    const { antigens } = readAntigens(this.antigens.value, this.known);
    const R = this.field('max_shelf_life');
    const lifeError = checkNumber(this.maxShelfLife.value, R);
    return {
      antigens: antigens ?? this.antigens.value.split(/[\s,;]+/).filter((a) => this.known.includes(a)),
      maxShelfLife: lifeError ? undefined : parseNumber(this.maxShelfLife.value),
    };
  }

  title() { return `Allocation over ${this.context().antigens.join(', ')}`; }

  fieldLabel(path) { return fieldLabel(path); }

  /** Every check of the form; each message in the slot of the path the API would name. */
  check() {
    const errors = [];
    const antigens = readAntigens(this.antigens.value, this.known);
    errors.push(['antigens', antigens.error ?? '']);
    errors.push(['max_shelf_life', checkNumber(this.maxShelfLife.value, this.field('max_shelf_life'))]);
    errors.push(['gamma', checkNumber(this.gamma.value, this.field('gamma'))]);
    const context = this.context();
    for (const editor of [this.stock, this.requests]) {
      const { grid } = editor;
      const rows = editor.values();
      const read = readRows(grid, rows, context);
      errors.push([grid.field, rows.length ? '' : 'add at least one row']);
      rows.forEach((_, k) => {
        errors.push([`${grid.field}[${k}]`, '']);
        for (const c of grid.columns) errors.push([`${grid.field}[${k}].${c.key}`, '']);
      });
      for (const e of read.errors) errors.push([`${grid.field}[${e.row}]${e.key ? `.${e.key}` : ''}`, e.message]);
    }
    // The last message for a path wins (a cleared slot, then its error).
    return new Map(errors);
  }

  validate(setError) {
    this.stock.showReadings();
    this.requests.showReadings();
    this.patients.show(this.usedSystems());
    let count = 0;
    for (const [path, message] of this.check()) {
      setError(path, message);
      if (message) count++;
    }
    return count;
  }

  restore(params) {
    const problems = [];
    this.stock.clearReport();
    this.requests.clearReport();
    if (!OWN_PARAMS.some((p) => params.has(p))) {
      this.antigens.value = EXAMPLE.antigens.join(', ');
      this.maxShelfLife.value = EXAMPLE.max_shelf_life;
      this.gamma.value = EXAMPLE.gamma;
      this.stock.setRows(EXAMPLE.stock);
      this.requests.setRows(EXAMPLE.requests);
    } else {
      this.antigens.value = (params.get('antigens') ?? DEFAULT_ANTIGENS.join(',')).split(',').join(', ');
      for (const [input, name, label] of [[this.maxShelfLife, 'max_shelf_life', 'Maximum shelf life R'], [this.gamma, 'gamma', 'γ']]) {
        input.value = params.get(name) ?? String(this.field(name).default);
        const error = checkNumber(input.value, this.field(name));
        if (error) problems.push(`${label}: “${input.value}” ${error}`);
      }
      for (const editor of [this.stock, this.requests]) problems.push(...restoreGrid(editor, params));
    }
    problems.push(...this.patients.restore(params));
    this.preset.value = this.presetOf(this.antigens.value);
    this.syncSlider();
    // Whatever else the link gives that does not read is reported, in the user's words (R and γ
    // were reported above, with the value the link gives).
    for (const [path, message] of this.check()) {
      if (!message || (OWN_PARAMS.some((p) => params.has(p)) && ['max_shelf_life', 'gamma'].includes(path))) continue;
      const label = fieldLabel(path);
      // “The stock”, but γ stays γ (its capital, Γ, is another letter).
      problems.push(`${/^[a-z]/.test(label) ? label.charAt(0).toUpperCase() + label.slice(1) : label}: ${message}`);
    }
    return [...new Set(problems)];
  }

  toParams(params) {
    const { antigens } = this.context();
    params.set('antigens', antigens.join(','));
    params.set('max_shelf_life', this.maxShelfLife.value.trim());
    params.set('gamma', this.gamma.value.trim());
    params.set('stock', formatGridParam(STOCK, this.entries(this.stock), antigens));
    params.set('requests', formatGridParam(REQUESTS, this.entries(this.requests), antigens));
    this.patients.toParams(params, this.usedSystems());
  }

  entries(editor) { return readRows(editor.grid, editor.values(), this.context()).entries; }

  toRequest(request) {
    request.antigens = this.context().antigens;
    request.stock = this.entries(this.stock);
    request.requests = this.entries(this.requests);
    request.max_shelf_life = parseNumber(this.maxShelfLife.value);
    request.gamma = parseNumber(this.gamma.value);
    // Only tables other than the default are sent: the request stays the thesis's otherwise.
    const chosen = [...this.usedSystems()].filter((id) => !this.patients.isDefault(id));
    if (chosen.length) request.recipients = Object.fromEntries(chosen.map((id) => [id, this.patients.table(id)]));
  }
}
