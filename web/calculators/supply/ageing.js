// Supply tab, panel "Ageing": the fixed shelf life R of a red-cell unit approximated by N
// exponential phases, an Erlang distribution (van Sambeek 2020, thesis ch. 5.3, eq. 5.4-5.11),
// how far that lies from R as N grows, and the stock by ageing phase (eq. 5.14), through the
// `ageing` operation.
//
// The thesis's examples (R = 35 days counted in days or in weeks, Fig. 5.3) are read from
// tests/reference/ageing.json, the file the Validation tab checks. The platelet example is a
// teaching example, not a published number.
import { calculator } from '../../lib/calculator-shell.js';
import { h } from '../../lib/dom.js';
import { checkNumber, parseNumber } from '../../lib/numbers.js';
import referenceFiles from 'rbcmatch:reference';
import { renderAgeing } from './ageing-results.js';

const OP = 'ageing';
// Lines on the shelf-life charts besides the fixed shelf life (the charts tell 4 lines apart).
export const MAX_CURVES = 3;

const thesis = (id) => referenceFiles.find((f) => f.calculator === 'supply' && f.cases.some((c) => c.id === id))
  ?.cases.find((c) => c.id === id)?.request;
const days = thesis('thesis-eq-5.4-days') ?? { shelf_life: 35, phases: 35 };
const weeks = thesis('thesis-eq-5.4-weeks') ?? { shelf_life: 35, phases: 5 };

// Each preset: the form's values as text, as a person would type them.
export const PRESETS = [
  { id: 'thesis-days', title: 'van Sambeek 2020, Fig. 5.3b: 35 days counted in days (N = 35)',
    values: { shelf_life: String(days.shelf_life), phases: String(days.phases), compare_phases: `1, ${weeks.phases}, ${days.phases}`,
      tolerance: '1', arrival_rate: '10', error_table: '1, 2, 5, 10, 35, 100, 350, 1000, 10000', state: '' } },
  { id: 'thesis-weeks', title: 'van Sambeek 2020, Fig. 5.3a: 35 days counted in weeks (N = 5)',
    values: { shelf_life: String(weeks.shelf_life), phases: String(weeks.phases), compare_phases: `1, ${weeks.phases}, ${days.phases}`,
      tolerance: '7', arrival_rate: '1', error_table: '1, 2, 5, 10, 35, 100, 350, 1000, 10000', state: '7, 7, 7, 7, 7' } },
  { id: 'platelets', title: 'Platelets: a shelf life of 7 days (counted in days, and in hours)',
    values: { shelf_life: '7', phases: '7', compare_phases: '1, 7, 168', tolerance: '0.5', arrival_rate: '20',
      error_table: '1, 7, 24, 168, 1000', state: '' } },
];

const TEXT = ['shelf_life', 'phases', 'compare_phases', 'tolerance', 'arrival_rate', 'error_table', 'state'];
const LABELS = {
  shelf_life: 'shelf life R', phases: 'phases N', compare_phases: 'curves for N', tolerance: 'tolerance δ',
  arrival_rate: 'fresh units a day λ', error_table: 'error table for N', state: 'stock by phase',
};
const ID = (name) => `ageing-${name.replaceAll('_', '-')}`;

/** "1, 5, 35" -> [1, 5, 35] (NaN for a part that is no number). */
export const readList = (text) => String(text ?? '').split(/[\s;,]+/).filter(Boolean).map((t) => parseNumber(t));

export default calculator({
  id: 'ageing',
  title: 'Ageing',
  summary: 'the fixed shelf life of a unit approximated by ageing phases, and the stock by phase',
  op: OP,
  intro: 'A red-cell unit outdates exactly R days after it is collected (35 days for red cells). A Markov model cannot keep a clock for every unit, ' +
    'so van Sambeek (2020, thesis ch. 5.3) lets each unit age through N phases of random length: the shelf life becomes an Erlang distribution, ' +
    'right on average but spread around R. How large must N be, and what does the stock look like phase by phase? Choose an example or enter your own values and press Compute.',
  ownFields: TEXT,
  optionWords: {
    chart_span: { label: 'Chart span', hint: () => 'The charts run from day 0 to this multiple of the shelf life R.' },
    points: { label: 'Points on the curves', hint: () => 'How many evenly spaced days the curves are computed at.' },
    moments: { label: 'Moments', hint: () => 'How many moments E(T), E(T²), … of the shelf life to list (thesis eq. 5.11).' },
  },
  load: async (client) => (await client.operations())[OP],
  inputs: (operation, shell) => new AgeingInputs(operation, shell),
  render: (container, result, warnings, context) => renderAgeing(container, result, warnings, context),
});

class AgeingInputs {
  constructor(operation, { changed }) {
    this.fields = Object.fromEntries((operation?.fields ?? []).map((f) => [f.name, f]));
    const onEdit = () => { this.markOwn(); changed(); };
    this.preset = h('select', { id: 'ageing-preset', onchange: () => { this.choose(this.preset.value); changed(); } },
      h('option', { value: '' }, 'Your own values'), PRESETS.map((p) => h('option', { value: p.id }, p.title)));
    this.boxes = Object.fromEntries(TEXT.map((name) => [name, h('input', { type: 'text', inputmode: ['compare_phases', 'error_table', 'state'].includes(name) ? 'text' : 'decimal',
      id: ID(name), autocomplete: 'off', 'aria-describedby': `${ID(name)}-hint`, oninput: onEdit })]));
    const field = (name, label, hint) => h('div', { class: 'field' },
      h('label', { for: ID(name) }, label), this.boxes[name],
      h('span', { class: 'hint', id: `${ID(name)}-hint` }, hint),
      h('span', { class: 'field-error', 'data-error-for': name }));
    this.fieldsets = [
      h('fieldset', {}, h('legend', {}, 'The shelf life'),
        h('div', { class: 'field' }, h('label', { for: 'ageing-preset' }, 'Example'), this.preset,
          h('span', { class: 'hint' }, 'Choosing an example replaces the values below.')),
        field('shelf_life', 'Shelf life R (days)', 'The fixed time after collection at which a unit outdates: 35 days for red cells.'),
        field('phases', 'Phases N', 'The shelf life is cut into N phases, each lasting a random time of R / N days on average: N = 35 counts in days, N = 5 in weeks.'),
        field('compare_phases', 'Curves for N', `Up to ${MAX_CURVES} numbers of phases to draw beside the fixed shelf life, separated by commas. N = 1 is an exponential shelf life.`),
        field('tolerance', 'Tolerance δ (days)', 'The error table counts the units whose shelf life misses R by more than this, early or late.'),
        field('error_table', 'Error table for N', 'The numbers of phases to compare in the error table, separated by commas.')),
      h('fieldset', {}, h('legend', {}, 'The stock by ageing phase (eq. 5.14)'),
        field('arrival_rate', 'Fresh units a day λ', 'Units arrive at random, on average λ a day; none is issued, so each unit stays until it outdates.'),
        field('state', 'Stock by phase (optional)', 'A stock to look up: the units in phase 1 (next to outdate), 2, …, N, separated by commas; one count per phase.')),
    ];
    this.choose(PRESETS[0].id);
  }

  /** Fill the form with preset `id` ('' keeps the values, as the user's own). */
  choose(id) {
    const preset = PRESETS.find((p) => p.id === id);
    this.preset.value = preset ? preset.id : '';
    if (preset) this.set(preset.values);
  }

  set(values) { for (const name of TEXT) this.boxes[name].value = values[name]; }

  values() { return Object.fromEntries(TEXT.map((n) => [n, this.boxes[n].value])); }

  /** The preset the form holds, else ''. Lists compare as numbers: a link writes "1,5,35" for "1, 5, 35". */
  matchingPreset() {
    const v = this.values();
    const list = (text) => readList(text).join(',');
    return PRESETS.find((p) => TEXT.every((n) => list(p.values[n]) === list(v[n])))?.id ?? '';
  }

  markOwn() { this.preset.value = this.matchingPreset(); }

  title() {
    const v = this.values();
    return `R = ${v.shelf_life.trim()} days, N = ${v.phases.trim()} phases, λ = ${v.arrival_rate.trim()} a day`;
  }

  restore(params) {
    const problems = [];
    if (![...params.keys()].length) { this.choose(PRESETS[0].id); return problems; }
    // What a link leaves out is the first example's.
    const values = { ...PRESETS[0].values };
    for (const name of TEXT) {
      const value = params.get(name);
      if (value != null) values[name] = value;
    }
    for (const name of TEXT) {
      if (params.get(name) == null) continue;
      const problem = this.check(name, values[name], values);
      if (problem) problems.push(`${LABELS[name].replace(/^./, (c) => c.toUpperCase())}: "${values[name]}" ${problem}`);
    }
    this.set(values);
    this.preset.value = this.matchingPreset();
    return problems;
  }

  /** '' when `text` reads as field `name`, else what is wrong, in words. */
  check(name, text, values = this.values()) {
    const f = this.fields[name] ?? {};
    const wholeList = (most, what) => {
      const parts = String(text).split(/[\s;,]+/).filter(Boolean);
      if (!parts.length) return `give at least one ${what}`;
      if (parts.length > most) return `give at most ${most}`;
      for (const t of parts) {
        const problem = checkNumber(t, { min: name === 'state' ? 0 : 1, type: 'integer' });
        if (problem) return `${t}: ${problem}`;
      }
      return '';
    };
    if (name === 'shelf_life' || name === 'tolerance' || name === 'arrival_rate') return checkNumber(text, f);
    if (name === 'phases') return checkNumber(text, { ...f, type: 'integer' });
    if (name === 'compare_phases') return wholeList(Math.min(MAX_CURVES, f.max_items ?? MAX_CURVES), 'number of phases');
    if (name === 'error_table') return wholeList(f.max_items ?? 60, 'number of phases');
    if (name === 'state') {
      if (String(text).trim() === '') return '';
      const n = parseNumber(values.phases);
      const problem = wholeList(f.max_items ?? Infinity, 'count');
      if (problem) return problem;
      const count = readList(text).length;
      return Number.isInteger(n) && count !== n ? `gives ${count} count${count === 1 ? '' : 's'}: give one for each of the N = ${n} phases` : '';
    }
    return '';
  }

  validate(setError) {
    const values = this.values();
    let errors = 0;
    for (const name of TEXT) {
      const message = this.check(name, values[name], values);
      setError(name, message ? message.replace(/^./, (c) => c.toUpperCase()) : '');
      if (message) errors++;
    }
    return errors;
  }

  fieldLabel(path) {
    const entry = /^(compare_phases|error_table|state)\[(\d+)\]$/.exec(path);
    if (entry && entry[1] === 'state') return `the units in phase ${Number(entry[2]) + 1}`;
    if (entry) return `entry ${Number(entry[2]) + 1} of ${LABELS[entry[1]]}`;
    return LABELS[path];
  }

  toParams(params) {
    const v = this.values();
    for (const name of ['shelf_life', 'phases', 'tolerance', 'arrival_rate']) params.set(name, v[name].trim());
    for (const name of ['compare_phases', 'error_table']) params.set(name, readList(v[name]).join(','));
    if (v.state.trim()) params.set('state', readList(v.state).join(','));
  }

  toRequest(request) {
    const v = this.values();
    for (const name of ['shelf_life', 'phases', 'tolerance', 'arrival_rate']) request[name] = parseNumber(v[name]);
    request.compare_phases = readList(v.compare_phases);
    request.error_table = readList(v.error_table);
    request.state = v.state.trim() ? readList(v.state) : null;
  }
}
