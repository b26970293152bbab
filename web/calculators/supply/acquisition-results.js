// Rendering of `acquisition` results, one per storage limit k (Boppana and Chalasani 2007,
// sec. 4): availability and shortage at the chosen rate, the smallest rate reaching the
// target (exact, and on the paper's grid), the availability curves of Fig. 3, and the chain's
// stationary distribution with the chance of a shortage at each level. Every number comes
// with a sentence saying what it counts.
import { h } from '../../lib/dom.js';
import { formatFixed, formatNumber, formatPowerOfTen, formatProbability, numberElement, probabilityElement } from '../../lib/format.js';
import { loadCharts } from '../../lib/load-charts.js';
import { scrollRegion } from '../../lib/table.js';

const col = (text) => h('th', { scope: 'col' }, text);
const rowHead = (text) => h('th', { scope: 'row' }, text);
const numCell = (x, decimals = 4) => h('td', { class: 'num' }, numberElement(x, { decimals }));
const probCell = (p) => h('td', { class: 'num' }, probabilityElement(p));
/** A probability that may be tiny (the tail of the stock's distribution): 8.5 × 10⁻¹² rather than "1 in 117 000 000 000". */
const tinyCell = (p) => h('td', { class: 'num', title: String(p) }, p > 0 && p < 1e-3 ? formatPowerOfTen(p, 2) : formatFixed(p, 4));
/** A rate to four decimals at most, without trailing zeros: 1.05, 1.0467. */
const rate = (x) => String(Number(x.toFixed(4)));
/** A rate as text, its exact value in the title. */
const rateCell = (x) => h('td', { class: 'num', title: String(x) }, rate(x));
// A share of the time as a percentage, with the decimals that keep it short of 100 % when it
// is (99.992 %, not 0.99992 beside 99.3 %); tiny shares as probabilities (1 in 18 200).
const percent = (p) => {
  if (p >= 0.001 && p <= 0.999) return `${(100 * p).toFixed(1)} %`;
  if (p > 0.999 && 1 - p >= 1e-6) return `${(100 * p).toFixed(Math.floor(-Math.log10(100 * (1 - p))) + 1)} %`;
  return formatProbability(p);
};

function table(id, label, headings, rows, caption) {
  return scrollRegion(label, h('table', { class: 'result-table cards', id },
    caption ? h('caption', { class: 'hint' }, caption) : '',
    h('thead', {}, h('tr', {}, headings)), h('tbody', {}, rows)));
}

/** P[fewer than j units] for j = 0..k+1: running sums from the empty end, where the small terms are. */
export function shortageByLevel(pi) {
  const below = [0];
  for (const p of pi) below.push(below.at(-1) + p);
  return below;
}

/** The levels the shortage table shows: every level of a small store; else m and tenths of the largest k. */
export function tableLevels(runs) {
  const top = Math.max(...runs.map((r) => r.k));
  if (top <= 30) return Array.from({ length: top + 1 }, (_, j) => j);
  const levels = new Set([1, runs[0].m, top]);
  for (let i = 1; i < 10; i++) levels.add(Math.round((i * top) / 10));
  return [...levels].filter((j) => j >= 0 && j <= top).sort((a, b) => a - b);
}

/** The levels the distribution's chart draws: every one up to 1,000 levels, else evenly spaced ones with each k. */
export function chartLevels(runs, most = 1000) {
  const top = Math.max(...runs.map((r) => r.k));
  const step = Math.max(1, Math.ceil((top + 1) / most));
  const levels = new Set(Array.from({ length: Math.floor(top / step) + 1 }, (_, i) => i * step));
  for (const r of runs) levels.add(r.k);
  return [...levels].sort((a, b) => a - b);
}

export function acquisitionCsv(runs) {
  const rows = [['quantity', 'k', 'm', 'rho', 'level', 'value']];
  for (const r of runs) {
    const at = (quantity, value, level = '', rho = r.rho) => rows.push([quantity, r.k, r.m, rho, level, value]);
    at('availability', r.availability);
    at('shortage', r.shortage);
    at('request_unmet', r.request_unmet);
    at('mean_stock', r.mean_stock);
    if (r.mean_batch != null) at('mean_batch', r.mean_batch);
    if (r.minimum_rho) {
      at('target', r.minimum_rho.target);
      at('minimum_rho_exact', r.minimum_rho.exact);
      at('availability_at_minimum_rho', r.minimum_rho.availability);
      at('grid_step', r.minimum_rho.grid_step);
      at('minimum_rho_on_grid', r.minimum_rho.on_grid);
    }
    for (const c of r.curve) at('curve_availability', c.availability, '', c.rho);
    (r.distribution ?? []).forEach((p, j) => at('stock_probability', p, j));
  }
  return rows;
}

function summaryWords(r, batch) {
  return h('p', { class: 'acq-summary', 'data-k': r.k },
    `With room for ${r.k} units and ${batch ? `${rate(r.rho)} units collected per unit requested` : `a rate ρ = ${rate(r.rho)}`}, `,
    `at least ${r.m} units are in stock ${percent(r.availability)} of the time (availability `, probabilityElement(r.availability), '); ',
    `fewer than ${r.m}, a shortage, ${percent(r.shortage)} of the time. On average ${formatNumber(r.mean_stock, 1)} units are in stock.`);
}

function minimumWords(r) {
  const t = r.minimum_rho;
  return h('p', { class: 'acq-minimum', 'data-k': r.k },
    `Room for ${r.k} units: to have at least ${r.m} units ${percent(t.target)} of the time, the bank must collect at least `,
    h('strong', {}, numberElement(t.exact, { decimals: 4 })), ' units for every unit used. ',
    `On a grid of ${rate(t.grid_step)}, as the paper quotes its rates, that is `, h('strong', { class: 'num', title: String(t.on_grid) }, rate(t.on_grid)), '.');
}

export function renderAcquisition(container, result, warnings, { title }) {
  const { runs } = result;
  const batch = runs[0].model === 'batch';
  const charts = [];
  let destroyed = false;
  const chartBox = (id, what) => h('div', { class: 'chart-box', id }, h('canvas', { role: 'img', 'aria-label': what }));
  const m = runs[0].m;
  const hasCurve = runs[0].curve.length > 1;
  const curveBox = hasCurve ? chartBox('acq-curve-chart', `Availability, the chance of at least ${m} units in stock, against the rate ρ, one line per storage limit (${runs.map((r) => `k = ${r.k}`).join(', ')}); the table under the chart has every value`) : '';
  const distributionBox = chartBox('acq-distribution-chart', `The chance of each number of units in stock, one line per storage limit, at ρ = ${rate(runs[0].rho)}; the table below gives the chance of a shortage at chosen levels, the CSV every value`);
  const levels = tableLevels(runs);
  const below = runs.map((r) => shortageByLevel(r.distribution ?? []));
  const withTarget = runs.filter((r) => r.minimum_rho);

  container.replaceChildren(...[
    h('h2', {}, `Availability: ${title}`),
    warnings.length ? h('div', { class: 'warnings', role: 'note' }, h('h3', {}, 'Warnings'), h('ul', {}, warnings.map((w) => h('li', {}, w.message)))) : '',
    runs.map((r) => summaryWords(r, batch)),
    withTarget.length ? [
      h('h3', {}, 'The smallest rate for the target'),
      withTarget.map(minimumWords),
      table('acq-minimum', 'The smallest rate reaching the target, per storage limit', [col('Storage limit k'), col('Smallest rate ρ (exact)'),
        col('Availability at that rate'), col(`On the grid of ${rate(withTarget[0].minimum_rho.grid_step)}`)],
      withTarget.map((r) => h('tr', {}, rowHead(String(r.k)), numCell(r.minimum_rho.exact, 6), probCell(r.minimum_rho.availability), rateCell(r.minimum_rho.on_grid)))),
      h('p', { class: 'hint' }, 'The exact rate is the smallest number (to the computer’s precision) whose availability reaches the target: ',
        'availability rises with the rate, so any rate above it reaches the target too, any below falls short. ',
        'Boppana and Chalasani quote rates in steps of 0.025 (105 % and 102.5 % of consumption in their example); the grid value is the exact rate rounded up to such a step. ',
        'A larger store needs a lower rate: with more room, the stock recovers from a run of requests before it falls below m.')] : '',
    h('h3', {}, 'At the chosen rate'),
    table('acq-at-rate', 'Availability and shortage at the chosen rate, per storage limit', [col('Storage limit k'), col(`Availability: P[at least ${m} units]`),
      col(`Shortage: P[fewer than ${m}]`), col('P[a request cannot be met in full]'), col('Mean units in stock'), batch ? col('Mean units per request') : ''],
    runs.map((r) => h('tr', {}, rowHead(String(r.k)), probCell(r.availability), probCell(r.shortage), probCell(r.request_unmet),
      numCell(r.mean_stock, 1), batch ? numCell(r.mean_batch, 3) : ''))),
    h('p', { class: 'hint' }, `Availability is the share of the time at least m = ${m} units are in stock; shortage the share with fewer, so the two add up to 1. `,
      'A request cannot be met in full when it asks for more units than are in stock (requests arrive at random, so they see the stock as it is on average over time); ',
      batch ? 'with requests of several units this happens more often than an empty shelf.' : 'with requests of one unit that is when the shelf is empty.'),
    hasCurve ? [
      h('h3', {}, 'Availability against the rate (Boppana and Chalasani 2007, Fig. 3)'),
      h('p', { class: 'hint' }, `Each line is one storage limit: the chance of at least ${m} units in stock for each rate ρ. `,
        'Below ρ = 1 blood is used faster than it comes in and the stock stays near empty; above 1 it fills up towards the storage limit.',
        withTarget.length ? ` The flat line is the target, ${formatNumber(withTarget[0].minimum_rho.target)}.` : ''),
      curveBox,
      h('details', { class: 'acq-fold' }, h('summary', {}, 'Availability at each rate of the curve (table)'),
        table('acq-curve', 'Availability at each rate of the curve', [col('Rate ρ'), ...runs.map((r) => col(`k = ${r.k}`))],
          runs[0].curve.map((c, i) => h('tr', {}, rowHead(rate(c.rho)), runs.map((r) => probCell(r.curve[i]?.availability)))))),
    ] : '',
    h('h3', {}, batch ? 'The stock’s distribution (the chain of Fig. 1)' : 'The stock’s distribution (Fig. 2)'),
    h('p', { class: 'hint' }, 'The chance of each number of units in stock in the long run (the chain’s stationary distribution: the balance of collections, which add one unit, ',
      `and requests, which take ${batch ? 'one or more' : 'one'}). The table gives, for chosen levels j, the chance of exactly j units and of fewer than j units: `,
      `the chance of a shortage if the minimum stock were j (at j = ${m} it is the shortage above).`),
    distributionBox,
    table('acq-levels', 'The chance of a shortage at each level', [col('Level j'),
      ...runs.flatMap((r) => [col(`P[exactly j], k = ${r.k}`), col(`P[fewer than j], k = ${r.k}`)])],
    levels.map((j) => h('tr', {}, rowHead(String(j)), runs.flatMap((r, i) => [tinyCell(j <= r.k ? r.distribution[j] : 0), tinyCell(below[i][Math.min(j, r.k + 1)])])))),
    h('h3', {}, 'What the numbers mean'),
    h('dl', { class: 'acq-words' },
      h('dt', {}, 'ρ (rho), the rate'), h('dd', {}, batch
        ? 'Units collected per unit requested. Collections arrive one unit at a time; requests are for one or more units, with the chances given.'
        : 'How fast units are collected compared with how fast they are used (λ / μ); units that outdate count as used. Collections and requests each arrive at random, one unit at a time.'),
      h('dt', {}, 'k, the storage limit'), h('dd', {}, 'The most units the bank can hold; a unit collected when the store is full is not kept.'),
      h('dt', {}, 'm, the minimum stock'), h('dd', {}, 'The fewest units the bank wants at hand, e.g. for an emergency. Fewer than m is a shortage, even if some units are left.'),
      h('dt', {}, 'Availability'), h('dd', {}, 'The share of the time at least m units are in stock, in the long run (Boppana and Chalasani’s P[availability]).')),
  ].flat(3).filter((x) => x !== ''));

  loadCharts().then(({ lineChart, lineStyleWords }) => {
    if (destroyed) return;
    const prob = (x) => formatProbability(x);
    if (hasCurve) {
      const series = runs.map((r) => ({ label: `k = ${r.k}`, data: r.curve.map((c) => c.availability) }));
      if (withTarget.length) series.push({ label: `target ${formatNumber(withTarget[0].minimum_rho.target)}`, data: runs[0].curve.map(() => withTarget[0].minimum_rho.target) });
      charts.push(lineChart(curveBox.querySelector('canvas'), runs[0].curve.map((c) => rate(c.rho)), series, 'rate ρ (units collected per unit used)',
        `P[at least ${m} units in stock]`, prob, { min: 0, max: 1 }));
      const canvas = curveBox.querySelector('canvas');
      canvas.setAttribute('aria-label', `${canvas.getAttribute('aria-label')}. ${series.map((s, i) => `${s.label}: ${lineStyleWords(i)}`).join('; ')}.`);
    }
    // At most about 1,000 levels drawn (a line of 20,000 points draws slowly and shows no more);
    // the CSV has every level.
    const levelsDrawn = chartLevels(runs);
    charts.push(lineChart(distributionBox.querySelector('canvas'), levelsDrawn.map(String),
      runs.map((r) => ({ label: `k = ${r.k}`, data: levelsDrawn.map((j) => (j <= r.k ? r.distribution[j] : null)) })),
      'units in stock', 'P[exactly this many]', prob, { min: 0 }));
  }, () => {
    if (destroyed) return;
    for (const box of [curveBox, distributionBox]) if (box) box.replaceChildren(h('p', { class: 'hint' }, 'The chart could not be loaded; the tables and the CSV file have every value.'));
  });

  return {
    destroy: () => { destroyed = true; charts.forEach((c) => c.destroy()); },
    csv: () => acquisitionCsv(runs),
    csvName: `rbcmatch-supply-availability-${runs.map((r) => r.k).join('-')}.csv`,
  };
}
