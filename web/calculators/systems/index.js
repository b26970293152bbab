// Systems and populations: define a blood-group system of your own (loci, alleles and the
// antigens each allele carries, thesis sec. 3.1), see what it makes (haplotypes, genotypes,
// phenotypes: the `system` operation), give it a population's phenotype frequencies (typed,
// pasted or imported as CSV) and save it in this browser; the Genotypes and Frequencies tabs
// then offer it beside the built-in systems.
import { calculator } from '../../lib/calculator-shell.js';
import { h } from '../../lib/dom.js';
import { formatLoci, loadOwnSystems, parseLoci, removeOwnSystem } from '../../lib/own-systems.js';
import { renderSystem } from './results.js';

const EXAMPLE = {
  name: 'Duffy with a silent allele',
  loci: 'FY: FY*A = Fya, FY*B = Fyb, FY*Null =',
  empty: 'Fy(a-b-)',
};

let current = null; // the inputs on screen, so a saved result can refresh the list of saved systems

export default calculator({
  id: 'systems',
  title: 'Systems',
  summary: 'define a blood-group system of your own and its population tables, for every calculator',
  op: 'system',
  intro: 'Define a blood-group system of your own: its loci, their alleles and the antigens each allele carries ' +
    '(a silent allele carries none). Show it to see its haplotypes, genotypes and phenotypes, give a population’s ' +
    'phenotype frequencies, and save it: the Genotypes and Frequencies tabs then offer it beside the built-in systems. ' +
    'Saved systems stay in this browser only.',
  computeLabel: 'Show the system',
  ownFields: ['system'],
  paramNames: ['name', 'loci', 'empty'],
  // A saved table must sum to 1 within the tolerance the calculators accept by default
  // (`stationary`'s sum_tolerance, from describe).
  load: async (client) => {
    const [{ result }, operations] = await Promise.all([client.call('systems'), client.operations()]);
    return { ...result, sumTolerance: operations.stationary.fields.find((f) => f.name === 'sum_tolerance').default };
  },
  inputs: (catalogue, shell) => (current = new SystemInputs(catalogue, shell)),
  render: (container, result, warnings, context) => renderSystem(container, result, warnings, {
    ...context, editing: current?.editing, savedChanged: () => current?.refreshSaved(), sumTolerance: current.catalogue.sumTolerance,
  }),
});

class SystemInputs {
  constructor(catalogue, { changed }) {
    this.catalogue = catalogue;
    this.changed = changed;
    this.editing = null; // the saved system loaded into the form, if any
    const text = (id, label, hint, attrs = {}) => h('div', { class: 'field' }, h('label', { for: id }, label),
      h(attrs.rows ? 'textarea' : 'input', { id, autocomplete: 'off', spellcheck: false, 'aria-describedby': `${id}-hint`,
        ...(attrs.rows ? {} : { type: 'text' }), ...attrs, oninput: () => { this.edited(); changed(); } }),
      h('span', { class: 'hint', id: `${id}-hint` }, hint),
      h('span', { class: 'field-error', 'data-error-for': attrs['data-field'] ?? id }));
    this.start = h('select', { id: 'sy-start', onchange: () => { this.startFrom(this.start.value); changed(); } });
    const nameField = text('sy-name', 'Name', 'How the calculators will list it.', { 'data-field': 'system.name' });
    const lociField = text('sy-loci', 'Loci and alleles',
      'One locus per line: the locus, a colon, then its alleles separated by commas, each “allele = the antigens it carries” (spaces between antigens, nothing for a silent allele). ' +
      'Example: “FY: FY*A = Fya, FY*B = Fyb, FY*Null =”. Lines starting with # are ignored.', { rows: 4, 'data-field': 'system' });
    const emptyField = text('sy-empty', 'Phenotype with none of them', 'Optional: its name, e.g. Fy(a-b-); left empty, the calculators write “none”.',
      { 'data-field': 'system.empty_phenotype_label' });
    [this.name, this.loci, this.empty] = ['sy-name', 'sy-loci', 'sy-empty'].map((id, k) => [nameField, lociField, emptyField][k].querySelector(`#${id}`));
    this.savedList = h('ul', { class: 'sy-saved' });
    this.savedNote = h('p', { class: 'hint', role: 'status' });
    this.fieldsets = [
      h('fieldset', {},
        h('legend', {}, 'The system'),
        h('div', { class: 'field' }, h('label', { for: 'sy-start' }, 'Start from'), this.start),
        nameField, lociField, emptyField),
      h('fieldset', {}, h('legend', {}, 'Saved in this browser'), this.savedNote, this.savedList),
    ];
    this.refreshSaved();
    this.setForm(EXAMPLE);
  }

  /** The start-from choices: a blank example, every built-in system, every saved one. */
  refreshSaved() {
    const { systems, problem } = loadOwnSystems();
    this.saved = systems;
    const keep = this.start.value;
    this.start.replaceChildren(
      h('option', { value: 'own' }, 'Your own system, as written below'),
      h('option', { value: 'example' }, 'An example: Duffy with a silent allele'),
      h('optgroup', { label: 'A copy of a built-in system' }, this.catalogue.systems.map((s) => h('option', { value: `builtin:${s.id}` }, s.name))),
      systems.length ? h('optgroup', { label: 'Your saved systems (edit)' }, systems.map((s) => h('option', { value: `saved:${s.id}` }, s.definition.name))) : '');
    if ([...this.start.options].some((o) => o.value === keep)) this.start.value = keep;
    this.savedNote.textContent = problem ?? (systems.length ? '' : 'None yet. Show a system, then save it from the result.');
    this.savedList.replaceChildren(...systems.map((s) => h('li', {},
      h('strong', {}, s.definition.name), ` — ${s.definition.antigens.join(', ')}; `,
      s.populations.length ? `${s.populations.length} population table${s.populations.length > 1 ? 's' : ''} ` : 'no population table ',
      h('a', { href: `#/genotypes?system=${encodeURIComponent(s.id)}` }, 'Genotypes'), ' · ',
      h('a', { href: `#/frequencies?antigens=${encodeURIComponent(s.definition.antigens.join(','))}` }, 'Frequencies'), ' · ',
      h('button', { type: 'button', class: 'link-button', onclick: () => this.remove(s) }, `Delete ${s.definition.name}`))));
  }

  remove(saved) {
    if (!globalThis.confirm?.(`Delete “${saved.definition.name}” and its population tables from this browser?`)) return;
    try { removeOwnSystem(saved.id); } catch (e) { this.savedNote.textContent = e.message; return; }
    if (this.editing?.id === saved.id) this.editing = null;
    this.refreshSaved();
  }

  /** The form of each start choice: {value: {name, loci, empty}}. */
  choices() {
    const copy = (s) => {
      const empty = s.phenotypes.find((p) => p.antigens.length === 0)?.label;
      return { name: `${s.name} (my copy)`, loci: formatLoci(s), empty: empty && empty !== 'none' ? empty : '' };
    };
    return {
      example: EXAMPLE,
      ...Object.fromEntries(this.catalogue.systems.map((s) => [`builtin:${s.id}`, copy(s)])),
      ...Object.fromEntries(this.saved.map((s) => [`saved:${s.id}`,
        { name: s.definition.name, loci: formatLoci(s.definition), empty: s.definition.empty_phenotype_label ?? '' }])),
    };
  }

  startFrom(choice) {
    this.editing = choice.startsWith('saved:') ? this.saved.find((x) => x.id === choice.slice(6)) ?? null : null;
    const form = this.choices()[choice];
    if (form) this.setForm(form);
  }

  /** An edit makes the form one's own, unless it is a saved system being edited (Save replaces it). */
  edited() { if (!this.editing) this.start.value = 'own'; }

  /** The start choice whose form this is (a link's system may be one), else one's own. */
  choiceOf({ name, loci, empty }) {
    const same = (form) => form.name.trim() === name.trim() && form.loci.trim() === loci.trim() && (form.empty ?? '').trim() === empty.trim();
    return Object.entries(this.choices()).find(([, form]) => same(form))?.[0] ?? 'own';
  }

  setForm({ name, loci, empty }) {
    this.name.value = name;
    this.loci.value = loci;
    this.empty.value = empty ?? '';
  }

  read() { return parseLoci(this.loci.value, { name: this.name.value, emptyLabel: this.empty.value }); }

  title() { return this.name.value.trim(); }

  restore(params) {
    if (params.has('loci') || params.has('name')) {
      this.setForm({ name: params.get('name') ?? '', loci: params.get('loci') ?? '', empty: params.get('empty') ?? '' });
    } else this.setForm(EXAMPLE);
    // The link of a copy of Kidd (or of a saved system) says so again in Start from.
    this.start.value = this.choiceOf({ name: this.name.value, loci: this.loci.value, empty: this.empty.value });
    this.editing = this.start.value.startsWith('saved:') ? this.saved.find((x) => `saved:${x.id}` === this.start.value) ?? null : null;
    const problems = [];
    const { errors } = this.read();
    if (errors) problems.push(...errors.map((e) => `Loci and alleles: ${e}`));
    if (!this.name.value.trim()) problems.push('Name: the link gives none');
    return problems;
  }

  validate(setError) {
    const { errors } = this.read();
    setError('system', errors ? errors.join(' ') : '');
    const nameError = this.name.value.trim() ? '' : 'Give the system a name';
    setError('system.name', nameError);
    setError('system.empty_phenotype_label', '');
    return (errors ? 1 : 0) + (nameError ? 1 : 0);
  }

  /** The API names a part of the definition by path (system.loci[1].alleles[0].name): say which line. */
  fieldLabel(path) {
    const m = /^system\.loci\[(\d+)\](?:\.alleles\[(\d+)\])?/.exec(path);
    if (!m) return { system: 'the system', 'system.name': 'the name', 'system.empty_phenotype_label': 'the name of the phenotype with none of the antigens' }[path];
    const lines = this.loci.value.split(/\r?\n/).map((l, k) => [l.trim(), k + 1]).filter(([l]) => l && !l.startsWith('#'));
    const [line, number] = lines[Number(m[1])] ?? ['', '?'];
    const locus = line.split(':')[0].trim();
    return m[2] != null ? `allele ${Number(m[2]) + 1} of locus ${locus} (line ${number})` : `locus ${locus} (line ${number})`;
  }

  toParams(params) {
    params.set('name', this.name.value.trim());
    params.set('loci', this.loci.value.trim());
    if (this.empty.value.trim()) params.set('empty', this.empty.value.trim());
  }

  toRequest(request) { request.system = this.read().definition; }
}
