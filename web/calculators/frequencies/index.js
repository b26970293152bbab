// Frequencies calculator: how common is each blood group over a chosen set of antigens, how
// many recipients can each serve (usability) and how many donors can serve it
// (receivability). Thesis ch. 4 (eq. 4.10-4.11) and Definitions 6.1-6.2.
//
// Its own inputs only: the antigens (in the order chosen) and a population per system.
// Everything else comes from the calculator shell.
import { calculator } from '../../lib/calculator-shell.js';
import { h } from '../../lib/dom.js';
import { renderFrequencies } from './results.js';

const SYSTEMS = ['abo', 'rh', 'kell', 'duffy', 'kidd', 'mns'];
const DEFAULT_ANTIGENS = ['A', 'B', 'D'];
const defaultPopulation = (id) => `${id}/thesis-table-4.4`;

export default calculator({
  id: 'frequencies',
  title: 'Frequencies',
  summary: 'blood-group frequencies, usability and receivability over any antigen subset (thesis ch. 4)',
  op: 'frequencies',
  intro: 'Choose the antigens you match on. Every combination of them is a blood group: the table shows how common each is, ' +
    'the share of patients it can be given to (usability) and the share of donors who can give to it (receivability), ' +
    'computed from each system’s phenotype frequencies (thesis eq. 4.10–4.11).',
  ownFields: ['antigens', 'group', 'populations', 'table'],
  paramNames: SYSTEMS,
  load: async (client) => (await client.call('systems')).result,
  inputs: (catalogue, shell) => new FrequencyInputs(catalogue, shell),
  render: (container, result, warnings) => renderFrequencies(container, result, warnings),
});

class FrequencyInputs {
  constructor(catalogue, { changed }) {
    this.catalogue = catalogue;
    this.systems = SYSTEMS.map((id) => catalogue.systems.find((s) => s.id === id));
    this.order = []; // antigens in the order they were ticked
    this.boxes = new Map();
    this.populationSelects = new Map();
    const rows = this.systems.map((s) => {
      const select = h('select', { id: `fq-pop-${s.id}`, 'aria-label': `${s.name} population`, onchange: () => changed() },
        catalogue.populations.filter((p) => p.system === s.id).map((p) => h('option', { value: p.id }, p.name)));
      select.value = defaultPopulation(s.id);
      this.populationSelects.set(s.id, select);
      return h('div', { class: 'fq-system' },
        h('span', { class: 'fq-system-name' }, s.name),
        h('span', { class: 'fq-antigens' }, s.antigens.map((a) => {
          const box = h('input', { type: 'checkbox', id: `fq-a-${a}`, value: a,
            onchange: () => { this.toggle(a, box.checked); changed(); } });
          this.boxes.set(a, box);
          return h('label', { class: 'fq-antigen', for: box.id }, box, ` ${a}`);
        })),
        select);
    });
    this.orderOutput = h('output', { id: 'fq-order' });
    this.fieldsets = [h('fieldset', {},
      h('legend', {}, 'Antigens and populations'),
      h('p', { class: 'hint' }, 'Tick the antigens to match on. The order you tick them in is the order of the groups. ',
        'Large tables (17 antigens: 131 072 groups) come a page at a time: choose the order (rarest first, say) and the page under Options.'),
      ...rows,
      h('p', {}, 'Order: ', this.orderOutput),
      h('span', { class: 'field-error', 'data-error-for': 'antigens' }))];
    this.setAntigens(DEFAULT_ANTIGENS);
  }

  toggle(antigen, on) {
    this.order = this.order.filter((a) => a !== antigen);
    if (on) this.order.push(antigen);
    this.orderOutput.textContent = this.order.length ? this.order.join(', ') : 'none (one group: everyone)';
  }

  setAntigens(list) {
    this.order = [];
    for (const [a, box] of this.boxes) box.checked = false;
    for (const a of list) { this.boxes.get(a).checked = true; this.toggle(a, true); }
  }

  title() { return this.order.join(' '); }

  fieldLabel(path) {
    return path === 'antigens' ? 'the antigens' : undefined;
  }

  restore(params) {
    const problems = [];
    const list = params.get('antigens');
    if (list != null) {
      const names = list.split(',').filter(Boolean);
      const unknown = names.filter((a) => !this.boxes.has(a));
      if (unknown.length) problems.push(`Antigens: ${unknown.map((a) => `"${a}"`).join(', ')} not known here`);
      this.setAntigens([...new Set(names.filter((a) => this.boxes.has(a)))]);
    } else this.setAntigens(DEFAULT_ANTIGENS);
    for (const [id, select] of this.populationSelects) {
      const wanted = params.get(id);
      select.value = defaultPopulation(id);
      if (wanted == null) continue;
      if ([...select.options].some((o) => o.value === wanted)) select.value = wanted;
      else problems.push(`Population for ${id}: "${wanted}" is not a table for this system`);
    }
    return problems;
  }

  validate(setError) {
    setError('antigens', '');
    return 0;
  }

  toParams(params) {
    params.set('antigens', this.order.join(','));
    for (const [id, select] of this.populationSelects) if (select.value !== defaultPopulation(id)) params.set(id, select.value);
  }

  toRequest(request) {
    request.antigens = [...this.order];
    request.populations = Object.fromEntries([...this.populationSelects].map(([id, s]) => [id, s.value]));
  }
}
