// Rendering of an `antigen_order` result (thesis ch. 7): the answer in a sentence, the curve of
// Fig. 7.3, the order of Table 7.5 with its ties, the matched antigens of Table 7.4, the
// strategies (paged) and one in detail, model 3's stability, the robustness of the order to
// the antibody shares, the scenario grid with Fig. 7.4's positions, and how it is computed.
//
// Model 3 is simulated: every ± is a Monte Carlo standard error, and antigens whose order is
// within the noise are said to be tied, never shown as one answer among several.
import { h } from '../../lib/dom.js';
import { csvLink } from '../../lib/csv.js';
import { countOf, formatFixed, formatNumber, numberElement } from '../../lib/format.js';
import { groupLabel } from '../../lib/blood-group.js';
import { loadCharts } from '../../lib/load-charts.js';
import { formula as f } from '../../lib/math.js';
import { scrollRegion } from '../../lib/table.js';
import { describeRole } from '../frequencies/results.js';
import {
  MODEL_WORDS, added, curveCsv, gridCsv, list, orderCsv, orderText, positionsOf, shade, strategiesCsv, tailTieWords, tieWords,
} from './words.js';

// Shares in a column: the same decimals in every row (0.0006, not 6.45e-4), the full value in its title.
const num = (value, decimals = 4) => h('td', { class: 'num' }, numberElement(value, { decimals, fixed: true }));
const seCell = (se) => h('td', { class: 'num' }, se == null ? '—' : ['± ', numberElement(se, { decimals: 4, fixed: true })]);
const col = (text, numeric = false) => h('th', { scope: 'col', class: numeric ? 'num' : null }, text);
const antigens = (names, none = 'none') => (names.length ? names.join(' ') : none);
const whole = (x) => x.toLocaleString('en').replace(/,/g, '\u202f');

function table(id, label, caption, headings, rows, { cards = true, titled = false, extra = '' } = {}) {
  return scrollRegion(label,
    h('table', { class: `result-table ao-table${cards ? ' cards' : ''}${titled ? ' titled' : ''}${extra}`, id },
      caption ? h('caption', { class: 'hint' }, caption) : '',
      h('thead', {}, h('tr', {}, headings)),
      h('tbody', {}, rows)));
}

/** "n = 60 units in stock, k = 2 requested, model 2". */
const scenarioWords = (s) => `n = ${whole(s.n)} units in stock, k = ${s.k} requested, model ${s.model}`;

export function renderAntigenOrder(container, result, warnings, context) {
  const simulated = result.scenario.model === 3;
  const charts = [];
  let destroyed = false;
  const curveBox = h('div', { class: 'chart-box' }, h('canvas', { role: 'img',
    'aria-label': `The largest share of alloimmunisation prevented at each number of matched antigens, from 0 to ${result.antigens.length}; the table below has every point` }));

  // Some parts are lists of nodes: flattened here (replaceChildren takes nodes, not arrays).
  container.replaceChildren(...[
    h('h2', {}, `Antigen order: ${scenarioWords(result.scenario)}`),
    h('p', { class: 'hint', id: 'ao-model-words' }, `Inventory model ${result.scenario.model}: ${MODEL_WORDS[result.scenario.model]}.`),
    summary(result),
    warnings.length ? h('div', { class: 'warnings', role: 'note' }, h('h3', {}, 'Warnings'), h('ul', {}, warnings.map((w) => h('li', {}, w.message)))) : '',
    h('h3', {}, 'The order (thesis Table 7.5)'),
    orderTable(result, context),
    h('h3', {}, 'How much each antigen adds (thesis Fig. 7.3)'),
    h('p', { class: 'hint' }, 'For each number of minor antigens matched (besides ', list(result.always_matched), '), the best strategy of that size and ',
      'the share of alloimmunisation it prevents. The step from one point to the next is what the antigen added brings. ',
      simulated ? 'The band is ± 2 standard errors of the simulation.' : ''),
    curveBox,
    curveTable(result),
    h('div', { class: 'no-print ao-csv' }, csvLink(curveCsv(result), `rbcmatch-antigen-order-curve-${fileTag(result)}.csv`, 'Download the curve (CSV)')),
    h('h3', {}, 'How many antigens a patient is matched for (thesis Table 7.4)'),
    matchedTable(result),
    strategies(result, context),
    result.strategy ? strategyDetail(result) : '',
    result.stability ? stability(result) : '',
    result.robustness ? robustness(result) : '',
    grid(result, context),
    explanation(result)].flat().filter((x) => x !== ''));

  loadCharts().then(({ curveChart }) => {
    if (destroyed) return;
    const labels = result.curve.map((c) => {
      const a = added(result.curve, c.level);
      return a?.length === 1 ? `${c.level}: +${a[0]}` : String(c.level);
    });
    const band = simulated ? {
      label: '± 2 standard errors',
      lower: result.curve.map((c) => Math.max(0, c.value - 2 * (c.se ?? 0))),
      upper: result.curve.map((c) => Math.min(1, c.value + 2 * (c.se ?? 0))),
    } : null;
    charts.push(curveChart(curveBox.querySelector('canvas'), labels,
      { label: 'Largest share prevented', data: result.curve.map((c) => c.value) }, band,
      'minor antigens matched (and the antigen added)', 'share prevented', (v) => formatFixed(v, 4)));
  }, () => {
    if (!destroyed) curveBox.replaceChildren(h('p', { class: 'hint' }, 'The chart could not be loaded; the table below has every point.'));
  });

  return {
    destroy: () => { destroyed = true; charts.forEach((c) => c.destroy()); },
    csv: () => orderCsv(result),
    csvName: `rbcmatch-antigen-order-${fileTag(result)}.csv`,
  };
}

const fileTag = (result) => `model${result.scenario.model}-n${result.scenario.n}-k${result.scenario.k}`;

function summary(result) {
  const { order, curve } = result;
  const m = result.antigens.length;
  const first = order.slice(0, Math.min(4, order.length));
  const drop = [...result.sequence].reverse();
  const at = first.length ? curve[first.length] : null;
  const sim = result.simulation;
  return h('div', { class: 'summary', id: 'ao-summary' },
    h('p', { id: 'ao-value' }, `Matching on all ${countOf(m, 'minor antigen')} (besides ${list(result.always_matched)}), in the best order and `,
      'dropping antigens from the back whenever the stock has too few matched units, prevents ',
      h('strong', {}, numberElement(result.value, { decimals: 4 })),
      result.value_se != null ? [' (± ', numberElement(result.value_se, { decimals: 4 }), ')'] : '',
      ' of the alloimmunisations against them.'),
    first.length ? h('p', { id: 'ao-first' }, 'Match first: ', h('strong', {}, list(first.map((o) => o.antigen))),
      '. Matched on ', first.length === 1 ? 'it' : `these ${first.length}`, ' alone, a patient is spared ',
      numberElement(at.value, { decimals: 4 }), ' of them.',
      first.some((o) => o.tied_with.length) ? ` Tied, so either order is as good: ${first.filter((o) => o.tied_with.length)
        .map((o) => `${o.antigen} ≈ ${list(o.tied_with)}`).join('; ')}.` : '') : '',
    h('p', { id: 'ao-drop' }, 'When matched units are short, drop first: ', h('strong', {}, list(drop.slice(0, 4))),
      drop.length > 4 ? ' (the whole order below, read from the end)' : '', '.'),
    h('ul', { class: 'hint fq-populations-used' },
      result.same_population ? describeRole('Donors and patients', result.donors, result.systems)
        : [describeRole('Donors', result.donors, result.systems), describeRole('Patients', result.recipients, result.systems)]),
    sim ? h('p', { class: 'note', id: 'ao-noise' }, 'Model 3 is a simulation: ', whole(sim.draws), ' patients per strategy in each of ',
      `${sim.replications} replications (seed ${sim.seed}). Each ± is a standard error: the simulation’s noise. `,
      'Two antigens whose order differs by less than the noise (1.96 standard errors of the difference) are marked as tied: ',
      'the data cannot tell which comes first. More patients simulated make the noise smaller.') : '');
}

function curveTable(result) {
  const simulated = result.scenario.model === 3;
  return h('details', { class: 'ao-curve' }, h('summary', {}, 'Every point of the curve, with the runner-up'),
    table('ao-curve-table', 'The curve', 'Runner-up: the next best strategy of that size; “tied” when it is as good (model 3: within the noise).',
      [col('Antigens matched'), col('Best strategy'), col('Share prevented', true), simulated ? col('±', true) : '', col('Runner-up')],
      result.curve.map((c) => h('tr', {},
        h('th', { scope: 'row' }, String(c.level)),
        h('td', {}, antigens(c.strategy, `${list(result.always_matched)} only`),
          c.tied_strategies > 1 ? h('span', { class: 'ao-tie' }, ` (one of ${c.tied_strategies} equally good)`) : ''),
        num(c.value), simulated ? seCell(c.se) : '',
        h('td', {}, c.runner_up ? [antigens(c.runner_up.strategy), ': ', numberElement(c.runner_up.value, { decimals: 4 }),
          c.runner_up.tied ? h('strong', { class: 'ao-tie' }, ' tied') : ''] : '—')))));
}

function orderTable(result, context) {
  const simulated = result.scenario.model === 3;
  const ties = result.order.filter((o) => o.tied_with.length);
  return [
    h('p', { class: 'hint' }, 'Add the antigens in this order; when matched units are short, drop them from the end. Gain: what the antigen adds to the ',
      'share prevented; cumulative: the share prevented by matching on it and every antigen above it.'),
    table('ao-order-table', 'The order', '',
      [col('Position'), col('Antigen'), col('Gain', true), col('Cumulative', true), simulated ? col('±', true) : '', ties.length ? col('Tie') : ''],
      result.order.map((o) => h('tr', { class: o.tied_with.length ? 'ao-tied' : null },
        h('th', { scope: 'row' }, String(o.position)), h('td', { class: 'ao-antigen' }, o.antigen), num(o.gain), num(o.value),
        simulated ? seCell(o.se) : '', ties.length ? h('td', {}, tieWords(o.tied_with) || '—') : '')),
      { titled: true }),
    ties.length ? h('p', { class: 'note', id: 'ao-ties' }, h('strong', {}, 'Not one answer: '),
      ties.map((o) => `at position ${o.position}, ${o.antigen} and ${list(o.tied_with)} are equally good`).join('; '),
      simulated ? ' (within the simulation’s noise). Either order is as good as the data can tell.' : '. Either order prevents as much.') : '',
    h('p', { id: 'ao-beyond' }, result.beyond_cutoff.length
      ? ['After the cut-off (each adds less than ', formatNumber(context.request.cutoff ?? 0.001, 4), '): ', list(result.beyond_cutoff), '.',
        tailTieWords(result.beyond_cutoff, result.beyond_cutoff_tied_with)
          ? ` Tied, either could come first: ${tailTieWords(result.beyond_cutoff, result.beyond_cutoff_tied_with)}.` : '']
      : 'Every antigen adds at least the cut-off.'),
    result.order_nested ? '' : h('p', { class: 'note' }, 'The best strategy of some size does not contain the best strategy one antigen smaller, ',
      'so no single order is best at every size; the order above is the best way to build up the strategy at the cut-off.'),
  ];
}

function matchedTable(result) {
  const { matched, sequence } = result;
  const most = Math.max(matched.none, ...matched.levels);
  const bar = (share) => {
    const span = h('span', { class: 'bar' });
    // Set through the CSSOM: the page's Content-Security-Policy refuses style attributes.
    span.style.width = `${Math.max(0.1, (5 * share) / (most || 1)).toFixed(2)}rem`;
    return span;
  };
  const row = (label, share) => h('tr', {}, h('th', { scope: 'row' }, label), num(share),
    h('td', { class: 'bar-col', 'aria-hidden': 'true' }, bar(share)));
  return [
    h('p', { class: 'hint' }, 'The share of patients matched on exactly the first l antigens of the order (the stock had matched units for those, ',
      'not for one more), after dropping antigens from the end as needed. Average: ',
      h('strong', { id: 'ao-average' }, formatFixed(matched.average, 2)), ` of ${result.antigens.length} minor antigens.`),
    table('ao-matched-table', 'Antigens matched',
      matched.adjusted ? 'The simulation’s noise made a longer list look slightly likelier than a shorter one; those levels were pooled.' : '',
      [col('Matched on'), col('Share of patients', true), h('th', { scope: 'col', class: 'bar-col', 'data-label': '' }, h('span', { class: 'visually-hidden' }, 'Bar'))],
      [row(`not even ${list(result.always_matched)}`, matched.none),
        ...matched.levels.map((share, l) => row(l === 0 ? `${list(result.always_matched)} only` : `+ ${sequence.slice(0, l).join(' ')}`, share))],
      { cards: false, extra: ' ao-matched' }),
  ];
}

function pager(result, context) {
  const shown = result.strategies.length, total = result.total_strategies;
  const limit = context.request.limit ?? 64;
  const go = (offset) => context.computeWith({ offset });
  return h('nav', { class: 'pager no-print', 'aria-label': 'Pages of the strategies' },
    h('span', { id: 'ao-page' }, shown ? `Strategies ${result.offset + 1}–${result.offset + shown} of ${whole(total)}` : `No strategies past ${result.offset} (of ${whole(total)})`,
      context.request.order === 'colex' ? ', in the thesis’s order. ' : ', best first. '),
    h('button', { type: 'button', class: 'secondary', id: 'ao-prev', disabled: result.offset === 0, onclick: () => go(Math.max(0, result.offset - limit)) }, 'Previous'),
    h('button', { type: 'button', class: 'secondary', id: 'ao-next', disabled: result.offset + shown >= total, onclick: () => go(result.offset + limit) }, 'Next'));
}

function strategies(result, context) {
  const simulated = result.scenario.model === 3;
  const shown = result.strategies.length;
  // Folded at first (a page of 64 rows); open once the user pages or sorts it.
  const open = result.offset > 0 || context.request.order === 'colex';
  return h('details', { class: 'ao-strategies', id: 'ao-strategies', open },
    h('summary', {}, h('h3', {}, `Every strategy: ${whole(result.total_strategies)}, `,
      context.request.order === 'colex' ? 'in the thesis’s order' : 'best first', shown < result.total_strategies ? `, ${shown} at a time` : '')),
    h('p', { class: 'hint' }, `Each of the ${whole(result.total_strategies)} sets of minor antigens one could match on, with the largest share it prevents `,
      'and the best order to add its antigens (eq. 7.2). Details: the chance, per patient group, of finding k matched units.'),
    pager(result, context),
    table('ao-strategies-table', 'Strategies', '',
      [col('Rank'), col('Strategy'), col('Antigens', true), col('Share prevented', true), simulated ? col('±', true) : '', col('Best order to add'),
        h('th', { scope: 'col', 'data-label': '' }, h('span', { class: 'visually-hidden' }, 'Details'))],
      result.strategies.map((s, i) => h('tr', {},
        h('th', { scope: 'row' }, String(result.offset + i + 1)),
        h('td', {}, antigens(s.antigens, `${list(result.always_matched)} only`)),
        h('td', { class: 'num' }, String(s.level)), num(s.value), simulated ? seCell(s.se) : '',
        h('td', {}, antigens(s.path, '—')),
        h('td', {}, h('button', { type: 'button', class: 'secondary ao-details', 'aria-label': `Details of ${antigens(s.antigens, 'no minor antigen')}`,
          onclick: () => context.pick(s.antigens) }, 'Details'))))),
    h('div', { class: 'no-print ao-csv' }, csvLink(strategiesCsv(result), `rbcmatch-antigen-order-strategies-${fileTag(result)}.csv`, 'Download these strategies (CSV)')));
}

function strategyDetail(result) {
  const s = result.strategy;
  const simulated = result.scenario.model === 3;
  const kept = [...result.always_matched, ...result.antigens.filter((a) => s.antigens.includes(a))];
  const k = result.scenario.k;
  return h('section', { class: 'ao-strategy', id: 'ao-strategy-detail', 'aria-labelledby': 'ao-strategy-title' },
    h('h3', { id: 'ao-strategy-title' }, `Strategy in detail: ${antigens(s.antigens, `${list(result.always_matched)} only`)}`),
    h('ul', {},
      h('li', { id: 'ao-strategy-value' }, 'Largest share of alloimmunisation prevented: ', h('strong', {}, numberElement(s.value, { decimals: 4 })),
        s.se != null ? [' (± ', numberElement(s.se, { decimals: 4 }), ')'] : '', s.path.length ? `, adding ${s.path.join(', ')} in that order.` : '.'),
      h('li', { id: 'ao-strategy-served' }, `Patients who find ${countOf(k, 'matched unit')} on all of ${list(kept)}: `,
        numberElement(s.served, { decimals: 4 }), '.')),
    table('ao-groups-table', 'Patient groups', `Commonest first; groups ${s.groups.length ? `${result.offset + 1}–${result.offset + s.groups.length}` : 'none'} of ${whole(s.total_groups)}.`,
      [col('Patient group'), col('Share of patients', true), col(`Chance of ${k} matched`, true), simulated ? col('±', true) : ''],
      s.groups.map((g) => h('tr', {}, h('th', { scope: 'row' }, groupLabel(kept, g.antigens)), num(g.frequency, 6),
        h('td', { class: 'num' }, g.likelihood == null ? 'not requested' : numberElement(g.likelihood, { decimals: 4 })),
        simulated ? seCell(g.se) : ''))));
}

/** An antigen × position table of counts, each cell shaded by its count (a heat map). */
function heatTable(id, label, caption, positions, m) {
  const most = Math.max(1, ...positions.flatMap((p) => [...p.counts, p.beyond_cutoff]));
  const cell = (count) => h('td', { class: `num ao-heat ao-heat-${shade(count, most)}` }, count ? String(count) : '');
  return table(id, label, caption,
    [col('Antigen'), ...Array.from({ length: m }, (_, q) => col(String(q + 1), true)), col('after the cut-off', true)],
    positions.map((p) => h('tr', {}, h('th', { scope: 'row' }, p.antigen), ...p.counts.map(cell), cell(p.beyond_cutoff))),
    { cards: false, extra: ' ao-heat-table' });
}

function stability(result) {
  const st = result.stability;
  const m = result.antigens.length;
  return h('section', { class: 'ao-stability', 'aria-labelledby': 'ao-stability-title' },
    h('h3', { id: 'ao-stability-title' }, 'How stable the order is (model 3)'),
    h('p', { class: 'hint' }, `Each of the ${st.replications} replications gives an order of its own. The table counts how often each antigen `,
      'landed at each position: a count equal to the replications means every replication agreed.'),
    heatTable('ao-stability-table', 'Positions over the replications', '', st.positions, m),
    h('p', { id: 'ao-settled' }, st.settled_draws == null
      ? 'The order was still changing at the last checkpoint: simulate more patients for a settled answer.'
      : ['The order stopped changing after ', h('strong', {}, whole(st.settled_draws)), ' patients per replication.']),
    st.checkpoints.length ? table('ao-checkpoints-table', 'The order as the simulation grew', 'The order up to the cut-off after each number of patients simulated.',
      [col('Patients', true), col('Order')],
      st.checkpoints.map((c) => h('tr', {}, h('th', { scope: 'row', class: 'num' }, whole(c.draws)), h('td', {}, antigens(c.order, '—'))))) : '');
}

function robustness(result) {
  const r = result.robustness;
  const base = result.order.map((o) => o.antigen);
  const where = positionsOf(base);
  // An order with the antigens whose position differs from the base order marked.
  const shown = (order) => h('span', { class: 'ao-order' }, order.flatMap((a, i) => [i ? ' ' : '',
    where[a] === i + 1 ? a : h('mark', { title: `${a}: position ${i + 1}, not ${where[a] ?? 'in the order'}` }, a)]));
  const byAntigen = result.antigens.map((a) => ({ antigen: a, half: r.variants.find((v) => v.antigen === a && v.factor === 0.5),
    more: r.variants.find((v) => v.antigen === a && v.factor === 1.5) }));
  return h('section', { class: 'ao-robustness', 'aria-labelledby': 'ao-robustness-title' },
    h('h3', { id: 'ao-robustness-title' }, 'How robust the order is to the antibody shares'),
    h('p', { id: 'ao-stable' }, 'The order again with one antigen’s antibody share halved, or raised by half (the others scaled to add up to 1 again). ',
      r.stable.length ? ['Stable — the same position in every one of these orders: ', h('strong', {}, list(r.stable)), '.']
        : 'No antigen keeps its position in every one of these orders.'),
    table('ao-robustness-table', 'The order with each share changed', 'Marked: an antigen at another position than in the order above.',
      [col('Share changed'), col('× 0.5'), col('× 1.5')],
      byAntigen.map((row) => h('tr', { class: r.stable.includes(row.antigen) ? 'ao-stable' : null },
        h('th', { scope: 'row' }, `anti-${row.antigen}`, r.stable.includes(row.antigen) ? h('span', { class: 'ao-stable-mark' }, ' (stable)') : ''),
        h('td', {}, row.half ? shown(row.half.order) : '—'), h('td', {}, row.more ? shown(row.more.order) : '—')))));
}

function grid(result, context) {
  const g = result.grid;
  const model = result.scenario.model;
  if (!g) {
    return h('section', { class: 'ao-grid no-print', 'aria-labelledby': 'ao-grid-title' },
      h('h3', { id: 'ao-grid-title' }, 'Scenario grid (thesis Table 7.5, Fig. 7.4)'),
      h('p', { class: 'hint' }, `The order for the thesis’s 20 scenarios, n 60, 120, 250, 1000 × k 1, 2, 3, 5, 10, with model ${model}, and how often `,
        'each antigen lands at each position over them.', model === 3 ? ' Model 3 simulates each scenario: this takes a while (with progress, and Cancel).' : ''),
      h('button', { type: 'button', class: 'secondary', id: 'ao-grid-button', onclick: () => context.showGrid() }, 'Compute the scenario grid'));
  }
  const m = result.antigens.length;
  const simulated = g.scenarios.some((s) => s.model === 3);
  return h('section', { class: 'ao-grid', 'aria-labelledby': 'ao-grid-title' },
    h('h3', { id: 'ao-grid-title' }, `Scenario grid: ${countOf(g.scenarios.length, 'scenario')} (thesis Table 7.5, Fig. 7.4)`),
    table('ao-grid-table', 'The order per scenario', '≈ before an antigen: its position is tied — an equally good strategy puts another antigen there (in brackets)' +
      `${simulated ? ' (within the simulation’s noise)' : ''}.`,
      [col('n', true), col('k', true), col('Share prevented', true), simulated ? col('±', true) : '', col('Order')],
      g.scenarios.map((s) => h('tr', {}, h('th', { scope: 'row', class: 'num' }, whole(s.n)), h('td', { class: 'num' }, String(s.k)),
        num(s.value), simulated ? seCell(s.se) : '', h('td', { class: 'ao-order' }, orderText(s.order, s.tied, s.tied_with) || '—')))),
    h('div', { class: 'no-print ao-csv' }, csvLink(gridCsv(g), `rbcmatch-antigen-order-grid-model${model}.csv`, 'Download the grid (CSV)')),
    h('h4', {}, 'Where each antigen lands (Fig. 7.4)'),
    h('p', { class: 'hint' }, `In how many of the ${g.scenarios.length} scenarios each antigen takes each position of the order; darker: more often.`),
    heatTable('ao-heat-table', 'Positions over the scenarios', '', g.positions, m));
}

const factorial = (m) => (m <= 1 ? 1 : m * factorial(m - 1));
/** "479 million", "3 628 800": a count in words people read. */
const big = (x) => (x >= 1e6 ? `about ${whole(Math.round(x / 1e6))} million` : whole(x));

function explanation(result) {
  const m = result.antigens.length;
  return h('details', { class: 'formulas' }, h('summary', {}, 'How the order is found (dynamic programming)'),
    h('p', {}, 'A matching strategy is a set of minor antigens to match on, besides ', list(result.always_matched), '. ',
      'A patient is matched on the strategy when the stock holds k units identical to the patient on all of them (model 1: units lacking ',
      'every antigen the patient lacks). Matching on an antigen the patient lacks prevents the antibodies against it; so each antigen is worth ',
      'its share of alloantibodies times the chance that a patient who lacks it finds matched units.'),
    h('p', {}, `Strategies are built up one antigen at a time. Trying every order of ${m} antigens would mean ${big(factorial(m))} orders; instead, the `,
      'best way to reach each strategy is worked out once, from the best ways to reach the strategies one antigen smaller (the thesis’s ',
      `Fig. 7.1: ${whole(2 ** m)} strategies joined by ${whole(m * 2 ** Math.max(0, m - 1))} steps). The best strategy of each size gives a point of the curve; the antigens added `,
      'from one size to the next give the order. Read backwards, it is the order in which to give antigens up when matched units are short.'),
    h('p', {}, 'Model 3 replaces the exact chances by a simulation (Algorithm 1): patients arrive one by one, take k identical units if the stock ',
      'has them, and the units taken are replaced by new donations. The same simulated patients are used for every strategy, so the ',
      'difference between two strategies is known better than either value.'),
    h('details', { class: 'formula' }, h('summary', {}, 'The formula (thesis eq. 7.2–7.3)'),
      h('p', {}, f('V(M) = max_{μ ∈ M} [r(M − μ → M) + V(M − μ)]'), ', with ', f('V(∅) = 0'), ' (eq. 7.2), and'),
      h('p', {}, f('r(M − μ → M) = p_μ Σ_j w(j, μ) L_j(M, n, k)'), ' (eq. 7.3),'),
      h('p', {}, 'where ', f('p_μ'), ' is the share of alloantibodies against ', f('μ'), ' (Table 7.1, scaled to add up to 1), ',
        f('w(j, μ)'), ' the share of the patients lacking ', f('μ'), ' who have blood group ', f('j'), ' over the antigens of ', f('M'),
        ' (the thesis prints “containing”; only patients who lack an antigen can form antibodies against it, and that reading reproduces its numbers), and ',
        f('L_j(M, n, k)'), ' the chance that k units matched for group ', f('j'), ' are among n in stock: model 1 ', f('P[X_j ≥ k]'),
        ' with ', f('X_j'), ' binomial over the units compatible with ', f('j'), ', model 2 the same over identical units, model 3 simulated.')));
}
