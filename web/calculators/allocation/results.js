// Rendering of an `allocate` result: how many requests are met and at what cost, whether
// the allocation is the only one of least cost, the units issued (stock entry -> request),
// each request and each stock entry and group, and the picture (thesis Fig. 6.2).
//
// Several allocations can have the least cost. Then the one shown is the tie-break's, and
// every number that differs between them is marked "one choice among several": one of
// several equally good answers is never presented as the only one.
import { h } from '../../lib/dom.js';
import { scrollRegion } from '../../lib/table.js';
import { countOf, formatNumber, numberElement } from '../../lib/format.js';
import { formula as f } from '../../lib/math.js';
import { groupLabel } from '../../lib/blood-group.js';
import { allocationPicture, MAX_PICTURE_REQUESTS, MAX_PICTURE_STOCK } from './bipartite.js';

const VARIES = 'one choice among several';
const num = (value, decimals = 4) => h('td', { class: 'num' }, numberElement(value, { decimals }));
const count = (value) => h('td', { class: 'num' }, String(value));
const col = (text, numeric = false) => h('th', { scope: 'col', class: numeric ? 'num' : '' }, text);
/** The last column of every table: is this number the same in every least-cost allocation? */
const fixedCell = (fixed) => (fixed ? h('td', { class: 'al-fixed' }, 'yes')
  : h('td', { class: 'al-varies' }, h('strong', {}, `no: ${VARIES}`)));

function table(id, label, caption, headings, rows) {
  return scrollRegion(`${label}`,
    h('table', { class: 'result-table cards titled al-table', id },
      caption ? h('caption', { class: 'hint' }, caption) : '',
      h('thead', {}, h('tr', {}, headings)),
      h('tbody', {}, rows)));
}

function uniqueness(result) {
  if (result.unique) {
    return h('p', { class: 'al-unique', id: 'al-uniqueness' },
      h('strong', {}, 'This is the only allocation of least cost: '), 'every number below is the same in every optimum.');
  }
  const listed = result.allocation.filter((f) => !f.fixed).length;
  return h('div', { class: 'al-not-unique', id: 'al-uniqueness', role: 'note' },
    h('p', {}, h('strong', {}, 'Other allocations have the same least cost. '),
      `${result.varying_edges} of the ${countOf(result.edges, 'compatible pair')} (stock entry, request) can carry different numbers of units ` +
      `in different allocations of least cost. The allocation below is one of them, not the only answer: the numbers that differ between them are marked “${VARIES}”.`),
    h('p', {}, 'It is the one the tie-break picks: among the allocations of least cost, the one that issues the oldest units (least total r), ',
      'then the least total opportunity loss.',
      result.tie_break.unique ? '' : ' Even then several remain; which of them is shown is the solver’s choice.',
      listed < result.varying_edges ? ` ${countOf(result.varying_edges - listed, 'pair')} that carry no units here can carry units in another of them.` : ''));
}

function summary(result) {
  const short = result.shortage;
  return h('ul', { class: 'al-summary' },
    h('li', { id: 'al-issued' }, h('strong', {}, `${result.issued} of ${countOf(result.units_requested, 'unit')} requested`),
      ` issued, from ${result.units_in_stock} in stock; ${result.remaining} left.`),
    h('li', { id: 'al-shortage' }, short ? h('strong', {}, `Shortage: ${countOf(short, 'unit')}`) : 'Shortage: none',
      short ? ' requested cannot be met with compatible units in stock.' : ': every unit requested is met.'),
    h('li', { id: 'al-match' }, `Identical: ${result.identical} (the group requested); compatible: ${result.compatible} `,
      '(another group the patient can receive: it has no antigen the patient lacks).'),
    h('li', { id: 'al-objective' }, 'Least total cost (eq. 6.3): ', h('strong', {}, numberElement(result.objective, { decimals: 4 })),
      ` with γ = ${result.cost.gamma}, R = ${result.cost.max_shelf_life} days, ${result.cost.shape} costs (eq. ${result.cost.shape === 'linear' ? '6.1' : '6.9–6.10'}).`));
}

export function renderAllocation(container, result, warnings) {
  const label = (group) => groupLabel(result.antigens, group);
  const stockOf = (k) => result.stock[k];
  const requestOf = (m) => result.requests[m];
  const identical = (f) => stockOf(f.stock).group.join() === requestOf(f.request).group.join();
  // not_unique is said in the page's own words (uniqueness()), the rest as the API says them.
  const others = warnings.filter((w) => w.code !== 'not_unique');
  const picture = allocationPicture(result);

  container.replaceChildren(
    h('h2', {}, `Allocation over ${result.antigens.join(', ')}`),
    others.length ? h('div', { class: 'warnings', role: 'note' }, h('h3', {}, 'Warnings'),
      h('ul', {}, others.map((w) => h('li', {}, w.message)))) : '',
    summary(result),
    uniqueness(result),
    h('h3', {}, 'Units issued'),
    result.allocation.length ? table('al-allocation-table', 'Units issued',
      'Loss Δ: the relative opportunity loss (Definition 6.3): the share of the patients this unit could serve that the patient given it leaves out. ' +
      'Cost per unit: γ × loss + (1 − γ) × its age term (eq. 6.1 / 6.9).',
      // Whether a number is one choice among several comes right after it, in sight on a phone.
      [col('From stock'), col('r', true), col('To request'), col('Units', true), col('Same in all optima?'), col('Match'), col('Loss Δ', true), col('Cost per unit', true)],
      result.allocation.map((f) => {
        const s = stockOf(f.stock);
        const same = identical(f);
        return h('tr', { class: `${same ? 'identical' : 'compatible'}${f.fixed ? '' : ' varying'}` },
          h('th', { scope: 'row' }, label(s.group)), count(s.residual_shelf_life), h('td', {}, label(requestOf(f.request).group)),
          count(f.units), fixedCell(f.fixed), h('td', { class: 'al-match' }, same ? 'identical' : 'compatible'),
          num(f.loss), num(f.cost));
      })) : h('p', {}, 'No unit is issued: no unit in stock is compatible with any request.'),
    h('h3', {}, 'Requests'),
    table('al-requests-table', 'Requests', '',
      [col('Group'), col('Requested', true), col('Delivered', true), col('Same in all optima?'), col('Shortage', true), col('Identical', true), col('Compatible', true)],
      result.requests.map((q) => h('tr', { class: q.shortage ? 'short' : '' },
        h('th', { scope: 'row' }, label(q.group)), count(q.units), count(q.delivered), fixedCell(q.fixed),
        h('td', { class: 'num' }, q.shortage ? h('strong', {}, String(q.shortage)) : '0'),
        count(q.identical), count(q.compatible)))),
    h('h3', {}, 'Stock, by blood group'),
    table('al-groups-table', 'Stock by blood group', '',
      [col('Group'), col('In stock', true), col('Issued', true), col('Left', true), col('Same in all optima?')],
      result.stock_groups.map((g) => h('tr', {}, h('th', { scope: 'row' }, label(g.group)),
        count(g.units), count(g.issued), count(g.remaining), fixedCell(g.fixed)))),
    h('h3', {}, 'Stock, by blood group and shelf life'),
    table('al-stock-table', 'Stock by blood group and shelf life', '',
      [col('Group'), col('r', true), col('In stock', true), col('Issued', true), col('Left', true), col('Same in all optima?')],
      result.stock.map((s) => h('tr', {}, h('th', { scope: 'row' }, label(s.group)), count(s.residual_shelf_life),
        count(s.units), count(s.issued), count(s.remaining), fixedCell(s.fixed)))),
    h('details', { class: 'al-diagram', open: true },
      h('summary', {}, 'The allocation as a picture (thesis Fig. 6.2)'),
      picture ? [h('p', { class: 'hint' }, 'Stock entries with units on the left (issued / in stock), requests on the right (met / requested); ',
        'each line carries the number of units on it. Green lines: identical group; blue: compatible (another group); ',
        'dashed: one choice among several (another allocation of least cost differs there). Point at a line for its words.'),
      scrollRegion('The allocation as a picture', picture, allocationPicture(result, { narrow: true }))]
        : h('p', { class: 'hint' }, `Drawn for up to ${MAX_PICTURE_STOCK} stock entries with units and ${MAX_PICTURE_REQUESTS} requests; the tables above say it all.`)),
    h('details', { class: 'formulas' }, h('summary', {}, 'How this is computed'),
      h('p', {}, 'A unit of group ', f('i'), ' can be given to a request of group ', f('j'), ' when ', f('i'), ' has no antigen that ', f('j'), ' lacks (eq. 4.8). ',
        'First the most units that can be met (a maximum flow), then, among the allocations meeting that many, one of least total cost (a minimum-cost flow; thesis sec. 6.3.2, eq. 6.3). ',
        'The cost of a unit is ', f('γ g_1(Δ) + (1 − γ) g_2(r)'), ': linear, ', f('γ Δ + (1 − γ) r / R'), ' (eq. 6.1), or exponential (eq. 6.10). ',
        f('Δ'), ', the relative opportunity loss (eq. 6.8), is ', f('(F_i − F_j) / F_i'), ' with ', f('F'), ' the usability among patients (eq. 6.6). ',
        `Costs are rounded to a grid of 1/${result.solver.cost_scale}, so the cost shown is at most ${formatNumber(result.objective_gap_bound, 2)} above the exact least cost.`)));

  return {
    destroy() {},
    csv: () => [['from_group', 'residual_shelf_life', 'to_group', 'units', 'match', 'loss', 'cost_per_unit', 'same_in_every_optimum'],
      ...result.allocation.map((f) => [label(stockOf(f.stock).group), stockOf(f.stock).residual_shelf_life, label(requestOf(f.request).group),
        f.units, identical(f) ? 'identical' : 'compatible', f.loss, f.cost, f.fixed ? 'yes' : 'no'])],
    csvName: `rbcmatch-allocation-${result.antigens.join('')}.csv`,
  };
}
