// Pregnancy calculator: the chance that a fetus carries each red-cell antigen its mother
// lacks (the antigens she could form antibodies against), from her blood group and the
// father's if known, else a father from the population (eq. 3.12 over the parents' genotypes).
//
// Its own inputs only: the mother's and the father's blood groups as staff write them, and a
// population per system. The genotype model comes from the shell as an option.
import { calculator } from '../../lib/calculator-shell.js';
import { modelWords } from '../../lib/words.js';
import { h } from '../../lib/dom.js';
import { SYSTEM_ORDER, describeBloodGroup, loadBloodGroupCatalogue, readBloodGroup } from '../../lib/blood-group.js';
import { SystemPopulations } from '../../lib/system-populations.js';
import { renderPregnancy } from './results.js';

const DEFAULT_MOTHER = 'O RhD-neg K- Fy(a-b+)';

export default calculator({
  id: 'pregnancy',
  title: 'Pregnancy',
  summary: 'chance that a fetus carries an antigen its mother lacks',
  op: 'pregnancy',
  intro: 'Type the mother’s blood group, and the father’s if it is known. The table lists each antigen the mother lacks and the chance that the fetus carries it: ' +
    'the antigens she could form antibodies against (haemolytic disease of the fetus and newborn). Without the father’s blood group, the father is a random person from the population. ' +
    'Whether an antibody matters clinically depends on the antigen; this is only the chance of carrying it. It neither establishes nor excludes parentage.',
  ownFields: ['systems'],
  optionWords: { model: modelWords() },
  paramNames: [...SystemPopulations.paramNames(SYSTEM_ORDER), 'mother', 'father'],
  load: loadBloodGroupCatalogue,
  inputs: (catalogue, shell) => new PregnancyInputs(catalogue, shell),
  render: (container, result, warnings, context) => renderPregnancy(container, result, warnings, context),
});

class PregnancyInputs {
  constructor(catalogue, { changed }) {
    this.catalogue = catalogue;
    this.systems = SYSTEM_ORDER.map((id) => catalogue.systems.find((s) => s.id === id)).filter(Boolean);
    const person = (id, label, hint) => {
      const input = h('input', { type: 'text', id, autocomplete: 'off', spellcheck: false, 'aria-describedby': `${id}-hint ${id}-read`, oninput: () => changed() });
      const read = h('output', { id: `${id}-read`, for: id });
      return [input, read, h('div', { class: 'field' }, h('label', { for: id }, label), input,
        h('span', { class: 'hint', id: `${id}-hint` }, hint), h('span', { class: 'field-error', 'data-error-for': id }),
        h('span', { class: 'hint' }, 'Read as: ', read))];
    };
    let motherField, fatherField;
    [this.mother, this.motherRead, motherField] = person('pg-mother', 'Mother’s blood group',
      'As you write it: O-, O RhD-neg K- Fy(a-b+), rr, Jk(a-b+). Each antigen she lacks is listed below.');
    [this.father, this.fatherRead, fatherField] = person('pg-father', 'Father’s blood group (optional)',
      'Only the systems of the mother’s blood group are used; a system left out is a random father’s.');
    this.populations = new SystemPopulations(this.systems, catalogue.populations, { prefix: 'pg', changed });
    this.fieldsets = [h('fieldset', {}, h('legend', {}, 'The parents'), motherField, fatherField), this.populations.fieldset];
    this.mother.value = DEFAULT_MOTHER;
  }

  read(input) { return input.value.trim() === '' ? { phenotypes: new Map() } : readBloodGroup(input.value, this.systems); }

  /** {mother: Map, father: Map} or {field, error}. */
  parents() {
    const mother = this.read(this.mother), father = this.read(this.father);
    if (this.mother.value.trim() === '') return { field: 'pg-mother', error: 'Type the mother’s blood group' };
    if (mother.error) return { field: 'pg-mother', error: mother.error };
    if (father.error) return { field: 'pg-father', error: father.error };
    for (const id of father.phenotypes.keys()) {
      if (mother.phenotypes.has(id)) continue;
      const name = this.systems.find((s) => s.id === id).name;
      // RhD written for one parent, a full Rh phenotype for the other.
      const other = id === 'rh' ? 'rhd' : id === 'rhd' ? 'rh' : null;
      return { field: 'pg-father', error: other && mother.phenotypes.has(other)
        ? `Write the father’s Rh the way the mother’s is written (${other === 'rhd' ? 'RhD only' : 'a full Rh phenotype'})`
        : `${name} is given for the father but not for the mother` };
    }
    return { mother: mother.phenotypes, father: father.phenotypes };
  }

  title() { return this.mother.value.trim(); }

  restore(params) {
    this.mother.value = params.get('mother') ?? DEFAULT_MOTHER;
    this.father.value = params.get('father') ?? '';
    const problems = [];
    const { field, error } = this.parents();
    if (error) problems.push(`${field === 'pg-mother' ? 'Mother' : 'Father'}: ${error}`);
    problems.push(...this.populations.restore(params));
    return problems;
  }

  validate(setError) {
    const parents = this.parents();
    setError('pg-mother', parents.field === 'pg-mother' ? parents.error : '');
    setError('pg-father', parents.field === 'pg-father' ? parents.error : '');
    this.motherRead.textContent = describeBloodGroup(this.systems, this.read(this.mother).phenotypes);
    this.fatherRead.textContent = this.father.value.trim() ? describeBloodGroup(this.systems, this.read(this.father).phenotypes) : 'a random father';
    this.populations.show(new Set(parents.mother?.keys() ?? []));
    return parents.error ? 1 : 0;
  }

  /** The module's errors about a parent's phenotype go next to that parent's blood group. */
  errorField(path) {
    const m = /^systems(?:\[\d+\](?:\.(mother|father))?)?/.exec(path);
    return m ? (m[1] === 'father' ? 'pg-father' : 'pg-mother') : undefined;
  }

  fieldLabel(path) {
    const m = /^systems\[(\d+)\](?:\.(mother|father))?/.exec(path);
    if (!m) return path === 'systems' ? 'the mother’s blood group' : undefined;
    const id = [...(this.parents().mother?.keys() ?? [])][Number(m[1])];
    const name = this.systems.find((s) => s.id === id)?.name ?? 'this system';
    return `the ${m[2] === 'father' ? 'father’s' : 'mother’s'} ${name}`;
  }

  toParams(params) {
    params.set('mother', this.mother.value.trim());
    if (this.father.value.trim()) params.set('father', this.father.value.trim());
    this.populations.toParams(params, new Set(this.parents().mother?.keys() ?? []));
  }

  toRequest(request) {
    const { mother, father } = this.parents();
    request.systems = this.systems.filter((s) => mother.has(s.id)).map((s) => ({
      system: s.id, mother: mother.get(s.id), ...(father.has(s.id) ? { father: father.get(s.id) } : {}), population: this.populations.table(s.id),
    }));
  }
}
