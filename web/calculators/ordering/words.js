// The Ordering tab's reading of what people paste, and its answers in words and CSV rows:
// no DOM, so node's tests read it too (tests/js/ordering.test.mjs).
import { parseNumber } from '../../lib/numbers.js';

// The schedules a result may hold, in the order Table 9 (Li et al. 2021) puts them.
export const SCHEDULES = ['daily', 'twice_weekly'];
export const SCHEDULE_WORDS = { daily: 'daily', twice_weekly: 'twice weekly (Tue, Fri)' };
export const FORECAST_WORDS = {
  weekday_means: 'Weekday means',
  seasonal_naive: 'Same weekday last week',
  stl: 'Seasonal-trend decomposition (STL)',
  given: 'Your own forecast',
};

/**
 * The demand box's text, as the request sends it. A column of numbers alone (pasted from a
 * spreadsheet, one a day, an optional header) goes as numbers from the start date; anything
 * else as CSV text, which the module reads line by line (date, units, predictors).
 * -> {kind: 'numbers', values, lines (each value's line number)} | {kind: 'csv', text} | {kind: 'empty'}
 */
export function readDemandText(text) {
  const lines = String(text ?? '').split(/\r\n|\n|\r/);
  const filled = lines.map((line, i) => [line.trim(), i + 1]).filter(([line]) => line !== '');
  if (!filled.length) return { kind: 'empty' };
  const single = ([line]) => !/[,;\t]/.test(line) || /^[+-]?\d*,\d+$/.test(line); // "93" or "93,5" (a decimal comma)
  const body = filled.length > 1 && !Number.isFinite(parseNumber(filled[0][0])) && single(filled[0]) ? filled.slice(1) : filled;
  if (!body.every(single)) return { kind: 'csv', text: String(text) };
  return { kind: 'numbers', values: body.map(([line]) => parseNumber(line)), lines: body.map(([, n]) => n), text: String(text) };
}

/** "1.08, 1.10, …", "1,08; 1,10; …", "1,08 1,10 …" or a spreadsheet row (tabs) -> numbers
 *  (NaN for a part that is none). With semicolons or tabs, or only spaces between numbers
 *  written with a decimal comma, a comma is a decimal comma; otherwise it separates. */
export function readList(text) {
  const t = String(text ?? '').trim();
  if (!t) return [];
  const bySpace = t.split(/\s+/);
  const parts = /[;\t]/.test(t) ? t.split(/\s*[;\t\n]\s*/)
    : bySpace.length > 1 && bySpace.every((p) => /^[+-]?\d*,\d+$/.test(p)) ? bySpace
      : t.split(/[\s,]+/);
  return parts.filter(Boolean).map((p) => parseNumber(p));
}

/** The rules of one or two answers (one per schedule), in Table 9's order: the gold standard
 *  once, then each schedule's rules. Each: {...rule, key, label}. */
export function rulesOf(answers) {
  const both = answers.length > 1;
  const out = [];
  for (const [k, { schedule, result }] of answers.entries()) {
    for (const rule of result.rules) {
      if (rule.id === 'actual_demand' && k > 0) continue; // the same daily gold standard
      // S is tuned on daily errors whatever the schedule (sec. 4.3), so the S-bounded rule of
      // the second schedule differs only by its delivery days: kept, and labelled so.
      const scheduled = rule.id !== 'actual_demand' && both;
      out.push({ ...rule, key: scheduled ? `${rule.id}-${schedule}` : rule.id, label: ruleLabel(rule, scheduled ? schedule : null) });
    }
  }
  return out;
}

const RULE_WORDS = {
  actual_demand: 'Ordering to actual demand (gold standard)',
  forecast_bounded: 'Forecast bounded by S*',
  tuned: 'Tuned (s*, S*)',
  least_cost: 'Least-cost (s, S)',
  fixed: 'Your (s, S)',
};

export function ruleLabel(rule, schedule) {
  const pair = rule.reorder != null ? ` = (${rule.reorder}, ${rule.target})` : rule.target != null && rule.id !== 'forecast_bounded' ? ` = ${rule.target}` : '';
  const base = rule.id === 'forecast_bounded' ? `Forecast bounded by S* = ${rule.target}` : `${RULE_WORDS[rule.id] ?? rule.name}${pair}`;
  return schedule ? `${base}, ${SCHEDULE_WORDS[schedule]}` : base;
}

/** The dates of the series, YYYY-MM-DD, from its first date (UTC: no daylight-saving day). */
export function datesFrom(first, days) {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: days }, (_, t) => new Date(start + t * 86400000).toISOString().slice(0, 10));
}

/** Table 9's rows, one per rule: the summary CSV. */
export function rulesCsv(rules) {
  const rows = [['rule', 'schedule', 'reorder_level_s', 'target_S', 'days', 'days_with_orders', 'share_of_days_with_orders',
    'order_size_mean', 'order_size_sd', 'inventory_mean', 'inventory_sd', 'urgent_mean', 'urgent_sd', 'urgent_total',
    'wasted_mean', 'wasted_sd', 'wasted_total', 'cost_mean', 'cost_sd', 'cost_total', 'cost_share_of_gold',
    'routine_cost', 'holding_cost', 'urgent_cost', 'wastage_cost']];
  for (const r of rules) {
    rows.push([r.label, r.schedule, r.reorder ?? '', r.target ?? '', r.days, r.order_days, r.order_days_share,
      r.order_size?.mean ?? '', r.order_size?.sd ?? '', r.inventory.mean, r.inventory.sd, r.urgent.mean, r.urgent.sd, r.urgent.total,
      r.wasted.mean, r.wasted.sd, r.wasted.total, r.cost.mean, r.cost.sd, r.cost.total, r.cost.share_of_gold ?? '',
      r.cost.routine, r.cost.holding, r.cost.urgent, r.cost.wastage]);
  }
  return rows;
}

/** Every test day: date, demand, forecast, then each rule's order, stock, urgent, wasted, cost. */
export function traceCsv(result, rules) {
  const s = result.series;
  const dates = datesFrom(s.first_test_date, s.test_days);
  const fields = ['order', 'inventory', 'urgent', 'wasted', 'cost'];
  const rows = [['date', 'demand', 'forecast', ...rules.flatMap((r) => fields.map((f) => `${r.key}_${f}`))]];
  dates.forEach((date, t) => rows.push([date, s.demand?.[s.train_days + t] ?? '', result.forecast.values?.[s.train_days + t] ?? '',
    ...rules.flatMap((r) => fields.map((f) => r.trace?.[f][t] ?? ''))]));
  return rows;
}

/** Every day of the series: date, part (training or test), demand, forecast. */
export function forecastCsv(result) {
  const s = result.series;
  const rows = [['date', 'part', 'demand', 'forecast']];
  datesFrom(s.first_date, s.days).forEach((date, t) =>
    rows.push([date, t < s.train_days ? 'training' : 'test', s.demand?.[t] ?? '', result.forecast.values?.[t] ?? '']));
  return rows;
}

/** The forecast's tables: its errors on each part (Table 7), and for STL its settings, the
 *  weekly pattern of the last training week and the regression's coefficients. */
export function forecastSummaryCsv(result) {
  const f = result.forecast;
  const rows = [['quantity', 'part', 'name', 'value']];
  for (const part of ['train', 'test']) {
    const a = f[part];
    const name = part === 'train' ? 'training' : 'test';
    rows.push(['days', name, '', a.days], ['rmse', name, '', a.rmse], ['mape', name, '', a.mape ?? ''], ['mape_days', name, '', a.mape_days]);
  }
  rows.push(['method', '', f.method, '']);
  if (f.stl) for (const [k, v] of Object.entries(f.stl)) rows.push(['stl_setting', '', k, v]);
  const s = result.series;
  if (f.components) {
    const dates = datesFrom(s.first_date, s.train_days);
    for (let t = s.train_days - 7; t < s.train_days; t++) {
      const weekday = new Date(`${dates[t]}T00:00:00Z`).toLocaleDateString('en', { weekday: 'long', timeZone: 'UTC' });
      rows.push(['weekly_pattern', 'training', weekday, f.components.seasonal[t]]);
    }
  }
  if (f.regression) {
    rows.push(['intercept', 'training', '', f.regression.intercept], ['r_squared', 'training', '', f.regression.r_squared]);
    f.regression.predictors.forEach((p, k) => rows.push(['coefficient', 'training', p, f.regression.coefficients[k] ?? '']));
  }
  return rows;
}

/** The tuning's curves: cost over S (step 1), over s at S* for each schedule (step 2), and the
 *  cost surface over the (s, S) grid (every cell with s <= S). */
export function tuningCsv(answers) {
  const rows = [['step', 'schedule', 'reorder_level_s', 'target_S', 'mean_cost', 'gold_standard_cost']];
  const first = answers[0].result.tuning;
  for (const p of first.target_curve) rows.push(['target', 'daily', '', p.target, p.cost, first.gold_cost]);
  for (const { schedule, result } of answers) {
    for (const p of result.tuning.reorder_curve) rows.push(['reorder', schedule, p.reorder, result.tuning.target, p.cost, result.tuning.gold_cost]);
  }
  for (const { schedule, result } of answers) {
    const sf = result.tuning.surface;
    if (!sf) continue;
    sf.targets.forEach((S, i) => sf.reorders.forEach((s, j) => {
      if (sf.cost[i][j] != null) rows.push(['surface', schedule, s, S, sf.cost[i][j], result.tuning.gold_cost]);
    }));
  }
  return rows;
}

/** "1040", "1040 to 1210 (18 values)" or "1040, 1050 and 1200": the S or s tied for closest. */
export function tiesWords(values, step) {
  if (values.length <= 1) return String(values[0]);
  const run = values.every((v, i) => i === 0 || v - values[i - 1] === step);
  if (run) return `${values[0]} to ${values[values.length - 1]} (${values.length} values)`;
  return values.length <= 6 ? `${values.slice(0, -1).join(', ')} and ${values[values.length - 1]}` : `${values.slice(0, 5).join(', ')}, … (${values.length} values)`;
}

/** Which of the tuned (s*, S*) and the least-cost pairs lie on the edge of the grid tried, in
 *  words ('' when none): a wider grid may then move them. s = 0 is no edge (s cannot go lower). */
export function edgeWords(t) {
  const { target_grid: S, reorder_grid: s } = t;
  const lastS = S.from + Math.floor((S.to - S.from) / S.step) * S.step;
  const lastS_s = s.from + Math.floor((Math.min(s.to, lastS) - s.from) / s.step) * s.step;
  const edges = (reorder, target) => [
    target === S.from && S.from > 0 && `S = ${S.from} is the smallest S tried`,
    target === lastS && `S = ${lastS} is the largest S tried`,
    reorder === s.from && s.from > 0 && `s = ${s.from} is the smallest s tried`,
    reorder === lastS_s && reorder < target && `s = ${lastS_s} is the largest s tried`,
  ].filter(Boolean);
  const parts = [];
  const tuned = edges(t.reorder, t.target);
  if (tuned.length) parts.push(`The tuned pair lies on the edge of the grid (${tuned.join('; ')}): a wider grid may bring a pair closer to the gold standard’s cost.`);
  const least = [...new Set(t.least_cost.points.flatMap((p) => edges(p.reorder, p.target)))];
  if (least.length) parts.push(`The least-cost pair lies on the edge of the grid (${least.join('; ')}): a wider grid may find a cheaper one.`);
  return parts.length ? ` ${parts.join(' ')} The grid is set under “The (s, S) tried in the tuning”.` : '';
}
