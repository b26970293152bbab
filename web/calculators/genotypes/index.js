// Genotypes calculator: phenotype frequencies -> stationary genotype distribution
// (thesis sec. 3.3, iterated least squares) beside gene counting (Hardy-Weinberg).
//
// Systems, populations and every option's default and limits come from the module
// (`systems` and `describe`), so nothing of the request schema is retyped here.
import { h } from '../../lib/dom.js';
import { formatNumber } from '../../lib/format.js';
import { renderResult } from './results.js';

// Request fields this form renders itself (or that are not the user's business); every other
// optional number/integer/boolean field of `describe` becomes an option control automatically.
const FORM_FIELDS = new Set(['system', 'population', 'frequencies', 'api_version']);

export default {
  id: 'genotypes',
  title: 'Genotypes',
  summary: 'Genotype frequencies from observed phenotype frequencies',
  mount,
};

async function mount(container, { client, params, setParams }) {
  const root = h('div', { class: 'calculator genotypes' }, h('p', { class: 'loading' }, 'Loading the rbcmatch module…'));
  container.append(root);
  let catalogue, fields;
  try {
    const [systems, described] = await Promise.all([client.systems(), client.describe()]);
    catalogue = systems.result;
    fields = described.result.operations.stationary.fields;
  } catch (e) {
    root.replaceChildren(h('p', { class: 'error', role: 'alert' }, `Could not load the rbcmatch module: ${e.message}`));
    return { unmount() {} };
  }
  const form = new GenotypesForm(root, catalogue, fields, client, setParams);
  form.restore(params);
  form.compute();
  return { unmount: () => form.destroy() };
}

const isOption = (f) => !FORM_FIELDS.has(f.name) && !f.required && ['number', 'integer', 'boolean'].includes(f.type);
const pretty = (name) => name.replaceAll('_', ' ').replace(/^./, (c) => c.toUpperCase());

class GenotypesForm {
  constructor(root, catalogue, fields, client, setParams) {
    this.root = root;
    this.catalogue = catalogue;
    this.options = fields.filter(isOption);
    this.defaultSumTolerance = fields.find((f) => f.name === 'sum_tolerance')?.default ?? 0;
    this.client = client;
    this.setParams = setParams;
    this.controller = null;
    this.rendered = null;
    this.build();
  }

  // ---- layout -------------------------------------------------------------------------
  build() {
    this.systemSelect = h('select', { id: 'gt-system', onchange: () => { this.selectSystem(this.systemSelect.value); this.compute(); } },
      this.catalogue.systems.map((s) => h('option', { value: s.id }, `${s.name} (${s.genotype_count} genotypes)`)));
    this.populationSelect = h('select', { id: 'gt-population', onchange: () => { this.selectPopulation(this.populationSelect.value); if (this.population) this.compute(); } });
    this.populationSource = h('p', { class: 'hint' });
    this.rows = h('tbody');
    this.sumOutput = h('output', { id: 'gt-sum', class: 'num' });
    this.sumNote = h('span', { class: 'sum-note', 'data-error-for': 'frequencies' });
    this.optionInputs = new Map();
    this.status = h('span', { class: 'status', role: 'status' });
    this.cancelButton = h('button', { type: 'button', class: 'secondary', hidden: true, onclick: () => this.controller?.abort() }, 'Cancel');
    this.formError = h('p', { class: 'form-error', role: 'alert', 'data-error-for': '' });
    this.results = h('section', { class: 'results', 'aria-label': 'Results' });
    this.optionsBox = h('details', { class: 'options' }, h('summary', {}, 'Options'),
      h('div', { class: 'option-grid' }, this.options.map((f) => this.optionControl(f))));

    const form = h('form', { class: 'inputs', novalidate: true, onsubmit: (e) => { e.preventDefault(); this.compute(); } },
      h('fieldset', {},
        h('legend', {}, 'Blood-group system and population'),
        h('div', { class: 'field' }, h('label', { for: 'gt-system' }, 'System'), this.systemSelect,
          h('span', { class: 'field-error', 'data-error-for': 'system' })),
        h('div', { class: 'field' }, h('label', { for: 'gt-population' }, 'Population'), this.populationSelect,
          h('span', { class: 'field-error', 'data-error-for': 'population' })),
        this.populationSource),
      h('fieldset', {},
        h('legend', {}, 'Phenotype frequencies'),
        h('p', { class: 'hint' }, 'The share of people with each phenotype. Pick a population above or type your own numbers; they should add up to 1.'),
        h('table', { class: 'freq-table' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Phenotype'), h('th', { scope: 'col' }, 'Antigens'), h('th', { scope: 'col' }, 'Frequency'))),
          this.rows,
          h('tfoot', {}, h('tr', {}, h('th', { scope: 'row', colspan: 2 }, 'Sum'), h('td', {}, this.sumOutput, this.sumNote))))),
      this.optionsBox,
      h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'gt-compute' }, 'Compute'), this.cancelButton, this.status),
      this.formError);
    this.root.replaceChildren(
      h('p', { class: 'intro' }, 'From how often each phenotype occurs in a population, estimate how often each genotype occurs. ',
        'Two methods are shown side by side: the stationary distribution under random mating (least squares, thesis sec. 3.3) and gene counting (Hardy–Weinberg maximum likelihood).'),
      form, this.results);
  }

  optionControl(field) {
    const id = `gt-opt-${field.name}`;
    const limits = [field.default != null && `default ${field.default}`,
      field.min != null && `min ${field.min}`, field.max != null && `max ${field.max}`].filter(Boolean).join(', ');
    let input;
    if (field.type === 'boolean') {
      input = h('input', { type: 'checkbox', id, name: field.name, onchange: () => this.changed() });
    } else {
      input = h('input', { type: 'text', inputmode: 'decimal', id, name: field.name, autocomplete: 'off',
        placeholder: String(field.default ?? ''), oninput: () => this.changed() });
    }
    this.optionInputs.set(field.name, { field, input });
    return h('div', { class: 'field option' },
      h('label', { for: id }, pretty(field.name)), input,
      h('span', { class: 'hint' }, field.description ?? '', limits ? ` (${limits})` : '', field.source ? ` — ${field.source}` : ''),
      h('span', { class: 'field-error', 'data-error-for': field.name }));
  }

  // ---- state ----------------------------------------------------------------------------
  get system() { return this.catalogue.systems.find((s) => s.id === this.systemSelect.value); }
  get population() { return this.catalogue.populations.find((p) => p.id === this.populationSelect.value) ?? null; }
  populationsOf(systemId) { return this.catalogue.populations.filter((p) => p.system === systemId); }

  selectSystem(id, { population } = {}) {
    this.systemSelect.value = id;
    const pops = this.populationsOf(id);
    this.populationSelect.replaceChildren(
      ...pops.map((p) => h('option', { value: p.id }, p.name)),
      h('option', { value: '' }, 'Own frequencies'));
    this.frequencyInputs = this.system.phenotypes.map((p, i) => {
      const input = h('input', { type: 'text', inputmode: 'decimal', id: `gt-f-${i}`, autocomplete: 'off',
        'aria-describedby': `gt-f-${i}-error`, oninput: () => { this.populationSelect.value = ''; this.changed(); } });
      return { phenotype: p, input };
    });
    this.rows.replaceChildren(...this.frequencyInputs.map(({ phenotype, input }, i) => h('tr', {},
      h('th', { scope: 'row' }, h('label', { for: input.id }, phenotype.label)),
      h('td', { class: 'antigens' }, phenotype.antigens.length ? phenotype.antigens.join(' ') : 'none'),
      h('td', {}, input, h('span', { class: 'field-error', id: `gt-f-${i}-error`, 'data-error-for': `frequencies[${i}]` })))));
    this.selectPopulation(population !== undefined ? population : (pops[0]?.id ?? ''));
  }

  selectPopulation(id) {
    this.populationSelect.value = id;
    const pop = this.population;
    if (pop) this.frequencyInputs.forEach(({ input }, i) => { input.value = String(pop.frequencies[i]); });
    this.populationSource.textContent = pop ? `Source: ${pop.source}${pop.notes ? '. ' + pop.notes : ''}` : 'Your own frequencies.';
    this.changed();
  }

  /** The sum tolerance the next Compute will send: the option if it is a number, else the default. */
  get sumTolerance() {
    const text = this.optionInputs?.get('sum_tolerance')?.input.value.trim() ?? '';
    return text !== '' && Number.isFinite(Number(text)) ? Number(text) : this.defaultSumTolerance;
  }

  /** Restore from URL parameters; anything invalid falls back to the defaults. */
  restore(params) {
    const systemId = this.catalogue.systems.some((s) => s.id === params.get('system')) ? params.get('system') : this.catalogue.systems[0].id;
    const pops = this.populationsOf(systemId);
    const frequencies = params.get('frequencies')?.split(',');
    const fits = frequencies && frequencies.length === this.catalogue.systems.find((s) => s.id === systemId).phenotypes.length;
    const population = fits ? '' : (pops.some((p) => p.id === params.get('population')) ? params.get('population') : undefined);
    this.selectSystem(systemId, { population });
    if (fits) this.frequencyInputs.forEach(({ input }, i) => { input.value = frequencies[i]; });
    for (const { field, input } of this.optionInputs.values()) {
      const value = params.get(field.name);
      if (field.type === 'boolean') input.checked = value != null ? value === '1' || value === 'true' : Boolean(field.default);
      else input.value = value ?? String(field.default ?? '');
    }
    this.changed();
  }

  /** Live validation of every input, the sum line and the URL. Returns the error count. */
  changed() {
    if (!this.frequencyInputs) return 0;
    let errors = 0;
    let sum = 0;
    this.frequencyInputs.forEach(({ input }, i) => {
      const message = checkNumber(input.value, { min: 0 });
      this.setFieldError(`frequencies[${i}]`, message);
      if (message) errors++; else sum += Number(input.value);
    });
    this.sumOutput.textContent = formatNumber(sum);
    this.sumOutput.title = String(sum);
    const off = Math.abs(sum - 1);
    this.sumNote.className = 'sum-note';
    if (errors) this.sumNote.textContent = '';
    else if (off > this.sumTolerance) {
      this.sumNote.textContent = `should be 1 (within ${this.sumTolerance}); please correct the frequencies`;
      this.sumNote.classList.add('field-error');
    } else if (off > 0) this.sumNote.textContent = 'close enough to 1: the frequencies will be rescaled to sum to 1';
    else this.sumNote.textContent = '';
    for (const { field, input } of this.optionInputs.values()) {
      const message = field.type === 'boolean' ? '' : checkNumber(input.value, field);
      this.setFieldError(field.name, message);
      if (message) errors++;
    }
    this.setParams(this.toParams());
    // A shown result no longer matches the inputs until the next Compute.
    this.results.classList.toggle('stale', Boolean(this.rendered));
    return errors;
  }

  toParams() {
    const params = new URLSearchParams({ system: this.systemSelect.value });
    if (this.population) params.set('population', this.population.id);
    else params.set('frequencies', this.frequencyInputs.map(({ input }) => input.value.trim()).join(','));
    for (const { field, input } of this.optionInputs.values()) {
      if (field.type === 'boolean') { if (input.checked !== Boolean(field.default)) params.set(field.name, input.checked ? '1' : '0'); }
      else if (input.value.trim() !== '' && Number(input.value) !== field.default) params.set(field.name, input.value.trim());
    }
    return params;
  }

  toRequest() {
    const request = { system: this.systemSelect.value };
    if (this.population) request.population = this.population.id;
    else request.frequencies = this.frequencyInputs.map(({ input }) => Number(input.value));
    for (const { field, input } of this.optionInputs.values()) {
      request[field.name] = field.type === 'boolean' ? input.checked : Number(input.value);
    }
    return request;
  }

  // ---- errors -----------------------------------------------------------------------------
  setFieldError(path, message) {
    const slot = this.root.querySelector(`[data-error-for="${CSS.escape(path)}"]`);
    if (!slot) return false;
    slot.textContent = message ?? '';
    const input = slot.parentElement.querySelector('input, select');
    if (input && path !== 'frequencies') input.setAttribute('aria-invalid', message ? 'true' : 'false');
    return true;
  }

  /** Show an API error next to the field its path names; otherwise above the results. */
  showApiError(error) {
    const path = error.path ?? '';
    if (this.options.some((f) => f.name === path)) this.optionsBox.open = true;
    if (!path || !this.setFieldError(path, error.message)) {
      this.formError.textContent = `${error.message}${path ? ` (field ${path})` : ''}`;
    }
  }

  // ---- compute -----------------------------------------------------------------------------
  async compute() {
    this.formError.textContent = '';
    const errors = this.changed();
    // Only unreadable numbers stop us here; limits are the API's to judge, and its message is
    // shown in the same place as ours.
    if (this.frequencyInputs.some(({ input }) => checkNumber(input.value) !== '') ||
        [...this.optionInputs.values()].some(({ field, input }) => field.type !== 'boolean' && checkNumber(input.value) !== '')) {
      this.status.textContent = `Please correct the ${errors === 1 ? 'marked field' : 'marked fields'} first.`;
      return;
    }
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    const request = this.toRequest();
    this.status.textContent = 'Computing…';
    this.cancelButton.hidden = false;
    this.root.classList.add('busy');
    try {
      const { result, warnings } = await this.client.stationary(request, { signal: controller.signal });
      this.rendered?.destroy();
      this.rendered = renderResult(this.results, result, warnings, { systemName: this.system.name, request });
      this.results.classList.remove('stale');
      this.status.textContent = 'Done.';
    } catch (e) {
      if (e.name === 'AbortError') { if (this.controller === controller) this.status.textContent = 'Cancelled.'; return; }
      this.rendered?.destroy();
      this.rendered = null;
      this.results.replaceChildren();
      if (e.name === 'ApiError') { this.showApiError(e); this.status.textContent = 'Not computed: see the message next to the field.'; }
      else { this.formError.textContent = e.message; this.status.textContent = 'Not computed.'; }
    } finally {
      if (this.controller === controller) {
        this.controller = null;
        this.cancelButton.hidden = true;
        this.root.classList.remove('busy');
      }
    }
  }

  destroy() {
    this.controller?.abort();
    this.rendered?.destroy();
  }
}

/** '' if text is a number within the limits, else a plain-language message. */
function checkNumber(text, { min, max, type } = {}) {
  const trimmed = String(text).trim();
  if (trimmed === '') return 'enter a number';
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return 'not a number';
  if (min != null && value < min) return `must be ≥ ${min}`;
  if (max != null && value > max) return `must be ≤ ${max}`;
  if (type === 'integer' && !Number.isInteger(value)) return 'must be a whole number';
  return '';
}
