// Rendering of a `stationary` result: plain-language summary first, then the table, charts,
// convergence, multistart, the comparison of the two methods, and the formulas on request.
import { h } from '../../lib/dom.js';
import { scrollRegion } from '../../lib/table.js';
import { countOf, formatNumber, numberElement } from '../../lib/format.js';

import { loadCharts } from '../../lib/load-charts.js';
import { formula as f } from '../../lib/math.js';

export { loadCharts };

const num = (value, decimals = 4) => numberElement(value, { decimals });
const cellNum = (value, decimals = 4) => h('td', { class: 'num' }, num(value, decimals));

/** Render into `container`; returns {destroy} to release the charts, and the CSV rows. */
export function renderResult(container, result, warnings, { systemName }) {
  const ls = result.least_squares;
  const gc = result.gene_counting;
  const charts = [];
  let destroyed = false;
  const chartBox = (label) => h('div', { class: 'chart-box' }, h('canvas', { role: 'img', 'aria-label': label }));

  const genotypeChart = chartBox('Bar chart of genotype frequencies by method');
  const traceChart = chartBox('Convergence: change per iteration, log scale');

  container.replaceChildren(
    h('h2', {}, `Result for ${systemName}`),
    summary(result, systemName),
    warnings.length ? h('div', { class: 'warnings', role: 'note' }, h('h3', {}, 'Warnings'),
      h('ul', {}, warnings.map((w) => h('li', {}, w.message)))) : '',
    h('h3', {}, 'Genotype frequencies'),
    genotypeTable(result),
    genotypeChart,
    h('h3', {}, 'How the least-squares iteration converged'),
    h('p', {}, `${ls.converged ? 'Converged' : 'Did not converge'} after ${countOf(ls.iterations, 'iteration')}. `,
      'Residual ', num(ls.residual), ' (how far the last step is from meeting both the phenotype frequencies and stationarity at once), ',
      'stationarity residual ', num(ls.stationarity_residual),
      ' (how much the genotype frequencies would change in one generation of random mating; 0 = stable), ',
      'sum of genotype frequencies ', num(ls.sum), '.'),
    h('p', { class: 'hint' }, 'The chart shows, per iteration, the L1 change: the total of how much every genotype frequency moved since the previous iteration. The iteration stops when it falls below the tolerance.'),
    traceChart,
    ls.multistart ? multistart(ls.multistart) : '',
    comparison(result),
    formulas());

  loadCharts().then(({ barChart, logLineChart }) => {
    if (destroyed) return;
    // Bars in the table's order (grouped by phenotype), every one labelled.
    const order = result.phenotypes.flatMap((p) => p.genotypes);
    charts.push(barChart(genotypeChart.querySelector('canvas'), order.map((g) => result.genotypes[g].label), [
      { label: 'Least squares (stationary)', data: order.map((g) => ls.x[g]) },
      { label: 'Gene counting (Hardy–Weinberg)', data: order.map((g) => gc.x[g]) },
    ], 'frequency', formatNumber));
    const trace = ls.trace ?? [];
    charts.push(logLineChart(traceChart.querySelector('canvas'), trace.map((t) => t.iteration), [
      // A change of exactly 0 cannot be drawn on a log scale; leave a gap.
      { label: 'L1 change of x', data: trace.map((t) => (t.change > 0 ? t.change : null)) },
      { label: 'residual', data: trace.map((t) => (t.residual > 0 ? t.residual : null)) },
    ], 'iteration', 'size (log scale)', formatNumber));
  }, () => {
    if (destroyed) return;
    for (const box of [genotypeChart, traceChart]) box.replaceChildren(h('p', { class: 'hint' }, 'The chart could not be loaded; the table above has every number.'));
  });

  return {
    destroy: () => { destroyed = true; charts.forEach((c) => c.destroy()); },
    csv: () => tableRows(result),
    csvName: `rbcmatch-genotypes-${result.system.id || 'system'}.csv`,
  };
}

function summary(result, systemName) {
  const ls = result.least_squares;
  let best = 0;
  ls.x.forEach((v, i) => { if (v > ls.x[best]) best = i; });
  return h('div', { class: 'summary' },
    h('p', {}, `In a population with these ${systemName} phenotype frequencies, the most common genotype is `,
      h('strong', {}, result.genotypes[best].label), result.genotypes[best].short_label ? ` (${result.genotypes[best].short_label})` : '',
      ' with frequency ', num(ls.x[best]),
      ` (least squares). The two methods differ by at most `, num(result.comparison.max_abs_difference), '.'),
    result.input.renormalised
      ? h('p', { class: 'note' }, 'The frequencies summed to ', num(result.input.sum), ' and were rescaled to sum to 1.')
      : '');
}

function genotypeTable(result) {
  const ls = result.least_squares.x;
  const given = result.least_squares.given_phenotype;
  const gc = result.gene_counting.x;
  const hasShort = result.genotypes.some((g) => g.short_label);
  const body = result.phenotypes.flatMap((p) => p.genotypes.map((g, k) => h('tr', { class: k === 0 ? 'group-start' : '' },
    k === 0 ? h('th', { scope: 'rowgroup', rowspan: p.genotypes.length }, p.label) : '',
    k === 0 ? h('td', { class: 'num', rowspan: p.genotypes.length }, num(p.frequency)) : '',
    h('td', { class: 'genotype' }, result.genotypes[g].label,
      hasShort && result.genotypes[g].short_label ? h('span', { class: 'short-label' }, ` ${result.genotypes[g].short_label}`) : ''),
    h('td', { class: 'num ls' }, num(ls[g])),
    h('td', { class: 'num given' }, given[g] == null ? '—' : num(given[g])),
    h('td', { class: 'num gc' }, num(gc[g])))));
  const total = (xs) => xs.reduce((a, b) => a + b, 0);
  return scrollRegion('Genotype frequencies', h('table', { class: 'result-table', id: 'gt-result-table' },
    h('caption', { class: 'hint' }, 'Share of phenotype: the chance that a person with this phenotype has this genotype (least squares), e.g. P(R1r | DCce).'),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Phenotype'), h('th', { scope: 'col' }, 'Phenotype frequency'), h('th', { scope: 'col' }, 'Genotype'),
      h('th', { scope: 'col' }, 'Least squares x'), h('th', { scope: 'col' }, 'Share of pheno\u00ADtype'), h('th', { scope: 'col' }, 'Gene counting x'))),
    h('tbody', {}, body),
    h('tfoot', {}, h('tr', {}, h('th', { scope: 'row', colspan: 3 }, 'Total'), cellNum(total(ls)), h('td', {}), cellNum(total(gc))))));
}

/** Header + one row per genotype, full precision. */
function tableRows(result) {
  const rows = [['phenotype', 'antigens', 'phenotype_frequency', 'genotype', 'genotype_short', 'least_squares_x',
    'least_squares_given_phenotype', 'gene_counting_x', 'gene_counting_given_phenotype']];
  for (const p of result.phenotypes) {
    for (const g of p.genotypes) {
      rows.push([p.label, p.antigens.join(' '), p.frequency, result.genotypes[g].label, result.genotypes[g].short_label ?? '',
        result.least_squares.x[g], result.least_squares.given_phenotype[g], result.gene_counting.x[g],
        result.gene_counting.given_phenotype[g]]);
    }
  }
  return rows;
}

function multistart(ms) {
  return h('section', { class: 'multistart' },
    h('h3', {}, 'Multistart: does the starting point matter?'),
    h('p', {}, `The iteration was started from ${ms.starts} different points; ${ms.converged} converged. `,
      ms.all_agree ? 'All reached the same answer' : 'They did NOT all reach the same answer',
      ' (largest deviation ', num(ms.max_deviation), '). Iterations needed: ',
      num(ms.iterations.min), ' to ', num(ms.iterations.max), ', mean ', num(ms.iterations.mean, 1), '.'));
}

function comparison(result) {
  const gc = result.gene_counting;
  return h('section', { class: 'comparison' },
    h('h3', {}, 'The two methods compared'),
    h('p', {}, 'Gene counting estimates haplotype frequencies by maximum likelihood and assumes Hardy–Weinberg proportions; ',
      `it ${gc.converged ? 'converged' : 'did not converge'} after ${countOf(gc.iterations, 'iteration')}. `,
      'Its phenotype frequencies deviate from the input by at most ', num(gc.max_phenotype_deviation), '.'),
    h('ul', { class: 'notes' }, (result.comparison.notes ?? []).map((n) => h('li', {}, n.message))),
    h('details', {}, h('summary', {}, 'Haplotype frequencies (gene counting)'),
      h('table', { class: 'result-table compact' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Haplotype'), h('th', { scope: 'col' }, 'Frequency'))),
        h('tbody', {}, gc.haplotypes.map((name, i) => h('tr', {}, h('td', {}, name), cellNum(gc.haplotype_frequencies[i])))))));
}

function formulas() {
  return h('details', { class: 'formulas' }, h('summary', {}, 'How this is computed (formulas)'),
    h('p', {}, 'Genotype frequencies ', f('x'), ' (one per unordered pair of haplotypes) must reproduce the observed phenotype ',
      'frequencies ', f('f'), ' and be stationary under random mating: a child’s genotype distribution equals its parents’. ',
      'With ', f('P'), ' the heredity (quadratic stochastic) operator and ', f('S'), ' the genotype-to-phenotype matrix: ',
      f('x^"T" P x = x'), ' and ', f('S^"T" x = f'), ', written together as ', f('A(x) x = b'), ' (thesis eq. 3.16).'),
    h('p', {}, 'Least squares (thesis sec. 3.3.3–3.3.5): starting from ', f('x^{(0)}'), ', solve ', f('A(x^{(n−1)}) x^{(n)} = b'),
      ' in the least-squares sense, ', f('min ‖A x − b‖^2'), ' by QR factorisation (eq. 3.17–3.18), until the L1 change ',
      f('‖x^{(n)} − x^{(n−1)}‖_1'), ' falls below the tolerance.'),
    h('p', {}, 'Gene counting: haplotype frequencies ', f('p'), ' by maximum likelihood (EM algorithm); genotype frequencies ',
      f('x_{ij} = p_i^2'), ' if ', f('i = j'), ', and ', f('2 p_i p_j'), ' otherwise (Hardy–Weinberg).'),
    h('p', {}, 'Rounded numbers are shown with 4 decimals; hover over (or long-press) a number to see its full value.'));
}

