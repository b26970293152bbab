// Rendering of the Ordering tab's answer: one `ordering` result per schedule (Li et al. 2021).
// The forecast's fit on the test days (Table 7's RMSE and MAPE), the rules side by side in
// Table 9's layout, the costs as bars and day by day (Fig. 7), the stock day by day, and the
// tuning of S and s with the chosen point; every table and trace as CSV.
import { h } from '../../lib/dom.js';
import { csvLink } from '../../lib/csv.js';
import { formatNumber } from '../../lib/format.js';
import { loadCharts } from '../../lib/load-charts.js';
import { scrollRegion } from '../../lib/table.js';
import { datesFrom, edgeWords, FORECAST_WORDS, forecastCsv, forecastSummaryCsv, rulesCsv, rulesOf, SCHEDULE_WORDS, tiesWords, traceCsv, tuningCsv } from './words.js';

const col = (text) => h('th', { scope: 'col' }, text);
const rowHead = (text) => h('th', { scope: 'row' }, text);
const cell = (text, title) => h('td', { class: 'num', title: title == null ? null : String(title) }, text);
const units = (x, decimals = 2) => formatNumber(x, Math.abs(x) >= 100 ? Math.min(decimals, 2) : decimals);
const meanSd = (m) => (m ? `${units(m.mean)} (${units(m.sd)})` : '–');
const percent = (p, decimals = 2) => `${formatNumber(100 * p, decimals)} %`;
const plural = (n, word) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
const money = (x) => formatNumber(x, 2);
const cap1 = (text) => text.replace(/^./, (c) => c.toUpperCase());

/** The lines the trace charts draw (4 at most, told apart by colour, dash and marker). */
export function chartedRules(rules) {
  const pick = [rules.find((r) => r.id === 'actual_demand'), ...rules.filter((r) => r.id === 'tuned')];
  const extra = rules.filter((r) => r.id === 'fixed');
  pick.push(...(extra.length ? extra : rules.filter((r) => r.id === 'least_cost')));
  return pick.filter(Boolean).slice(0, 4);
}

function summaryWords(answers, rules) {
  const first = answers[0].result;
  const s = first.series;
  const gold = rules.find((r) => r.id === 'actual_demand');
  const tuned = rules.filter((r) => r.id === 'tuned');
  return h('p', { id: 'ord-summary' },
    `On the ${plural(s.test_days, 'test day')} from ${s.first_test_date}, ordering exactly what was used (the gold standard, known only afterwards) costs `,
    `${money(gold.cost.mean)} a day. `,
    tuned.map((r) => `With the ${SCHEDULE_WORDS[r.schedule]} schedule the tuned rule (s*, S*) = (${r.reorder}, ${r.target}) costs ${money(r.cost.mean)} a day, `
      + `${percent(r.cost.share_of_gold ?? NaN, 1)} of the gold standard’s cost, ordering on ${plural(r.order_days, 'day')} of ${s.test_days}. `),
    `S and s were chosen on the ${plural(s.train_days, 'training day')} before.`);
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** STL's settings, the weekday pattern a test day gets, and the regression on the predictors. */
function stlSection(result) {
  const f = result.forecast;
  if (f.method !== 'stl') return [];
  const st = f.stl;
  const s = result.series;
  const parts = [h('p', { id: 'ord-stl-words' },
    `STL (Cleveland et al. 1990) split the training days into a trend, a weekly pattern and the rest: seasonal window ${st.seasonal_window === 'periodic' ? 'periodic' : `${st.seasonal_window} weeks`}, `,
    `trend window ${st.trend_window} days, ${st.robust ? 'robust (outlying days count less)' : 'not robust'}. `,
    st.refit === 'weekly'
      ? ['Refitted every week on all the days before: each day from day 29 is forecast from the last trend of its week’s fit, held flat, plus the weekday’s pattern of that fit’s last week',
        f.regression ? ', plus the regression on the day’s predictors.' : '.',
        ' The decomposition below is the fit of all the training days.']
      : ['Fitted once: a training day’s value is the fit itself (trend plus pattern), which has seen that day; a test day’s forecast is the last training trend',
        f.components ? ` (${units(f.components.trend[s.train_days - 1])} units a day)` : '',
        ', plus its weekday’s pattern from the last training week', f.regression ? ', plus the regression on its predictors.' : '.'])];
  if (f.components) {
    // The last training week's pattern, by weekday: what every test day adds to the trend.
    const first = Date.parse(`${s.first_date}T00:00:00Z`);
    const weekdayOf = (t) => (new Date(first + t * 86400000).getUTCDay() + 6) % 7;
    const last = Array.from({ length: 7 }, (_, k) => s.train_days - 7 + k).map((t) => [weekdayOf(t), f.components.seasonal[t]]).sort((a, b) => a[0] - b[0]);
    parts.push(scrollRegion('The weekly pattern', h('table', { class: 'result-table', id: 'ord-stl-pattern' },
      h('caption', { class: 'hint' }, 'The weekly pattern of the last training week, units above or below the trend'),
      h('thead', {}, h('tr', {}, last.map(([d]) => col(WEEKDAYS[d].slice(0, 3))))),
      h('tbody', {}, h('tr', {}, last.map(([, v]) => cell(units(v), v)))))));
  }
  const reg = f.regression;
  if (reg) {
    parts.push(h('p', { class: 'hint' }, `The rest (what the trend and pattern leave) regressed on your ${plural(reg.predictors.length, 'predictor column')}: `,
      `R² = ${formatNumber(reg.r_squared, 3)} on the training days, intercept ${formatNumber(reg.intercept, 4)}. A coefficient is the units a day added per unit of its column.`),
    scrollRegion('The regression on the predictors', h('table', { class: 'result-table cards', id: 'ord-regression' },
      h('thead', {}, h('tr', {}, col('Predictor'), col('Coefficient'), col('Note'))),
      h('tbody', {}, reg.predictors.map((name, k) => {
        const dropped = reg.dropped.find((d) => d.predictor === name);
        return h('tr', {}, rowHead(name), cell(reg.coefficients[k] == null ? '–' : formatNumber(reg.coefficients[k], 4), reg.coefficients[k]),
          h('td', {}, dropped ? `left out: ${dropped.reason}` : ''));
      })))));
  }
  return parts;
}

function accuracyTable(answers) {
  const f = answers[0].result.forecast;
  const mape = (a) => (a.mape == null ? '–' : percent(a.mape));
  return scrollRegion('The forecast’s errors', h('table', { class: 'result-table cards', id: 'ord-accuracy' },
    h('thead', {}, h('tr', {}, col('Days'), col('Number'), col('RMSE (units)'), col('MAPE'), col('Days in the MAPE'))),
    h('tbody', {}, [['Training days', f.train], ['Test days', f.test]].map(([name, a]) =>
      h('tr', {}, rowHead(name), cell(a.days.toLocaleString('en')), cell(units(a.rmse), a.rmse), cell(mape(a), a.mape), cell(a.mape_days.toLocaleString('en')))))));
}

/** Table 9's layout: a row per measure, a column per rule. */
function rulesTable(rules) {
  const rows = [
    ['Days with orders (share)', (r) => `${r.order_days.toLocaleString('en')} (${percent(r.order_days_share)})`],
    ['Order size on days with orders, mean (sd)', (r) => meanSd(r.order_size)],
    ['Stock at the end of the day, mean (sd)', (r) => meanSd(r.inventory)],
    ['Units delivered urgently a day, mean (sd)', (r) => meanSd(r.urgent)],
    ['Units wasted a day, mean (sd)', (r) => meanSd(r.wasted)],
    ['Cost a day, mean (sd)', (r) => meanSd(r.cost)],
    ['Total cost (share of the gold standard’s)', (r) => `${money(r.cost.total)} (${r.cost.share_of_gold == null ? '–' : percent(r.cost.share_of_gold)})`],
    ['of which routine orders (a)', (r) => money(r.cost.routine)],
    ['of which holding (h)', (r) => money(r.cost.holding)],
    ['of which urgent deliveries (u)', (r) => money(r.cost.urgent)],
    ['of which wastage (w)', (r) => money(r.cost.wastage)],
  ];
  return scrollRegion('The rules compared on the test days', h('table', { class: 'result-table ord-rules', id: 'ord-rules' },
    h('thead', {}, h('tr', {}, col('On the test days'), rules.map((r) => h('th', { scope: 'col', 'data-rule': r.key }, r.label)))),
    h('tbody', {}, rows.map(([name, value]) => h('tr', {}, rowHead(name), rules.map((r) => cell(value(r))))))));
}

function tuningWords(answers) {
  const t0 = answers[0].result.tuning;
  const parts = [h('p', { id: 'ord-target-words' },
    `Step 1. The forecast capped so that the stock never exceeds S, ordering daily, costs on the training days closest to the gold standard’s `,
    `${money(t0.gold_cost)} a day at S* = ${t0.target} (${money(t0.target_curve.find((p) => p.target === t0.target)?.cost ?? NaN)} a day)`,
    t0.target_ties.length > 1 ? `; every S in ${tiesWords(t0.target_ties, t0.target_grid.step)} is as close, and S* is the smallest of them (the leanest stock).` : '.')];
  for (const { schedule, result } of answers) {
    const t = result.tuning;
    const least = t.least_cost;
    const first = least.points[0];
    parts.push(h('p', { class: 'ord-reorder-words', 'data-schedule': schedule },
      `Step 2, ${SCHEDULE_WORDS[schedule]}. With S* = ${t.target}, eq. 13 (order only below s) comes closest to the gold standard at s* = ${t.reorder} `,
      `(${money(t.tuned_cost)} a day)`,
      t.reorder_ties.length > 1 ? `; every s in ${tiesWords(t.reorder_ties, t.reorder_grid.step)} is as close, s* is the smallest.` : '. ',
      ` Over all ${plural(t.pairs, 'pair')} (s, S) of the grid, the least cost on the training days is ${money(least.cost)} a day, at `,
      least.count === 1 ? `(s, S) = (${first.reorder}, ${first.target}). ` : `${plural(least.count, 'pair')}, such as (${first.reorder}, ${first.target}); they cost the same, and the first is run on the test days. `,
      least.tuned_is_least ? 'The tuned pair is among them.' : h('strong', {}, 'The tuned pair is not the cheapest: the procedure seeks the gold standard’s cost, not the least cost.'),
      edgeWords(t)));
  }
  return parts;
}

/** The cost over the (s, S) grid, per schedule: a heat map box and its colour key. */
function surfaceBox(schedule, result, cap) {
  const sf = result.tuning.surface;
  const values = sf.cost.flat().filter((x) => x != null);
  const lo = Math.min(...values);
  const hi = Math.min(Math.max(...values), cap ?? Infinity);
  const box = h('div', { class: 'chart-box ord-surface', id: `ord-surface-${schedule}` }, h('canvas', { role: 'img',
    'aria-label': `The mean cost a day on the training days at each (s, S), ${SCHEDULE_WORDS[schedule]}: ${sf.reorders.length} values of s by ${sf.targets.length} of S, `
      + `from ${money(lo)} (cheapest) to ${money(Math.max(...values))}; the tuned (s*, S*) = (${result.tuning.reorder}, ${result.tuning.target}) and the least-cost pairs marked; the tuning CSV has every value` }));
  const key = h('div', { class: 'ord-heat-key', 'aria-hidden': 'true' },
    h('span', {}, `${money(lo)} a day (cheapest)`), h('span', { class: 'ord-heat-bar' }), h('span', {}, `${money(hi)}${hi < Math.max(...values) ? ' or more' : ''}`));
  return { box, key, lo, hi, sf, schedule, result };
}

export function renderOrdering(container, { answers }, warnings, { title }) {
  const charts = [];
  let destroyed = false;
  const first = answers[0].result;
  const s = first.series;
  const rules = rulesOf(answers);
  const shown = chartedRules(rules);
  const chartBox = (id, what) => h('div', { class: 'chart-box', id }, h('canvas', { role: 'img', 'aria-label': what }));
  const shownWords = shown.map((r) => r.label).join('; ');
  const forecastBox = chartBox('ord-forecast-chart', `The demand and the forecast on each of the ${s.test_days} test days; the forecast CSV has every value`);
  const barsBox = chartBox('ord-cost-bars', 'The mean cost a day of each rule, split into routine orders, holding, urgent deliveries and wastage; the table above has every value');
  const costBox = chartBox('ord-cost-chart', `The cost of each test day, for: ${shownWords}; the daily trace CSV has every rule’s`);
  const stockBox = chartBox('ord-stock-chart', `The stock at the end of each test day, for: ${shownWords}; the daily trace CSV has every rule’s`);
  const targetBox = chartBox('ord-target-chart', `The mean cost a day on the training days for each inventory target S, the gold standard’s cost, and S* = ${first.tuning.target} marked; the tuning CSV has every value`);
  // A tiny s can cost many times the gold standard (daily urgent deliveries): the axis stops
  // at three times it, so the region around s* stays readable (the CSV has every value).
  const gold = first.tuning.gold_cost;
  const top = Math.max(...answers.flatMap((a) => a.result.tuning.reorder_curve.map((p) => p.cost)));
  const nice = (x) => { const unit = 10 ** (Math.floor(Math.log10(x)) - 1); return Math.ceil(x / unit) * unit; };
  const cap = gold > 0 && top > 3 * gold ? nice(3 * gold) : undefined;
  const reorderBox = chartBox('ord-reorder-chart', `The mean cost a day on the training days for each reorder level s at S*, per schedule, the gold standard’s cost, and s* marked${cap ? `; the axis stops at ${formatNumber(cap, 0)}, about three times the gold standard’s cost` : ''}; the tuning CSV has every value`);
  const surfaces = answers.filter((a) => a.result.tuning.surface).map((a) => surfaceBox(a.schedule, a.result, cap));
  const slug = title.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60);

  container.replaceChildren(...[
    h('h2', {}, `Ordering: ${title}`),
    warnings.length ? h('div', { class: 'warnings', role: 'note' }, h('h3', {}, 'Warnings'),
      h('ul', {}, warnings.map((w) => h('li', {}, answers.length > 1 && w.schedule ? `${w.message} (${SCHEDULE_WORDS[w.schedule]})` : w.message)))) : '',
    summaryWords(answers, rules),
    h('h3', {}, 'The forecast (Li et al., Table 7)'),
    h('p', { class: 'hint' }, `${FORECAST_WORDS[first.forecast.method] ?? first.forecast.method}, made from the ${plural(s.train_days, 'training day')} `,
      `(demand ${units(s.train.mean)} a day, sd ${units(s.train.sd)}) and judged on the ${plural(s.test_days, 'test day')} (${units(s.test.mean)} a day, sd ${units(s.test.sd)}). `,
      'RMSE: the root of the mean squared error, in units. MAPE: the mean of each day’s error as a share of that day’s demand (days without demand have none).'),
    accuracyTable(answers),
    forecastBox,
    stlSection(first),
    h('h3', {}, 'The rules on the test days (Li et al., Table 9)'),
    h('p', { class: 'hint' }, 'Each rule starts the test days with the same stock and meets demand oldest unit first. Ordering to actual demand cannot be done in practice: ',
      'it is the yardstick. A day’s cost adds a for a routine delivery, h for each unit kept overnight, u for each unit short (delivered urgently) and w for each unit outdated (eq. 7).'),
    h('p', { class: 'hint ord-scroll-note' }, `A column per rule (${rules.length}): the table scrolls sideways.`),
    rulesTable(rules),
    barsBox,
    h('h3', {}, 'Day by day (Li et al., Fig. 7)'),
    h('p', { class: 'hint' }, `The lines: ${shownWords}. The daily trace CSV has every rule.`),
    costBox,
    stockBox,
    h('div', { class: 'no-print ord-csv' },
      csvLink(traceCsv(first, rules), `rbcmatch-ordering-trace-${slug}.csv`, 'Download the daily trace of every rule (CSV)'),
      csvLink(forecastCsv(first), `rbcmatch-ordering-forecast-${slug}.csv`, 'Download the demand and forecast (CSV)'),
      csvLink(forecastSummaryCsv(first), `rbcmatch-ordering-accuracy-${slug}.csv`, 'Download the forecast’s errors and model (CSV)')),
    h('h3', {}, 'Choosing S and s on the training days (sec. 4.3)'),
    tuningWords(answers),
    targetBox,
    reorderBox,
    surfaces.length ? [h('h4', {}, 'The cost over the whole (s, S) grid'),
      h('p', { class: 'hint' }, 'Each cell is the mean cost a day on the training days of eq. 13’s rule with that s and S (a coarser grid than the tuning’s when it is large; s above S has no cell). ',
        'The tuned pair seeks the gold standard’s cost; the least-cost pairs are the cheapest of the tuning’s full grid.'),
      surfaces.map((x) => [answers.length > 1 ? h('p', { class: 'ord-surface-title' }, cap1(SCHEDULE_WORDS[x.schedule])) : '', x.box, x.key])] : '',
    h('div', { class: 'no-print ord-csv' }, csvLink(tuningCsv(answers), `rbcmatch-ordering-tuning-${slug}.csv`, 'Download the tuning curves (CSV)')),
    h('h3', {}, 'What the numbers mean'),
    h('dl', { class: 'ord-words' },
      h('dt', {}, 'S, the inventory target'), h('dd', {}, 'No order raises the stock above S: the forecast is cut to S minus the stock.'),
      h('dt', {}, 's, the reorder level'), h('dd', {}, 'Eq. 13 orders only when the stock is below s, then at least up to s and at most up to S.'),
      h('dt', {}, 'The gold standard'), h('dd', {}, 'Ordering each day exactly the next day’s use, which nobody knows in advance: the stock stays at I₀, and the cost a day is a + h I₀ when every day has demand.'),
      h('dt', {}, 'Tuned (s*, S*)'), h('dd', {}, 'Li et al. choose S and s so that the rule’s mean cost on the training days is as close as possible to the gold standard’s; the least-cost pair of the same grid is shown beside it.')),
  ].flat(3).filter((x) => x !== ''));

  loadCharts().then(({ lineChart, barChart, gridCurveChart, heatMapChart, HEAT_STOPS }) => {
    if (destroyed) return;
    for (const x of surfaces) {
      const t = x.result.tuning;
      const fixed = x.result.rules.find((r) => r.id === 'fixed');
      const marks = [
        { label: `tuned (s*, S*) = (${t.reorder}, ${t.target})`, points: [{ x: t.reorder, y: t.target }] },
        { label: t.least_cost.count > 1 ? `least cost (${t.least_cost.count} pairs)` : 'least cost', points: t.least_cost.points.map((p) => ({ x: p.reorder, y: p.target })) },
        ...(fixed ? [{ label: `yours (${fixed.reorder}, ${fixed.target})`, points: [{ x: fixed.reorder, y: fixed.target }] }] : []),
      ];
      charts.push(heatMapChart(x.box.querySelector('canvas'), x.sf.reorders, x.sf.targets, (i, j) => x.sf.cost[i][j],
        { lo: x.lo, hi: x.hi, marks, xTitle: 'reorder level s', yTitle: 'inventory target S', valueWords: 'mean cost a day', formatNumber: (v) => formatNumber(v, 2) }));
      x.key.querySelector('.ord-heat-bar').style.background = `linear-gradient(to right, ${HEAT_STOPS.join(', ')})`;
    }
    const dates = datesFrom(s.first_test_date, s.test_days);
    const test = (values) => values?.slice(s.train_days) ?? [];
    charts.push(lineChart(forecastBox.querySelector('canvas'), dates,
      [{ label: 'demand', data: test(s.demand) }, { label: 'forecast', data: test(first.forecast.values) }], 'test day', 'units a day', (x) => formatNumber(x, 0),
      // Demand is never negative; a forecast may be (the order is then 0), and shows so.
      { min: Math.min(0, ...test(first.forecast.values)) }));
    const perDay = (r, part) => r.cost[part] / r.days;
    charts.push(barChart(barsBox.querySelector('canvas'), rules.map((r) => r.label),
      [['routine', 'routine orders (a)'], ['holding', 'holding (h)'], ['urgent', 'urgent deliveries (u)'], ['wastage', 'wastage (w)']]
        .map(([part, label]) => ({ label, data: rules.map((r) => perDay(r, part)) })), 'mean cost a day', (x) => formatNumber(x, 2), { stacked: true }));
    charts.push(lineChart(costBox.querySelector('canvas'), dates, shown.map((r) => ({ label: r.label, data: r.trace?.cost ?? [] })), 'test day', 'cost of the day', (x) => formatNumber(x, 0)));
    charts.push(lineChart(stockBox.querySelector('canvas'), dates, shown.map((r) => ({ label: r.label, data: r.trace?.inventory ?? [] })), 'test day', 'units in stock at the end of the day', (x) => formatNumber(x, 0)));
    const t0 = first.tuning;
    const targets = t0.target_curve.map((p) => p.target);
    charts.push(gridCurveChart(targetBox.querySelector('canvas'), targets.map(String),
      [{ label: 'forecast bounded by S, daily', data: t0.target_curve.map((p) => p.cost) }],
      { label: 'gold standard', value: t0.gold_cost }, [{ label: `S* = ${t0.target}`, at: targets.indexOf(t0.target) }],
      'inventory target S', 'mean cost a day (training days)', (x) => formatNumber(x, 1)));
    // The s grids of the schedules are the same values up to each S*: drawn on the longest.
    const longest = answers.map((a) => a.result.tuning.reorder_curve).reduce((a, b) => (b.length > a.length ? b : a));
    const levels = longest.map((p) => p.reorder);
    const curves = answers.map(({ schedule, result }) => ({ label: `eq. 13 at S* = ${result.tuning.target}, ${SCHEDULE_WORDS[schedule]}`,
      data: levels.map((x) => result.tuning.reorder_curve.find((p) => p.reorder === x)?.cost ?? null) }));
    charts.push(gridCurveChart(reorderBox.querySelector('canvas'), levels.map(String), curves,
      { label: 'gold standard', value: t0.gold_cost },
      answers.map(({ schedule, result }, i) => ({ label: `s* = ${result.tuning.reorder}, ${SCHEDULE_WORDS[schedule]}`, at: levels.indexOf(result.tuning.reorder), curve: i })),
      'reorder level s', cap ? ['mean cost a day (training days)', `cut at ${formatNumber(cap, 0)}`] : 'mean cost a day (training days)', (x) => formatNumber(x, 1), { min: 0, max: cap }));
  }, () => {
    if (destroyed) return;
    for (const box of [forecastBox, barsBox, costBox, stockBox, targetBox, reorderBox, ...surfaces.map((x) => x.box)]) box.replaceChildren(h('p', { class: 'hint' }, 'The chart could not be loaded; the tables and the CSV files have every value.'));
  });

  return {
    destroy: () => { destroyed = true; charts.forEach((c) => c.destroy()); },
    csv: () => rulesCsv(rules),
    csvName: `rbcmatch-ordering-rules-${slug}.csv`,
  };
}
