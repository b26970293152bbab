// Rendering of a `match` result: how many units are given and how many are short, the
// expected number of alloimmunisations, the objective term by term (seed 004 eq. 7), whether
// the matching is the only best one, the assignment coloured exact / mismatched / short, and
// each request's mismatches.
//
// Several matchings can be equally good. Then the one shown is the tie-break's, and every
// pair that differs between them is marked: one of several answers is never shown as the only one.
import { h } from '../../lib/dom.js';
import { scrollRegion } from '../../lib/table.js';
import { countOf, formatNumber, formatPowerOfTen, numberElement } from '../../lib/format.js';
import { formula as f } from '../../lib/math.js';

const VARIES = 'one choice among several';
const num = (value, decimals = 4) => h('td', { class: 'num' }, numberElement(value, { decimals }));
const count = (value) => h('td', { class: 'num' }, String(value));
const col = (text, numeric = false) => h('th', { scope: 'col', class: numeric ? 'num' : '' }, text);
// fixed is null when uniqueness was not analysed (per request): never shown as "yes".
const fixedCell = (fixed) => (fixed == null ? h('td', { class: 'al-unknown' }, 'not analysed')
  : fixed ? h('td', { class: 'al-fixed' }, 'yes') : h('td', { class: 'al-varies' }, h('strong', {}, `no: ${VARIES}`)));
const yesNo = (fixed) => (fixed == null ? 'not analysed' : fixed ? 'yes' : 'no');
const antigenList = (names) => (names.length ? names.join(' ') : '—');

function table(id, label, caption, headings, rows, { cards = true } = {}) {
  return scrollRegion(`${label}`,
    h('table', { class: `result-table al-table mt-table${cards ? ' cards titled' : ''}`, id },
      caption ? h('caption', { class: 'hint' }, caption) : '',
      h('thead', {}, h('tr', {}, headings)),
      h('tbody', {}, rows)));
}

const TERMS = [
  ['immunogenicity', 'λ_1 π_1', 'Mismatches, weighted by immunogenicity'],
  ['major_substitution', 'λ_2 π_2', 'Major substitution (usability of the unit’s ABD type minus the patient’s)'],
  ['minor_substitution', 'λ_3 π_3', 'Minor substitution (antigens the patient carries and the unit lacks)'],
  ['fifo', 'λ_4 π_4', 'First-in-first-out (eq. 8; negative: older units are preferred)'],
  ['young_blood', 'λ_5 π_5', 'Young blood, sickle-cell patients (negative for units about a week old: least near 7 days)'],
];

function uniqueness(result) {
  if (result.unique == null) {
    // Per request: branch and bound finds one best matching and does not look for others.
    return h('div', { class: 'al-not-unique', id: 'mt-uniqueness', role: 'note' },
      h('p', {}, h('strong', {}, result.status === 'optimal' ? 'A best matching, perhaps not the only one. ' : 'The best matching found in the time allowed. '),
        'Counting mismatches per request is solved by branch and bound, which does not look for other matchings as good: ',
        'there may be some, so this is one answer, not necessarily the only one.',
        result.status === 'optimal' ? ' It is proven to have the least penalty.' : ' The search stopped at its time limit: a better one may exist.'));
  }
  if (result.unique) {
    return h('p', { class: 'al-unique', id: 'mt-uniqueness' },
      h('strong', {}, 'This is the only best matching: '), 'no other matching meets as many requests at the same least penalty.');
  }
  return h('div', { class: 'al-not-unique', id: 'mt-uniqueness', role: 'note' },
    h('p', {}, h('strong', {}, 'Tie: other matchings are just as good. '),
      `${countOf(result.varying_pairs, '(unit, request) pair')} belong to some best matchings but not to others. The matching below is one of them, ` +
      `not the only answer: its pairs that differ are marked “${VARIES}”.`),
    h('p', {}, 'It is the tie-break’s: among the best matchings, the one using the units listed first.',
      result.tie_break.unique ? '' : ' Even then several remain; which of them is shown is the solver’s choice.'));
}

export function renderMatching(container, result, warnings) {
  const units = result.units, requests = result.requests;
  const others = warnings.filter((w) => !['not_unique', 'shortage'].includes(w.code));
  const kind = (a) => (a.mismatched.length ? 'mismatched' : a.exact ? 'exact' : 'compatible');
  const o = result.objective;
  const short = requests.filter((q) => q.shortage > 0);

  container.replaceChildren(
    h('h2', {}, `Matching, ${result.preset} preset (${result.antigens.length} antigens)`),
    others.length ? h('div', { class: 'warnings', role: 'note' }, h('h3', {}, 'Warnings'), h('ul', {}, others.map((w) => h('li', {}, w.message)))) : '',
    h('ul', { class: 'al-summary' },
      h('li', { id: 'mt-delivered' }, h('strong', {}, `${result.delivered} of ${countOf(result.units_requested, 'unit')} requested`),
        ` given, from ${countOf(units.length, 'unit')} in stock.`),
      h('li', { id: 'mt-shortage' }, result.shortage ? h('strong', {}, `Short: ${countOf(result.shortage, 'unit')}`) : 'Short: none',
        result.shortage ? ` — no unit left keeps the hard rules for ${short.map((q) => q.id).join(', ')}.` : ': every request is met.'),
      h('li', { id: 'mt-xa' }, 'Expected alloimmunisations (xA): ', h('strong', {}, numberElement(result.expected_alloimmunisations, { decimals: 5 })),
        ' — the sum, over the units given, of the immunogenicity of each antigen the unit carries and the patient lacks.'),
      h('li', { id: 'mt-objective' }, 'Least total penalty (eq. 1, 7): ', h('strong', {}, numberElement(o.total, { decimals: 4 })),
        o.total < 0 ? ' — below zero because the first-in-first-out and young-blood terms are rewards (negative) for the units they ' +
          'prefer: older units, and units near 7 days old for sickle-cell patients. Lower is better; the terms are below.'
          : ' — lower is better; the terms are below.')),
    uniqueness(result),
    h('h3', {}, 'The penalty, term by term'),
    table('mt-objective-table', 'The penalty term by term', ['Summed over the units given; each term is its weight ', f('λ'), ' times the paper’s penalty ', f('π'), ' (sec. 3.2).'],
      [col('Term'), col('Symbol'), col('Total', true)],
      [...TERMS.map(([key, symbol, words]) => h('tr', {}, h('th', { scope: 'row' }, words), h('td', {}, f(symbol)), num(o[key]))),
        h('tr', { class: 'mt-total' }, h('th', { scope: 'row' }, 'Total'), h('td', {}, f('Σ')), num(o.total))], { cards: false }),
    h('h3', {}, 'Units given'),
    result.assignment.length ? table('mt-assignment-table', 'Units given',
      'Exact: the unit’s antigens are the patient’s. Compatible: it lacks some the patient carries. Mismatched: it carries antigens the patient lacks (listed).',
      [col('Unit'), col('Age', true), col('To patient'), col('Group'), col('Match'), col('Mismatched'), col('Same in all best?'), col('Penalty', true)],
      result.assignment.map((a) => {
        const u = units[a.unit], q = requests[a.request];
        return h('tr', { class: `mt-${kind(a)}${a.fixed === false ? ' varying' : ''}` },
          h('th', { scope: 'row' }, u.id), count(u.age), h('td', {}, q.id), h('td', {}, q.group.replaceAll('_', ' ')),
          h('td', { class: 'mt-match' }, kind(a)), h('td', {}, antigenList(a.mismatched)), fixedCell(a.fixed), num(a.cost));
      })) : h('p', {}, 'No unit is given: no unit keeps the hard rules for any request.'),
    h('h3', {}, 'Requests'),
    table('mt-requests-table', 'Requests', '',
      [col('Patient'), col('Group'), col('Needs', true), col('Given', true), col('Short', true), col('Same in all best?'), col('Mismatched antigens (units)'), col('xA', true)],
      requests.map((q) => h('tr', { class: q.shortage ? 'mt-short' : q.mismatched.length ? 'mt-mismatched' : 'mt-exact' },
        h('th', { scope: 'row' }, q.id), h('td', {}, q.group.replaceAll('_', ' ')), count(q.units), count(q.delivered),
        h('td', { class: 'num' }, q.shortage ? h('strong', {}, String(q.shortage)) : '0'), fixedCell(q.fixed),
        h('td', {}, Object.entries(q.mismatch_units).map(([a, n]) => `${a} (${n})`).join(', ') || '—'),
        num(q.expected_alloimmunisations, 5)))),
    h('details', { class: 'formulas' }, h('summary', {}, 'How this is computed'),
      // Per request with nothing charged (ABOD, Limited) is the per-unit flow, uniqueness analysed.
      result.mismatch_count === 'per_request' && result.unique != null &&
        h('p', {}, 'Mismatches count per request, but no unit here would cost a mismatch penalty (no antigen of the preset is ',
          'penalised for any patient it could go to), so that is the same problem as counting per unit, solved as such:'),
      result.mismatch_count === 'per_request' && result.unique == null
        ? h('p', {}, 'Each unit goes to at most one request and each request gets at most its units (eq. 2-3). A unit may go to a patient only if it ',
          'keeps the hard rules (eq. 5-6). First the most units that can be given (a maximum flow); then, with that many units given, the least total ',
          'penalty by branch and bound on a mixed-integer programme: ', f('λ_2 π_2 + … + λ_5 π_5'), ' per unit (eq. 7), and ', f('λ_1 w'),
          ' for each antigen a request’s units mismatch, once per request however many of its units carry it. The penalty per unit in the table leaves ',
          f('λ_1 π_1'), ' out. ',
          result.objective_gap_bound == null ? 'The search stopped at its time limit.'
            : `The total shown is within ${formatNumber(result.objective_gap_bound, 2)} of the least (the solver’s tolerance).`)
        : h('p', {}, 'Each unit goes to at most one request and each request gets at most its units (eq. 2-3). A unit may go to a patient only if it ',
          'keeps the hard rules (eq. 5-6). First the most units that can be given (a maximum flow), then, with the units short taken from a dummy supply, ',
          'the least total penalty (a minimum-cost flow). The penalty of a unit for a patient is ', f('λ_1 π_1 + … + λ_5 π_5'), ' (eq. 7). ',
          `To solve it in whole numbers, each term of a penalty is rounded to a multiple of ${formatPowerOfTen(1 / result.solver.cost_scale, 1)}; `,
          result.objective_gap_bound < 1e-12 ? `the total shown is the exact least penalty to within ${formatPowerOfTen(1e-12, 1)}.`
            : `the total shown is at most ${formatNumber(result.objective_gap_bound, 2)} above the exact least penalty.`)));

  return {
    destroy() {},
    csv: () => [['unit', 'age', 'patient', 'group', 'match', 'mismatched', 'same_in_every_best', 'penalty'],
      ...result.assignment.map((a) => [units[a.unit].id, units[a.unit].age, requests[a.request].id, requests[a.request].group, kind(a),
        a.mismatched.join(' '), yesNo(a.fixed), a.cost]),
      ...short.map((q) => ['', '', q.id, q.group, `short ${q.shortage}`, '', yesNo(q.fixed), ''])],
    csvName: `rbcmatch-matching-${result.preset}.csv`,
  };
}
