// LP calculator: a linear or mixed-integer programme typed or pasted as text (CPLEX LP, MPS or
// GNU MathProg), solved by GLPK in the module as glpsol does, with duals, basis statuses and
// sensitivity ranging. For teachers of linear programming and blood-bank staff who want to
// see the allocation LP of thesis ch. 6 written out.
//
// The examples are the cases of tests/reference/lp.json (Table 6.1 as an LP, and GLPK's own
// example models), so the page solves exactly what the Validation tab checks.
import { calculator } from '../../lib/calculator-shell.js';
import { h } from '../../lib/dom.js';
import referenceFiles from 'rbcmatch:reference';
import { renderLp } from './results.js';

export const FORMATS = [
  ['cplex_lp', 'CPLEX LP'],
  ['mps', 'Free MPS'],
  ['fixed_mps', 'Fixed MPS'],
  ['mathprog', 'GNU MathProg (as glpsol --math)'],
];
const isMps = (format) => format === 'mps' || format === 'fixed_mps';
// Longer models are not written into the link (an address bar holds a few thousand
// characters reliably); examples are linked by name.
export const MAX_LINK_MODEL = 4000;

export const EXAMPLES = (referenceFiles.find((f) => f.calculator === 'lp')?.cases ?? [])
  .map((c) => ({ id: c.id, title: c.title, format: c.request.format, model: c.request.model }));

export default calculator({
  id: 'lp',
  title: 'LP',
  summary: 'linear and integer programmes solved by GLPK, with duals and ranging',
  op: 'lp',
  computeLabel: 'Solve',
  intro: 'Type or paste a linear programme, or choose an example, and press Solve. GLPK, running in this page, solves it as its glpsol does: ' +
    'the optimum, each variable’s value and reduced cost, each constraint’s activity and dual (shadow price), and how far each cost ' +
    'coefficient and each bound can change before the optimal basis changes (sensitivity ranging). Integer variables make it a ' +
    'mixed-integer programme, solved by branch and bound.',
  ownFields: ['model', 'format', 'sense', 'objective', 'constraints', 'bounds', 'integer', 'variable_names'],
  optionWords: {
    lp_text: { label: 'Model as LP text', hint: () => ['Also write the model as CPLEX LP text, to read or download with the result.'] },
    mip_time_limit: { label: 'Time limit (s)' },
  },
  paramNames: ['example'],
  load: async () => EXAMPLES,
  inputs: (examples, shell) => new LpInputs(examples, shell),
  render: (container, result, warnings, context) => renderLp(container, result, warnings, context),
});

class LpInputs {
  constructor(examples, { changed }) {
    this.examples = examples;
    const onEdit = () => changed();
    this.example = h('select', { id: 'lp-example', onchange: () => this.choose(this.example.value) },
      h('option', { value: '' }, 'Your own model'),
      examples.map((e) => h('option', { value: e.id }, e.title)));
    this.format = h('select', { id: 'lp-format', 'aria-describedby': 'lp-format-hint', onchange: () => { this.showSense(); onEdit(); } },
      FORMATS.map(([value, label]) => h('option', { value }, label)));
    this.sense = h('select', { id: 'lp-sense', onchange: onEdit },
      h('option', { value: 'min' }, 'Minimise'), h('option', { value: 'max' }, 'Maximise'));
    this.model = h('textarea', { id: 'lp-model', rows: 16, spellcheck: false, autocomplete: 'off', wrap: 'off',
      'aria-describedby': 'lp-model-hint', oninput: () => { this.markOwn(); onEdit(); } });
    this.senseField = h('div', { class: 'field' }, h('label', { for: 'lp-sense' }, 'Objective (MPS text has no sense)'), this.sense,
      h('span', { class: 'field-error', 'data-error-for': 'sense' }));
    this.fieldsets = [h('fieldset', { class: 'lp-model' }, h('legend', {}, 'The model'),
      h('div', { class: 'field' }, h('label', { for: 'lp-example' }, 'Example'), this.example,
        h('span', { class: 'hint' }, 'Choosing an example replaces the text below.')),
      h('div', { class: 'field' }, h('label', { for: 'lp-format' }, 'Format'), this.format,
        h('span', { class: 'hint', id: 'lp-format-hint' }, 'CPLEX LP: “Minimize … Subject To … Bounds … End”. MathProg: GLPK’s modelling language, with an optional data section.'),
        h('span', { class: 'field-error', 'data-error-for': 'format' })),
      this.senseField,
      h('div', { class: 'field lp-text-field' }, h('label', { for: 'lp-model' }, 'Model text'), this.model,
        h('span', { class: 'hint', id: 'lp-model-hint' }, 'An error is reported with its line number. Longer models than ',
          `${MAX_LINK_MODEL} characters are not kept in the page’s link; download their LP text instead.`),
        h('span', { class: 'field-error', 'data-error-for': 'model' })))];
    this.choose(examples[0]?.id ?? '');
  }

  /** Load example `id` into the form ('' = keep the text as the user's own). */
  choose(id) {
    const e = this.examples.find((x) => x.id === id);
    this.example.value = e ? e.id : '';
    if (!e) return;
    this.model.value = e.model;
    this.format.value = e.format;
    this.sense.value = 'min';
    this.showSense();
  }

  markOwn() {
    const e = this.examples.find((x) => x.id === this.example.value);
    if (e && (e.model !== this.model.value || e.format !== this.format.value)) this.example.value = '';
  }

  showSense() { this.senseField.hidden = !isMps(this.format.value); }

  title() {
    const e = this.examples.find((x) => x.id === this.example.value);
    return e ? e.title : 'your model';
  }

  restore(params) {
    const problems = [];
    const example = params.get('example');
    const model = params.get('model');
    if (example != null) {
      if (this.examples.some((e) => e.id === example)) this.choose(example);
      else problems.push(`Example: "${example}" is not one of this page’s examples`);
    } else if (model != null) {
      this.example.value = '';
      this.model.value = model;
    } else {
      this.choose(this.examples[0]?.id ?? '');
    }
    const format = params.get('format');
    if (format != null) {
      if (FORMATS.some(([value]) => value === format)) this.format.value = format;
      else problems.push(`Format: "${format}" is not one of ${FORMATS.map(([v]) => v).join(', ')}`);
    }
    const sense = params.get('sense');
    if (sense != null) {
      if (sense === 'min' || sense === 'max') this.sense.value = sense;
      else problems.push(`Objective: "${sense}" is neither min nor max`);
    }
    this.showSense();
    return problems;
  }

  validate(setError) {
    const text = this.model.value;
    const error = text.trim() === '' ? 'Type or paste a model, or choose an example' : '';
    setError('model', error);
    return error ? 1 : 0;
  }

  fieldLabel(path) {
    return { model: 'the model text', format: 'the format', sense: 'the objective' }[path];
  }

  toParams(params) {
    if (this.example.value) params.set('example', this.example.value);
    else if (this.model.value.length <= MAX_LINK_MODEL) params.set('model', this.model.value);
    const e = this.examples.find((x) => x.id === this.example.value);
    if (!e || e.format !== this.format.value) params.set('format', this.format.value);
    if (isMps(this.format.value) && this.sense.value !== 'min') params.set('sense', this.sense.value);
  }

  toRequest(request) {
    request.model = this.model.value;
    request.format = this.format.value;
    if (isMps(this.format.value)) request.sense = this.sense.value;
  }
}
