// Supply tab, panel "Issuing policy": which compatible unit to issue for each request, as the
// Markov decision process of van Sambeek's thesis (2020, sec. 5.4), through the `issuing_mdp`
// operation. The calculator renders the blood groups itself (one line per group); the shell
// adds the numeric options (phases, shelf life, stock bound, rates, costs, tolerances) from
// `describe`, with their limits, defaults and URL state.
import { calculator } from '../../lib/calculator-shell.js';
import { h } from '../../lib/dom.js';
import { checkNumber, parseNumber } from '../../lib/numbers.js';
import { renderMdp } from './mdp-results.js';

const OP = 'issuing_mdp';

// Each preset: the groups as a person would type them, one line each:
// "name: antigens (or -), share of donations[, share of requests]".
export const PRESETS = [
  { id: 'rhd', title: 'RhD: D- and D+ (f_D = 0.832, the thesis’s Table 4.4)', groups: 'D-: -, 0.168\nD+: D, 0.832' },
  { id: 'abo', title: 'ABO: O, A, B, AB (teaching shares)', groups: 'O: -, 0.45\nA: A, 0.40\nB: B, 0.10\nAB: A B, 0.05' },
  { id: 'rhd-scarce', title: 'RhD with few D- donors and many D- requests', groups: 'D-: -, 0.10, 0.25\nD+: D, 0.90, 0.75' },
];

/** The groups' text -> {groups, problem}; problem '' when every line reads. */
export function readGroups(text) {
  const lines = String(text ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  if (!lines.length) return { groups: [], problem: 'give at least one blood group, one a line' };
  const groups = [];
  for (const [i, line] of lines.entries()) {
    const m = /^([^:]+):(.*)$/.exec(line);
    const where = `line ${i + 1} (“${line}”)`;
    if (!m) return { groups, problem: `${where}: write the group’s name, a colon, its antigens (or -) and its share of donations` };
    const parts = m[2].split(',').map((p) => p.trim());
    if (parts.length < 2 || parts.length > 3) return { groups, problem: `${where}: give the antigens, the share of donations and, if it differs, the share of requests, separated by commas` };
    const antigens = parts[0] === '-' || parts[0] === '' ? [] : parts[0].split(/\s+/);
    const group = { name: m[1].trim(), antigens, donation_share: parseNumber(parts[1]) };
    for (const [k, key] of [[1, 'donation_share'], [2, 'request_share']]) {
      if (parts[k] == null) continue;
      const problem = checkNumber(parts[k], { min: 0, max: 1 });
      if (problem) return { groups, problem: `${where}: the share “${parts[k]}” ${problem}` };
      group[key] = parseNumber(parts[k]);
    }
    groups.push(group);
  }
  return { groups, problem: '' };
}

export default calculator({
  id: 'mdp',
  title: 'Issuing policy',
  summary: 'which compatible unit to issue for each request, as a Markov decision process',
  op: OP,
  intro: 'A blood bank holds a few units of a few blood groups; they age and outdate. When a request comes, which compatible unit should it issue, ' +
    'or should it keep the units for later? van Sambeek’s thesis (2020, sec. 5.4) answers with a Markov decision process: the stock is the state, ' +
    'issuing a unit is the action, shortages, outdated units and substitutions cost. Choose an example or enter your own groups and press Compute.',
  ownFields: ['groups', 'actions'],
  // The model's rates, phases, stock bound and costs are shell options: shown, not folded away.
  optionsOpen: true,
  optionWords: {
    phases: { label: 'Ageing phases N' },
    shelf_life: { label: 'Shelf life R (days)' },
    max_stock: { label: 'Most units in stock S' },
    donation_rate: { label: 'Donations a day λ' },
    request_rate: { label: 'Requests a day μ' },
    shortage_cost: { label: 'Cost of a shortage' },
    outdating_cost: { label: 'Cost of an outdated unit' },
    substitution_cost: { label: 'Cost of a substitution' },
    tolerance: { label: 'Tolerance of the bounds' },
    max_iterations: { label: 'Most iterations' },
    tie_tolerance: { label: 'Tie tolerance' },
  },
  load: async (client) => (await client.operations())[OP],
  inputs: (operation, shell) => new MdpInputs(operation, shell),
  render: (container, result, warnings, context) => renderMdp(container, result, warnings, context),
});

class MdpInputs {
  constructor(operation, { changed }) {
    this.preset = h('select', { id: 'mdp-preset', onchange: () => { this.choose(this.preset.value); changed(); } },
      h('option', { value: '' }, 'Your own groups'), PRESETS.map((p) => h('option', { value: p.id }, p.title)));
    this.groups = h('textarea', { id: 'mdp-groups', rows: 4, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'mdp-groups-hint',
      oninput: () => { this.preset.value = PRESETS.find((p) => p.groups === this.groups.value.trim())?.id ?? ''; changed(); } });
    this.fieldsets = [
      h('fieldset', {}, h('legend', {}, 'Blood groups'),
        h('div', { class: 'field' }, h('label', { for: 'mdp-preset' }, 'Example'), this.preset,
          h('span', { class: 'hint' }, 'Choosing an example replaces the groups below.')),
        h('div', { class: 'field' }, h('label', { for: 'mdp-groups' }, 'Groups, one a line'), this.groups,
          h('span', { class: 'hint', id: 'mdp-groups-hint' },
            'Name: antigens (or - for none), share of donations, and if it differs the share of requests. Example: “A: A, 0.40”. ',
            'A unit may go to a request whose group has all the unit’s antigens (O to everyone, AB only to AB). Each list of shares must sum to 1.'),
          h('span', { class: 'field-error', 'data-error-for': 'groups' }))),
    ];
    this.choose(PRESETS[0].id);
  }

  choose(id) {
    const preset = PRESETS.find((p) => p.id === id);
    this.preset.value = preset ? preset.id : '';
    if (preset) this.groups.value = preset.groups;
  }

  restore(params) {
    const text = params.get('groups');
    if (text == null) { this.choose(PRESETS[0].id); return []; }
    this.groups.value = text;
    this.preset.value = PRESETS.find((p) => p.groups === text.trim())?.id ?? '';
    const { problem } = readGroups(text);
    return problem ? [`Groups: ${problem}`] : [];
  }

  validate(setError) {
    const { problem } = readGroups(this.groups.value);
    setError('groups', problem ? problem.replace(/^./, (c) => c.toUpperCase()) : '');
    return problem ? 1 : 0;
  }

  fieldLabel(path) {
    return path.startsWith('groups') ? 'the blood groups' : undefined;
  }

  errorField(path) {
    return path.startsWith('groups') ? 'groups' : undefined;
  }

  toParams(params) { params.set('groups', this.groups.value.trim()); }

  toRequest(request) {
    request.groups = readGroups(this.groups.value).groups;
    request.actions = true;
  }

  title() {
    return readGroups(this.groups.value).groups.map((g) => g.name).join(', ');
  }
}
