// Frequencies calculator: how common is each blood group over a chosen set of antigens, how
// many patients can each serve (usability), how many donors can serve it (receivability),
// and which donor groups can serve one patient's group, best first by the relative
// opportunity loss. Thesis ch. 4 (eq. 4.10-4.11) and Definitions 6.1-6.3.
//
// Its own inputs only: the antigens (in the order chosen), the populations, a patient's
// group and a filter. Everything else comes from the calculator shell.
import { calculator } from '../../lib/calculator-shell.js';
import { h } from '../../lib/dom.js';
import { OWN_SYSTEM_PARAMS, loadSystemsWithOwn, readOwnSystemParams, writeOwnSystemParams } from '../../lib/own-systems.js';
import { describeGroup, readGroup } from '../../lib/blood-group.js';
import { PopulationInputs } from './populations.js';
import { ANTIGEN_PRESETS as PRESETS } from './presets.js';
import { renderFrequencies } from './results.js';

const SYSTEMS = ['abo', 'rh', 'kell', 'duffy', 'kidd', 'mns'];
const DEFAULT_ANTIGENS = ['A', 'B', 'D'];

export default calculator({
  id: 'frequencies',
  title: 'Frequencies',
  summary: 'blood-group frequencies, usability, receivability and the best donor groups for a patient (thesis ch. 4, 6)',
  op: 'frequencies',
  intro: 'Choose the antigens you match on. Every combination of them is a blood group: the table shows how common each is among donors, ' +
    'the share of patients it can be given to (usability) and the share of donors who can give to it (receivability), ' +
    'computed from each system’s phenotype frequencies (thesis eq. 4.10–4.11, Definitions 6.1–6.2). ' +
    'Give a patient’s group to see which donor groups can serve it, the least wasteful first (relative opportunity loss, Definition 6.3).',
  ownFields: ['antigens', 'group', 'donor_group', 'systems', 'populations', 'donors', 'recipients', 'table', 'filter'],
  optionWords: {
    order: {
      label: 'Order of the rows',
      choices: { colex: 'the thesis’s order', rarest: 'rarest first', commonest: 'commonest first', least_usable: 'least usable first',
        most_usable: 'most usable first', least_receivable: 'least receivable first', most_receivable: 'most receivable first' },
      hint: () => ['The thesis’s order is colexicographic (eq. 4.7). Rarest first counts among donors: the rarest groups that occur, ',
        'those that do not occur last. Least receivable first: the groups hardest to supply. Ties keep the thesis’s order. ',
        'The column headings of the table choose it too.'],
    },
  },
  paramNames: [...PopulationInputs.paramNames(SYSTEMS.map((id) => ({ id }))), 'donor', ...OWN_SYSTEM_PARAMS,
    ...PopulationInputs.paramNames([{ id: 'own' }])],
  // A system of the user's own (the Systems tab), one at a time, named by the link.
  // A table of one's own must sum to 1 within the API's default sum tolerance (`stationary`'s, from describe).
  load: async (client, params) => {
    const [catalogue, operations] = await Promise.all([loadSystemsWithOwn(client, readOwnSystemParams(params)), client.operations()]);
    return { ...catalogue, sumTolerance: operations.stationary.fields.find((f) => f.name === 'sum_tolerance').default };
  },
  inputs: (catalogue, shell) => (current = new FrequencyInputs(catalogue, shell)),
  // A group's name in the table looks it up: it becomes the patient's group, and is computed.
  render: (container, result, warnings, context) => renderFrequencies(container, result, warnings, {
    ...context, lookUp: (label) => { current.lookUp(label); context.computeWith({}); } }),
});

/**
 * The systems of the tab: the six built-in ones, with the user's own system the link names
 * (catalogue.own's `linked` entry) in place of the built-in system whose antigens it shares,
 * or beside them (as system "own"). Its saved tables become that system's populations.
 */
function withOwnSystem(catalogue) {
  const builtins = SYSTEMS.map((id) => catalogue.systems.find((s) => s.id === id));
  const own = catalogue.own.find((o) => o.linked);
  const none = { systems: builtins, populations: catalogue.populations, ownProblems: [], entry: null };
  if (!own) return none;
  const overlap = builtins.filter((b) => b.antigens.some((a) => own.system.antigens.includes(a)));
  if (overlap.length > 1) {
    return { ...none, ownProblems: [`Your system “${own.system.name}” shares antigens with ${overlap.map((b) => b.name).join(' and ')}; ` +
      'it can take the place of one built-in system only, so it was left out.'] };
  }
  const id = overlap[0]?.id ?? 'own';
  const entry = { ...own.system, id, own, replaces: overlap[0] ?? null };
  return {
    systems: overlap.length ? builtins.map((b) => (b.id === id ? entry : b)) : [...builtins, entry],
    populations: [...catalogue.populations.filter((p) => p.system !== id), ...own.tables.map((t) => ({ ...t, system: id }))],
    ownProblems: [],
    entry,
  };
}

let current = null; // the inputs on screen, for the table's look-up of a group

class FrequencyInputs {
  constructor(catalogue, { changed }) {
    this.catalogue = catalogue;
    ({ systems: this.systems, populations: this.tables, ownProblems: this.ownProblems, entry: this.ownEntry } = withOwnSystem(catalogue));
    this.order = []; // antigens in the order they were ticked
    this.boxes = new Map();
    const rows = this.systems.map((s) => h('div', { class: 'fq-system' },
      h('span', { class: 'fq-system-name' }, s.name),
      h('span', { class: 'fq-antigens' }, s.antigens.map((a) => {
        const box = h('input', { type: 'checkbox', id: `fq-a-${a}`, value: a,
          onchange: () => { this.toggle(a, box.checked); this.preset.value = ''; changed(); } });
        this.boxes.set(a, box);
        return h('label', { class: 'fq-antigen', for: box.id }, box, ` ${a}`);
      }))));
    this.preset = h('select', { id: 'fq-preset', onchange: () => { this.applyPreset(this.preset.value); changed(); } },
      h('option', { value: '' }, 'Your own choice'),
      PRESETS.map((p) => h('option', { value: p.id }, p.label)));
    this.orderOutput = h('output', { id: 'fq-order' });
    this.populations = new PopulationInputs(this.systems, this.tables, changed, catalogue.sumTolerance);
    this.ownChoice = h('select', { id: 'fq-own-system', onchange: () => this.switchOwnSystem() },
      h('option', { value: '' }, 'None: the built-in systems'),
      catalogue.own.map((o) => h('option', { value: o.id }, o.system.name)));
    this.ownChoice.value = this.ownEntry?.own.id ?? '';
    // Each group box says how it was read ("A+" over A, B, D: A D+), so no reading is silent.
    this.readings = [];
    const text = (id, field, label, hint, placeholder, complete) => {
      const input = h('input', { type: 'text', id, autocomplete: 'off', spellcheck: false, placeholder,
        'aria-describedby': `${id}-hint ${id}-read`, oninput: () => changed() });
      const read = h('output', { id: `${id}-read`, for: id });
      this.readings.push({ input, read, complete });
      return [input, h('div', { class: 'field' }, h('label', { for: id }, label), input,
        h('span', { class: 'hint', id: `${id}-hint` }, hint),
        h('span', { class: 'field-error', 'data-error-for': field }),
        h('span', { class: 'hint' }, 'Read as: ', read))];
    };
    let groupField, donorField, filterField;
    [this.group, groupField] = text('fq-group', 'group', 'Patient’s blood group',
      'Optional. As you write it: every chosen antigen with + or −, ABO as O, A, B or AB (“A+”, “O neg K-”, “A D+ K-”). Lists the donor groups that can serve it.', 'e.g. O- K-', true);
    [this.donor, donorField] = text('fq-donor', 'donor_group', 'Donor group to issue',
      'Optional: the relative opportunity loss of giving this group to the patient.', 'e.g. O- K-', true);
    [this.filter, filterField] = text('fq-filter', 'filter', 'Show only groups matching',
      'Optional. Some antigens with + or −: “O-” lists every O D- group.', 'e.g. O-', false);
    this.fieldsets = [
      h('fieldset', {},
        h('legend', {}, 'Antigens'),
        h('div', { class: 'field' }, h('label', { for: 'fq-own-system' }, 'A system of your own'), this.ownChoice,
          h('span', { class: 'hint' }, catalogue.own.length
            ? 'From the Systems tab. It takes the place of the built-in system whose antigens it shares, or comes beside them.'
            : 'None saved yet: define one on the Systems tab (a silent allele, another system).')),
        h('div', { class: 'field' }, h('label', { for: 'fq-preset' }, 'Antigen set'), this.preset),
        h('p', { class: 'hint' }, 'Or tick the antigens to match on. The order you tick them in is the order of the groups. ',
          'Large tables (17 antigens: 131 072 groups) come a page at a time; choose the order (rarest first, say) under Options.'),
        ...rows,
        h('p', {}, 'Order: ', this.orderOutput),
        h('span', { class: 'field-error', 'data-error-for': 'antigens' })),
      this.populations.fieldset,
      h('fieldset', {}, h('legend', {}, 'One patient, and the table'), groupField, donorField, filterField),
    ];
    this.setAntigens(DEFAULT_ANTIGENS);
  }

  /** Another system of one's own (or none): the tab is rebuilt from a link with it, keeping the
   *  antigens that still exist. */
  switchOwnSystem() {
    const chosen = this.catalogue.own.find((o) => o.id === this.ownChoice.value);
    const { systems } = withOwnSystem({ ...this.catalogue, own: chosen ? [{ ...chosen, linked: true }] : [] });
    const known = new Set(systems.flatMap((s) => s.antigens));
    let antigens = this.order.filter((a) => known.has(a));
    if (chosen && !antigens.some((a) => chosen.system.antigens.includes(a))) antigens = [...antigens, ...chosen.system.antigens];
    const params = new URLSearchParams({ antigens: antigens.join(',') });
    if (chosen) writeOwnSystemParams(params, chosen.definition);
    location.hash = `#/frequencies?${params}`;
  }

  lookUp(label) {
    this.group.value = label;
    this.donor.value = '';
  }

  toggle(antigen, on) {
    this.order = this.order.filter((a) => a !== antigen);
    if (on) this.order.push(antigen);
    this.orderOutput.textContent = this.order.length ? this.order.join(', ') : 'none (one group: everyone)';
  }

  setAntigens(list) {
    this.order = [];
    for (const box of this.boxes.values()) box.checked = false;
    for (const a of list) { this.boxes.get(a).checked = true; this.toggle(a, true); }
    this.preset.value = PRESETS.find((p) => p.antigens.join() === list.join())?.id ?? '';
  }

  applyPreset(id) {
    const preset = PRESETS.find((p) => p.id === id);
    if (preset) this.setAntigens(preset.antigens);
  }

  title() { return this.order.join(' '); }

  /** The module's complaint about a table of one's own goes next to that table. */
  errorField(path) { return this.populations.ownTablePath(path); }

  fieldLabel(path) {
    const own = this.populations.ownTableLabel(path);
    if (own) return own;
    if (path === 'antigens') return 'the antigens';
    if (path.startsWith('group')) return 'the patient’s group';
    if (path.startsWith('donor_group')) return 'the donor group';
    if (path.startsWith('filter')) return 'the filter';
    return PopulationInputs.fieldLabel(path);
  }

  restore(params) {
    const problems = [...this.catalogue.linkProblems, ...this.ownProblems];
    const list = params.get('antigens');
    if (list != null) {
      const names = list.split(',').filter(Boolean);
      const unknown = names.filter((a) => !this.boxes.has(a));
      if (unknown.length) problems.push(`Antigens: ${unknown.map((a) => `"${a}"`).join(', ')} not known here`);
      this.setAntigens([...new Set(names.filter((a) => this.boxes.has(a)))]);
    } else this.setAntigens(DEFAULT_ANTIGENS);
    problems.push(...this.populations.restore(params));
    for (const [input, key, label, complete] of [[this.group, 'group', 'Patient’s group', true],
      [this.donor, 'donor', 'Donor group', true], [this.filter, 'filter', 'Filter', false]]) {
      input.value = params.get(key) ?? '';
      const { error } = this.read(input, complete);
      if (error) problems.push(`${label}: ${error}`);
    }
    return problems;
  }

  /** A group input read over the chosen antigens: {} when empty, else readGroup's answer. */
  read(input, complete) {
    const known = this.systems.flatMap((s) => s.antigens);
    return input.value.trim() === '' ? {} : readGroup(input.value, this.order, { complete, known });
  }

  validate(setError) {
    setError('antigens', '');
    for (const { input, read, complete } of this.readings) {
      const group = this.read(input, complete);
      read.textContent = group.present ? describeGroup(this.order, group) : '—';
    }
    let errors = this.populations.validate(setError);
    const group = this.read(this.group, true), donor = this.read(this.donor, true), filter = this.read(this.filter, false);
    const checks = [['group', group.error], ['filter', filter.error],
      ['donor_group', donor.error ?? (donor.present && !group.present ? 'Give the patient’s group too' : undefined)]];
    if (!donor.error && donor.present && group.present) {
      const extra = donor.present.filter((a) => !group.present.includes(a));
      if (extra.length) checks[2][1] = `Not compatible: the donor has ${extra.join(', ')}, which the patient lacks`;
    }
    for (const [field, error] of checks) {
      setError(field, error ?? '');
      if (error) errors++;
    }
    return errors;
  }

  toParams(params) {
    params.set('antigens', this.order.join(','));
    if (this.ownEntry) writeOwnSystemParams(params, this.ownEntry.own.definition);
    this.populations.toParams(params);
    if (this.group.value.trim()) params.set('group', this.group.value.trim());
    if (this.donor.value.trim()) params.set('donor', this.donor.value.trim());
    if (this.filter.value.trim()) params.set('filter', this.filter.value.trim());
  }

  toRequest(request) {
    request.antigens = [...this.order];
    if (this.ownEntry) request.systems = { [this.ownEntry.id]: this.ownEntry.own.definition };
    this.populations.toRequest(request);
    const group = this.read(this.group, true), donor = this.read(this.donor, true), filter = this.read(this.filter, false);
    if (group.present) request.group = group.present;
    if (donor.present) request.donor_group = donor.present;
    if (filter.present) request.filter = { present: filter.present, absent: filter.absent };
    // A patient's group over more antigens than a table can hold is still answered.
    request.table = this.order.length <= 20;
  }
}
