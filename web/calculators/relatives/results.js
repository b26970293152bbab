// Rendering of a `relatives` result: one plain sentence per relation, a chart like the
// thesis's Fig. 3.3 (a random person beside each relative), the table, each system's full
// conditional distributions, and Table 3.3's summary when asked for.
import { h } from '../../lib/dom.js';
import { scrollRegion } from '../../lib/table.js';
import { formatFixed, formatProbability, numberElement, oneIn, probabilityElement } from '../../lib/format.js';
import { loadCharts } from '../../lib/load-charts.js';

// One format per column: probabilities with 4 decimals and "1 in N" when small; effectiveness
// with 4 decimals, ratios with 2, the mean number of relatives with 1, counts whole.
const cellOf = (element) => (value, ...args) => h('td', { class: 'num' }, value == null ? '—' : element(value, ...args));
const probabilityCell = cellOf((p) => probabilityElement(p));
const fixed = (value, decimals = 4) => numberElement(value, { decimals, fixed: true });
const fixedCell = cellOf(fixed);
const times = (ratio) => (ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1));

const PLURAL = { sibling: 'siblings', parent: 'parents', child: 'children', uncle_aunt: 'uncles or aunts', nephew_niece: 'nephews or nieces',
  grandparent: 'grandparents', half_sibling: 'half-siblings', grandchild: 'grandchildren', first_cousin: 'first cousins' };

/** "A sibling: 0.3281, 4.9 times a random person's chance. Type about 3 siblings (...)". */
function sentence(r, random) {
  if (r.probability == null) return `${r.label}: not defined under this model (see the warning).`;
  const compare = r.ratio != null && random ? `, ${times(r.ratio)} times a random person’s chance` : '';
  const test = r.tests ? ` Type about ${Math.round(r.tests.expected)} ${PLURAL[r.id]} (each from a different family) to find one; ${r.tests.q90} are enough 9 times in 10.` : '';
  return `${r.label}: ${formatProbability(r.probability)}${compare}.${test}`;
}

export function renderRelatives(container, result, warnings, { title }) {
  const phenotypes = result.donor.systems.map((s) => s.phenotype).join(' ');
  const group = title && title !== phenotypes ? `${title} (${phenotypes})` : phenotypes;
  const relations = result.relations;
  const charts = [];
  let destroyed = false;
  const chartBox = h('div', { class: 'chart-box' }, h('canvas', { role: 'img', 'aria-label': 'Bar chart: probability that each relative has the donor’s blood group, beside a random person' }));
  const random = result.random;
  const table = result.donor.frequency;
  container.replaceChildren(
    h('h2', {}, `Relatives of a donor who is ${group}`),
    warnings.length ? h('div', { class: 'warnings', role: 'note' }, h('h3', {}, 'Warnings'),
      h('ul', {}, warnings.map((w) => h('li', {}, w.message)))) : '',
    random
      ? h('p', {}, `A random person is ${phenotypes} with probability `, fixed(random.probability),
        ` (about ${oneIn(random.probability)}; testing at random, ${random.q90.toLocaleString('en')} people are enough 9 times in 10)`,
        formatFixed(random.probability) === formatFixed(table) ? '' : ['; the population table gives ', fixed(table)], '.')
      : h('p', {}, `A random person is ${phenotypes} with probability `, fixed(table), ' (never, in this population).'),
    h('p', {}, `The chance that a relative of the donor is ${phenotypes}:`),
    h('ul', { class: 'rl-sentences' }, relations.filter((r) => r.id !== 'unrelated').map((r) => h('li', {}, sentence(r, random)))),
    chartBox,
    relationTable(result),
    h('p', { class: 'hint' }, 'Effectiveness (thesis eq. 3.27): the relative’s probability minus a random person’s. ',
      'A random person’s probability comes from the same genotype model as the relatives’, not from the population table, so the model’s ',
      'small misfit to the table does not show as an effect (an unrelated person: effectiveness 0.0000, 1.00 times); the thesis’s Table 3.3 comes out the same either way. ',
      'Relatives to test: how many relatives of that kind, each from a different donor’s family, you would type to find one with this blood group: ',
      'on average, and enough 9 (19) times in 10 (20). Relatives within one family are not independent.'),
    ...result.donor.systems.map((s, k) => distribution(result, s, k)),
    result.summary ? summary(result) : '',
    h('p', { class: 'hint' }, 'Genotype model: ', modelName(result.model), '. Populations: ',
      result.donor.systems.map((s) => `${s.name}: ${s.population?.name ?? 'your frequencies'}`).join('; '), '.'),
    h('p', { class: 'note' }, 'These are population probabilities for teaching and donor recruitment. They neither establish nor exclude that two people are related.'));

  loadCharts().then(({ barChart }) => {
    if (destroyed) return;
    const shown = relations.filter((r) => r.id !== 'unrelated');
    charts.push(barChart(chartBox.querySelector('canvas'), shown.map((r) => r.label), [
      { label: `Random person (${formatProbability(random?.probability ?? table)})`, data: shown.map(() => random?.probability ?? table) },
      { label: `Relative of the donor`, data: shown.map((r) => r.probability) },
    ], `probability of ${phenotypes}`, (v) => formatFixed(v, 4)));
  }, () => {
    if (!destroyed) chartBox.replaceChildren(h('p', { class: 'hint' }, 'The chart could not be loaded; the table has every number.'));
  });

  return {
    destroy: () => { destroyed = true; charts.forEach((c) => c.destroy()); },
    csv: () => [['relation', 'probability', 'times_random', 'effectiveness', 'tests_expected', 'tests_90', 'tests_95'],
      ...relations.map((r) => [r.label, r.probability, r.ratio, r.effectiveness, r.tests?.expected, r.tests?.q90, r.tests?.q95])],
    csvName: `rbcmatch-relatives-${title.replace(/\W+/g, '-').toLowerCase() || 'donor'}.csv`,
  };
}

function modelName(model) {
  return { least_squares: 'least squares (the thesis’s iteration over the probability simplex)',
    as_printed: 'least squares as printed in the thesis (reproduces Table 3.3)',
    gene_counting: 'gene counting (Hardy–Weinberg)' }[model] ?? model;
}

function relationTable(result) {
  return scrollRegion('Relatives',
    h('table', { class: 'result-table cards', id: 'rl-table' },
      h('thead', {}, h('tr', {}, ['Relative', 'Same blood group', 'Times a random person', 'Effectiveness', 'Relatives to test', '9 in 10', '19 in 20']
        .map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, result.relations.map((r) => h('tr', {},
        h('th', { scope: 'row' }, r.label),
        probabilityCell(r.probability), fixedCell(r.ratio, 2), fixedCell(r.effectiveness, 4),
        fixedCell(r.tests?.expected, 1), fixedCell(r.tests?.q90, 0), fixedCell(r.tests?.q95, 0))))));
}

/** One system's full conditional distributions: every phenotype a relative can have. */
function distribution(result, system, k) {
  const shown = result.relations;
  return h('details', { class: 'rl-distribution' },
    h('summary', {}, `${system.name}: every phenotype a relative can have (donor ${system.phenotype})`),
    scrollRegion(`${system.name} distributions`,
      h('table', { class: 'result-table cards' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Phenotype'), shown.map((r) => h('th', { scope: 'col' }, r.label)))),
        h('tbody', {}, system.phenotypes.map((label, p) => h('tr', { class: label === system.phenotype ? 'rl-donor' : '' },
          h('th', { scope: 'row' }, label), shown.map((r) => probabilityCell(r.systems[k].distribution[p]))))),
        h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, 'Sum'), shown.map((r) => fixedCell(r.systems[k].sum, 4)))))));
}

/** Table 3.3: over every phenotype of each system as the donor's. */
function summary(result) {
  return h('section', {}, h('h3', {}, 'Over every phenotype (as Table 3.3)'),
    result.summary.map((s) => scrollRegion(`${s.system}: effectiveness over every phenotype`,
      h('table', { class: 'result-table cards' },
        h('caption', {}, `${s.system}: effectiveness over every phenotype of positive frequency (average weighted by frequency)`),
        h('thead', {}, h('tr', {}, ['Relative', 'Minimum', 'at', 'Average', 'Maximum', 'at'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, s.relations.map((r) => h('tr', {}, h('th', { scope: 'row' }, r.id.replace('_', ' / ')),
          fixedCell(r.minimum, 4), h('td', {}, r.minimum_phenotype ?? '—'), fixedCell(r.average, 4), fixedCell(r.maximum, 4),
          h('td', {}, r.maximum_phenotype ?? '—'))))))));
}
