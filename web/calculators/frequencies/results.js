// Rendering of a `frequencies` result: the populations used, one patient's group with the
// donor groups that can serve it (best first), and a page of the table of blood groups.
import { h } from '../../lib/dom.js';
import { scrollRegion } from '../../lib/table.js';
import { numberElement, formatNumber } from '../../lib/format.js';
import { groupLabel } from '../../lib/blood-group.js';
import { hasseDiagram, MAX_HASSE_ANTIGENS } from './hasse.js';

const num = (value, decimals = 4) => h('td', { class: 'num' }, numberElement(value, { decimals }));
// "1 in 72", "1 in 6 390 000": three significant digits, thousands apart by a thin space.
const whole = (x) => new Intl.NumberFormat('en', { maximumSignificantDigits: x < 1000 ? 21 : 3, maximumFractionDigits: 0 })
  .format(Math.round(x)).replace(/,/g, '\u202f');
const rarity = (oneIn) => (oneIn == null ? 'does not occur' : `1 in ${whole(oneIn)}`);
const percent = (w) => `${Number((w * 100).toPrecision(6))} %`;

/** "Donors: Caucasian, thesis Table 4.4 (Rh); African… (Duffy)" over the systems A uses. */
export function describeRole(label, components, systems) {
  const used = systems.filter((s) => s.antigens.length);
  if (!used.length) return h('li', {}, `${label}: no population needed (no antigen chosen).`);
  const tablesOf = (c) => used.map((s) => `${s.name}: ${c.tables[s.id].name}`).join('; ');
  return h('li', {}, `${label}: `, components.length === 1 ? tablesOf(components[0])
    : components.map((c) => `${percent(c.weight)} (${tablesOf(c)})`).join(' + '), '.');
}

const sameRoles = (result) => result.same_population;

function renderQuery(result) {
  const q = result.query;
  const label = (present) => groupLabel(result.antigens, present);
  const rows = q.compatible_donors ?? [];
  // Several donor groups with one loss are equally good: say so, never show one as the answer.
  const ties = new Map();
  for (const d of rows) if (d.loss != null) ties.set(d.loss, (ties.get(d.loss) ?? 0) + 1);
  return h('section', { class: 'fq-query', 'aria-labelledby': 'fq-query-title' },
    h('h3', { id: 'fq-query-title' }, `Patient’s group ${label(q.antigens)}`),
    h('ul', {},
      h('li', {}, 'Among donors: ', h('strong', {}, rarity(q.one_in)), ' (', numberElement(q.frequency, { decimals: 6 }), ').'),
      sameRoles(result) ? '' : h('li', {}, 'Among patients: ', numberElement(q.recipient_frequency, { decimals: 6 }), '.'),
      h('li', {}, 'Receivability: ', numberElement(q.receivability, { decimals: 4 }), ' of donors can give to this patient.'),
      h('li', {}, 'Usability: a unit of this group can be given to ', numberElement(q.usability, { decimals: 4 }), ' of patients.'),
      q.donor_group ? h('li', { id: 'fq-issue' }, `Giving ${label(q.donor_group.antigens)} to this patient: relative opportunity loss `,
        h('strong', {}, q.donor_group.loss == null ? 'undefined (no patient can receive that group)' : formatNumber(q.donor_group.loss, 4)),
        ' (0: nothing lost; 1: the unit could have served patients this one leaves none of).') : ''),
    q.compatible_donors == null
      ? h('p', { class: 'note' }, 'Compatible donor groups are listed for up to 20 antigens.')
      : [h('p', { class: 'hint' }, `${q.total_compatible_donors} donor groups can serve this patient (they lack every antigen the patient lacks)`,
        rows.length < q.total_compatible_donors ? `; the best ${rows.length} are listed (Limit under Options)` : '',
        '. Best first: the least relative opportunity loss (Definition 6.3), i.e. the unit that is least needed by other patients.'),
      scrollRegion('Compatible donor groups',
        h('table', { class: 'result-table cards', id: 'fq-donors-table' },
          h('thead', {}, h('tr', {}, ['Donor group', 'Among donors', 'Usability', 'Opportunity loss'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, rows.map((d) => h('tr', {},
            h('th', { scope: 'row' }, label(d.antigens)),
            h('td', { class: 'num' }, d.frequency > 0 ? numberElement(d.frequency, { decimals: 6 }) : 'does not occur'),
            num(d.usability),
            h('td', { class: 'num' }, d.loss == null ? 'undefined' : [numberElement(d.loss, { decimals: 4 }),
              ties.get(d.loss) > 1 ? h('span', { class: 'tie', title: 'Another donor group has the same loss: equally good' }, ' (tie)') : '']))))))]);
}

function pager(result, context) {
  const shown = result.groups.length, matching = result.matching_groups;
  if (shown >= matching && result.offset === 0) return '';
  const limit = context.request.limit ?? 256;
  const go = (offset) => context.computeWith({ offset });
  return h('nav', { class: 'pager no-print', 'aria-label': 'Pages of the table' },
    h('span', { id: 'fq-page' }, shown ? `Showing groups ${result.offset + 1}–${result.offset + shown} of ${matching}` : `No groups past ${result.offset} (of ${matching})`,
      matching < result.total_groups ? ` matching (${result.total_groups} in all)` : '', '. '),
    h('button', { type: 'button', class: 'secondary', id: 'fq-prev', disabled: result.offset === 0,
      onclick: () => go(Math.max(0, result.offset - limit)) }, 'Previous'),
    h('button', { type: 'button', class: 'secondary', id: 'fq-next', disabled: result.offset + shown >= matching,
      onclick: () => go(result.offset + limit) }, 'Next'));
}

// Sorting by a column is the API's `order` (the page holds one page of rows, not the table):
// per column, the order of a first click and of a second.
const SORTS = {
  group: ['colex', 'colex'],
  frequency: ['rarest', 'commonest'],
  usability: ['most_usable', 'least_usable'],
  receivability: ['least_receivable', 'most_receivable'],
};
const ASCENDING = new Set(['colex', 'rarest', 'least_usable', 'least_receivable']);

function sortHeader(label, column, context) {
  const order = context.request.order ?? 'colex';
  const [first, second] = SORTS[column];
  const active = order === first || order === second;
  const next = order === first ? second : first;
  return h('th', { scope: 'col', 'aria-sort': active ? (ASCENDING.has(order) ? 'ascending' : 'descending') : 'none' },
    h('button', { type: 'button', class: 'sort', id: `fq-sort-${column}`,
      title: column === 'group' ? 'In the thesis’s (colexicographic) order' : `Sort by ${label.toLowerCase()}`,
      onclick: () => context.computeWith({ order: next, offset: 0 }) },
    label, active && column !== 'group' ? (ASCENDING.has(order) ? ' ▲' : ' ▼') : ''));
}

function renderTable(result, context) {
  const groups = result.groups;
  const both = !sameRoles(result);
  const plain = (t) => h('th', { scope: 'col' }, t);
  return scrollRegion('Blood groups',
    h('table', { class: 'result-table cards sortable', id: 'fq-result-table' },
      h('caption', { class: 'hint' }, 'Usability: the share of patients a unit of this group can be given to (they have every antigen it has). ',
        'Receivability: the share of donors whose blood this group can receive. Click a column heading to sort the whole table by it, a group to see the donor groups that can serve it.'),
      h('thead', {}, h('tr', {},
        sortHeader('Blood group', 'group', context),
        sortHeader(both ? 'Among donors' : 'Frequency', 'frequency', context),
        plain('Rarity'),
        both ? plain('Among patients') : '',
        sortHeader('Usability', 'usability', context),
        sortHeader('Receivability', 'receivability', context))),
      h('tbody', {}, groups.map((g) => h('tr', {},
        h('th', { scope: 'row' }, context.lookUp
          ? h('button', { type: 'button', class: 'link-button', title: 'Show the donor groups that can serve a patient of this group',
            onclick: () => context.lookUp(groupLabel(result.antigens, g.antigens)) }, groupLabel(result.antigens, g.antigens))
          : groupLabel(result.antigens, g.antigens)),
        num(g.frequency),
        h('td', { class: 'num' }, rarity(g.one_in)),
        both ? num(g.recipient_frequency) : '',
        num(g.usability), num(g.receivability))))));
}

// Set through the CSSOM: the page's Content-Security-Policy refuses style attributes.
function bar(rem) {
  const span = h('span', { class: 'bar' });
  span.style.width = `${Math.max(0.1, rem).toFixed(2)}rem`;
  return span;
}

/** How rare the groups are: groups and their share of donors per decade of rarity, as
 *  bars (the whole table's, not the page's). */
function rarityChart(result) {
  const bands = result.rarity ?? [];
  if (bands.length < 2) return '';
  const most = Math.max(...bands.map((b) => b.groups));
  const label = (b) => (b.up_to == null ? 'do not occur' : b.up_to === 10 ? '1 in 10 or commoner' : `1 in ${whole(b.up_to / 10)} to 1 in ${whole(b.up_to)}`);
  return h('details', { class: 'fq-rarity', open: true },
    h('summary', {}, `How rare the ${result.matching_groups < result.total_groups ? 'matching ' : ''}groups are`),
    scrollRegion('Rarity of the groups', h('table', { class: 'result-table cards', id: 'fq-rarity-table' },
      // The bar's column has no words to label its cards with on a phone (data-label "").
      h('thead', {}, h('tr', {}, ['Rarity among donors', 'Groups', '', 'Share of donors'].map((t, i) => h('th', { scope: 'col', class: i === 2 ? 'bar-col' : '', 'data-label': i === 2 ? '' : null }, t || h('span', { class: 'visually-hidden' }, 'Bar'))))),
      h('tbody', {}, bands.map((b) => h('tr', {},
        h('th', { scope: 'row' }, label(b)),
        h('td', { class: 'num' }, String(b.groups)),
        h('td', { class: 'bar-col', 'aria-hidden': 'true' }, bar((5 * b.groups) / most)),
        num(b.frequency)))))));
}

/** For up to 4 antigens with every group on screen: the compatibility order (Fig. 4.1). */
function diagram(result) {
  const groups = result.groups ?? [];
  if (result.antigens.length === 0 || result.antigens.length > MAX_HASSE_ANTIGENS || groups.length !== result.total_groups) return '';
  const patient = result.query
    ? result.antigens.reduce((bits, a, i) => (result.query.antigens.includes(a) ? bits | (1 << i) : bits), 0) : null;
  return h('details', { class: 'fq-diagram', open: true },
    h('summary', {}, 'Which group can serve which (thesis Fig. 4.1)'),
    h('p', { class: 'hint' }, 'A unit can be given to every group above it along the lines: those that carry all its antigens. ',
      'The number under each group is its frequency among donors.',
      patient != null ? ' Highlighted: the patient’s group and the groups that can serve it.' : ''),
    hasseDiagram(result.antigens, groups, patient));
}

export function renderFrequencies(container, result, warnings, context) {
  const groups = result.groups ?? [];
  // Only meaningful when every group is on screen.
  let rarest = null;
  if (groups.length === result.total_groups) for (const g of groups) if (g.frequency > 0 && (!rarest || g.frequency < rarest.frequency)) rarest = g;
  const over = result.antigens.length ? result.antigens.join(', ') : 'no antigens';
  container.replaceChildren(
    h('h2', {}, result.groups ? `${result.total_groups} blood groups over ${over}` : `Blood groups over ${over}`),
    warnings.length ? h('div', { class: 'warnings', role: 'note' }, h('h3', {}, 'Warnings'),
      h('ul', {}, warnings.map((w) => h('li', {}, w.message)))) : '',
    h('ul', { class: 'hint fq-populations-used' },
      sameRoles(result) ? describeRole('Donors and patients', result.donors, result.systems)
        : [describeRole('Donors', result.donors, result.systems), describeRole('Patients', result.recipients, result.systems)]),
    result.query ? renderQuery(result) : '',
    rarest ? h('p', {}, 'The rarest group that occurs is ', h('strong', {}, groupLabel(result.antigens, rarest.antigens)),
      `: ${rarity(rarest.one_in)}.`) : '',
    ...(result.groups ? [rarityChart(result), pager(result, context), renderTable(result, context)] : []),
    diagram(result));
  const both = !sameRoles(result);
  const tableCsv = () => [['blood_group', ...result.antigens, 'frequency', 'one_in', ...(both ? ['patient_frequency'] : []), 'usability', 'receivability'],
    ...groups.map((g) => [groupLabel(result.antigens, g.antigens), ...result.antigens.map((a) => (g.antigens.includes(a) ? 1 : 0)),
      g.frequency, g.one_in, ...(both ? [g.recipient_frequency] : []), g.usability, g.receivability])];
  const donorsCsv = () => [['donor_group', ...result.antigens, 'frequency', 'usability', 'opportunity_loss'],
    ...(result.query?.compatible_donors ?? []).map((d) => [groupLabel(result.antigens, d.antigens),
      ...result.antigens.map((a) => (d.antigens.includes(a) ? 1 : 0)), d.frequency, d.usability, d.loss])];
  return {
    destroy() {},
    csv: result.groups ? tableCsv : donorsCsv,
    csvName: `rbcmatch-${result.groups ? 'frequencies' : 'donor-groups'}-${result.antigens.join('') || 'none'}.csv`,
  };
}
