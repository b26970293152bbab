// The populations part of the Frequencies form: two populations (a phenotype table per
// system each) and, for donors and for patients, the share drawn from the first; the rest
// comes from the second. That covers one population for everyone, donors and patients of
// different ancestry, and mixtures such as seed 004's donors (99 % European, 1 % African).
import { h } from '../../lib/dom.js';
import { parseNumber } from '../../lib/numbers.js';
import { OwnFrequencies } from './own-frequencies.js';

const ROLES = [
  { field: 'donors', param: 'donors', label: 'Donors' },
  { field: 'recipients', param: 'patients', label: 'Patients' },
];

// Scenarios: the shares of population 1 for donors and patients.
const SCENARIOS = [
  { id: 'same', label: 'Everyone from population 1', donors: 100, patients: 100 },
  { id: 'seed-004', label: 'Donors 99 % population 1 + 1 % population 2, patients population 2 (Oyebolu et al. 2024: NHS England, sickle cell)', donors: 99, patients: 0 },
  { id: 'patients-2', label: 'Donors population 1, patients population 2', donors: 100, patients: 0 },
];

const OWN = 'own';

export class PopulationInputs {
  /** systems: the catalogue's systems (id, name); populations: the catalogue's tables;
   *  sumTolerance: how far from 1 a table of one's own may sum; hint: what donors and patients
   *  are for in the calculator (the Antigen order tab's own). */
  constructor(systems, populations, changed, sumTolerance, { hint } = {}) {
    this.systems = systems;
    this.tablesOf = (id) => populations.filter((p) => p.system === id);
    // Population 1 defaults to the thesis's Table 4.4; a system of the user's own to its first
    // saved table, or to typing one.
    this.firstTable = (id) => (this.tablesOf(id).find((p) => p.id === `${id}/thesis-table-4.4`) ?? this.tablesOf(id)[0] ?? { id: OWN }).id;
    // Population 2 defaults to an African table where there is one (thesis sec. 3.5.2 and
    // the tables marked African), else the first population's: shown in its select.
    this.secondDefault = (id) => (this.tablesOf(id).find((p) => /african/i.test(p.id)) ?? { id: this.firstTable(id) }).id;
    this.selects = [new Map(), new Map()];
    this.own = [new Map(), new Map()];
    const select = (column, s) => {
      const own = new OwnFrequencies(s, column, changed, sumTolerance);
      this.own[column].set(s.id, own);
      const el = h('select', { id: `fq-pop${column + 1}-${s.id}`, title: `${s.name}, population ${column + 1}`,
        onchange: () => { this.showOwn(column, s.id, { copy: true }); changed(); } },
      this.tablesOf(s.id).map((p) => h('option', { value: p.id }, p.name)),
      h('option', { value: OWN }, 'Your own frequencies…'));
      this.selects[column].set(s.id, el);
      return el;
    };
    this.shares = new Map(ROLES.map((r) => [r.field, h('input', {
      type: 'text', inputmode: 'decimal', id: `fq-share-${r.param}`, autocomplete: 'off', size: 5,
      'aria-describedby': `fq-share-${r.param}-hint`, oninput: () => { this.scenario.value = ''; changed(); },
    })]));
    this.scenario = h('select', { id: 'fq-scenario', onchange: () => { this.applyScenario(this.scenario.value); changed(); } },
      h('option', { value: '' }, 'Custom shares'),
      SCENARIOS.map((s) => h('option', { value: s.id }, s.label)));
    this.fieldset = h('fieldset', {},
      h('legend', {}, 'Populations'),
      h('p', { class: 'hint' }, hint ?? ['Frequency and rarity are counted among donors; usability among patients. ',
        'Donors and patients can differ, and each can be a mix of two populations: choose population 1 and 2 for each system.']),
      systems.map((s) => h('div', { class: 'fq-population-row', role: 'group', 'aria-label': s.name },
        h('span', { class: 'fq-system-name' }, s.name),
        h('label', { for: `fq-pop1-${s.id}` }, '1'), select(0, s),
        h('label', { for: `fq-pop2-${s.id}` }, '2'), select(1, s),
        this.own[0].get(s.id).element, this.own[1].get(s.id).element)),
      h('div', { class: 'field' }, h('label', { for: 'fq-scenario' }, 'Who comes from which'), this.scenario),
      ROLES.map((r) => h('div', { class: 'field fq-share' },
        h('label', { for: `fq-share-${r.param}` }, `${r.label}: % from population 1`), this.shares.get(r.field),
        h('span', { class: 'hint', id: `fq-share-${r.param}-hint` }, 'the rest from population 2 (0 to 100)'),
        h('span', { class: 'field-error', 'data-error-for': r.field }))));
    this.reset();
  }

  reset() {
    for (const s of this.systems) {
      this.selects[0].get(s.id).value = this.firstTable(s.id);
      this.selects[1].get(s.id).value = this.secondDefault(s.id);
      for (const column of [0, 1]) this.showOwn(column, s.id);
    }
    this.applyScenario('same');
  }

  /** Shows the own-frequency table when "Your own frequencies…" is chosen; on choosing it,
   *  it starts from the table chosen before (copy), so one edits from published numbers. */
  showOwn(column, id, { copy = false } = {}) {
    const own = this.own[column].get(id);
    const on = this.selects[column].get(id).value === OWN;
    if (on && copy && !own.shown) {
      const from = this.tablesOf(id).find((p) => p.id === (this.previous?.[column]?.get(id) ?? this.firstTable(id)));
      if (from) own.set(from.frequencies);
    }
    own.show(on);
    this.previous ??= [new Map(), new Map()];
    if (!on) this.previous[column].set(id, this.selects[column].get(id).value);
  }

  applyScenario(id) {
    const s = SCENARIOS.find((x) => x.id === id);
    if (!s) return;
    this.scenario.value = id;
    this.shares.get('donors').value = String(s.donors);
    this.shares.get('recipients').value = String(s.patients);
  }

  matchScenario() {
    const d = parseNumber(this.shares.get('donors').value), p = parseNumber(this.shares.get('recipients').value);
    this.scenario.value = SCENARIOS.find((s) => s.donors === d && s.patients === p)?.id ?? '';
  }

  /** Percent from population 1, or an error message. */
  share(field) {
    const text = this.shares.get(field).value.trim();
    const value = parseNumber(text);
    if (text === '') return { error: 'Enter a percentage from 0 to 100' };
    if (!Number.isFinite(value)) return { error: `“${text}” is not a number` };
    if (value < 0 || value > 100) return { error: `Must be from 0 to 100 % (got ${text})` };
    return { value };
  }

  validate(setError) {
    let errors = 0;
    // Population 2's own tables are checked only when someone comes from population 2.
    const second = ROLES.some((r) => this.share(r.field).value !== 100);
    for (const column of second ? [0, 1] : [0]) for (const own of this.own[column].values()) if (own.shown) errors += own.validate(setError);
    if (!second) for (const own of this.own[1].values()) own.clearErrors();
    for (const r of ROLES) {
      const { error } = this.share(r.field);
      setError(r.field, error ?? '');
      if (error) errors++;
    }
    return errors;
  }

  /** A saved table of the user's own is sent as its frequencies: the module knows only its own tables. */
  savedTable(id, value) { return this.tablesOf(id).find((p) => p.id === value && p.saved); }

  tables(column) {
    return Object.fromEntries([...this.selects[column]].map(([id, s]) =>
      [id, s.value === OWN ? this.own[column].get(id).values() : this.savedTable(id, s.value)?.frequencies ?? s.value]));
  }

  /** One population ({system: table}) or a mixture of the two. */
  toRequest(request) {
    for (const r of ROLES) {
      const percent = this.share(r.field).value;
      if (percent === 100) request[r.field] = this.tables(0);
      else if (percent === 0) request[r.field] = this.tables(1);
      else {
        const w = percent / 100;
        request[r.field] = [{ weight: w, populations: this.tables(0) }, { weight: 1 - w, populations: this.tables(1) }];
      }
    }
  }

  // URL: population 1 as ?rh=…, population 2 as ?rh2=…, shares as ?donors=99&patients=0;
  // defaults are left out.
  static paramNames(systems) {
    return [...systems.map((s) => s.id), ...systems.map((s) => `${s.id}2`), ...ROLES.map((r) => r.param)];
  }

  toParams(params) {
    for (const s of this.systems)
      for (const [column, key, fallback] of [[0, s.id, this.firstTable(s.id)], [1, `${s.id}2`, this.secondDefault(s.id)]]) {
        const value = this.selects[column].get(s.id).value;
        const saved = this.savedTable(s.id, value);
        // A saved table travels in the link as its numbers, for a browser that has not saved it.
        if (value === OWN) params.set(key, this.own[column].get(s.id).toParam());
        else if (saved) params.set(key, `${OWN}:${saved.frequencies.join(';')}`);
        else if (value !== fallback) params.set(key, value);
      }
    for (const r of ROLES) {
      const text = this.shares.get(r.field).value.trim();
      if (parseNumber(text) !== 100) params.set(r.param, text);
    }
  }

  restore(params) {
    const problems = [];
    this.reset();
    for (const s of this.systems)
      for (const [column, key] of [[0, s.id], [1, `${s.id}2`]]) {
        const wanted = params.get(key);
        if (wanted == null) continue;
        const select = this.selects[column].get(s.id);
        if (wanted.startsWith(`${OWN}:`)) {
          select.value = OWN;
          this.showOwn(column, s.id);
          problems.push(...this.own[column].get(s.id).fromParam(wanted.slice(OWN.length + 1)));
        } else if (wanted !== OWN && [...select.options].some((o) => o.value === wanted)) select.value = wanted;
        else problems.push(`Population ${column + 1} for ${s.name}: "${wanted}" is not a table for this system`);
      }
    for (const r of ROLES) {
      const wanted = params.get(r.param);
      if (wanted == null) continue;
      this.shares.get(r.field).value = wanted;
      const { error } = this.share(r.field);
      if (error) problems.push(`${r.label}: ${error.charAt(0).toLowerCase()}${error.slice(1)}`);
    }
    this.matchScenario();
    return problems;
  }

  /** The own table a module's error about donors.rh or recipients[1].populations.rh is about
   *  (its path), or undefined when the table is a built-in one. */
  ownTablePath(path) {
    const m = /^(donors|recipients)(?:\[(\d)\]\.populations)?\.([\w-]+)/.exec(path);
    if (!m) return undefined;
    // One population is sent as population 1's tables at 100 %, population 2's at 0 %.
    const column = m[2] != null ? Number(m[2]) : this.share(m[1]).value === 0 ? 1 : 0;
    const own = this.own[column]?.get(m[3]);
    return own?.shown ? own.path : undefined;
  }

  /** The user's name for an own table (own1.rh) or one of its frequencies (own1.rh[2]). */
  ownTableLabel(path) {
    const m = /^own([12])\.([\w-]+)(?:\[(\d+)\])?$/.exec(path);
    const own = m && this.own[Number(m[1]) - 1].get(m[2]);
    if (!own) return undefined;
    return m[3] != null ? `the frequency of ${own.system.phenotypes[Number(m[3])]?.label} (${own.name})` : `${own.name} (your frequencies)`;
  }

  /** The user's words for a request path under donors / recipients. */
  static fieldLabel(path) {
    const role = ROLES.find((r) => path === r.field || path.startsWith(`${r.field}[`) || path.startsWith(`${r.field}.`));
    return role ? `the ${role.label.toLowerCase()}’ populations` : undefined;
  }
}
