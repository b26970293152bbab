// Genotypes calculator: phenotype frequencies -> stationary genotype distribution
// (thesis sec. 3.3, iterated least squares) beside gene counting (Hardy-Weinberg).
//
// Its own inputs only: system, population and the phenotype frequency table. Options,
// URL state, Compute / Cancel / progress, errors, stale results, CSV and Print come from the
// calculator shell; systems and populations from the module's `systems` operation.
import { calculator } from '../../lib/calculator-shell.js';
import { formula } from '../../lib/math.js';
import { h } from '../../lib/dom.js';
import { scrollRegion } from '../../lib/table.js';
import { formatNumber } from '../../lib/format.js';
import { checkNumber, parseNumber } from '../../lib/numbers.js';
import { OWN_SYSTEM_PARAMS, loadSystemsWithOwn, readOwnSystemParams, writeOwnSystemParams } from '../../lib/own-systems.js';
import { phenotypeCsvControls } from '../../lib/phenotype-csv-controls.js';
import { loadCharts, renderResult } from './results.js';

export default calculator({
  id: 'genotypes',
  title: 'Genotypes',
  summary: 'Genotype frequencies from observed phenotype frequencies',
  op: 'stationary',
  intro: 'From how often each phenotype occurs in a population, estimate how often each genotype occurs. ' +
    'Two methods are shown side by side: the stationary distribution under random mating (least squares, thesis sec. 3.3) ' +
    'and gene counting (Hardy–Weinberg maximum likelihood).',
  ownFields: ['system', 'population', 'frequencies'],
  optionWords: {
    tolerance: { label: 'Tolerance', hint: () => ['Stop when the change of the genotype frequencies between iterations, ',
      formula('‖x^{(n)} − x^{(n−1)}‖_1'), ', is below this.'] },
    constraint: {
      label: 'Constraint',
      choices: { distribution: 'a distribution', nonnegative: 'at least 0', none: 'none (as printed, eq. 3.24)' },
      hint: () => ['What each least-squares step may return. A distribution: ', formula('x ≥ 0'), ' and ', formula('Σ_i x_i = 1'),
        ', so the answer is one. At least 0: ', formula('x ≥ 0'), ' only. None: eq. 3.24 exactly as printed, ',
        'which can give small negative frequencies (Table 3.4 omits one) and a sum other than 1 (eq. 3.5 sums to 0.9988).'],
    },
  },
  paramNames: OWN_SYSTEM_PARAMS,
  // Systems of the user's own (the Systems tab) come after the built-in ones; one a link
  // defines is expanded too, so the link works in a browser that never saved it.
  load: (client, params) => loadSystemsWithOwn(client, readOwnSystemParams(params)),
  inputs: (catalogue, shell) => new GenotypeInputs(catalogue, shell),
  render: (container, result, warnings, { title }) => renderResult(container, result, warnings, { systemName: title }),
});

class GenotypeInputs {
  constructor(catalogue, { changed, option }) {
    this.catalogue = catalogue;
    this.changed = changed;
    this.option = option;
    // Chart.js (a chunk of its own) is fetched once the page is idle, so the first result can
    // draw its charts at once without the page having waited for it.
    (globalThis.requestIdleCallback ?? setTimeout)(() => loadCharts().catch(() => {}));
    const systemOption = (s) => h('option', { value: s.id }, `${s.name} (${s.genotype_count} genotypes)`);
    this.systemSelect = h('select', { id: 'gt-system', onchange: () => { this.selectSystem(this.systemSelect.value); changed(); } },
      catalogue.systems.map(systemOption),
      catalogue.own.length ? h('optgroup', { label: 'Your systems (Systems tab)' }, catalogue.own.map((o) => systemOption(o.system))) : '');
    this.populationSelect = h('select', { id: 'gt-population', onchange: () => { this.selectPopulation(this.populationSelect.value); changed(); } });
    this.populationSource = h('p', { class: 'hint' });
    this.rows = h('tbody');
    this.sumOutput = h('output', { id: 'gt-sum', class: 'num' });
    this.sumNote = h('span', { class: 'sum-note', 'data-error-for': 'frequencies' });
    this.csv = phenotypeCsvControls({
      id: 'gt',
      system: () => this.system,
      values: () => this.frequencyInputs.map(({ input }) => {
        const v = parseNumber(input.value);
        return Number.isFinite(v) ? v : input.value;
      }),
      apply: (values) => this.setOwnFrequencies(values),
    });
    this.fieldsets = [
      h('fieldset', {},
        h('legend', {}, 'Blood-group system and population'),
        h('div', { class: 'field' }, h('label', { for: 'gt-system' }, 'System'), this.systemSelect,
          h('span', { class: 'field-error', 'data-error-for': 'system' })),
        h('div', { class: 'field' }, h('label', { for: 'gt-population' }, 'Population'), this.populationSelect,
          h('span', { class: 'field-error', 'data-error-for': 'population' })),
        this.populationSource,
        catalogue.storeProblems.length ? h('p', { class: 'field-error' }, catalogue.storeProblems.join(' ')) : ''),
      h('fieldset', {},
        h('legend', {}, 'Phenotype frequencies'),
        h('p', { class: 'hint' }, 'The share of people with each phenotype. Pick a population above or type your own numbers; they should add up to 1.'),
        scrollRegion('Phenotype frequencies', h('table', { class: 'freq-table' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Phenotype'), h('th', { scope: 'col' }, 'Antigens'), h('th', { scope: 'col' }, 'Frequency'))),
          this.rows,
          h('tfoot', {}, h('tr', {}, h('th', { scope: 'row', colspan: 2 }, 'Sum'), h('td', {}, this.sumOutput, this.sumNote))))),
        this.csv.element),
    ];
    this.selectSystem(catalogue.systems[0].id);
  }

  get own() { return this.catalogue.own.find((o) => o.id === this.systemSelect.value) ?? null; }
  get system() { return this.own?.system ?? this.catalogue.systems.find((s) => s.id === this.systemSelect.value); }
  get population() { return this.populationsOf(this.systemSelect.value).find((p) => p.id === this.populationSelect.value) ?? null; }
  populationsOf(systemId) {
    const own = this.catalogue.own.find((o) => o.id === systemId);
    return own ? own.tables : this.catalogue.populations.filter((p) => p.system === systemId);
  }
  title() { return this.system.name; }

  selectSystem(id, { population } = {}) {
    this.systemSelect.value = id;
    const pops = this.populationsOf(id);
    this.populationSelect.replaceChildren(
      ...pops.map((p) => h('option', { value: p.id }, p.name)),
      h('option', { value: '' }, 'Own frequencies'));
    this.frequencyInputs = this.system.phenotypes.map((p, i) => {
      const input = h('input', { type: 'text', inputmode: 'decimal', id: `gt-f-${i}`, autocomplete: 'off',
        'aria-describedby': `gt-f-${i}-error`, oninput: () => { this.selectPopulation(''); this.changed(); },
        onpaste: (e) => this.paste(e, i) });
      return { phenotype: p, input };
    });
    this.rows.replaceChildren(...this.frequencyInputs.map(({ phenotype, input }, i) => h('tr', {},
      h('th', { scope: 'row' }, h('label', { for: input.id }, phenotype.label)),
      h('td', { class: 'antigens' }, phenotype.antigens.length ? phenotype.antigens.join(' ') : 'none'),
      h('td', {}, input, h('span', { class: 'field-error', id: `gt-f-${i}-error`, 'data-error-for': `frequencies[${i}]` })))));
    this.selectPopulation(population !== undefined ? population : (pops[0]?.id ?? ''));
  }

  /** The user's own table, e.g. imported from CSV. */
  setOwnFrequencies(values) {
    this.frequencyInputs.forEach(({ input }, i) => { input.value = String(values[i]); });
    this.selectPopulation('');
    this.changed();
  }

  /** A column or table pasted into a frequency box (phenotypeCsvControls' paste). */
  paste(event, index) {
    if (!this.csv.paste(event, this.frequencyInputs.map(({ input }) => input), index)) return;
    this.selectPopulation('');
    this.changed();
  }

  selectPopulation(id) {
    this.populationSelect.value = id;
    const pop = this.population;
    if (pop) this.frequencyInputs.forEach(({ input }, i) => { input.value = String(pop.frequencies[i]); });
    this.populationSource.textContent = pop ? `Source: ${pop.source}${pop.notes ? '. ' + pop.notes : ''}` : 'Your own frequencies.';
  }

  restore(params) {
    const problems = [...this.catalogue.linkProblems];
    const systemId = params.get('system');
    const linked = this.catalogue.own.find((o) => o.linked);
    const system = params.has('own_loci') ? linked : this.catalogue.systems.find((s) => s.id === systemId) ?? this.catalogue.own.find((o) => o.id === systemId);
    if (systemId != null && !system) problems.push(`System: "${systemId}" is not a system of this calculator`);
    const id = system?.id ?? this.catalogue.systems[0].id;
    const frequencies = params.get('frequencies')?.split(',');
    const populationId = params.get('population');
    const population = this.populationsOf(id).find((p) => p.id === populationId);
    if (populationId != null && !population) problems.push(`Population: "${populationId}" is not a population table for ${id}`);
    this.selectSystem(id, { population: frequencies ? '' : population?.id });
    if (frequencies) {
      if (frequencies.length !== this.frequencyInputs.length) {
        problems.push(`Phenotype frequencies: the link has ${frequencies.length} values, the system ${this.frequencyInputs.length} phenotypes`);
      }
      this.frequencyInputs.forEach(({ input }, i) => { input.value = frequencies[i] ?? ''; });
    }
    return problems;
  }

  validate(setError) {
    let errors = 0;
    let sum = 0;
    this.frequencyInputs.forEach(({ input }, i) => {
      const message = checkNumber(input.value, { min: 0, max: 1 });
      setError(`frequencies[${i}]`, message);
      if (message) errors++; else sum += parseNumber(input.value);
    });
    this.sumOutput.textContent = errors ? '—' : formatNumber(sum, 6);
    this.sumOutput.title = String(sum);
    const off = Math.abs(sum - 1);
    const tolerance = this.option('sum_tolerance');
    this.sumNote.className = 'sum-note';
    this.sumNote.textContent = '';
    // A built-in table is taken with its sum as printed (the API renormalises it whatever
    // sum_tolerance says); the tolerance is for numbers typed or pasted.
    if (!errors && off > tolerance + 1e-9 && !this.population) {  // the API's rounding guard (frequency::sum_rounding_guard)
      this.sumNote.textContent = `should be 1 (within ${tolerance}); please correct the frequencies`;
      this.sumNote.classList.add('field-error');
    } else if (!errors && off > 1e-9) {
      this.sumNote.textContent = `not exactly 1${this.population ? ' (as the source prints it)' : ''}: the frequencies will be divided by ${sum}`;
    }
    return errors;
  }

  fieldLabel(path) {
    const row = /^frequencies\[(\d+)\]$/.exec(path);
    if (row) return `the frequency of ${this.frequencyInputs[Number(row[1])]?.phenotype.label ?? 'this phenotype'}`;
    return { frequencies: 'the phenotype frequencies', system: 'the system', population: 'the population' }[path];
  }

  toParams(params) {
    params.set('system', this.systemSelect.value);
    // A system of the user's own travels in the link with its frequencies, so the link works
    // in a browser that has not saved it.
    if (this.own) writeOwnSystemParams(params, this.own.definition);
    if (this.population && !this.own) params.set('population', this.population.id);
    else params.set('frequencies', this.frequencyInputs.map(({ input }) => input.value.trim()).join(','));
  }

  toRequest(request) {
    request.system = this.own ? this.own.definition : this.systemSelect.value;
    if (this.population && !this.own) request.population = this.population.id;
    else request.frequencies = this.frequencyInputs.map(({ input }) => parseNumber(input.value));
  }
}
