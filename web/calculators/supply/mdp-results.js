// Rendering of `issuing_mdp` results (van Sambeek 2020, sec. 5.4): the optimal average cost
// with its bounds, the bounds converging over the iterations (eq. 5.31), and the action table:
// every stock composition in words, the best unit to issue for each requested group, and every
// action tied with it. Every number comes with a sentence saying what it counts.
import { h } from '../../lib/dom.js';
import { formatNumber } from '../../lib/format.js';
import { loadCharts } from '../../lib/load-charts.js';
import { scrollRegion } from '../../lib/table.js';

const col = (text) => h('th', { scope: 'col' }, text);
/** Ten significant digits, enough to show two close bounds apart. */
const digits = (x) => String(Number(x.toPrecision(10)));
// The action table shows this many stock compositions; the CSV has them all.
export const TABLE_ROWS = 300;

/** Phase r of N in words: N is fresh, 1 outdates next. */
export const phaseWords = (r, N) => (N === 1 ? '' : r === N ? 'freshest phase' : r === 1 ? 'oldest phase' : `phase ${r} of ${N}`);

/** A stock composition in words: "2 D- (1 freshest phase, 1 oldest phase), 1 D+", or "empty". */
export function stockWords(stock, groups, N) {
  const parts = [];
  stock.forEach((counts, i) => {
    const total = counts.reduce((a, b) => a + b, 0);
    if (!total) return;
    const byPhase = counts.map((c, k) => [c, k + 1]).filter(([c]) => c > 0).reverse();
    const detail = N > 1 ? ` (${byPhase.map(([c, r]) => `${c} ${phaseWords(r, N)}`).join(', ')})` : '';
    parts.push(`${total} ${groups[i].name}${detail}`);
  });
  return parts.length ? parts.join('; ') : 'empty';
}

/** Action t (a unit type of `types`, -1 to refuse) in words. */
export function actionWords(t, types, N) {
  if (t < 0) return 'refuse (keep the stock)';
  const { group, phase } = types[t];
  return `issue ${group}${N > 1 ? `, ${phaseWords(phase, N)}` : ''}`;
}
/** Action t for the CSV: "D- phase 2" or "refuse". */
const actionCode = (t, types) => (t < 0 ? 'refuse' : `${types[t].group} phase ${types[t].phase}`);

export function mdpCsv(r) {
  const rows = [['quantity', 'iteration', 'stock', 'request', 'rank', 'action', 'value']];
  rows.push(['average_cost', '', '', '', '', '', r.average_cost], ['lower', '', '', '', '', '', r.lower], ['upper', '', '', '', '', '', r.upper],
    ['converged', '', '', '', '', '', r.converged], ['uniformisation_rate', '', '', '', '', '', r.uniformisation_rate], ['ageing_rate', '', '', '', '', '', r.ageing_rate]);
  for (const b of r.bounds) rows.push(['lower_bound', b.iteration, '', '', '', '', b.lower], ['upper_bound', b.iteration, '', '', '', '', b.upper]);
  for (const s of r.actions) {
    const stock = s.stock.map((c, i) => `${r.groups[i].name}:${c.join('/')}`).join(' ');
    rows.push(['relative_value', '', stock, '', '', '', s.relative_value]);
    s.best.forEach((list, j) => list.forEach((t, k) => rows.push(['action', '', stock, r.groups[j].name, k + 1, actionCode(t, r.unit_types), ''])));
  }
  return rows;
}

/** The model the answer is for, in words: the settings that sit in the Options box. */
export function modelWords(r, request) {
  const at = (name, words) => (request?.[name] === undefined ? '' : words(request[name]));
  const shares = (key) => r.groups.map((g) => `${g.name} ${Number((100 * g[key]).toPrecision(4))} %`).join(', ');
  const ownRequestShares = r.groups.some((g) => g.request_share !== g.donation_share);
  return [
    at('donation_rate', (x) => `${formatNumber(x, 4)} donation${x === 1 ? '' : 's'} a day (${shares('donation_share')})`),
    at('request_rate', (x) => `${formatNumber(x, 4)} request${x === 1 ? '' : 's'} a day${ownRequestShares ? ` (${shares('request_share')})` : ', in the same shares'}`),
    at('shelf_life', (x) => `a shelf life of ${formatNumber(x, 4)} days in ${r.phases} phase${r.phases === 1 ? '' : 's'}`),
    at('max_stock', (x) => `at most ${x} units in stock (${r.states} possible stocks)`),
    [at('shortage_cost', (x) => `a shortage costs ${formatNumber(x, 4)}`), at('outdating_cost', (x) => `an outdated unit ${formatNumber(x, 4)}`),
      at('substitution_cost', (x) => `a substitution ${formatNumber(x, 4)}`)].filter(Boolean).join(', '),
  ].filter(Boolean).join('; ');
}

export function renderMdp(container, r, warnings, { title, request }) {
  const N = r.phases;
  let destroyed = false;
  let chart = null;
  const chartBox = h('div', { class: 'chart-box', id: 'mdp-bounds-chart' },
    h('canvas', { role: 'img', 'aria-label': `The lower and upper bounds on the optimal average cost at each of the ${r.iterations} iterations; they close in on ${formatNumber(r.average_cost, 4)}. The CSV has every value.` }));
  const ties = r.actions.reduce((n, s) => n + s.best.filter((list) => list.length > 1).length, 0);
  const words = (t) => actionWords(t, r.unit_types, N);
  const shown = r.actions.slice(0, TABLE_ROWS);
  const rows = shown.map((s) => h('tr', {},
    h('th', { scope: 'row' }, stockWords(s.stock, r.groups, N)),
    s.best.map((list) => h('td', { class: list.length > 1 ? 'mdp-tie' : '' },
      h('strong', {}, words(list[0])),
      list.length > 1 ? [h('br'), `equally good: ${list.slice(1).map(words).join('; ')}`] : ''))));
  container.replaceChildren(...[
    h('h2', {}, `Issuing policy: ${title}`),
    warnings.length ? h('div', { class: 'warnings', role: 'note' }, h('h3', {}, 'Warnings'), h('ul', {}, warnings.map((w) => h('li', {}, w.message)))) : '',
    h('p', { class: 'mdp-summary' },
      'Issuing the best unit every time, the bank’s costs average ', h('strong', { id: 'mdp-average' }, formatNumber(r.average_cost, 4)),
      ` a day in the long run (shortages, outdated units and substitutions together). `,
      `Successive approximation ${r.converged ? 'pinned this down' : 'had not yet pinned this down'} after ${r.iterations} steps: `,
      `the optimal cost lies between ${digits(r.lower)} and ${digits(r.upper)} (a gap of ${(r.upper - r.lower).toPrecision(2)}).`),
    h('p', { class: 'mdp-model' }, `The model: ${modelWords(r, request)}. Change them under Options.`),
    h('h3', {}, 'The bounds converging (thesis eq. 5.31)'),
    h('p', { class: 'hint' }, 'Each step looks one short time step further ahead. The largest and smallest change of the expected costs over one step, per day, ',
      'bound the best long-run cost from above and below, and they close in on it step by step: the gap says how exact the answer is.'),
    chartBox,
    h('h3', {}, 'The best action in each stock'),
    h('p', { class: 'hint' }, `${r.states} possible stocks. For each, and each blood group that may be requested, the best action`,
      ties ? `; ${ties} times several actions are equally good, and all of them are listed` : '; no two actions tie',
      shown.length < r.actions.length ? `. The first ${shown.length} stocks are shown; the CSV file has all ${r.actions.length}.` : '.'),
    scrollRegion('The best action in each stock', h('table', { class: 'result-table', id: 'mdp-actions' },
      h('thead', {}, h('tr', {}, col('Stock'), r.groups.map((g) => col(`Request for ${g.name}`)))), h('tbody', {}, rows))),
    h('h3', {}, 'What the numbers mean'),
    h('dl', { class: 'mdp-words' },
      h('dt', {}, 'Compatible'), h('dd', {}, r.groups.map((g) => `${g.name} may go to ${g.serves.join(', ')}`).join('; '), '.'),
      h('dt', {}, 'Phases'), h('dd', {}, N > 1 ? `A unit’s shelf life is split into ${N} phases; it moves to the next about every ${formatNumber(1 / r.ageing_rate, 3)} days and outdates after the oldest phase (the Erlang approximation, thesis sec. 5.3).`
        : `Units outdate at random, on average after ${formatNumber(1 / r.ageing_rate, 3)} days (one Erlang phase, thesis sec. 5.3).`),
      h('dt', {}, 'Refuse'), h('dd', {}, 'The request goes unmet and costs a shortage: worth it only when the unit is worth more kept for a later request.'),
      h('dt', {}, 'Average cost'), h('dd', {}, 'The long-run cost a day of the best policy: each shortage, outdated unit and substitution (a unit of another group than requested) costs what you set.')),
  ].flat(3).filter((x) => x !== ''));

  loadCharts().then(({ lineChart }) => {
    if (destroyed) return;
    const step = Math.max(1, Math.ceil(r.bounds.length / 1000));
    const drawn = r.bounds.filter((_, i) => i % step === 0 || i === r.bounds.length - 1);
    chart = lineChart(chartBox.querySelector('canvas'), drawn.map((b) => String(b.iteration)),
      [{ label: 'upper bound', data: drawn.map((b) => b.upper) }, { label: 'lower bound', data: drawn.map((b) => b.lower) }],
      'iteration', 'average cost a day', (x) => formatNumber(x, 4), { min: 0 });
  }, () => {
    if (!destroyed) chartBox.replaceChildren(h('p', { class: 'hint' }, 'The chart could not be loaded; the CSV file has every bound.'));
  });

  return {
    destroy: () => { destroyed = true; chart?.destroy(); },
    csv: () => mdpCsv(r),
    csvName: 'rbcmatch-supply-issuing-policy.csv',
  };
}
