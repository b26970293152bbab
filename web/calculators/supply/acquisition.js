// Supply tab, panel "Availability": how fast blood must be acquired, relative to its use, for
// at least m units to be in stock with a target probability (Boppana and Chalasani 2007,
// sec. 4, Fig. 1-3), through the `acquisition` operation. One request per storage limit k, so
// the curves of several limits can be compared as in Fig. 3.
//
// The paper's example (m = 500, availability 0.99, k = 600 and 700) is read from
// tests/reference/acquisition.json, the file the Validation tab checks, so the page computes
// exactly what is validated. The other presets are teaching examples, not published numbers.
import { calculator } from '../../lib/calculator-shell.js';
import { h } from '../../lib/dom.js';
import { checkNumber, parseNumber } from '../../lib/numbers.js';
import referenceFiles from 'rbcmatch:reference';
import { renderAcquisition } from './acquisition-results.js';

const OP = 'acquisition';
// Curves compared in one result (Fig. 3 shows a few).
export const MAX_LIMITS = 4;

const seed = (referenceFiles.find((f) => f.calculator === 'supply' && f.cases.some((c) => c.op === OP))?.cases ?? [])
  .filter((c) => c.op === OP && c.request.model === 'mm1k');
const first = seed[0]?.request ?? { k: 600, m: 500, rho: 1.05, target: 0.99, grid_step: 0.025 };

// Each preset: the form's values as text, as a person would type them.
export const PRESETS = [
  { id: 'boppana-chalasani', title: 'Boppana and Chalasani 2007: at least 500 units, availability 0.99 (Fig. 3)',
    values: { model: 'mm1k', k: seed.length ? seed.map((c) => c.request.k).join(', ') : String(first.k), m: String(first.m),
      rho: String(first.rho), target: String(first.target), grid_step: String(first.grid_step), batch: '', excess: 'lost',
      from: '0.95', to: '1.15', step: '0.005' } },
  { id: 'small-bank', title: 'A small bank: room for 20 units, at least 5 wanted',
    values: { model: 'mm1k', k: '20', m: '5', rho: '0.9', target: '0.95', grid_step: '0.05', batch: '', excess: 'lost',
      from: '0.5', to: '2', step: '0.05' } },
  { id: 'batch-fig1', title: 'Requests of 1 to 4 units, room for 5 (the chain of Fig. 1)',
    values: { model: 'batch', k: '5', m: '2', rho: '1.2', target: '', grid_step: '0.025', batch: '0.4, 0.3, 0.2, 0.1', excess: 'lost',
      from: '0.5', to: '3', step: '0.1' } },
];

const MODELS = [['mm1k', 'Requests of one unit (the M/M/1/k queue)'], ['batch', 'Requests of several units (the general chain)']];
const EXCESS = [['lost', 'goes unmet; the stock stays (the paper’s reading)'], ['partial', 'is met in part: the stock is issued, down to 0']];
const TEXT = ['k', 'm', 'rho', 'target', 'grid_step', 'batch', 'from', 'to', 'step'];
const LABELS = {
  k: 'storage limit k', m: 'minimum stock m', rho: 'rate ρ', target: 'target availability', grid_step: 'grid step',
  batch: 'request sizes', excess: 'a request larger than the stock', model: 'requests',
  from: 'curve from', to: 'curve to', step: 'curve step', 'curve.from': 'curve from', 'curve.to': 'curve to', 'curve.step': 'curve step',
};

/** "600, 700" -> [600, 700] (NaN for a part that is no number). */
export const readList = (text) => String(text ?? '').split(/[\s;,]+/).filter(Boolean).map((t) => parseNumber(t));

export default calculator({
  id: 'acquisition',
  title: 'Availability',
  summary: 'the acquisition rate needed for a target availability of stock',
  op: OP,
  intro: 'A blood bank collects units and issues them; it can hold at most k units. How often does it have at least m units in stock, ' +
    'and how fast must it collect blood, compared with how fast blood is used, to have them 99 % of the time? ' +
    'Boppana and Chalasani (2007, sec. 4) model the stock as a Markov chain; choose an example or enter your own values and press Compute.',
  ownFields: ['model', 'k', 'm', 'rho', 'target', 'grid_step', 'batch', 'excess', 'curve', 'distribution'],
  paramNames: ['from', 'to', 'step'],
  load: async (client) => (await client.operations())[OP],
  inputs: (operation, shell) => new AcquisitionInputs(operation, shell),
  async call(client, request, options) {
    // One request per storage limit, in turn (each is quick; the curves share one chart).
    const runs = [];
    const warnings = [];
    for (const k of request.storage ?? [request.k]) {
      const answer = await client.call(OP, { ...request, k }, options);
      runs.push(answer.result);
      for (const w of answer.warnings ?? []) if (!warnings.some((x) => x.message === w.message)) warnings.push(w);
    }
    return { result: { runs }, warnings };
  },
  render: (container, result, warnings, context) => renderAcquisition(container, result, warnings, context),
});

class AcquisitionInputs {
  constructor(operation, { changed }) {
    this.fields = Object.fromEntries((operation?.fields ?? []).map((f) => [f.name, f]));
    const onEdit = () => { this.markOwn(); this.showModel(); changed(); };
    this.preset = h('select', { id: 'acquisition-preset', onchange: () => { this.choose(this.preset.value); changed(); } },
      h('option', { value: '' }, 'Your own values'), PRESETS.map((p) => h('option', { value: p.id }, p.title)));
    this.model = h('select', { id: 'acquisition-model', onchange: onEdit }, MODELS.map(([v, words]) => h('option', { value: v }, words)));
    this.excess = h('select', { id: 'acquisition-excess', onchange: onEdit }, EXCESS.map(([v, words]) => h('option', { value: v }, words)));
    this.boxes = Object.fromEntries(TEXT.map((name) => [name, h('input', { type: 'text', inputmode: name === 'batch' || name === 'k' ? 'text' : 'decimal',
      id: `acquisition-${name.replace('_', '-')}`, autocomplete: 'off', 'aria-describedby': `acquisition-${name.replace('_', '-')}-hint`, oninput: onEdit })]));
    const field = (name, label, hint, slot = name) => h('div', { class: 'field' },
      h('label', { for: `acquisition-${name.replace('_', '-')}` }, label), this.boxes[name],
      h('span', { class: 'hint', id: `acquisition-${name.replace('_', '-')}-hint` }, hint),
      h('span', { class: 'field-error', 'data-error-for': slot }));
    this.targetFields = [
      field('target', 'Target availability', 'The share of the time at least m units should be in stock, e.g. 0.99. Leave it empty for no target.'),
      field('grid_step', 'Grid step', 'The smallest rate is also rounded up to a multiple of this step; the paper’s rates lie on a grid of 0.025.'),
    ];
    this.batchFields = [
      field('batch', 'Request sizes', 'The chance that a request is for 1 unit, 2 units, …, separated by commas; they must sum to 1. Example: 0.4, 0.3, 0.2, 0.1.'),
      h('div', { class: 'field' }, h('label', { for: 'acquisition-excess' }, 'A request larger than the stock'), this.excess,
        h('span', { class: 'hint' }, 'The paper does not say; by default the request goes unmet and the stock stays.'),
        h('span', { class: 'field-error', 'data-error-for': 'excess' })),
    ];
    this.fieldsets = [
      h('fieldset', {}, h('legend', {}, 'The blood bank'),
        h('div', { class: 'field' }, h('label', { for: 'acquisition-preset' }, 'Example'), this.preset,
          h('span', { class: 'hint' }, 'Choosing an example replaces the values below.')),
        h('div', { class: 'field' }, h('label', { for: 'acquisition-model' }, 'Requests'), this.model,
          h('span', { class: 'hint' }, 'One unit at a time (Fig. 2), or 1, 2, … units with chances you give (Fig. 1).'),
          h('span', { class: 'field-error', 'data-error-for': 'model' })),
        field('k', 'Storage limit k', `The most units the bank can hold. Give up to ${MAX_LIMITS}, separated by commas, to compare them.`),
        field('m', 'Minimum stock m', 'The fewest units the bank wants in stock at any time: fewer is a shortage.'),
        field('rho', 'Rate ρ', 'Units collected per unit used: 1.05 collects 5 % more blood than is used (outdated units count as used).'),
        this.targetFields, this.batchFields),
      h('fieldset', {}, h('legend', {}, 'The curve (Fig. 3): availability against the rate'),
        field('from', 'From ρ', 'The first rate on the curve.', 'curve.from'),
        field('to', 'To ρ', 'The last rate on the curve.', 'curve.to'),
        field('step', 'Step', 'The spacing of the rates (at most 2,001 points).', 'curve.step')),
    ];
    this.choose(PRESETS[0].id);
  }

  /** Fill the form with preset `id` ('' keeps the values, as the user's own). */
  choose(id) {
    const preset = PRESETS.find((p) => p.id === id);
    this.preset.value = preset ? preset.id : '';
    if (!preset) return;
    this.set(preset.values);
  }

  set(values) {
    this.model.value = values.model;
    this.excess.value = values.excess;
    for (const name of TEXT) this.boxes[name].value = values[name];
    this.showModel();
  }

  values() {
    return { model: this.model.value, excess: this.excess.value, ...Object.fromEntries(TEXT.map((n) => [n, this.boxes[n].value])) };
  }

  /** The preset the form holds (its fields as they matter to the request), else ''. */
  matchingPreset() {
    const v = this.values();
    // Lists as numbers: a link writes "600,700" for "600, 700".
    const list = (text) => readList(text).join(',');
    const same = (p) => p.values.model === v.model && list(p.values.k) === list(v.k)
      && ['m', 'rho', 'from', 'to', 'step'].every((n) => p.values[n] === v[n].trim())
      && (v.model === 'mm1k' ? p.values.target === v.target.trim() && (!v.target.trim() || p.values.grid_step === v.grid_step.trim())
        : list(p.values.batch) === list(v.batch) && p.values.excess === v.excess);
    return PRESETS.find(same)?.id ?? '';
  }

  markOwn() { this.preset.value = this.matchingPreset(); }

  isBatch() { return this.model.value === 'batch'; }

  hasTarget() { return !this.isBatch() && this.boxes.target.value.trim() !== ''; }

  showModel() {
    const batch = this.isBatch();
    for (const el of this.batchFields) el.hidden = !batch;
    this.targetFields[0].hidden = batch;
    this.targetFields[1].hidden = !this.hasTarget();
  }

  title() {
    const v = this.values();
    return `${this.isBatch() ? 'requests of several units' : 'M/M/1/k'}, k = ${v.k.trim()}, m = ${v.m.trim()}, ρ = ${v.rho.trim()}`;
  }

  restore(params) {
    const problems = [];
    if (![...params.keys()].length) { this.choose(PRESETS[0].id); return problems; }
    // What a link leaves out is the first example's.
    const values = { ...PRESETS[0].values };
    const model = params.get('model');
    if (model != null) {
      if (MODELS.some(([v]) => v === model)) values.model = model;
      else problems.push(`Requests: "${model}" is not one of ${MODELS.map(([v]) => v).join(', ')}`);
    }
    const excess = params.get('excess');
    if (excess != null) {
      if (EXCESS.some(([v]) => v === excess)) values.excess = excess;
      else problems.push(`A request larger than the stock: "${excess}" is not one of ${EXCESS.map(([v]) => v).join(', ')}`);
    }
    for (const name of TEXT) {
      const value = params.get(name);
      if (value == null) continue;
      values[name] = value;
      const problem = this.check(name, value, values);
      if (problem) problems.push(`${LABELS[name].replace(/^./, (c) => c.toUpperCase())}: "${value}" ${problem}`);
    }
    this.set(values);
    this.preset.value = this.matchingPreset();
    return problems;
  }

  /** '' when `text` reads as field `name`, else what is wrong, in words. */
  check(name, text, values = this.values()) {
    const f = (n) => this.fields[n] ?? {};
    if (name === 'k') {
      const list = readList(text);
      if (!list.length) return 'enter a number';
      if (list.length > MAX_LIMITS) return `give at most ${MAX_LIMITS} storage limits`;
      for (const t of String(text).split(/[\s;,]+/).filter(Boolean)) {
        const problem = checkNumber(t, { ...f('k'), type: 'integer' });
        if (problem) return `${t}: ${problem}`;
      }
      if (new Set(list).size < list.length) return 'a storage limit is given twice';
      return '';
    }
    if (name === 'm') {
      const problem = checkNumber(text, { ...f('m'), type: 'integer' });
      if (problem) return problem;
      const ks = readList(values.k).filter(Number.isFinite);
      return ks.length && parseNumber(text) > Math.min(...ks) ? `must not exceed the storage limit k (${Math.min(...ks)})` : '';
    }
    if (name === 'rho') return checkNumber(text, f('rho'));
    if (name === 'target') {
      if (values.model === 'batch' || String(text).trim() === '') return '';
      const problem = checkNumber(text, { min: 0, max: 1 });
      if (problem) return problem;
      const value = parseNumber(text);
      return value > 0 && value < 1 ? '' : 'must lie strictly between 0 and 1';
    }
    if (name === 'grid_step') return values.model === 'batch' || String(values.target).trim() === '' ? '' : checkNumber(text, f('grid_step'));
    if (name === 'batch') {
      if (values.model !== 'batch') return '';
      const parts = String(text).split(/[\s;,]+/).filter(Boolean);
      if (!parts.length) return 'give the chance of a request for 1 unit, 2 units, …';
      if (parts.length > (f('batch').max_items ?? 100)) return `give at most ${f('batch').max_items ?? 100} chances`;
      for (const [i, t] of parts.entries()) {
        const problem = checkNumber(t, { min: 0, max: 1 });
        if (problem) return `the chance of ${i + 1} unit${i ? 's' : ''} (${t}) ${problem}`;
      }
      return '';
    }
    if (name === 'from' || name === 'to') return checkNumber(text, { min: 1e-6, max: 1e6 });
    if (name === 'step') {
      const problem = checkNumber(text, {});
      return problem || (parseNumber(text) > 0 ? '' : 'must be more than 0');
    }
    return '';
  }

  validate(setError) {
    const values = this.values();
    let errors = 0;
    for (const name of TEXT) {
      const slot = { from: 'curve.from', to: 'curve.to', step: 'curve.step' }[name] ?? name;
      let message = this.check(name, values[name], values);
      if (!message && name === 'to' && parseNumber(values.to) < parseNumber(values.from)) message = 'must not be below the first rate';
      setError(slot, message ? message.replace(/^./, (c) => c.toUpperCase()) : '');
      if (message) errors++;
    }
    return errors;
  }

  fieldLabel(path) {
    if (/^batch\[\d+\]$/.test(path)) return `the chance of a request for ${Number(path.slice(6, -1)) + 1} unit${path === 'batch[0]' ? '' : 's'}`;
    return LABELS[path];
  }

  toParams(params) {
    const v = this.values();
    if (v.model !== 'mm1k') params.set('model', v.model);
    params.set('k', readList(v.k).join(','));
    for (const name of ['m', 'rho']) params.set(name, v[name].trim());
    if (v.model === 'mm1k') {
      params.set('target', v.target.trim());
      if (this.hasTarget()) params.set('grid_step', v.grid_step.trim());
    } else {
      params.set('batch', readList(v.batch).join(','));
      if (v.excess !== 'lost') params.set('excess', v.excess);
    }
    for (const name of ['from', 'to', 'step']) params.set(name, v[name].trim());
  }

  toRequest(request) {
    const v = this.values();
    const storage = readList(v.k);
    request.model = v.model;
    request.k = storage[0];
    request.m = parseNumber(v.m);
    request.rho = parseNumber(v.rho);
    if (v.model === 'mm1k') {
      request.target = this.hasTarget() ? parseNumber(v.target) : null;
      if (this.hasTarget()) request.grid_step = parseNumber(v.grid_step);
    } else {
      request.target = null;
      request.batch = readList(v.batch);
      request.excess = v.excess;
    }
    request.curve = { from: parseNumber(v.from), to: parseNumber(v.to), step: parseNumber(v.step) };
    request.distribution = true;
    // The other storage limits: one request each (not part of the API's request, so not
    // enumerable: the appendix shows the first limit's request as the module gets it).
    Object.defineProperty(request, 'storage', { value: storage, enumerable: false });
  }
}
