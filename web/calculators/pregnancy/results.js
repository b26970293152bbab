// Rendering of a `pregnancy` result: the antigens the mother lacks with the fetus's chance of
// carrying each, the chance of any of them, and each system's fetal phenotype distribution.
import { h } from '../../lib/dom.js';
import { scrollRegion } from '../../lib/table.js';
import { oneIn, probabilityElement } from '../../lib/format.js';

// One format for every probability: 4 decimals, and "1 in N" beside the small ones.
const cell = (value) => h('td', { class: 'num' }, value == null ? '—' : probabilityElement(value));
// " (about 12 in 100)", or " (about 1 in 185)" below 1 in 100 (below 1 in 1000 formatProbability says it).
const inWords = (p) => (p >= 0.01 ? ` (about ${Math.round(p * 100)} in 100)` : p >= 1e-3 ? ` (about ${oneIn(p)})` : '');

export function renderPregnancy(container, result, warnings, { title }) {
  const lacking = result.antigens;
  container.replaceChildren(
    h('h2', {}, `The fetus of a mother who is ${title}`),
    warnings.length ? h('div', { class: 'warnings', role: 'note' }, h('h3', {}, 'Warnings'),
      h('ul', {}, warnings.map((w) => h('li', {}, w.message)))) : '',
    lacking.length
      ? h('p', {}, `The mother lacks ${lacking.map((a) => a.antigen).join(', ')}. The fetus carries at least one of them with probability `,
        ...(result.any == null ? ['—.'] : [probabilityElement(result.any, { about: true }), `${inWords(result.any)}.`]))
      : h('p', {}, 'The mother has every antigen of the systems given: the fetus can carry none she lacks.'),
    lacking.length ? scrollRegion('Antigens the mother lacks',
      h('table', { class: 'result-table', id: 'pg-table' },
        h('thead', {}, h('tr', {}, ['Antigen the mother lacks', 'System', 'Fetus carries it'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, lacking.map((a) => h('tr', {}, h('th', { scope: 'row' }, a.antigen), h('td', {}, a.system), cell(a.probability)))))) : '',
    ...result.systems.map((s) => h('details', { class: 'pg-system' },
      h('summary', {}, `${s.name}: mother ${s.mother}, father ${s.father ?? 'from the population'}; the fetus’s phenotype`),
      h('table', { class: 'result-table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Phenotype'), h('th', { scope: 'col' }, 'Probability'))),
        h('tbody', {}, s.fetus.map((p) => h('tr', {}, h('th', { scope: 'row' }, p.phenotype), cell(p.probability))))))),
    h('p', { class: 'hint' }, 'Populations: ', result.systems.map((s) => `${s.name}: ${s.population?.name ?? 'your frequencies'}`).join('; '),
      `. Genotype model: ${result.model.replace('_', ' ')}.`),
    h('p', { class: 'note' }, 'Population probabilities for teaching and counselling support. They neither establish nor exclude parentage.'));
  return {
    destroy() {},
    csv: () => [['antigen', 'system', 'probability_fetus_carries'], ...lacking.map((a) => [a.antigen, a.system, a.probability]),
      ['any of them', '', result.any]],
    csvName: `rbcmatch-pregnancy-${title.replace(/\W+/g, '-').toLowerCase() || 'mother'}.csv`,
  };
}
