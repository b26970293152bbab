// Rendering of a `frequencies` result: which populations were used, then one row per blood
// group with its frequency, rarity, usability and receivability.
import { h } from '../../lib/dom.js';
import { numberElement, formatNumber } from '../../lib/format.js';

const num = (value, decimals = 4) => h('td', { class: 'num' }, numberElement(value, { decimals }));

/** The group as staff read it: ABO as O, A, B or AB when both A and B are matched, every
 *  other antigen with + or - ("A D+ K-"). */
function groupLabel(antigens, present) {
  if (antigens.length === 0) return 'everyone';
  const abo = antigens.includes('A') && antigens.includes('B');
  const parts = [];
  if (abo) parts.push(['A', 'B'].filter((a) => present.includes(a)).join('') || 'O');
  for (const a of antigens) if (!(abo && (a === 'A' || a === 'B'))) parts.push(`${a}${present.includes(a) ? '+' : '-'}`);
  return parts.join(' ');
}

export function renderFrequencies(container, result, warnings) {
  const groups = result.groups ?? [];
  // Only meaningful when every group is on screen.
  let rarest = null;
  if (groups.length === result.total_groups) for (const g of groups) if (g.frequency > 0 && (!rarest || g.frequency < rarest.frequency)) rarest = g;
  container.replaceChildren(
    h('h2', {}, `${result.total_groups} blood groups over ${result.antigens.length ? result.antigens.join(', ') : 'no antigens'}`),
    groups.length < result.total_groups
      ? h('p', { class: 'note', id: 'fq-page' }, `Showing groups ${result.offset + 1}–${result.offset + groups.length} of ${result.total_groups}. `,
        'Change Order, Offset or Limit under Options for other groups; Download CSV saves the rows shown.')
      : '',
    warnings.length ? h('div', { class: 'warnings', role: 'note' }, h('h3', {}, 'Warnings'),
      h('ul', {}, warnings.map((w) => h('li', {}, w.message)))) : '',
    h('p', { class: 'hint' }, 'Populations: ', result.systems.filter((s) => s.antigens.length)
      .map((s) => `${s.name}: ${s.population} (${s.source})`).join('; ') || 'none needed', '.'),
    rarest ? h('p', {}, 'The rarest group that occurs is ', h('strong', {}, groupLabel(result.antigens, rarest.antigens)),
      `: 1 in ${formatNumber(rarest.one_in, 0)}.`) : '',
    h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Blood groups (scrolls sideways)' }, h('table', { class: 'result-table', id: 'fq-result-table' },
      h('caption', { class: 'hint' }, 'Usability: the share of patients a unit of this group can be given to (they have every antigen it has). ',
        'Receivability: the share of donors whose blood this group can receive.'),
      h('thead', {}, h('tr', {}, ['Blood group', 'Frequency', 'Rarity', 'Usability', 'Receivability'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, groups.map((g) => h('tr', {},
        h('th', { scope: 'row' }, groupLabel(result.antigens, g.antigens)),
        num(g.frequency),
        h('td', { class: 'num' }, g.one_in == null ? 'does not occur' : `1 in ${formatNumber(g.one_in, 0)}`),
        num(g.usability), num(g.receivability)))))));
  return {
    destroy() {},
    csv: () => [['blood_group', ...result.antigens, 'frequency', 'one_in', 'usability', 'receivability'],
      ...groups.map((g) => [groupLabel(result.antigens, g.antigens), ...result.antigens.map((a) => (g.antigens.includes(a) ? 1 : 0)),
        g.frequency, g.one_in, g.usability, g.receivability])],
    csvName: `rbcmatch-frequencies-${result.antigens.join('') || 'none'}.csv`,
  };
}
