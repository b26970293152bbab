// Antigen order calculator: which minor antigens to match first, and so which to drop first
// when no fully matched unit is in stock (thesis ch. 7). The `antigen_order` operation runs
// the dynamic programme over every matching strategy (eq. 7.2-7.3) on the likelihood of
// finding k matched units among n (inventory models 1-3, appendix 7.5.2).
//
// Its own inputs: the antigens with their roles and antibody shares, the populations (the
// Frequencies tab's two-population mixture), n, k, the model (and model 3's draws,
// replications and seed), robustness, the strategy to look at and the scenario grid. The
// cut-off, the strategies' order and paging are the shell's options (from `describe`).
import { calculator } from '../../lib/calculator-shell.js';
import { h } from '../../lib/dom.js';
import { checkNumber, parseNumber } from '../../lib/numbers.js';
import { PopulationInputs } from '../frequencies/populations.js';
import { AntigenTable, readStrategy } from './antigens.js';
import { renderAntigenOrder } from './results.js';
import { joinAnswers, runEach, splitRequest, thesisGrid } from './scenarios.js';
import { MODEL_WORDS } from './words.js';

const SYSTEMS = ['abo', 'rh', 'kell', 'duffy', 'kidd', 'mns'];
const OP = 'antigen_order';
// Inputs of the tab in the link besides the request's own fields.
const PARAMS = ['always', 'shares', 'grid', 'robustness'];

export default calculator({
  id: 'antigen-order',
  title: 'Antigen order',
  summary: 'which antigens to match first, and to drop first when matched blood is short (thesis ch. 7)',
  op: OP,
  intro: 'When a patient cannot get units matched for every antigen, which antigens should be given up first? ' +
    'For every set of minor antigens one could match on (a matching strategy), the calculator finds the largest share of ' +
    'alloimmunisation it prevents, given how likely k units matched on them are in a stock of n, and from that the order ' +
    'in which to add antigens, read backwards the order in which to drop them (thesis ch. 7, dynamic programming).',
  ownFields: ['always_matched', 'antigens', 'antibody_shares', 'systems', 'populations', 'donors', 'recipients',
    'n', 'k', 'model', 'draws', 'replications', 'seed', 'strategy', 'grid', 'robustness'],
  paramNames: [...PARAMS, ...PopulationInputs.paramNames(SYSTEMS.map((id) => ({ id })))],
  optionWords: {
    cutoff: { label: 'Cut-off of the order', hint: () => ['The order stops at the first antigen that adds less than this to the share ',
      'prevented (0.001 reproduces the thesis’s Table 7.5); the others are listed after it.'] },
    order: { label: 'Order of the strategies', choices: { best_first: 'best first', colex: 'the thesis’s order (colexicographic)' } },
    offset: { label: 'First strategy listed', hint: () => ['How many strategies to skip (the Next and Previous buttons set it). ',
      'It pages the recipient groups of the strategy in detail too.'] },
    limit: { label: 'Strategies per page', hint: () => ['How many strategies are listed (and recipient groups of the strategy in detail).'] },
  },
  load: async (client) => {
    const [{ result: catalogue }, operations] = await Promise.all([client.call('systems'), client.operations()]);
    const fields = operations[OP]?.fields ?? [];
    return {
      catalogue,
      fields,
      sumTolerance: operations.stationary.fields.find((f) => f.name === 'sum_tolerance').default,
      defaults: shareDefaults(fields),
    };
  },
  inputs: (data, shell) => (current = new AntigenOrderInputs(data, shell)),
  // With model 3's scenario grid, one request per scenario (on the page's workers).
  call: async (client, request, options) => joinAnswers(await runEach(client, OP, splitRequest(request), options)),
  render: (container, result, warnings, context) => renderAntigenOrder(container, result, warnings, {
    ...context,
    pick: (antigens) => { current.pickStrategy(antigens); return context.computeWith({}); },
    showGrid: () => { current.setGrid(true); return context.computeWith({}); },
  }),
});

let current = null; // the inputs on screen, for the results' buttons (pick a strategy, the grid)

/**
 * The default antigens, Table 7.1's shares with their source and the most antigens to order,
 * as `describe` declares them (the defaults of always_matched, antigens and antibody_shares;
 * max_items of antigens): one declaration, in the module.
 */
function shareDefaults(fields) {
  const field = (name) => fields.find((f) => f.name === name) ?? {};
  return {
    always: field('always_matched').default ?? [],
    minor: field('antigens').default ?? [],
    shares: field('antibody_shares').default ?? {},
    source: field('antibody_shares').source ?? '',
    maxMinor: field('antigens').max_items,
  };
}

class AntigenOrderInputs {
  constructor({ catalogue, fields, sumTolerance, defaults }, { changed }) {
    this.field = (name) => fields.find((f) => f.name === name) ?? {};
    this.systems = SYSTEMS.map((id) => catalogue.systems.find((s) => s.id === id)).filter(Boolean);
    this.known = this.systems.flatMap((s) => s.antigens);
    this.table = new AntigenTable(this.known, defaults, changed);
    this.populations = new PopulationInputs(this.systems, catalogue.populations, changed, sumTolerance, {
      hint: 'The donors fill the stock; the patients (recipients) ask for units and form the antibodies. Each can be a mix of two ' +
        'populations: for a patient population with more African ancestry than the donors, say, choose population 2 for the patients.',
    });
    const number = (name, label, hint) => {
      const f = this.field(name);
      const input = h('input', { type: 'text', inputmode: 'numeric', id: `ao-${name}`, autocomplete: 'off', size: 7,
        'aria-describedby': `ao-${name}-hint`, oninput: () => changed() });
      const limits = [f.min != null && `${f.min}`, f.max != null && `${f.max.toLocaleString('en')}`].filter(Boolean).join(' to ');
      return [input, h('div', { class: 'field' }, h('label', { for: input.id }, label), input,
        h('span', { class: 'hint', id: `ao-${name}-hint` }, hint, limits ? ` (${limits}; default ${f.default})` : ''),
        h('span', { class: 'field-error', 'data-error-for': name }))];
    };
    let nField, kField, drawsField, replicationsField, seedField;
    [this.n, nField] = number('n', 'Units in stock n', 'The inventory size. The thesis: 60, 120, 250 and 1000.');
    [this.k, kField] = number('k', 'Units requested k', 'Units one patient needs at once, at most n. The thesis: 1, 2, 3, 5 and 10.');
    [this.draws, drawsField] = number('draws', 'Patients simulated', 'Per replication and strategy (the thesis: 10 000). More: less noise, longer.');
    [this.replications, replicationsField] = number('replications', 'Replications', 'Independent runs; their spread gives each ± (standard error).');
    [this.seed, seedField] = number('seed', 'Seed', 'The same seed gives the same numbers.');
    this.model = h('select', { id: 'ao-model', 'aria-describedby': 'ao-model-hint', onchange: () => { this.showModel(); changed(); } },
      [1, 2, 3].map((m) => h('option', { value: String(m) }, `${m}: ${MODEL_WORDS[m]}`)));
    this.simulation = h('div', { class: 'ao-simulation' }, drawsField, replicationsField, seedField);
    this.robustness = h('input', { type: 'checkbox', id: 'ao-robustness', onchange: () => changed() });
    this.grid = h('input', { type: 'checkbox', id: 'ao-grid', onchange: () => changed() });
    this.strategy = h('input', { type: 'text', id: 'ao-strategy', autocomplete: 'off', spellcheck: false, placeholder: 'e.g. E K Jka c',
      'aria-describedby': 'ao-strategy-hint', oninput: () => changed() });
    this.fieldsets = [
      this.table.fieldset,
      this.populations.fieldset,
      h('fieldset', {}, h('legend', {}, 'Stock and request'),
        nField, kField,
        h('div', { class: 'field' }, h('label', { for: 'ao-model' }, 'Inventory model'), this.model,
          h('span', { class: 'hint', id: 'ao-model-hint' },
            '1: the stock mirrors the donors and never changes; a patient may get any unit lacking the antigens they lack. ',
            '2: the same stock, but only units identical on the matched antigens. 3: units are issued and replaced by new donations, ',
            'so the stock drifts; simulated, so its numbers carry noise (thesis Table 7.2, Algorithm 1).'),
          h('span', { class: 'field-error', 'data-error-for': 'model' })),
        this.simulation),
      h('fieldset', {}, h('legend', {}, 'What to show'),
        h('div', { class: 'field' }, h('label', { for: 'ao-strategy' }, 'A strategy in detail'), this.strategy,
          h('span', { class: 'hint', id: 'ao-strategy-hint' }, 'Optional: minor antigens to match (besides the always-matched ones), ',
            'e.g. “E K Jka c” or “Fy(a+) K+” (“none”: the always-matched antigens only); or press Details beside a strategy in the results. Shows, per patient group, the chance of finding k matched units.'),
          h('span', { class: 'field-error', 'data-error-for': 'strategy' })),
        h('div', { class: 'field ao-check' }, this.robustness,
          h('label', { for: 'ao-robustness' }, 'Robustness: the order with each antibody share halved and raised by half')),
        h('div', { class: 'field ao-check' }, this.grid,
          h('label', { for: 'ao-grid' }, 'Scenario grid: the order for n 60, 120, 250, 1000 × k 1, 2, 3, 5, 10 with this model (20 scenarios)'))),
    ];
  }

  showModel() { this.simulation.hidden = this.model.value !== '3'; }

  pickStrategy(antigens) { this.strategy.value = antigens.length ? antigens.join(' ') : 'none'; }

  setGrid(on) { this.grid.checked = on; }

  title() { return `Antigen order, model ${this.model.value}, n = ${this.n.value.trim()}, k = ${this.k.value.trim()}`; }

  strategyNames() { return readStrategy(this.strategy.value, this.table.minor(), this.table.always()); }

  numberError(input, name) {
    return checkNumber(input.value, { ...this.field(name), type: 'integer' });
  }

  validate(setError) {
    let errors = this.table.validate(setError) + this.populations.validate(setError);
    const checks = [['n', this.numberError(this.n, 'n')], ['k', this.numberError(this.k, 'k')]];
    if (!checks[0][1] && !checks[1][1] && parseNumber(this.k.value) > parseNumber(this.n.value)) {
      checks[1][1] = `k = ${parseNumber(this.k.value)} units cannot come from a stock of n = ${parseNumber(this.n.value)}`;
    }
    for (const name of ['draws', 'replications', 'seed']) {
      checks.push([name, this.model.value === '3' ? this.numberError(this[name], name) : '']);
    }
    checks.push(['strategy', this.strategyNames().error ?? '']);
    checks.push(['model', '']);
    for (const [path, message] of checks) {
      setError(path, message);
      if (message) errors++;
    }
    return errors;
  }

  fieldLabel(path) {
    const own = this.populations.ownTableLabel(path);
    if (own) return own;
    const words = { n: 'the units in stock n', k: 'the units requested k', model: 'the inventory model', draws: 'the patients simulated',
      replications: 'the replications', seed: 'the seed', strategy: 'the strategy in detail', grid: 'the scenario grid' };
    if (words[path]) return words[path];
    return this.table.fieldLabel(path) ?? PopulationInputs.fieldLabel(path);
  }

  errorField(path) { return this.populations.ownTablePath(path); }

  toRequest(request) {
    this.table.toRequest(request);
    this.populations.toRequest(request);
    request.n = parseNumber(this.n.value);
    request.k = parseNumber(this.k.value);
    request.model = Number(this.model.value);
    if (request.model === 3) for (const name of ['draws', 'replications', 'seed']) request[name] = parseNumber(this[name].value);
    const { names } = this.strategyNames();
    if (names) request.strategy = names;
    request.robustness = this.robustness.checked;
    if (this.grid.checked) request.grid = thesisGrid(request.model);
  }

  toParams(params) {
    this.table.toParams(params);
    this.populations.toParams(params);
    params.set('n', this.n.value.trim());
    params.set('k', this.k.value.trim());
    params.set('model', this.model.value);
    if (this.model.value === '3') for (const name of ['draws', 'replications', 'seed']) params.set(name, this[name].value.trim());
    const { names } = this.strategyNames();
    if (names) params.set('strategy', names.length ? names.join(',') : 'none');
    if (!this.robustness.checked) params.set('robustness', '0');
    if (this.grid.checked) params.set('grid', '1');
  }

  restore(params) {
    const problems = [...this.table.restore(params), ...this.populations.restore(params)];
    for (const name of ['n', 'k', 'draws', 'replications', 'seed']) {
      const f = this.field(name);
      const value = params.get(name);
      this[name].value = value ?? String(f.default ?? '');
      const error = value != null && this.numberError(this[name], name);
      if (error) problems.push(`${this.fieldLabel(name).replace(/^the /, '').replace(/^./, (c) => c.toUpperCase())}: “${value}” ${error}`);
    }
    const model = params.get('model') ?? String(this.field('model').default ?? 2);
    if (['1', '2', '3'].includes(model)) this.model.value = model;
    else { this.model.value = String(this.field('model').default ?? 2); problems.push(`Inventory model: “${model}” is not 1, 2 or 3`); }
    this.showModel();
    const flag = (key, fallback, label) => {
      const value = params.get(key);
      if (value == null) return fallback;
      if (value === '1' || value === '0') return value === '1';
      problems.push(`${label}: “${value}” is neither on (1) nor off (0)`);
      return fallback;
    };
    this.robustness.checked = flag('robustness', true, 'Robustness');
    this.grid.checked = flag('grid', false, 'Scenario grid');
    const strategy = params.get('strategy');
    this.strategy.value = strategy == null ? '' : strategy.split(',').join(' ');
    const { error } = this.strategyNames();
    if (error) problems.push(`Strategy in detail: ${error}`);
    return problems;
  }
}

