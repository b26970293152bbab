// The allocation as a picture (thesis Fig. 6.2): the stock entries (i, r) on the left, the
// requests j on the right, a line per compatible pair that carries units, with the units on
// it. Solid: the same in every least-cost allocation; dashed: one choice among several.
// Identical and compatible lines differ in colour and in their tooltip, and the table beside
// the picture says the same in words. SVG elements built one by one (no innerHTML).
import { groupLabel } from '../../lib/blood-group.js';
import { svg as el } from '../../lib/svg.js';

export const MAX_PICTURE_STOCK = 12;
export const MAX_PICTURE_REQUESTS = 8;

/** The picture for a result, or null when it has too many rows to read as one. Stock
 *  entries without units are left out. narrow: drawn for a phone's width (340 units wide,
 *  each box's count on a second line), so its words stay about 11 px high there. */
export function allocationPicture(result, { narrow = false } = {}) {
  const label = (group) => groupLabel(result.antigens, group);
  const stock = result.stock.map((s, k) => ({ ...s, k })).filter((s) => s.units > 0);
  const requests = result.requests.map((q, m) => ({ ...q, m }));
  if (!stock.length || !requests.length || stock.length > MAX_PICTURE_STOCK || requests.length > MAX_PICTURE_REQUESTS) return null;
  const [width, row, top, boxWidth, boxHeight] = narrow ? [340, 46, 34, 118, 36] : [640, 40, 34, 176, 28];
  const height = top + Math.max(stock.length, requests.length) * row;
  const left = 12, right = width - 12 - boxWidth;
  // Each side centred in the height, so a short side is not squeezed to the top.
  const y = (i, n) => top + (height - top - n * row) / 2 + (i + 0.5) * row;
  const stockY = new Map(stock.map((s, i) => [s.k, y(i, stock.length)]));
  const requestY = new Map(requests.map((q, i) => [q.m, y(i, requests.length)]));
  // Lines leave an entry, and reach a request, at points spread over the box's edge (in the
  // order of the other ends), so lines that share an end can be told apart.
  const flows = result.allocation.filter((f) => stockY.has(f.stock));
  const port = (key, other, yOf) => {
    const ends = new Map();
    for (const f of flows) ends.set(f[key], [...(ends.get(f[key]) ?? []), f]);
    return (f) => {
      const mine = ends.get(f[key]).sort((a, b) => yOf(a[other]) - yOf(b[other]));
      const gap = Math.min(7, (boxHeight - 8) / Math.max(1, mine.length - 1));
      return (mine.indexOf(f) - (mine.length - 1) / 2) * gap;
    };
  };
  const fromPort = port('stock', 'request', (m) => requestY.get(m));
  const toPort = port('request', 'stock', (k) => stockY.get(k));
  const segments = flows.map((f) => [left + boxWidth, stockY.get(f.stock) + fromPort(f), right, requestY.get(f.request) + toPort(f)]);
  // Each line's units at the point along it farthest from the other lines and the labels
  // placed so far (the middle on a tie).
  const distance = ([px, py], [x1, y1, x2, y2]) => {
    const t = Math.max(0, Math.min(1, ((px - x1) * (x2 - x1) + (py - y1) * (y2 - y1)) / ((x2 - x1) ** 2 + (y2 - y1) ** 2)));
    return Math.hypot(px - (x1 + t * (x2 - x1)), py - (y1 + t * (y2 - y1)));
  };
  const placed = [];
  const labelAt = (i) => {
    const [x1, y1, x2, y2] = segments[i];
    let best = null;
    for (let t = 0.15; t <= 0.851; t += 0.05) {
      const spot = [x1 + t * (x2 - x1), y1 + t * (y2 - y1)];
      const clear = Math.min(40, ...placed.map((p) => Math.hypot(p[0] - spot[0], p[1] - spot[1]) / 1.5),
        ...segments.filter((_, j) => j !== i).map((seg) => distance(spot, seg)));
      const score = clear - Math.abs(t - 0.5) * 4;
      if (!best || score > best.score) best = { spot, score };
    }
    placed.push(best.spot);
    return best.spot;
  };
  const lines = [], labels = [];
  flows.forEach((f, i) => {
    const s = result.stock[f.stock], q = result.requests[f.request];
    const identical = s.group.join() === q.group.join();
    const [x1, y1, x2, y2] = segments[i];
    const [lx, ly] = labelAt(i);
    const words = `${f.units} ${f.units === 1 ? 'unit' : 'units'} of ${label(s.group)}, r = ${s.residual_shelf_life}, to ${label(q.group)}: ` +
      `${identical ? 'identical' : 'compatible'}${f.fixed ? '' : '; one choice among several'}`;
    const cls = `al-edge ${identical ? 'identical' : 'compatible'}${f.fixed ? '' : ' varying'}`;
    // Labels after every line, so no line crosses a label.
    lines.push(el('g', { class: cls }, el('title', {}, words), el('line', { x1, y1, x2, y2 })));
    labels.push(el('g', { class: cls }, el('title', {}, words),
      el('circle', { cx: lx, cy: ly, r: 10 }),
      el('text', { x: lx, y: ly + 4, 'text-anchor': 'middle' }, f.units)));
  });
  const node = (x, yy, text, sub, cls) => el('g', { class: `al-node ${cls}` },
    el('rect', { x, y: yy - boxHeight / 2, width: boxWidth, height: boxHeight, rx: 5 }),
    narrow ? el('text', { x: x + 8, y: yy - 3 }, text, el('tspan', { class: 'al-node-sub', x: x + 8, dy: 14 }, sub))
      : el('text', { x: x + 8, y: yy + 5 }, text, el('tspan', { class: 'al-node-sub' }, `  ${sub}`)));
  const stockNodes = stock.map((s) => node(left, stockY.get(s.k), `${label(s.group)}, r = ${s.residual_shelf_life}`,
    `${s.issued}/${s.units} issued`, 'stock'));
  const requestNodes = requests.map((q) => node(right, requestY.get(q.m), label(q.group),
    `${q.delivered}/${q.units} met`, q.shortage ? 'request short' : 'request'));
  const description = `The allocation as a picture: ${stock.length} stock entries on the left, ${requests.length} requests on the right, ` +
    `a line for each pair that carries units, with the number of units on it. The table “Units issued” says the same in words.`;
  return el('svg', { viewBox: `0 0 ${width} ${height}`, class: `al-picture ${narrow ? 'narrow' : 'wide'}`, role: 'img', 'aria-label': description },
    el('text', { x: left, y: 16, class: 'al-side' }, 'Stock (group, r)'),
    el('text', { x: right + boxWidth, y: 16, class: 'al-side', 'text-anchor': 'end' }, 'Requests'),
    ...lines, ...labels, ...stockNodes, ...requestNodes);
}
