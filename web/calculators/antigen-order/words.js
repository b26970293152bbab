// The Antigen order tab's words and tables for an `antigen_order` result: the models in plain
// words, ties said as such, the shading of a count, and the CSV files. Pure: no DOM, tested in
// node (tests/js/antigen-order-page.test.mjs).

/** The inventory models (thesis Table 7.2) in plain words. */
export const MODEL_WORDS = {
  1: 'static stock, any compatible unit',
  2: 'static stock, identical units only',
  3: 'changing stock, identical units only (simulated)',
};

/** "E, K and Jka"; "none" for an empty list. */
export function list(names, none = 'none') {
  if (!names?.length) return none;
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** "≈ tied with c" (an order row's tied_with), '' when it is not tied. */
export const tieWords = (tiedWith) => (tiedWith?.length ? `≈ tied with ${list(tiedWith)}` : '');

/** The antigens the strategy of level l adds to the one of level l - 1 when it contains it, else null. */
export function added(curve, level) {
  if (level === 0) return [];
  const before = curve[level - 1].strategy, now = curve[level].strategy;
  if (!before.every((a) => now.includes(a))) return null;
  return now.filter((a) => !before.includes(a));
}

/** Shade 0 (none) to 5 (the most) of a count out of `most`, for a heat map's cell. */
export function shade(count, most) {
  if (!(count > 0) || !(most > 0)) return 0;
  return Math.max(1, Math.min(5, Math.ceil((5 * count) / most)));
}

/** The position (1-based) of each antigen in an order; absent: null. */
export const positionsOf = (order) => Object.fromEntries(order.map((a, i) => [a, i + 1]));

// ---- CSV (full precision; the page rounds) ----------------------------------------------

/** Table 7.5 for this scenario: the order up to the cut-off, then the other antigens. */
export function orderCsv(result) {
  return [['position', 'antigen', 'gain', 'share_prevented', 'se', 'tied_with'],
    ...result.order.map((o) => [o.position, o.antigen, o.gain, o.value, o.se ?? '', o.tied_with.join(' ')]),
    ...result.beyond_cutoff.map((a, i) => ['beyond cut-off', a, '', '', '', result.beyond_cutoff_tied_with?.[i]?.join(' ') ?? ''])];
}

/** Fig. 7.3: the best strategy at each number of matched antigens. */
export function curveCsv(result) {
  return [['level', 'share_prevented', 'se', 'strategy', 'equally_good_strategies', 'runner_up', 'runner_up_share', 'difference', 'difference_se', 'runner_up_tied'],
    ...result.curve.map((c) => [c.level, c.value, c.se ?? '', c.strategy.join(' '), c.tied_strategies ?? '',
      c.runner_up?.strategy.join(' ') ?? '', c.runner_up?.value ?? '', c.runner_up?.difference ?? '',
      c.runner_up?.difference_se ?? '', c.runner_up == null ? '' : c.runner_up.tied ? 'yes' : 'no'])];
}

/** The strategies listed (one page of them), with their rank. */
export function strategiesCsv(result) {
  return [['rank', 'strategy', 'antigens_matched', 'share_prevented', 'se', 'best_order_to_add'],
    ...result.strategies.map((s, i) => [result.offset + i + 1, s.antigens.join(' '), s.level, s.value, s.se ?? '', s.path.join(' ')])];
}

/** The scenario grid: one row per scenario, its order with ties marked "≈" and their partners. */
export function gridCsv(grid) {
  return [['model', 'n', 'k', 'share_prevented', 'se', 'order'],
    ...grid.scenarios.map((s) => [s.model, s.n, s.k, s.value, s.se ?? '', orderText(s.order, s.tied, s.tied_with)])];
}

/** "E K ≈Jka (or c) c": an antigen whose position is tied (the best strategy there has an equally
 *  good rival, within the noise for model 3) marked ≈, with the antigens the rival puts there
 *  when they are known (tiedWith, per position). */
export function orderText(order, tied = [], tiedWith = []) {
  return order.map((a, i) => {
    if (!tied[i]) return a;
    return tiedWith[i]?.length ? `≈${a} (or ${tiedWith[i].join(', ')})` : `≈${a}`;
  }).join(' ');
}

/** "M ≈ s; e ≈ C" for the antigens past the cut-off that could as well come next ('' if none). */
export function tailTieWords(beyond, tiedWith = []) {
  return beyond.map((a, i) => (tiedWith[i]?.length ? `${a} ≈ ${list(tiedWith[i])}` : '')).filter(Boolean).join('; ');
}
