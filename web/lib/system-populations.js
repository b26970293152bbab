// A population table per blood-group system, for the calculators that take a person's blood
// group over several systems (Relatives, Pregnancy): one select per system, shown only for
// the systems in use, kept in the link as ?<system>_population=<table id> when not the
// default table (the first, the thesis's, unless the calculator prefers another).
import { h } from './dom.js';

export class SystemPopulations {
  /** systems: [{id, name}] in display order; populations: the catalogue's tables;
   *  preferred(id): the default table's id when not the first (e.g. Table 4.4's). */
  constructor(systems, populations, { prefix, changed, preferred = () => null }) {
    this.systems = systems;
    this.preferred = preferred;
    this.selects = new Map(systems.map((s) => [s.id, h('select', { id: `${prefix}-pop-${s.id}`, onchange: () => changed() },
      populations.filter((p) => p.system === s.id).map((p) => h('option', { value: p.id }, p.name)))]));
    this.rows = new Map(systems.map((s) => [s.id, h('div', { class: 'field' },
      h('label', { for: `${prefix}-pop-${s.id}` }, s.name), this.selects.get(s.id))]));
    for (const s of systems) this.reset(s.id);
    this.fieldset = h('fieldset', {},
      h('legend', {}, 'Populations'),
      h('p', { class: 'hint' }, 'The phenotype frequencies each system’s genotype distribution is computed from, for the systems in the blood group.'),
      [...this.rows.values()]);
  }

  static paramNames(ids) { return ids.map((id) => `${id}_population`); }

  /** Shows the rows of the systems in use (a Set of ids). */
  show(used) { for (const [id, row] of this.rows) row.hidden = !used.has(id); }

  table(id) { return this.selects.get(id).value; }

  reset(id) {
    const select = this.selects.get(id);
    const wanted = this.preferred(id);
    select.selectedIndex = 0;
    if (wanted && [...select.options].some((o) => o.value === wanted)) select.value = wanted;
  }

  isDefault(id) {
    const select = this.selects.get(id);
    return select.value === (this.preferred(id) ?? select.options[0]?.value);
  }

  restore(params) {
    const problems = [];
    for (const s of this.systems) {
      const select = this.selects.get(s.id);
      this.reset(s.id);
      const wanted = params.get(`${s.id}_population`);
      if (wanted == null) continue;
      if ([...select.options].some((o) => o.value === wanted)) select.value = wanted;
      else problems.push(`Population for ${s.name}: "${wanted}" is not a table of this system`);
    }
    return problems;
  }

  toParams(params, used) {
    for (const s of this.systems) {
      if (used.has(s.id) && !this.isDefault(s.id)) params.set(`${s.id}_population`, this.table(s.id));
    }
  }
}
