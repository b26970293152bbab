// SVG built element by element, as dom.js's h() builds HTML (no innerHTML): the pictures
// of the Frequencies (Hasse diagram) and Allocation tabs.
const NS = 'http://www.w3.org/2000/svg';

/** svg('line', {x1: 0, ...}, child, 'text') -> SVGElement */
export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, String(v));
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}
