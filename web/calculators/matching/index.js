// Matching calculator: which unit for which patient today (seed 004, Oyebolu et al. 2024,
// sec. 3.1-3.2, 4.3). Units by type and age, requests by patient (type, patient group,
// antibodies, units needed); hard rules, then the least penalty (eq. 7). The `match`
// operation does the work.
//
// Its own inputs: the preset, the units and requests grids (shared grid editor, CSV, a
// seeded generator), the patient groups' rules and the immunogenicities. The penalty weights
// λ1-λ5, α1-α3 and the shelf life G are the shell's options (from `describe`).
import { calculator } from '../../lib/calculator-shell.js';
import { formula } from '../../lib/math.js';
import { h } from '../../lib/dom.js';
import { restoreGrid } from '../../lib/grid-param.js';
import { checkNumber, parseNumber } from '../../lib/numbers.js';
import { GridEditor } from '../allocation/grid-editor.js';
import {
  REQUESTS_GRID, UNITS_GRID, antibodySharesOf, fieldLabel, formatGridParam, generate, readAntigenList, readRows,
} from './grids.js';
import { renderMatching } from './results.js';

// A small day (docs/methods/matching.md, tests/requests/match-limited-shortage.json): five
// units, three patients; shown when the link gives no inputs of this tab.
const EXAMPLE = {
  preset: 'limited',
  units: [['U1', 'D C e', '3'], ['U2', 'D c e', '7'], ['U3', 'A D C c e', '20'], ['U4', 'D c E e K', '8'], ['U5', 'c e', '30']],
  requests: [['P1', 'sickle cell', 'D c e', '', '2'], ['P2', 'other', 'A D', '', '1'], ['P3', 'sickle cell', 'D C c E e', 'K', '1']],
};
const OWN_PARAMS = ['preset', 'units', 'requests', 'patient_groups', 'immunogenicity', 'mismatch_count'];

export default calculator({
  id: 'matching',
  title: 'Matching',
  summary: 'which unit for which patient today, with penalties for mismatches (Oyebolu et al. 2024)',
  op: 'match',
  intro: 'Which unit should each patient get today? List the units in stock (antigens present and age in days) and the requests ' +
    '(the patient’s antigens, group, antibodies and how many units). The calculator keeps the hard rules — ABO and D compatible, ' +
    'the antigens the patient’s group must be matched for, no antigen the patient has an antibody against, no unit older than the ' +
    'group allows — meets as many requests as it can, and among those picks the matching of least penalty: mismatches weighted by how ' +
    'often they cause antibodies, substitutions, first-in-first-out and young blood for sickle-cell patients (Oyebolu et al. 2024, eq. 7).',
  ownFields: OWN_PARAMS,
  optionWords: {
    immunogenicity_weight: weight(1, 'the mismatches, weighted by immunogenicity'),
    major_substitution_weight: weight(2, 'major substitution (the usability of the unit’s ABD type minus the patient’s)'),
    minor_substitution_weight: weight(3, 'minor substitution (antigens the patient carries and the unit lacks)'),
    fifo_weight: weight(4, 'first-in-first-out (eq. 8), for patients without the young-blood penalty', 'ρ = 0'),
    young_blood_weight: weight(5, 'young blood, for patients with it', 'ρ = 1'),
    alpha1: youngBlood(1, ' (it divides the age)'),
    alpha2: youngBlood(2),
    alpha3: youngBlood(3),
    shelf_life: { label: 'Shelf life', hint: () => [formula('G'), ', the shelf life in days: the oldest a unit can be (first-in-first-out penalty, eq. 8).'] },
  },
  load: async (client) => {
    const [{ result }, operations, probe] = await Promise.all([
      client.call('systems'), client.operations(), client.call('match', { units: [], requests: [] })]);
    return { catalogue: result, fields: operations.match.fields, defaults: probe.result };
  },
  inputs: (data, shell) => new MatchingInputs(data, shell),
  render: renderMatching,
});

/** A penalty weight λk in the page's words: label, a heading with the formula, and what it weighs. */
function weight(k, what, rho) {
  const name = { 1: 'Immunogenicity', 2: 'Major substitution', 3: 'Minor substitution', 4: 'First-in-first-out', 5: 'Young blood' }[k];
  return {
    label: `${name} weight λ${k}`,
    heading: () => [`${name} weight `, formula(`λ_${k}`)],
    hint: () => [formula(`λ_${k}`), ' weighs the penalty ', formula(`π_${k}`), `: ${what}`, ...(rho ? [' (', formula(rho), ')'] : []), '.'],
  };
}

/** α1-α3 of the young-blood penalty. */
function youngBlood(k, note = '') {
  return { label: `Young blood α${k}`, heading: () => ['Young blood ', formula(`α_${k}`)], hint: () => [formula(`α_${k}`), ` of the young-blood penalty${note}.`] };
}

// The preset's antigens (the API's, repeated here only to read the grids as one types).
const PRESET_ANTIGENS = {
  abod: ['A', 'B', 'D'],
  limited: ['A', 'B', 'D', 'C', 'c', 'E', 'e', 'K'],
  extended: ['A', 'B', 'D', 'C', 'c', 'E', 'e', 'K', 'k', 'Fya', 'Fyb', 'Jka', 'Jkb', 'M', 'N', 'S', 's'],
};

class MatchingInputs {
  constructor({ catalogue, fields, defaults }, { changed, option }) {
    Object.assign(this, { catalogue, defaults, changed, option });
    this.field = (name) => fields.find((f) => f.name === name);
    const preset = this.field('preset');
    this.preset = h('select', { id: 'mt-preset', onchange: () => { this.drawGroups(); this.drawImmunogenicity(); changed(); } },
      preset.choices.map((c) => h('option', { value: c }, { abod: 'ABOD: A, B, D', limited: 'Limited: A B D C c E e K (rule L0)', extended: 'Extended: 17 antigens (rule E0)' }[c] ?? c)));
    const context = () => this.context();
    this.units = new GridEditor(UNITS_GRID, { id: 'mt-units', legend: 'Units in stock', changed, context,
      hint: 'One row per unit: an id, the antigens it carries (by name, e.g. “D C e K”; c and C differ; or its blood group as you write it, ' +
        '“O-”, “A pos K+”; an antigen not given as present is absent; empty for O, D-negative, no antigen typed) and its age in days.' });
    this.requests = new GridEditor(REQUESTS_GRID, { id: 'mt-requests', legend: 'Requests', changed, context,
      hint: 'One row per request: the patient’s id, group (sickle cell, thalassaemia, myelodysplasia, AIHA or other), the antigens the ' +
        'patient carries, antibodies (antigens the unit must lack, e.g. “K Fya”) and the units needed (1 to 20).' });
    // The generator: random units and patients from the module's population tables.
    this.seed = h('input', { type: 'text', id: 'mt-seed', inputmode: 'numeric', size: 6, value: '1' });
    this.unitCount = h('input', { type: 'text', id: 'mt-unit-count', inputmode: 'numeric', size: 4, value: '30' });
    this.patientCount = h('input', { type: 'text', id: 'mt-patient-count', inputmode: 'numeric', size: 4, value: '8' });
    this.generateNote = h('p', { class: 'hint', id: 'mt-generate-note', 'aria-live': 'polite' });
    const count = this.field('mismatch_count');
    this.mismatchCount = h('select', { id: 'mt-mismatch-count', onchange: () => changed() },
      count.choices.map((c) => h('option', { value: c }, { per_unit: 'per unit (the paper)', per_request: 'per request (once per patient)' }[c] ?? c)));
    this.groupsBody = h('tbody');
    this.wBox = h('div', { class: 'mt-immunogenicity' });
    this.fieldsets = [
      h('fieldset', {}, h('legend', {}, 'Antigens'),
        h('div', { class: 'field' }, h('label', { for: 'mt-preset' }, 'Antigens typed and penalised'), this.preset,
          h('span', { class: 'hint' }, preset.description),
          h('span', { class: 'field-error', 'data-error-for': 'preset' })),
        h('div', { class: 'field' }, h('label', { for: 'mt-mismatch-count' }, 'A mismatched antigen counts'), this.mismatchCount,
          h('span', { class: 'hint' }, 'Per unit: every unit carrying it adds its penalty. Per request: it is penalised once per patient, however ' +
            'many of the patient’s units carry it (solved by branch and bound, for days of limited size; it then cannot say whether the best ' +
            'matching is the only one).'),
          h('span', { class: 'field-error', 'data-error-for': 'mismatch_count' }))),
      this.units.fieldset,
      this.requests.fieldset,
      h('fieldset', {}, h('legend', {}, 'Generate a day'),
        h('p', { class: 'hint' }, 'Random units from European donors and patients (most with sickle-cell disease, of African ancestry, each ' +
          'antibody as often as among the sickle-cell patients of the paper’s data, e.g. anti-S in 5 %), drawn from the module’s population ' +
          'tables; the same seed gives the same day. Replaces both grids.'),
        h('div', { class: 'mt-generate' },
          h('label', { for: 'mt-seed' }, 'Seed'), this.seed,
          h('label', { for: 'mt-unit-count' }, 'Units'), this.unitCount,
          h('label', { for: 'mt-patient-count' }, 'Patients'), this.patientCount,
          h('button', { type: 'button', class: 'secondary', id: 'mt-generate', onclick: () => this.generate() }, 'Generate')),
        this.generateNote),
      h('details', { class: 'mt-groups' }, h('summary', {}, 'Patient groups: rules'),
        h('p', { class: 'hint' }, 'What each patient group must be matched for, the oldest unit it may get (days) and whether the young-blood ' +
          'penalty applies instead of first-in-first-out. Sickle-cell disease and “other” are the paper’s; the rest are our choices ' +
          '(see the user guide). A, B and D are always matched.'),
        h('div', { class: 'table-scroll' }, h('table', { class: 'al-grid-table', id: 'mt-groups-table' },
          h('thead', {}, h('tr', {}, ['Group', 'Must match', 'Max age', 'Young blood'].map((t) => h('th', { scope: 'col' }, t)))),
          this.groupsBody))),
      h('details', { class: 'mt-w' }, h('summary', {}, 'Immunogenicity of each antigen'),
        h('p', { class: 'hint' }, 'w, the chance that a patient lacking the antigen forms an antibody when given it. Defaults: Evers et al. 2016, ' +
          'as the paper’s authors use them in their published simulator (HDSci/BloodMatcher-WSC24). Used for the mismatch and substitution ' +
          'penalties and the expected number of alloimmunisations.'),
        this.wBox, h('span', { class: 'field-error', 'data-error-for': 'immunogenicity' })),
    ];
    this.drawGroups();
    this.drawImmunogenicity();
  }

  antigens() { return PRESET_ANTIGENS[this.preset.value] ?? PRESET_ANTIGENS.extended; }

  context() {
    const G = parseNumber(String(this.option('shelf_life') ?? '35'));
    return { antigens: this.antigens(), shelfLife: Number.isFinite(G) ? G : 35 };
  }

  drawGroups(values = null) {
    const keep = (names) => this.antigens().filter((a) => names.includes(a));
    const old = values ?? this.groupValues?.();
    this.groupRows = this.defaults.patient_groups.map((g) => {
      const v = old?.find((o) => o.id === g.id);
      const must = h('input', { type: 'text', id: `mt-g-${g.id}-must`, size: 14, value: v?.must ?? keep(g.must_match).join(' '),
        'aria-label': `Antigens ${g.name} must be matched for`, oninput: () => this.changed() });
      const age = h('input', { type: 'text', id: `mt-g-${g.id}-age`, size: 3, inputmode: 'numeric', value: v?.age ?? String(g.max_age),
        'aria-label': `Maximum age in days, ${g.name}`, oninput: () => this.changed() });
      const young = h('input', { type: 'checkbox', id: `mt-g-${g.id}-young`, 'aria-label': `Young-blood penalty, ${g.name}`, onchange: () => this.changed() });
      young.checked = v?.young ?? g.young_blood;
      return { id: g.id, g, must, age, young };
    });
    this.groupsBody.replaceChildren(...this.groupRows.map((r) => h('tr', {},
      h('th', { scope: 'row' }, r.g.name),
      h('td', {}, r.must, h('span', { class: 'field-error', 'data-error-for': `patient_groups.${r.id}.must_match` })),
      h('td', {}, r.age, h('span', { class: 'field-error', 'data-error-for': `patient_groups.${r.id}.max_age` })),
      h('td', {}, r.young))));
  }

  groupValues() { return this.groupRows?.map((r) => ({ id: r.id, must: r.must.value, age: r.age.value, young: r.young.checked })); }

  drawImmunogenicity(values = null) {
    const old = values ?? Object.fromEntries((this.wInputs ?? []).map(({ antigen, input }) => [antigen, input.value]));
    this.wInputs = this.antigens().filter((a) => !['A', 'B', 'D'].includes(a)).map((antigen) => ({
      antigen, input: h('input', { type: 'text', id: `mt-w-${antigen}`, size: 7, inputmode: 'decimal',
        value: old[antigen] ?? String(this.defaults.immunogenicity[antigen] ?? 0), oninput: () => this.changed() }),
    }));
    this.wBox.replaceChildren(...this.wInputs.map(({ antigen, input }) => h('span', { class: 'mt-w-cell' },
      h('label', { for: input.id }, antigen), input,
      h('span', { class: 'field-error', 'data-error-for': `immunogenicity.${antigen}` }))));
  }

  generate() {
    const read = (input, max) => {
      const error = checkNumber(input.value, { min: 0, max, type: 'integer' });
      return error ? null : parseNumber(input.value);
    };
    const seed = read(this.seed, 2 ** 31), units = read(this.unitCount, 1000), patients = read(this.patientCount, 300);
    if (seed == null || units == null || patients == null) {
      this.generateNote.textContent = 'Give a whole-number seed and up to 1000 units and 300 patients.';
      return;
    }
    const day = generate({ seed, units, patients, antigens: this.antigens(), catalogue: this.catalogue, shelfLife: this.context().shelfLife,
      antibodyShares: antibodySharesOf(this.defaults) });
    this.units.setRows(day.units);
    this.requests.setRows(day.requests);
    this.generateNote.textContent = `Generated ${units} units and ${patients} patients from seed ${seed}.`;
    this.changed();
  }

  title() { return `Matching, ${this.preset.value} preset`; }

  fieldLabel(path) { return fieldLabel(path); }

  check() {
    const errors = [];
    const context = this.context();
    for (const editor of [this.units, this.requests]) {
      const { grid } = editor;
      const rows = editor.values();
      errors.push([grid.field, editor === this.requests && !rows.length ? 'add at least one request' : '']);
      rows.forEach((_, k) => { for (const c of grid.columns) errors.push([`${grid.field}[${k}].${c.key}`, '']); });
      for (const e of readRows(grid, rows, context).errors) errors.push([`${grid.field}[${e.row}]${e.key ? `.${e.key}` : ''}`, e.message]);
    }
    for (const r of this.groupRows) {
      const must = readAntigenList(r.must.value, this.antigens());
      errors.push([`patient_groups.${r.id}.must_match`, must.error ?? '']);
      errors.push([`patient_groups.${r.id}.max_age`, checkNumber(r.age.value, { min: 0, max: context.shelfLife, type: 'integer' })]);
    }
    for (const { antigen, input } of this.wInputs) errors.push([`immunogenicity.${antigen}`, checkNumber(input.value, { min: 0, max: 1 })]);
    return new Map(errors);
  }

  validate(setError) {
    this.units.showReadings();
    this.requests.showReadings();
    let count = 0;
    for (const [path, message] of this.check()) {
      setError(path, message);
      if (message) count++;
    }
    return count;
  }

  /** Patient-group settings that differ from the defaults: {id: {must_match, max_age, young_blood}}. */
  groupChanges() {
    const out = {};
    const keep = (names) => this.antigens().filter((a) => names.includes(a));
    for (const r of this.groupRows) {
      const must = readAntigenList(r.must.value, this.antigens()).names;
      const change = {};
      if (must && must.join() !== keep(r.g.must_match).join()) change.must_match = must;
      const age = parseNumber(r.age.value);
      if (Number.isFinite(age) && age !== r.g.max_age) change.max_age = age;
      if (r.young.checked !== r.g.young_blood) change.young_blood = r.young.checked;
      if (Object.keys(change).length) out[r.id] = change;
    }
    return out;
  }

  wChanges() {
    const out = {};
    for (const { antigen, input } of this.wInputs) {
      const w = parseNumber(input.value);
      if (Number.isFinite(w) && w !== (this.defaults.immunogenicity[antigen] ?? 0)) out[antigen] = w;
    }
    return out;
  }

  restore(params) {
    const problems = [];
    this.units.clearReport();
    this.requests.clearReport();
    if (!OWN_PARAMS.some((p) => params.has(p))) {
      this.preset.value = EXAMPLE.preset;
      this.mismatchCount.value = 'per_unit';
      this.drawGroups([]);
      this.drawImmunogenicity({});
      this.units.setRows(EXAMPLE.units);
      this.requests.setRows(EXAMPLE.requests);
      return problems;
    }
    const preset = params.get('preset') ?? 'extended';
    if (!PRESET_ANTIGENS[preset]) problems.push(`Preset: “${preset}” is not one of abod, limited, extended`);
    this.preset.value = PRESET_ANTIGENS[preset] ? preset : 'extended';
    const count = params.get('mismatch_count') ?? 'per_unit';
    if (!['per_unit', 'per_request'].includes(count)) problems.push(`Mismatches count: “${count}” is not per_unit or per_request`);
    this.mismatchCount.value = count === 'per_request' ? 'per_request' : 'per_unit';
    // patient_groups=sickle_cell:14:1:A B D C c E e K;…  (only the groups changed)
    const groups = [];
    for (const part of (params.get('patient_groups') ?? '').split(';').filter(Boolean)) {
      const [id, age, young, must] = part.split(':');
      if (!this.defaults.patient_groups.some((g) => g.id === id) || must == null || !['0', '1'].includes(young)) {
        problems.push(`Patient groups: “${part}” is not group:max age:young blood (0 or 1):must match`);
      } else groups.push({ id, age, young: young === '1', must });
    }
    this.drawGroups(this.defaults.patient_groups.map((g) => groups.find((x) => x.id === g.id) ?? { id: g.id, must: undefined, age: undefined, young: undefined }));
    const w = {};
    for (const part of (params.get('immunogenicity') ?? '').split(';').filter(Boolean)) {
      const [antigen, value] = part.split(':');
      if (!this.antigens().includes(antigen) || value == null) problems.push(`Immunogenicity: “${part}” is not antigen:w for an antigen typed`);
      else w[antigen] = value;
    }
    this.drawImmunogenicity(w);
    for (const editor of [this.units, this.requests]) problems.push(...restoreGrid(editor, params));
    for (const [path, message] of this.check()) {
      if (!message) continue;
      const label = fieldLabel(path);
      problems.push(`${label.charAt(0).toUpperCase()}${label.slice(1)}: ${message}`);
    }
    return [...new Set(problems)];
  }

  entries(editor) { return readRows(editor.grid, editor.values(), this.context()).entries; }

  toParams(params) {
    params.set('preset', this.preset.value);
    if (this.mismatchCount.value !== 'per_unit') params.set('mismatch_count', this.mismatchCount.value);
    params.set('units', formatGridParam(UNITS_GRID, this.entries(this.units)));
    params.set('requests', formatGridParam(REQUESTS_GRID, this.entries(this.requests)));
    const changes = this.groupChanges();
    const groups = this.groupRows.filter((r) => changes[r.id])
      .map((r) => `${r.id}:${r.age.value.trim()}:${r.young.checked ? 1 : 0}:${readAntigenList(r.must.value, this.antigens()).names?.join(' ') ?? ''}`);
    if (groups.length) params.set('patient_groups', groups.join(';'));
    const w = Object.entries(this.wChanges()).map(([a, v]) => `${a}:${v}`);
    if (w.length) params.set('immunogenicity', w.join(';'));
  }

  toRequest(request) {
    request.preset = this.preset.value;
    if (this.mismatchCount.value !== 'per_unit') request.mismatch_count = this.mismatchCount.value;
    request.units = this.entries(this.units);
    request.requests = this.entries(this.requests);
    const groups = this.groupChanges();
    if (Object.keys(groups).length) request.patient_groups = groups;
    const w = this.wChanges();
    if (Object.keys(w).length) request.immunogenicity = w;
  }
}
