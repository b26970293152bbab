// Rendering of a `family` result: the family tree with each member's blood group (typed, or
// the most likely one and its chance), a table per system of every member's chances, and
// the probability of what was typed.
import { h } from '../../lib/dom.js';
import { scrollRegion } from '../../lib/table.js';
import { probabilityElement } from '../../lib/format.js';
import { svg } from '../../lib/svg.js';
import { generations } from './members.js';

// One format for every chance: 4 decimals, and "1 in N" beside the small ones.
const cell = (value) => h('td', { class: 'num' }, probabilityElement(value));

/** The most likely phenotype of one system for one person: [label, probability]. */
function likeliest(system, person) {
  let best = 0;
  person.phenotypes.forEach((p, i) => { if (p > person.phenotypes[best]) best = i; });
  return [system.phenotype_labels[best], person.phenotypes[best]];
}

function summaryOf(result, who) {
  return result.systems.map((s) => {
    const person = s.people[who];
    if (person.observed?.phenotype) return person.observed.phenotype;
    const [label, p] = likeliest(s, person);
    return p > 0.9999 ? label : `${label} ${Math.round(p * 100)}%`;
  }).join(' · ');
}

/** Generations top to bottom, people in list order; a line from each parent to the child. */
function tree(result, rows) {
  const depth = generations(rows);
  const levels = Math.max(...depth) + 1;
  const byLevel = Array.from({ length: levels }, () => []);
  depth.forEach((d, i) => byLevel[d].push(i));
  const w = 200, hgt = 46, gapX = 14, gapY = 44;
  const width = Math.max(...byLevel.map((l) => l.length)) * (w + gapX) + gapX;
  const at = new Map();
  byLevel.forEach((level, d) => level.forEach((i, k) => {
    const offset = (width - level.length * (w + gapX) + gapX) / 2;
    at.set(i, { x: offset + k * (w + gapX), y: gapY / 2 + d * (hgt + gapY) });
  }));
  const index = new Map(rows.map((r, i) => [r.name, i]));
  const lines = [];
  rows.forEach((r, i) => {
    for (const parent of [r.father, r.mother]) {
      const p = index.get(parent);
      if (p === undefined) continue;
      const a = at.get(p), b = at.get(i);
      lines.push(svg('line', { x1: a.x + w / 2, y1: a.y + hgt, x2: b.x + w / 2, y2: b.y, class: 'fm-line' }));
    }
  });
  const boxes = rows.map((r, i) => {
    const { x, y } = at.get(i);
    const typed = result.systems.some((s) => s.people[i].observed);
    return svg('g', { class: `fm-node${typed ? ' typed' : ''}` },
      svg('rect', { x, y, width: w, height: hgt, rx: 5 }),
      svg('text', { x: x + w / 2, y: y + 18, 'text-anchor': 'middle', class: 'fm-name' }, r.name),
      svg('text', { x: x + w / 2, y: y + 36, 'text-anchor': 'middle', class: 'fm-group' }, summaryOf(result, i)));
  });
  const height = levels * (hgt + gapY);
  return [h('div', { class: 'fm-tree-box', role: 'region', tabindex: 0, 'aria-label': 'Family tree (scrolls sideways)' },
    svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'fm-tree', role: 'img',
      'aria-label': `Family tree of ${rows.length} people; typed blood groups in bold, the others' most likely blood group with its chance` },
    ...lines, ...boxes)), treeList(result, rows)];
}

/** The tree in words, generation by generation: what a phone shows instead of the picture
 *  (too small to read there), and what a screen reader reads beside it. */
function treeList(result, rows) {
  const depth = generations(rows);
  const order = rows.map((_, i) => i).sort((a, b) => depth[a] - depth[b] || a - b);
  const parentsOf = (r) => [r.father, r.mother].filter(Boolean);
  return h('ul', { class: 'fm-tree-list', 'aria-label': 'The family, generation by generation' },
    order.map((i) => {
      const r = rows[i];
      const typed = result.systems.some((s) => s.people[i].observed);
      return h('li', { class: typed ? 'typed' : '' }, h('strong', {}, r.name),
        parentsOf(r).length ? h('span', { class: 'hint' }, ` (child of ${parentsOf(r).join(' and ')})`) : '',
        typed ? `, typed ${r.group.trim()}` : '', `: ${summaryOf(result, i)}`);
    }));
}

export function renderFamily(container, result, warnings, { rows }) {
  container.replaceChildren(
    h('h2', {}, `A family of ${rows.length}`),
    warnings.length ? h('div', { class: 'warnings', role: 'note' }, h('h3', {}, 'Warnings'),
      h('ul', {}, warnings.map((w) => h('li', {}, w.message)))) : '',
    h('p', {}, 'Each person shows the blood group typed (marked in red), or the most likely one with its chance. ',
      'The chance of the typed blood groups all together in such a family: ', probabilityElement(result.probability, { about: true }), '.'),
    ...tree(result, rows),
    ...result.systems.map((s) => h('section', { class: 'fm-system', 'data-system': s.id },
      h('h3', {}, `${s.name}: each member’s chances`),
      scrollRegion(`${s.name}: each member’s chances`,
        h('table', { class: 'result-table cards fm-table' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Person'), h('th', { scope: 'col' }, 'Typed'),
            s.phenotype_labels.map((l) => h('th', { scope: 'col' }, l)))),
          h('tbody', {}, s.people.map((p) => h('tr', {}, h('th', { scope: 'row' }, p.id),
            h('td', {}, p.observed ? [p.observed.phenotype, p.observed.genotype].filter(Boolean).join(', ') : '—'),
            p.phenotypes.map((v) => cell(v))))))),
      h('details', {}, h('summary', {}, `${s.name}: genotypes`),
        scrollRegion(`${s.name}: genotypes`,
          h('table', { class: 'result-table cards' },
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Person'), s.genotype_labels.map((l) => h('th', { scope: 'col' }, l)))),
            h('tbody', {}, s.people.map((p) => h('tr', {}, h('th', { scope: 'row' }, p.id), p.genotypes.map((v) => cell(v)))))))))),
    h('p', { class: 'hint' }, 'Populations: ', result.systems.map((s) => `${s.name}: ${s.population?.name ?? 'your frequencies'}`).join('; '),
      `. Founders (people whose parents are not listed) are drawn from the population. Genotype model: ${result.model.replace('_', ' ')}.`),
    ...(result.notes ?? []).map((n) => h('p', { class: 'note fm-note', 'data-code': n.code }, n.message)),
    h('p', { class: 'note' }, 'Population probabilities for donor recruitment and teaching. They neither establish nor exclude parentage.'));
  return {
    destroy() {},
    csv: () => [['person', ...result.systems.flatMap((s) => s.phenotype_labels.map((l) => `${s.id}:${l}`))],
      ...rows.map((r, i) => [r.name, ...result.systems.flatMap((s) => s.people[i].phenotypes)])],
    csvName: 'rbcmatch-family.csv',
  };
}
