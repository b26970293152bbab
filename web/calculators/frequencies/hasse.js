// The Hasse diagram of the blood groups over up to 4 antigens (thesis sec. 4.3, Fig. 4.1):
// groups in levels by how many antigens they carry, an edge from i up to j when j is i plus
// one antigen. A donor can serve every group above it along the edges (eq. 4.8). For
// teaching; drawn as SVG elements (no innerHTML). With a patient's group, the groups that
// can serve it are highlighted.
import { groupLabel } from '../../lib/blood-group.js';
import { svg as el } from '../../lib/svg.js';

export const MAX_HASSE_ANTIGENS = 4;

const popcount = (g) => { let c = 0; for (let x = g; x; x &= x - 1) c++; return c; };

/** groups: rows of the result (index, antigens, frequency), all 2^n of them.
 *  patient: the bit set of the patient's group, or null. */
export function hasseDiagram(antigens, groups, patient) {
  const n = antigens.length;
  const levels = Array.from({ length: n + 1 }, () => []);
  for (const g of [...groups].sort((a, b) => a.index - b.index)) levels[popcount(g.index)].push(g);
  const width = 720, rowHeight = 92, boxWidth = 110, boxHeight = 40;
  const height = (n + 1) * rowHeight;
  const position = new Map();
  levels.forEach((row, level) => row.forEach((g, k) => {
    // Level 0 at the bottom: the group with no antigen serves everyone above it.
    position.set(g.index, { x: ((k + 0.5) * width) / row.length, y: height - (level + 0.5) * rowHeight });
  }));
  const canServe = (donor) => patient != null && (donor & ~patient) === 0;
  const edges = [];
  for (const g of groups)
    for (let a = 0; a < n; a++) {
      const up = g.index | (1 << a);
      if (up === g.index) continue;
      const from = position.get(g.index), to = position.get(up);
      const lit = canServe(g.index) && canServe(up);
      edges.push(el('line', { x1: from.x, y1: from.y - boxHeight / 2, x2: to.x, y2: to.y + boxHeight / 2,
        class: lit ? 'hasse-edge lit' : 'hasse-edge' }));
    }
  const nodes = groups.map((g) => {
    const { x, y } = position.get(g.index);
    const label = groupLabel(antigens, g.antigens);
    const cls = g.index === patient ? 'hasse-node patient' : canServe(g.index) ? 'hasse-node donor' : 'hasse-node';
    return el('g', { class: cls },
      el('title', {}, `${label}: frequency ${g.frequency.toFixed(4)}, usability ${g.usability.toFixed(4)}`),
      el('rect', { x: x - boxWidth / 2, y: y - boxHeight / 2, width: boxWidth, height: boxHeight, rx: 6 }),
      el('text', { x, y: y - 3, 'text-anchor': 'middle' }, label),
      el('text', { x, y: y + 13, 'text-anchor': 'middle', class: 'hasse-f' }, g.frequency.toFixed(3)));
  });
  const description = `Hasse diagram of the ${groups.length} blood groups over ${antigens.join(', ')}: ` +
    'each group is joined to the groups with one more antigen; a unit can be given to every group above it along the lines' +
    (patient != null ? `; the groups that can serve ${groupLabel(antigens, groups.find((g) => g.index === patient)?.antigens ?? [])} are highlighted.` : '.');
  return el('svg', { viewBox: `0 0 ${width} ${height}`, class: 'hasse', role: 'img', 'aria-label': description },
    ...edges, ...nodes);
}
