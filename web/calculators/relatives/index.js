// Relatives calculator: how likely a donor's sibling, parent, child, uncle or aunt, ... is to
// share the donor's blood group, against a random person, and how many of them to test to
// find one (thesis sec. 3.2.4, 3.4: Table 3.2, eq. 3.27-3.31; Fig. 3.3, Table 3.3).
//
// Its own inputs only: the donor's blood group, typed as staff write it, and a population per
// system. Model, summary and tolerance come from the shell as options.
import { calculator } from '../../lib/calculator-shell.js';
import { modelWords } from '../../lib/words.js';
import { h } from '../../lib/dom.js';
import { SystemPopulations } from '../../lib/system-populations.js';
import { SYSTEM_ORDER, describeBloodGroup, loadBloodGroupCatalogue, readBloodGroup } from '../../lib/blood-group.js';
import { renderRelatives } from './results.js';

const DEFAULT_GROUP = 'O RhD-neg';
const EXAMPLES = ['O RhD-neg', 'O-', 'O neg K-', 'B RhD-neg', 'A+', 'AB', 'R1R1', 'rr K-', 'Fy(a-b-)', 'O R1R1 K- Fy(a-b+) Jk(a-b+) M+N+S-s+'];

export default calculator({
  id: 'relatives',
  title: 'Relatives',
  summary: 'chance that a relative shares a donor’s blood group (thesis sec. 3.4)',
  op: 'relatives',
  intro: 'Type a donor’s blood group the way you write it. For each kind of relative the table shows how likely they are to have the same blood group, ' +
    'how many times as likely as a random person, and how many such relatives (from different families) you would test to find one. ' +
    'Computed from each system’s genotype frequencies in the population (thesis sec. 3.2.4 and 3.4). ' +
    'It says nothing about whether people are related: it neither establishes nor excludes parentage.',
  ownFields: ['donor', 'relations'],
  optionWords: {
    model: modelWords(() => [' As printed, the conditional probabilities divide by the input frequency as eq. 3.28 does, so they can miss 1 ',
      'slightly (reproduces Table 3.3); with gene counting a phenotype of frequency 0 is taken as its limit.']),
  },
  paramNames: [...SystemPopulations.paramNames(SYSTEM_ORDER), 'group'],
  load: loadBloodGroupCatalogue,
  inputs: (catalogue, shell) => new RelativesInputs(catalogue, shell),
  render: (container, result, warnings, context) => renderRelatives(container, result, warnings, context),
});

class RelativesInputs {
  constructor(catalogue, { changed }) {
    this.catalogue = catalogue;
    this.systems = SYSTEM_ORDER.map((id) => catalogue.systems.find((s) => s.id === id)).filter(Boolean);
    this.group = h('input', { type: 'text', id: 'rl-group', autocomplete: 'off', spellcheck: false, list: 'rl-examples',
      'aria-describedby': 'rl-group-hint rl-read', oninput: () => changed() });
    this.readAs = h('output', { id: 'rl-read', for: 'rl-group' });
    this.populations = new SystemPopulations(this.systems, catalogue.populations, { prefix: 'rl', changed });
    this.fieldsets = [
      h('fieldset', {},
        h('legend', {}, 'The donor'),
        h('div', { class: 'field' }, h('label', { for: 'rl-group' }, 'Donor’s blood group'), this.group,
          h('datalist', { id: 'rl-examples' }, EXAMPLES.map((e) => h('option', { value: e }))),
          h('span', { class: 'hint', id: 'rl-group-hint' },
            'As you write it: O-, A pos, 0 Rh+, O RhD-negative K-; antigens with + or − (K-, Fy(a-b+), M+N+S-s+); Rh as a phenotype (DCce, ccddee) or in short notation (R1R1, rr). ',
            'Say enough to fix each system’s phenotype: “K-” is enough for Kell, “Fy(a-)” is not for Duffy.'),
          h('span', { class: 'field-error', 'data-error-for': 'donor' })),
        h('p', {}, 'Read as: ', this.readAs)),
      this.populations.fieldset,
    ];
    this.group.value = DEFAULT_GROUP;
  }

  read() { return readBloodGroup(this.group.value, this.systems); }

  title() { return this.group.value.trim().replace(/\s+/g, ' '); }

  restore(params) {
    const problems = [];
    this.group.value = params.get('group') ?? DEFAULT_GROUP;
    const { error } = this.read();
    if (error) problems.push(`Donor’s blood group: ${error}`);
    problems.push(...this.populations.restore(params));
    return problems;
  }

  validate(setError) {
    const { phenotypes, error } = this.read();
    setError('donor', this.group.value.trim() === '' ? 'Type the donor’s blood group' : error ?? '');
    this.readAs.textContent = describeBloodGroup(this.systems, phenotypes);
    // Only the populations of the systems in the blood group matter: the others are hidden.
    this.populations.show(new Set(phenotypes?.keys() ?? []));
    return error || this.group.value.trim() === '' ? 1 : 0;
  }

  fieldLabel(path) {
    const m = /^donor\[(\d+)\]/.exec(path);
    if (m) {
      const { phenotypes } = this.read();
      const id = phenotypes ? [...phenotypes.keys()][Number(m[1])] : undefined;
      const system = this.systems.find((s) => s.id === id);
      return system ? `the ${system.name} part of the blood group` : 'the donor’s blood group';
    }
    return path === 'donor' ? 'the donor’s blood group' : undefined;
  }

  toParams(params) {
    params.set('group', this.group.value.trim());
    this.populations.toParams(params, new Set(this.read().phenotypes?.keys() ?? []));
  }

  toRequest(request) {
    const { phenotypes } = this.read();
    request.donor = this.systems.filter((s) => phenotypes.has(s.id))
      .map((s) => ({ system: s.id, phenotype: phenotypes.get(s.id), population: this.populations.table(s.id) }));
  }
}
