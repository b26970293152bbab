// Rendering of an `ageing` result (van Sambeek 2020, thesis ch. 5.3): the Erlang shelf life
// beside the fixed one (cdf and density, eq. 5.5 and 5.10), its moments (eq. 5.4, 5.11), the
// error table over N with eq. 5.8's bounds, and the stock by ageing phase (eq. 5.14). Every
// number comes with a sentence saying what it counts.
import { h } from '../../lib/dom.js';
import { formatNumber, formatPowerOfTen, formatProbability, numberElement, probabilityElement } from '../../lib/format.js';
import { loadCharts } from '../../lib/load-charts.js';
import { scrollRegion } from '../../lib/table.js';

const col = (text) => h('th', { scope: 'col' }, text);
const rowHead = (text) => h('th', { scope: 'row' }, text);
const numCell = (x, decimals = 4) => h('td', { class: 'num' }, numberElement(x, { decimals }));
const probCell = (p) => h('td', { class: 'num' }, probabilityElement(p));
/** A probability that may be tiny (a far tail): 2.1 × 10⁻¹⁹ rather than "1 in …". */
const tinyCell = (p) => h('td', { class: 'num', title: String(p) }, p > 0 && p < 1e-4 ? formatPowerOfTen(p, 2) : formatNumber(p, 4));
const percent = (p) => (p >= 0.001 && p <= 0.999 ? `${(100 * p).toFixed(1)} %` : formatProbability(p));
const days = (x) => `${formatNumber(x, x < 10 ? 2 : 1)} day${x === 1 ? '' : 's'}`;
const plural = (n, word) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

function table(id, label, headings, rows, caption) {
  return scrollRegion(label, h('table', { class: 'result-table cards', id },
    caption ? h('caption', { class: 'hint' }, caption) : '',
    h('thead', {}, h('tr', {}, headings)), h('tbody', {}, rows)));
}

/** The values of a {first, probabilities} distribution worth drawing (at least 1e-6 of its largest). */
export function visibleWindow(d) {
  const top = Math.max(...d.probabilities);
  const keep = d.probabilities.map((p, i) => [d.first + i, p]).filter(([, p]) => p >= top * 1e-6);
  return keep.length ? keep : [[d.first, d.probabilities[0]]];
}

export function ageingCsv(r) {
  const rows = [['quantity', 'phases', 'x', 'value']];
  const at = (quantity, phases, x, value) => rows.push([quantity, phases, x, value]);
  at('shelf_life', '', '', r.shelf_life);
  at('nu', r.phases, '', r.nu);
  for (const name of ['mean', 'variance', 'sd', 'cv']) at(`shelf_life_${name}`, r.phases, '', r.moments[name]);
  r.moments.raw.forEach((m, k) => at('shelf_life_moment', r.phases, k + 1, m));
  at('tolerance', '', '', r.tolerance);
  for (const row of r.error_table) {
    for (const name of ['sd', 'mean_absolute_error', 'kolmogorov', 'early', 'late', 'off_by_more', 'early_bound', 'late_bound']) at(`error_${name}`, row.phases, '', row[name]);
  }
  r.curves.t.forEach((t, i) => at('fixed_cdf', '', t, r.curves.fixed_cdf[i]));
  for (const c of r.curves.erlang) {
    r.curves.t.forEach((t, i) => at('erlang_cdf', c.phases, t, c.cdf[i]));
    r.curves.t.forEach((t, i) => at('erlang_density', c.phases, t, c.density[i]));
  }
  const s = r.stock;
  at('arrival_rate', '', '', s.arrival_rate);
  at('stock_per_phase_mean', r.phases, '', s.per_phase_mean);
  at('stock_total_mean', r.phases, '', s.total_mean);
  for (const [name, d] of [['stock_per_phase', s.per_phase], ['stock_total', s.total]]) {
    if (d.first > 0) at(`${name}_below`, r.phases, d.first, d.below);
    d.probabilities.forEach((p, i) => at(`${name}_probability`, r.phases, d.first + i, p));
    at(`${name}_above`, r.phases, d.first + d.probabilities.length - 1, d.above);
  }
  if (s.state) at('state_probability', r.phases, '', s.state.probability);
  return rows;
}

function summaryWords(r) {
  const a = r.approximation;
  return h('p', { id: 'age-summary' },
    `Cut into N = ${plural(r.phases, 'phase')} of ${days(r.shelf_life / r.phases)} on average, a shelf life of ${days(r.shelf_life)} is no longer fixed: `,
    `it is ${days(r.moments.mean)} on average, with a standard deviation of ${days(r.moments.sd)}. `,
    `A unit's shelf life misses ${days(r.shelf_life)} by ${days(a.mean_absolute_error)} on average; `,
    `${percent(a.off_by_more)} of units miss it by more than ${days(r.tolerance)} `,
    `(${percent(a.early)} outdate that much early, ${percent(a.late)} last that much longer).`);
}

function stockWords(r) {
  const s = r.stock;
  return h('p', { id: 'age-stock-summary' },
    `With ${formatNumber(s.arrival_rate)} fresh units a day and none issued, each of the ${plural(r.phases, 'phase')} holds on average `,
    `${formatNumber(s.per_phase_mean)} units (λ R / N), and the whole stock ${formatNumber(s.total_mean)} units (λ R). `,
    'Each count is random, with a Poisson distribution, and the phases are independent of each other (eq. 5.14). ',
    `Every unit outdates: ${formatNumber(s.arrival_rate)} a day.`);
}

export function renderAgeing(container, r, warnings, { title }) {
  const charts = [];
  let destroyed = false;
  const chartBox = (id, what) => h('div', { class: 'chart-box', id }, h('canvas', { role: 'img', 'aria-label': what }));
  const curveNames = r.curves.erlang.map((c) => `N = ${c.phases}`).join(', ');
  const cdfBox = chartBox('age-cdf-chart', `The chance that a unit has outdated by each day, for the fixed shelf life of ${days(r.shelf_life)} (a step at R) and for ${curveNames} phases; the table under the chart has every value`);
  const densityBox = chartBox('age-density-chart', `How the outdating day is spread, for ${curveNames} phases (the fixed shelf life puts it all on day R); the CSV has every value`);
  const errorBox = chartBox('age-error-chart', 'The average miss and the standard deviation of the shelf life, in days, against the number of phases N, on a log scale; the table above has every value');
  const phaseBox = chartBox('age-phase-chart', `The chance of each number of units in one ageing phase (the same for every phase) and in the whole stock; the CSV has every value`);
  const totalBox = chartBox('age-total-chart', 'The chance of each number of units in the whole stock; the CSV has every value');
  const a = r.approximation;

  container.replaceChildren(...[
    h('h2', {}, `Ageing: ${title}`),
    warnings.length ? h('div', { class: 'warnings', role: 'note' }, h('h3', {}, 'Warnings'), h('ul', {}, warnings.map((w) => h('li', {}, w.message)))) : '',
    summaryWords(r),
    h('h3', {}, 'Moments of the phased shelf life (eq. 5.4, 5.11)'),
    table('age-moments', 'Moments of the phased shelf life', [col('Quantity'), col('Value'), col('Formula')], [
      h('tr', {}, rowHead('Mean E(T) (days)'), numCell(r.moments.mean), h('td', {}, 'N / ν = R')),
      h('tr', {}, rowHead('Variance Var(T) (days²)'), numCell(r.moments.variance), h('td', {}, 'N / ν² = R² / N')),
      h('tr', {}, rowHead('Standard deviation (days)'), numCell(r.moments.sd), h('td', {}, 'R / √N')),
      h('tr', {}, rowHead('Coefficient of variation'), numCell(r.moments.cv), h('td', {}, '1 / √N')),
      h('tr', {}, rowHead('Ageing rate ν (phases a day)'), numCell(r.nu), h('td', {}, 'N / R')),
      r.moments.raw.map((m, k) => h('tr', {}, rowHead(`E(T${k ? ['²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'][k - 1] ?? `^${k + 1}` : ''})`), numCell(m),
        h('td', {}, k ? `(N + ${k})! / (N − 1)! / ν^${k + 1}` : 'N / ν'))),
    ].flat()),
    h('h3', {}, 'Fixed against phased shelf life (van Sambeek 2020, Fig. 5.3-5.4, eq. 5.10)'),
    h('p', { class: 'hint' }, 'The chance that a unit has outdated by each day. With a fixed shelf life it jumps from 0 to 1 on day R. ',
      'With N phases it rises smoothly and passes about one half at day R; the more phases, the steeper: N = 1 is the exponential distribution, ',
      'and as N grows the curve closes in on the step everywhere except at day R itself.'),
    cdfBox,
    h('details', { class: 'age-fold' }, h('summary', {}, 'The curves’ values (table)'),
      table('age-curve', 'The chance of having outdated by each day', [col('Day t'), col('Fixed shelf life'), ...r.curves.erlang.map((c) => col(`N = ${c.phases}`))],
        r.curves.t.map((t, i) => h('tr', {}, rowHead(formatNumber(t, 2)), probCell(r.curves.fixed_cdf[i]), r.curves.erlang.map((c) => probCell(c.cdf[i])))))),
    h('p', { class: 'hint' }, 'The density shows on which day units outdate: spread widely for few phases, gathered around day R for many.'),
    densityBox,
    h('h3', {}, 'How the error falls as N grows'),
    h('p', { class: 'hint' }, `For each number of phases N: the standard deviation of the shelf life; the average miss, by how many days a unit’s shelf life misses R `,
      '(also the area between the two curves above); the share of units that miss R by more than δ, early or late, with Chebyshev’s bounds from the thesis (eq. 5.8; 1 means the bound says nothing); ',
      'and the largest gap between the two curves, which never falls below one half: at day R the fixed curve jumps, while the phased one passes about one half.'),
    table('age-errors', 'The approximation error for each number of phases', [col('Phases N'), col('Standard deviation (days)'), col('Average miss (days)'),
      col(`Off by more than ${days(r.tolerance)}`), col('Early'), col('Bound, early (eq. 5.8)'), col('Late'), col('Bound, late (eq. 5.8)'), col('Largest gap between the curves')],
    r.error_table.map((e) => h('tr', {}, rowHead(e.phases.toLocaleString('en')), numCell(e.sd), numCell(e.mean_absolute_error),
      tinyCell(e.off_by_more), tinyCell(e.early), tinyCell(e.early_bound), tinyCell(e.late), tinyCell(e.late_bound), numCell(e.kolmogorov)))),
    errorBox,
    h('p', { class: 'hint' }, `At N = ${r.phases.toLocaleString('en')} a unit misses R by ${days(a.mean_absolute_error)} on average. `,
      'The average miss falls like R √(2 / (π N)): every hundredfold more phases divide it by ten. ',
      `To bring it below one day for a shelf life of ${days(r.shelf_life)} takes about ${Math.ceil(2 * r.shelf_life ** 2 / Math.PI).toLocaleString('en')} phases.`),
    h('h3', {}, 'The stock by ageing phase (eq. 5.14)'),
    stockWords(r),
    phaseBox,
    totalBox,
    table('age-stock', 'The stock by ageing phase', [col('Quantity'), col('Value')], [
      h('tr', {}, rowHead('Mean units in each phase (λ R / N)'), numCell(r.stock.per_phase_mean)),
      h('tr', {}, rowHead('Mean units in stock (λ R)'), numCell(r.stock.total_mean)),
      h('tr', {}, rowHead('Units outdating a day'), numCell(r.stock.outdating_rate)),
      r.stock.state ? h('tr', {}, rowHead('Chance of exactly the stock by phase given'), tinyCell(r.stock.state.probability)) : '',
    ].filter((x) => x !== '')),
    r.stock.state ? h('p', { class: 'hint', id: 'age-state-words' }, 'The chance of the exact stock you gave, phase by phase: the product of each phase’s chance',
      r.stock.state.log10_probability != null ? ` (10 to the power ${formatNumber(r.stock.state.log10_probability, 2)}).` : ' (0: with no fresh units the stock is empty).') : '',
    h('p', { class: 'hint' }, 'The thesis gives this distribution for a stock from which nothing is issued. Issuing only takes units away, so a bank that issues blood holds fewer: ',
      'read it as an upper bound, and as the stock’s make-up by age before issuing is added (thesis sec. 5.4). It is the same for a fixed shelf life counted in N equal age bands.'),
    h('h3', {}, 'What the numbers mean'),
    h('dl', { class: 'age-words' },
      h('dt', {}, 'R, the shelf life'), h('dd', {}, 'The days from collection to outdating. Red cells keep 35 days, platelets 7.'),
      h('dt', {}, 'N, the phases'), h('dd', {}, 'A unit’s remaining shelf life is counted in N steps (days, weeks). Each step takes a random, exponentially distributed time of R / N days on average, so the model stays a Markov chain; the total is an Erlang distribution.'),
      h('dt', {}, 'ν, the ageing rate'), h('dd', {}, 'N / R: how many phases a unit passes per day on average.'),
      h('dt', {}, 'λ, fresh units a day'), h('dd', {}, 'Units arrive one at a time, at random moments (a Poisson process), λ a day on average.')),
  ].flat(3).filter((x) => x !== ''));

  loadCharts().then(({ lineChart, logLineChart, barChart }) => {
    if (destroyed) return;
    const tLabels = r.curves.t.map((t) => formatNumber(t, 1));
    charts.push(lineChart(cdfBox.querySelector('canvas'), tLabels,
      [{ label: `fixed, R = ${formatNumber(r.shelf_life)}`, data: r.curves.fixed_cdf, stepped: true }, ...r.curves.erlang.map((c) => ({ label: `N = ${c.phases}`, data: c.cdf }))],
      'day t', 'P[outdated by day t]', (x) => formatNumber(x, 2), { min: 0, max: 1 }));
    charts.push(lineChart(densityBox.querySelector('canvas'), tLabels,
      r.curves.erlang.map((c) => ({ label: `N = ${c.phases}`, data: c.density })), 'day t', 'density (per day)', (x) => formatNumber(x, 3), { min: 0 }));
    const Ns = r.error_table.map((e) => e.phases.toLocaleString('en'));
    charts.push(logLineChart(errorBox.querySelector('canvas'), Ns, [
      { label: 'average miss (days)', data: r.error_table.map((e) => e.mean_absolute_error) },
      { label: 'standard deviation (days)', data: r.error_table.map((e) => e.sd) }], 'phases N', 'days (log scale)', (x) => formatNumber(x, 3)));
    const phase = visibleWindow(r.stock.per_phase);
    charts.push(barChart(phaseBox.querySelector('canvas'), phase.map(([k]) => String(k)),
      [{ label: 'one phase', data: phase.map(([, p]) => p) }], 'P[exactly this many units]', (x) => formatNumber(x, 4), { xTitle: 'units in one phase' }));
    const total = visibleWindow(r.stock.total);
    charts.push(lineChart(totalBox.querySelector('canvas'), total.map(([k]) => String(k)),
      [{ label: 'whole stock', data: total.map(([, p]) => p) }], 'units in stock', 'P[exactly this many]', (x) => formatNumber(x, 4), { min: 0 }));
  }, () => {
    if (destroyed) return;
    for (const box of [cdfBox, densityBox, errorBox, phaseBox, totalBox]) box.replaceChildren(h('p', { class: 'hint' }, 'The chart could not be loaded; the tables and the CSV file have every value.'));
  });

  return {
    destroy: () => { destroyed = true; charts.forEach((c) => c.destroy()); },
    csv: () => ageingCsv(r),
    csvName: `rbcmatch-supply-shelf-life-R${r.shelf_life}-N${r.phases}.csv`,
  };
}
