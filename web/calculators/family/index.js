// Family calculator: a family of up to 24 people, the blood groups known for some of them,
// and every other member's chance of each blood group (the `family` operation: exact
// posteriors over the pedigree, founders from the population; thesis eq. 3.12).
//
// Its own inputs only: the members (name, father, mother, blood group as staff write it) and
// a population per system. The genotype model comes from the shell as an option.
import { calculator } from '../../lib/calculator-shell.js';
import { modelWords } from '../../lib/words.js';
import { h } from '../../lib/dom.js';
import { scrollRegion } from '../../lib/table.js';
import { SYSTEM_ORDER, describeBloodGroup, loadBloodGroupCatalogue, readBloodGroup } from '../../lib/blood-group.js';
import { SystemPopulations } from '../../lib/system-populations.js';
import { MAX_PEOPLE, PRESETS, checkMembers, membersFromParam, membersToParam, presetOf } from './members.js';
import { renderFamily } from './results.js';

let current = null; // the inputs on screen: a result marks the people an impossible family names

export default calculator({
  id: 'family',
  title: 'Family',
  summary: 'blood-group probabilities of every family member, from the ones you know',
  op: 'family',
  intro: 'List the family: each person with their father and mother if they are in the list (a parent not listed is a person from the population). ' +
    'Type the blood groups you know, the way you write them. The result gives every other member’s chance of each blood group, exactly, from all of them at once. ' +
    'An impossible family (O parents with an AB child) is marked at the people to check. It neither establishes nor excludes parentage.',
  ownFields: ['people', 'systems'],
  optionWords: { model: modelWords(() => [' People whose parents are not listed are drawn from these frequencies (negative ones as 0).']) },
  paramNames: [...SystemPopulations.paramNames(SYSTEM_ORDER), 'people'],
  load: loadBloodGroupCatalogue,
  inputs: (catalogue, shell) => (current = new FamilyInputs(catalogue, shell)),
  render: (container, result, warnings, context) => renderFamily(container, result, warnings, { ...context, rows: current.rows() }),
});

class FamilyInputs {
  constructor(catalogue, { changed }) {
    this.catalogue = catalogue;
    this.changed = changed;
    this.systems = SYSTEM_ORDER.map((id) => catalogue.systems.find((s) => s.id === id)).filter(Boolean);
    this.members = [];
    this.body = h('tbody');
    this.preset = h('select', { id: 'fm-preset', onchange: () => { this.load(PRESETS[this.preset.value]?.people ?? []); changed(); } },
      h('option', { value: '' }, 'Your own family'),
      Object.entries(PRESETS).map(([id, p]) => h('option', { value: id }, p.label)));
    this.addButton = h('button', { type: 'button', class: 'secondary', id: 'fm-add', onclick: () => { this.add({}); this.preset.value = ''; changed(); } }, 'Add a person');
    this.populations = new SystemPopulations(this.systems, catalogue.populations, { prefix: 'fm', changed });
    this.fieldsets = [
      h('fieldset', {},
        h('legend', {}, 'The family'),
        h('div', { class: 'field' }, h('label', { for: 'fm-preset' }, 'Start from'), this.preset),
        h('p', { class: 'hint' }, 'Blood groups as you write them: O-, A pos, O RhD-neg K-, R1r, Fy(a-b+). Leave it empty for the people you want to know about.'),
        scrollRegion('Family members',
          h('table', { class: 'fm-members' },
            h('thead', {}, h('tr', {}, ['Name', 'Father', 'Mother', 'Blood group', ''].map((c, i) => h('th', { scope: 'col' }, c || h('span', { class: 'visually-hidden' }, 'Remove'))))),
            this.body)),
        // What is wrong with the family as a whole (an impossible one, nobody typed), under the
        // list it is about; in a box of its own, so it marks no input.
        h('div', {}, h('span', { class: 'field-error', 'data-error-for': 'people' })),
        this.addButton),
      this.populations.fieldset,
    ];
    this.load(PRESETS.parents.people);
    this.preset.value = 'parents';
  }

  load(people) {
    this.members = [];
    this.body.replaceChildren();
    for (const [name, father, mother, group] of people) this.add({ name, father, mother, group });
  }

  /** A row: name, father and mother (selects over the other names), blood group, remove. */
  add({ name = '', father = '', mother = '', group = '' }) {
    if (this.members.length >= MAX_PEOPLE) return;
    const k = this.members.length;
    const row = { id: `fm-${k}-${Math.random().toString(36).slice(2, 7)}` };
    const edited = () => { this.preset.value = ''; this.changed(); };
    row.name = h('input', { type: 'text', id: `${row.id}-name`, autocomplete: 'off', size: 10, value: name, 'aria-label': 'Name',
      oninput: () => { this.refreshParents(); edited(); } });
    row.father = h('select', { id: `${row.id}-father`, 'aria-label': 'Father', onchange: edited });
    row.mother = h('select', { id: `${row.id}-mother`, 'aria-label': 'Mother', onchange: edited });
    row.group = h('input', { type: 'text', id: `${row.id}-group`, autocomplete: 'off', spellcheck: false, size: 14, value: group,
      'aria-label': 'Blood group', 'aria-describedby': `${row.id}-error ${row.id}-read`, oninput: edited });
    row.error = h('span', { class: 'field-error', id: `${row.id}-error` });
    row.read = h('span', { class: 'hint fm-read', id: `${row.id}-read` });
    // Each cell names its column: on a phone a person is a card of labelled boxes (web/style.css).
    row.element = h('tr', {},
      h('td', { class: 'fm-name-cell', 'data-label': 'Name' }, row.name),
      h('td', { class: 'fm-father-cell', 'data-label': 'Father' }, row.father),
      h('td', { class: 'fm-mother-cell', 'data-label': 'Mother' }, row.mother),
      h('td', { class: 'fm-group-cell', 'data-label': 'Blood group' }, row.group, row.read, row.error),
      h('td', { class: 'fm-row-actions' },
        h('button', { type: 'button', class: 'secondary fm-add-parents', title: 'Add this person’s father and mother to the family',
          onclick: () => { this.addParents(row); edited(); } }, '+ parents'),
        h('button', { type: 'button', class: 'secondary fm-add-child', title: 'Add a child of this person (choose the other parent in the new row)',
          onclick: () => { this.addChild(row); edited(); } }, '+ child'),
        h('button', { type: 'button', class: 'secondary fm-remove', 'aria-label': 'Remove this person',
          onclick: () => { this.remove(row); edited(); } }, '×')));
    row.wanted = { father, mother };
    this.members.push(row);
    this.body.append(row.element);
    this.refreshParents();
  }

  /** Two new people, this person's father and mother (named after them), set as their parents. */
  addParents(row) {
    if (this.members.length + 2 > MAX_PEOPLE) return;
    const name = row.name.value.trim() || 'Person';
    const free = (base) => {
      const taken = new Set(this.members.map((r) => r.name.value.trim()));
      let n = base;
      for (let k = 2; taken.has(n); ++k) n = `${base} ${k}`;
      return n;
    };
    const father = free(`${name}'s father`);
    this.add({ name: father });
    const mother = free(`${name}'s mother`);
    this.add({ name: mother });
    row.wanted = { father, mother };
    this.refreshParents();
  }

  /** A new person, this one's child: as its mother if this person is already someone's
   *  mother, else as its father; the other parent is chosen in the new row (or left out: a
   *  partner from the population). */
  addChild(row) {
    if (this.members.length >= MAX_PEOPLE) return;
    const name = row.name.value.trim() || 'Person';
    const taken = new Set(this.members.map((r) => r.name.value.trim()));
    let child = `${name}'s child`;
    for (let k = 2; taken.has(child); ++k) child = `${name}'s child ${k}`;
    const asMother = this.members.some((r) => r.mother.value === name);
    this.add({ name: child, father: asMother ? '' : name, mother: asMother ? name : '' });
  }

  remove(row) {
    this.members = this.members.filter((r) => r !== row);
    row.element.remove();
    this.refreshParents();
  }

  /** Each parent select lists the other people by name, keeping its choice where it still exists. */
  refreshParents() {
    const names = this.members.map((r) => r.name.value.trim());
    for (const row of this.members) {
      for (const key of ['father', 'mother']) {
        const select = row[key];
        const keep = row.wanted?.[key] ?? select.value;
        select.replaceChildren(h('option', { value: '' }, '—'),
          ...names.filter((n) => n && n !== row.name.value.trim()).map((n) => h('option', { value: n }, n)));
        select.value = names.includes(keep) && keep !== row.name.value.trim() ? keep : '';
      }
      row.wanted = null;
    }
    this.addButton.disabled = this.members.length >= MAX_PEOPLE;
    this.showParentButtons();
  }

  /** "+ parents" only for people without parents in the family; both buttons while there is room. */
  showParentButtons() {
    for (const r of this.members) {
      r.element.querySelector('.fm-add-parents').hidden = Boolean(r.father.value || r.mother.value) || this.members.length + 2 > MAX_PEOPLE;
      r.element.querySelector('.fm-add-child').hidden = this.members.length >= MAX_PEOPLE;
    }
  }

  /** [{name, father, mother, group}] as on screen. */
  rows() {
    return this.members.map((r) => ({ name: r.name.value.trim(), father: r.father.value, mother: r.mother.value, group: r.group.value }));
  }

  read(group) { return group.trim() === '' ? { phenotypes: new Map() } : readBloodGroup(group, this.systems); }

  /** The systems the typed blood groups use, in order; Rh and RhD may not both appear. */
  systemsUsed() {
    const used = new Set();
    for (const r of this.rows()) for (const id of this.read(r.group).phenotypes?.keys() ?? []) used.add(id);
    return this.systems.filter((s) => used.has(s.id));
  }

  title() { return `${this.members.length} people`; }

  restore(params) {
    const problems = [];
    const text = params.get('people');
    if (text != null) {
      const rows = membersFromParam(text);
      if (rows.length > MAX_PEOPLE) problems.push(`People: the link has ${rows.length}; at most ${MAX_PEOPLE}`);
      this.load(rows.slice(0, MAX_PEOPLE).map((r) => [r.name, r.father, r.mother, r.group]));
      // A link made from a family to start from says so again.
      this.preset.value = presetOf(this.rows());
      const missing = rows.flatMap((r) => [r.father, r.mother]).filter((p) => p && !rows.some((x) => x.name === p));
      if (missing.length) problems.push(`People: ${[...new Set(missing)].map((m) => `“${m}”`).join(', ')} named as a parent but not in the family`);
    } else {
      this.load(PRESETS.parents.people);
      this.preset.value = 'parents';
    }
    for (const [i, message] of this.check()) problems.push(`${this.rows()[i].name || `Person ${i + 1}`}: ${message}`);
    problems.push(...this.populations.restore(params));
    return problems;
  }

  /** Map row -> message: the list's structure, then each blood group, then Rh written two ways. */
  check() {
    const rows = this.rows();
    const problems = checkMembers(rows);
    rows.forEach((r, i) => {
      const { error } = this.read(r.group);
      if (error && !problems.has(i)) problems.set(i, error);
    });
    const used = new Set(this.systemsUsed().map((s) => s.id));
    if (used.has('rh') && used.has('rhd')) {
      rows.forEach((r, i) => {
        if (!problems.has(i) && this.read(r.group).phenotypes?.has('rhd'))
          problems.set(i, 'Others have a full Rh phenotype: write this one’s Rh in full too (e.g. DCce), or everyone’s as RhD only');
      });
    }
    return problems;
  }

  validate(setError) {
    this.showParentButtons();
    const problems = this.check();
    this.members.forEach((r, i) => {
      // The row's slot is named by its request path, so the module's errors about this person land here too.
      r.error.dataset.errorFor = `people[${i}]`;
      setError(`people[${i}]`, problems.get(i) ?? '');
      r.element.classList.remove('fm-conflict');
      const { phenotypes } = this.read(r.group.value);
      r.read.textContent = phenotypes?.size ? `Read as ${describeBloodGroup(this.systems, phenotypes, { short: true })}` : '';
    });
    const none = this.systemsUsed().length === 0;
    setError('people', none ? 'Type at least one person’s blood group' : '');
    this.populations.show(new Set(this.systemsUsed().map((s) => s.id)));
    return problems.size + (none ? 1 : 0);
  }

  apiError(error) { if (error.code === 'inconsistent') this.markConflict(error.message); }

  /** After an impossible family: mark the people the module names. */
  markConflict(message) {
    for (const r of this.members) {
      const name = r.name.value.trim();
      if (name && new RegExp(`(check |, | or )${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(message)) {
        r.element.classList.add('fm-conflict');
        r.error.textContent = 'Check this blood group (or who the parents are)';
      }
    }
  }

  /** An impossible family is about the people, whom the rows mark: its message goes under the list. */
  errorField(path) { return /^systems\[\d+\]\.(observed|genotypes)/.test(path) ? 'people' : undefined; }

  fieldLabel(path) {
    if (path === 'people') return 'the family';
    const m = /^people\[(\d+)\]/.exec(path);
    if (m) return this.rows()[Number(m[1])]?.name || `person ${Number(m[1]) + 1}`;
    const s = /^systems\[(\d+)\]/.exec(path);
    if (s) return `the ${this.systemsUsed()[Number(s[1])]?.name ?? ''} blood groups`;
    return undefined;
  }

  toParams(params) {
    params.set('people', membersToParam(this.rows()));
    this.populations.toParams(params, new Set(this.systemsUsed().map((s) => s.id)));
  }

  toRequest(request) {
    const rows = this.rows();
    request.people = rows.map((r) => ({ id: r.name, ...(r.father ? { father: r.father } : {}), ...(r.mother ? { mother: r.mother } : {}) }));
    request.systems = this.systemsUsed().map((s) => ({
      system: s.id,
      population: this.populations.table(s.id),
      observed: Object.fromEntries(rows.map((r) => [r.name, this.read(r.group).phenotypes?.get(s.id)]).filter(([, label]) => label)),
    }));
  }
}
