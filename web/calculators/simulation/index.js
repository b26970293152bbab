// Simulation calculator: what an issuing policy does over months of days (seed 004 sec. 4,
// Fig. 1; thesis sec. 6.4-6.5). The `simulate_issuing` operation runs the days; this tab sets
// its main parameters, spreads the replications over the page's workers (one request per
// range of replications, then `merge_issuing`, which by design gives the single run's answer)
// and shows the outcomes.
//
// The presets (seed004_small, seed004, thesis) live in the module only: the tab asks the
// module for each preset's scenario (a one-day run echoes every field of it; a run with no
// stock and no demand echoes its days), so no value of a preset is written here.
import { calculator } from '../../lib/calculator-shell.js';
import { h } from '../../lib/dom.js';
import { checkNumber, parseNumber } from '../../lib/numbers.js';
import { poolSize } from '../../lib/worker-pool.js';
import { renderSimulation } from './results.js';
import { COSTS, RULES, demandWords, forecastError, forecastWords, policyParam, rangeRequests, readPolicyParam, readRuleChoice, ruleChoice, ruleChoiceWords,
  ruleChoices, splitRanges } from './words.js';

const OP = 'simulate_issuing';
const MAX_POLICIES = 4;
const NUMBERS = ['days', 'warm_up_days', 'replications', 'seed', 'shelf_life'];
// Inputs in the link besides the request's own field names.
const PARAMS = ['mean', 'dispersion', 'level', 'stock', 'max_age', 'policy'];

const PRESET_WORDS = {
  seed004_small: 'Oyebolu et al. 2024 at 1/33 of the size (seconds)',
  seed004: 'Oyebolu et al. 2024 as published (minutes per replication)',
  thesis: 'Thesis ch. 6: one week of stock, a year, γ = 0, 1 and ½',
};
const SUPPLY_WORDS = {
  fixed: 'the same number every day',
  poisson: 'a random number (Poisson) around the mean',
  negative_binomial: 'a random number more spread than Poisson (negative binomial)',
  order_up_to: 'order up to a stock level every day',
};
const COST_WORDS = { linear: 'linear', exponential: 'exponential (thesis eq. 6.10)' };

// A preset's scenario, from the module: one day of it (every field but its days), and a run
// of it with no stock and no demand (its days, at almost no cost). Kept for the page's life.
let presetCache = null;
function loadPresets(client, ids) {
  presetCache ??= (async () => {
    const empty = { supply: { rule: 'fixed', mean: 0 }, initial_stock: { units: 0, max_age: 0 },
      demand: [{ id: 'none', group: 'other', requests: { law: 'fixed', mean: 0 }, units: 1 }],
      policies: [{ label: 'none', method: 'allocate', gamma: 0 }] };
    const requests = ids.flatMap((preset) => [
      { preset, days: 1, warm_up_days: 0, replications: 1, trace_replication: -1 },
      { preset, ...empty, replications: 1, trace_replication: -1 }]);
    const answers = typeof client.callEach === 'function'
      ? await client.callEach(OP, requests)
      : await Promise.all(requests.map((r) => client.call(OP, r)));
    return Object.fromEntries(ids.map((id, k) => {
      const { days, warm_up_days } = answers[2 * k + 1].result.scenario;
      return [id, { ...answers[2 * k].result.scenario, days, warm_up_days }];
    }));
  })().catch((e) => { presetCache = null; throw e; });
  return presetCache;
}

export default calculator({
  id: 'simulation',
  title: 'Simulation',
  summary: 'issuing policies over months of days: shortages, outdated units and alloimmunisations',
  op: OP,
  intro: 'Run a blood bank for months of simulated days: donations arrive, patients ask for units, units age and outdate, ' +
    'and each day the units are issued by the policies you compare, on exactly the same donations and requests. The ' +
    'result says how many units each policy left short and let outdate, how well it matched, and how many ' +
    'alloimmunisations it may cause (Oyebolu et al. 2024, sec. 4; thesis sec. 6.4–6.5).',
  computeLabel: 'Simulate',
  ownFields: ['preset', 'antigens', 'shelf_life', 'warm_up_days', 'days', 'seed', 'first_replication', 'replications',
    'trace_replication', 'supply', 'initial_stock', 'donors', 'recipients', 'demand', 'patient_groups', 'immunogenicity', 'policies'],
  paramNames: PARAMS,
  listParams: ['policy'],
  load: async (client) => {
    const operations = await client.operations();
    const fields = operations[OP]?.fields ?? [];
    const presetIds = fields.find((f) => f.name === 'preset')?.choices ?? [];
    return { fields, presetIds, presets: await loadPresets(client, presetIds) };
  },
  inputs: (data, shell) => new SimulationInputs(data, shell),
  call: runPooled,
  render: renderSimulation,
});

/**
 * The request on the page's workers: one simulate_issuing request per range of replications
 * (twice as many ranges as workers, so a slow range holds up little; at least two when there
 * are two replications, so the merge always runs), then merge_issuing on their results: the
 * answer of the single request, bit for bit (docs/methods/issuing-simulation.md).
 */
export async function runPooled(client, request, { signal, onProgress } = {}) {
  const workers = poolSize(request.replications, { cores: globalThis.navigator?.hardwareConcurrency });
  const ranges = splitRanges(request.replications, 2 * workers, request.first_replication ?? 0);
  if (ranges.length === 1 || typeof client.callEach !== 'function') return client.call(OP, request, { signal, onProgress });
  const stage = `${request.replications} replications in ${ranges.length} parts on ${workers} worker${workers === 1 ? '' : 's'}`;
  const answers = await client.callEach(OP, rangeRequests(request, ranges), {
    signal, onProgress: (p) => onProgress?.({ fraction: 0.99 * p.fraction, stage: p.stage ? `${stage}; ${p.stage}` : stage }),
  });
  const merged = await client.call('merge_issuing', { results: answers.map((a) => a.result) }, { signal });
  return { result: merged.result, warnings: answers[0].warnings };
}

class SimulationInputs {
  constructor({ fields, presetIds, presets }, { changed }) {
    this.field = (name) => fields.find((f) => f.name === name) ?? {};
    this.presets = presets;
    this.presetIds = presetIds;
    // The look-ahead a policy gets when rule E1 is chosen for it: a preset's (seed 004's E1),
    // from the module. No preset with one: E1 is offered only to a policy that has its own.
    this.aheadDefault = Object.values(presets).flatMap((s) => s.policies ?? []).find((p) => p.forecast)?.forecast ?? null;
    this.changed = changed;
    const id = (name) => `sim-${name}`;
    const hintId = (name) => `sim-${name}-hint`;
    const box = (name, width = 7) => h('input', { type: 'text', inputmode: 'numeric', id: id(name), autocomplete: 'off', size: width,
      'aria-describedby': hintId(name), oninput: () => changed() });
    const field = (name, label, input, hint, slot = name) => h('div', { class: 'field' }, h('label', { for: input.id }, label), input,
      h('span', { class: 'hint', id: hintId(input.id.slice(4)) }, hint), h('span', { class: 'field-error', 'data-error-for': slot }));
    const limits = (name) => {
      const f = this.field(name);
      return f.min != null && f.max != null ? ` (${f.min} to ${f.max.toLocaleString('en').replace(/,/g, '\u202f')})` : '';
    };

    this.preset = h('select', { id: id('preset'), 'aria-describedby': hintId('preset'), onchange: () => { this.fill(this.presets[this.preset.value]); changed(); } },
      presetIds.map((p) => h('option', { value: p }, PRESET_WORDS[p] ?? p)));
    this.demand = h('ul', { class: 'hint sim-demand', id: 'sim-demand' });
    for (const name of NUMBERS) this[name] = box(name, name === 'seed' ? 12 : 7);
    this.supplyRule = h('select', { id: id('supply-rule'), 'aria-describedby': hintId('supply-rule'), onchange: () => { this.showSupply(); changed(); } },
      ['fixed', 'poisson', 'negative_binomial', 'order_up_to'].map((r) => h('option', { value: r }, SUPPLY_WORDS[r])));
    this.mean = box('supply-mean');
    this.dispersion = box('supply-dispersion');
    this.level = box('supply-level');
    this.stock = box('stock-units');
    this.maxAge = box('stock-max_age');
    this.meanField = field('supply-mean', 'Units donated a day (mean)', this.mean, 'The average number of new units each day.', 'supply.mean');
    this.dispersionField = field('supply-dispersion', 'Spread (dispersion r)', this.dispersion,
      'Smaller r: more day-to-day variation (variance = mean + mean² / r).', 'supply.dispersion');
    this.levelField = field('supply-level', 'Stock level to order up to', this.level,
      'Each morning, after outdated units are removed, new units bring the stock back up to this many.', 'supply.level');
    this.policyRows = h('tbody', {});
    this.policies = [];
    this.addButton = h('button', { type: 'button', class: 'secondary', id: 'sim-add-policy', onclick: () => { this.addPolicy(); changed(); } }, 'Add a policy');

    this.fieldsets = [
      h('fieldset', {}, h('legend', {}, 'Scenario'),
        field('preset', 'Start from', this.preset, 'Everything not on this form (blood groups typed, donor and patient populations, ' +
          'patient groups, demand) comes from this scenario; choosing one fills the form with its values.'),
        h('div', { class: 'field' }, h('span', { class: 'label-like', id: 'sim-demand-label' }, 'Demand (from the scenario)'), this.demand,
          h('span', { class: 'field-error', 'data-error-for': 'demand' }))),
      h('fieldset', {}, h('legend', {}, 'Policies to compare'),
        h('p', { class: 'hint' }, 'Each policy issues the units every day, on the same donations and requests as the others (common random numbers), ',
          'so their differences are not luck. Matching (Oyebolu et al. 2024) weighs mismatches per antigen; allocation (thesis ch. 6) weighs, with γ, ',
          'the patients a unit could serve (γ = 1) against its age (γ = 0: oldest first).'),
        h('div', {}, h('table', { class: 'result-table sim-policies', id: 'sim-policy-table' },
          h('thead', {}, h('tr', {}, ['Label', 'Method', 'Rule or γ', 'Cost', ''].map((t) => h('th', { scope: 'col' }, t)))),
          this.policyRows)),
        h('span', { class: 'field-error', 'data-error-for': 'policies' }),
        this.addButton),
      h('fieldset', {}, h('legend', {}, 'Stock'),
        h('div', { class: 'field' }, h('label', { for: this.supplyRule.id }, 'Donations'), this.supplyRule,
          h('span', { class: 'hint', id: hintId('supply-rule') }, 'How many new units arrive each day.'),
          h('span', { class: 'field-error', 'data-error-for': 'supply.rule' })),
        this.meanField, this.dispersionField, this.levelField,
        field('stock-units', 'Units in stock on day 1', this.stock, 'Drawn from the donors before the first day.', 'initial_stock.units'),
        field('stock-max_age', 'Oldest of them (days)', this.maxAge, 'Their ages are spread evenly from 0 to this many days.', 'initial_stock.max_age'),
        field('shelf_life', 'Shelf life (days)', this.shelf_life, `A unit can be issued until this age; then it is outdated${limits('shelf_life')}.`)),
      h('fieldset', {}, h('legend', {}, 'Run'),
        field('warm_up_days', 'Warm-up days', this.warm_up_days, `Simulated first and not counted, so the stock settles${limits('warm_up_days')}.`),
        field('days', 'Measured days', this.days, `The days the results are counted over${limits('days')}.`),
        field('replications', 'Replications', this.replications,
          `Independent runs of the same scenario; their spread gives the 95 % intervals. At least 2 for an interval${limits('replications')}.`),
        field('seed', 'Seed', this.seed, 'The same seed gives the same numbers, here and in the command-line tool.')),
    ];
  }

  /** The form from a preset's scenario (or what a link gives on top of it). */
  fill(s) {
    // A scenario holds no replications (they are the run's, not the scenario's): the module's default.
    for (const name of NUMBERS) this[name].value = String(s[name] ?? this.field(name).default ?? '');
    const supply = s.supply ?? {};
    this.supplyRule.value = supply.rule ?? 'poisson';
    this.mean.value = supply.mean != null ? String(supply.mean) : '';
    this.dispersion.value = supply.dispersion != null ? String(supply.dispersion) : '';
    this.level.value = supply.level != null ? String(supply.level) : '';
    this.stock.value = String(s.initial_stock?.units ?? 0);
    this.maxAge.value = String(s.initial_stock?.max_age ?? 0);
    this.setPolicies(s.policies ?? []);
    this.demand.replaceChildren(...(s.demand ?? []).map((d) => h('li', {}, demandWords(d))));
    this.showSupply();
  }

  showSupply() {
    const rule = this.supplyRule.value;
    this.meanField.hidden = rule === 'order_up_to';
    this.dispersionField.hidden = rule !== 'negative_binomial';
    this.levelField.hidden = rule !== 'order_up_to';
  }

  setPolicies(list) {
    this.policies = [];
    this.policyRows.replaceChildren();
    for (const p of list.slice(0, MAX_POLICIES)) this.addPolicy(p);
  }

  addPolicy(p = { label: `P${this.policies.length + 1}`, method: 'match', rule: 'extended' }) {
    if (this.policies.length >= MAX_POLICIES) return;
    const k = this.policies.length;
    const row = { tr: null };
    const errorSlot = (name) => h('span', { class: 'field-error', 'data-error-for': `policies[${k}].${name}` });
    row.label = h('input', { type: 'text', id: `sim-policy-${k}-label`, size: 10, placeholder: 'label', value: p.label ?? '', 'aria-label': `Policy ${k + 1}: label`, oninput: () => this.changed() });
    row.method = h('select', { id: `sim-policy-${k}-method`, 'aria-label': `Policy ${k + 1}: method`, onchange: () => { this.showMethod(row); this.changed(); } },
      h('option', { value: 'match' }, 'matching'), h('option', { value: 'allocate' }, 'allocation'));
    row.method.value = p.method === 'allocate' ? 'allocate' : 'match';
    // Rule E1's look-ahead (a preset's or a link's) is kept with its policy, chosen in the rule
    // menu as E1 and said in words: dropping it would run E1 as E0 under E1's label. It stays
    // with the row when the menu moves away, so moving back restores it.
    row.forecast = p.method !== 'allocate' && p.forecast ? p.forecast : null;
    const matching = p.method === 'allocate' ? {} : p;
    row.rule = h('select', { id: `sim-policy-${k}-rule`, 'aria-label': `Policy ${k + 1}: matching rule`, 'aria-describedby': `sim-policy-${k}-forecast` },
      ruleChoices(matching, (row.forecast ?? this.aheadDefault) != null).map((c) => h('option', { value: c }, ruleChoiceWords(c))));
    row.rule.value = RULES.includes(matching.rule) ? ruleChoice(matching) : 'extended';
    row.rule.addEventListener('change', () => { this.showMethod(row); this.changed(); });
    row.forecastNote = h('span', { class: 'hint', id: `sim-policy-${k}-forecast` });
    row.gamma = h('input', { type: 'text', inputmode: 'decimal', id: `sim-policy-${k}-gamma`, size: 5, value: p.gamma != null ? String(p.gamma) : '0',
      'aria-label': `Policy ${k + 1}: γ (0 oldest first, 1 fewest patients turned away)`, oninput: () => this.changed() });
    row.cost = h('select', { id: `sim-policy-${k}-cost`, 'aria-label': `Policy ${k + 1}: cost function` }, COSTS.map((c) => h('option', { value: c }, COST_WORDS[c])));
    row.cost.value = COSTS.includes(p.cost) ? p.cost : 'linear';
    row.cost.addEventListener('change', () => this.changed());
    row.remove = h('button', { type: 'button', class: 'secondary', 'aria-label': `Remove policy ${k + 1}`,
      onclick: () => { const rest = this.readPolicies().filter((_, i) => i !== k); this.setPolicies(rest); this.changed(); } }, 'Remove');
    row.tr = h('tr', {},
      h('td', {}, row.label, errorSlot('label'), h('span', { class: 'field-error', 'data-error-for': `policies[${k}]` })),
      h('td', {}, row.method, errorSlot('method')),
      h('td', {}, row.rule, row.gamma, row.forecastNote, errorSlot('rule'), errorSlot('gamma'), errorSlot('forecast')),
      h('td', {}, row.cost, errorSlot('cost')),
      h('td', {}, row.remove));
    this.policies.push(row);
    this.policyRows.append(row.tr);
    this.showMethod(row);
    this.addButton.hidden = this.policies.length >= MAX_POLICIES;
  }

  showMethod(row) {
    const allocate = row.method.value === 'allocate';
    const { ahead } = readRuleChoice(row.rule.value);
    if (ahead) row.forecast ??= this.aheadDefault;
    row.rule.hidden = allocate;
    row.forecastNote.textContent = ahead && row.forecast ? forecastWords(row.forecast) : '';
    row.forecastNote.hidden = allocate || !ahead;
    row.gamma.hidden = !allocate;
    row.cost.hidden = !allocate;
  }

  readPolicies() {
    return this.policies.map((row) => {
      if (row.method.value === 'allocate') return { label: row.label.value.trim(), method: 'allocate', gamma: parseNumber(row.gamma.value), cost: row.cost.value };
      const { rule, ahead } = readRuleChoice(row.rule.value);
      return { label: row.label.value.trim(), method: 'match', rule, ...(ahead && row.forecast ? { forecast: row.forecast } : {}) };
    });
  }

  title() {
    return `Simulation: ${PRESET_WORDS[this.preset.value] ?? this.preset.value}, ${this.days.value.trim()} days, ${this.replications.value.trim()} replications`;
  }

  integerError(input, name) { return checkNumber(input.value, { ...this.field(name), type: 'integer' }); }

  validate(setError) {
    const checks = NUMBERS.map((name) => [name, name === 'seed' ? checkNumber(this.seed.value, { min: 0, max: this.field('seed').max, type: 'integer' })
      : this.integerError(this[name], name)]);
    const rule = this.supplyRule.value;
    checks.push(['supply.mean', rule === 'order_up_to' ? '' : checkNumber(this.mean.value, { min: 0 })]);
    checks.push(['supply.dispersion', rule === 'negative_binomial' ? checkNumber(this.dispersion.value, { min: 0 }) || (parseNumber(this.dispersion.value) > 0 ? '' : 'must be above 0') : '']);
    checks.push(['supply.level', rule === 'order_up_to' ? checkNumber(this.level.value, { min: 0, type: 'integer' }) : '']);
    checks.push(['initial_stock.units', checkNumber(this.stock.value, { min: 0, type: 'integer' })]);
    checks.push(['initial_stock.max_age', checkNumber(this.maxAge.value, { min: 0, type: 'integer' })]);
    checks.push(['policies', this.policies.length ? '' : 'Give at least one policy']);
    const labels = new Set();
    this.policies.forEach((row, k) => {
      const label = row.label.value.trim();
      checks.push([`policies[${k}].label`, !label ? 'Give the policy a label' : labels.has(label) ? `“${label}” is the label of another policy` : '']);
      labels.add(label);
      checks.push([`policies[${k}].gamma`, row.method.value === 'allocate' ? checkNumber(row.gamma.value, { min: 0, max: 1 }) : '']);
      // A link's look-ahead is checked here, before anything is computed, as a typed value is.
      const ahead = row.method.value !== 'allocate' && readRuleChoice(row.rule.value).ahead && row.forecast;
      checks.push([`policies[${k}].forecast`, ahead ? forecastError(row.forecast, parseNumber(this.shelf_life.value)) : '']);
    });
    let errors = 0;
    for (const [path, message] of checks) {
      setError(path, message);
      if (message) errors++;
    }
    return errors;
  }

  fieldLabel(path) {
    const words = { days: 'the measured days', warm_up_days: 'the warm-up days', replications: 'the replications', seed: 'the seed',
      shelf_life: 'the shelf life', first_replication: 'the replications', 'supply.mean': 'the units donated a day',
      'supply.dispersion': 'the spread', 'supply.level': 'the stock level to order up to', 'supply.rule': 'the donations',
      'initial_stock.units': 'the units in stock on day 1', 'initial_stock.max_age': 'the oldest initial unit', policies: 'the policies',
      initial_max_age: 'the oldest initial unit', initial_stock: 'the units in stock on day 1', supply: 'the donations', demand: 'the demand' };
    if (words[path]) return words[path];
    const m = /^policies\[(\d+)\](?:\.(\w+))?/.exec(path);
    if (m) return `policy ${Number(m[1]) + 1}${m[2] ? ` (${{ gamma: 'γ', rule: 'rule', label: 'label', cost: 'cost' }[m[2]] ?? m[2].replaceAll('_', ' ')})` : ''}`;
    return undefined;
  }

  /** Where a module's error is shown, when its path has no slot of its own. */
  errorField(path) {
    const map = { initial_max_age: 'initial_stock.max_age', initial_stock: 'initial_stock.units', supply: 'supply.mean',
      first_replication: 'replications', trace_replication: 'replications', 'supply.weekday': 'supply.rule' };
    if (map[path]) return map[path];
    if (/^policies\[\d+\]\.(label|method|rule|gamma|cost)$/.test(path)) return path;
    const policy = /^(policies\[\d+\])/.exec(path);
    if (policy) return policy[1];
    if (/^demand/.test(path)) return 'demand';
    return undefined;
  }

  toRequest(request) {
    request.preset = this.preset.value;
    for (const name of NUMBERS) request[name] = parseNumber(this[name].value);
    const rule = this.supplyRule.value;
    const weekday = this.presets[this.preset.value]?.supply?.weekday;
    request.supply = rule === 'order_up_to' ? { rule, level: parseNumber(this.level.value) }
      : { rule, mean: parseNumber(this.mean.value), ...(rule === 'negative_binomial' ? { dispersion: parseNumber(this.dispersion.value) } : {}) };
    if (weekday) request.supply.weekday = weekday;
    request.initial_stock = { units: parseNumber(this.stock.value), max_age: parseNumber(this.maxAge.value) };
    request.policies = this.readPolicies();
  }

  toParams(params) {
    params.set('preset', this.preset.value);
    for (const name of NUMBERS) params.set(name, this[name].value.trim());
    const rule = this.supplyRule.value;
    params.set('supply', rule);
    if (rule === 'order_up_to') params.set('level', this.level.value.trim());
    else params.set('mean', this.mean.value.trim());
    if (rule === 'negative_binomial') params.set('dispersion', this.dispersion.value.trim());
    params.set('stock', this.stock.value.trim());
    params.set('max_age', this.maxAge.value.trim());
    for (const p of this.readPolicies()) params.append('policy', policyParam(p));
  }

  restore(params) {
    const problems = [];
    let preset = params.get('preset') ?? this.field('preset').default ?? this.presetIds[0];
    if (!this.presets[preset]) {
      problems.push(`Start from: “${preset}” is not a scenario (${this.presetIds.join(', ')})`);
      preset = this.field('preset').default ?? this.presetIds[0];
    }
    this.preset.value = preset;
    this.fill(this.presets[preset]);
    const say = (label, value, error) => problems.push(`${label}: “${value}” ${error}`);
    const labels = { days: 'Measured days', warm_up_days: 'Warm-up days', replications: 'Replications', seed: 'Seed', shelf_life: 'Shelf life' };
    for (const name of NUMBERS) {
      const value = params.get(name);
      if (value == null) continue;
      this[name].value = value;
      const error = name === 'seed' ? checkNumber(value, { min: 0, max: this.field('seed').max, type: 'integer' }) : this.integerError(this[name], name);
      if (error) say(labels[name], value, error);
    }
    const rule = params.get('supply');
    if (rule != null) {
      if (SUPPLY_WORDS[rule]) this.supplyRule.value = rule;
      else problems.push(`Donations: “${rule}” is not one of ${Object.keys(SUPPLY_WORDS).join(', ')}`);
    }
    for (const [key, input, label, integer] of [['mean', this.mean, 'Units donated a day', false], ['dispersion', this.dispersion, 'Spread', false],
      ['level', this.level, 'Stock level', true], ['stock', this.stock, 'Units in stock on day 1', true], ['max_age', this.maxAge, 'Oldest initial unit', true]]) {
      const value = params.get(key);
      if (value == null) continue;
      input.value = value;
      const error = checkNumber(value, { min: 0, type: integer ? 'integer' : undefined });
      if (error) say(label, value, error);
    }
    const policies = params.getAll('policy');
    if (policies.length) {
      const read = policies.map(readPolicyParam);
      read.forEach((r, k) => { if (r.error) problems.push(`Policy ${k + 1}: ${r.error}`); });
      if (policies.length > MAX_POLICIES) problems.push(`Policies: at most ${MAX_POLICIES}, the link has ${policies.length}`);
      this.setPolicies(read.filter((r) => r.policy).map((r) => r.policy));
    }
    this.showSupply();
    return problems;
  }
}
