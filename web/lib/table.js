// Tables that read on a phone. A wide table with the class `cards` becomes, below 40rem
// (web/style.css), one card per row: the row's first cell as its title, every other cell
// under its column's heading. For that each cell carries its heading as data-label; the
// CSS shows it with empty alternative text, so a screen reader, which still has the table
// and its headings, does not hear it twice. The same pass right-aligns the heading of a
// column of numbers, as its numbers are.

import { h } from './dom.js';

/**
 * A wide table's frame, which scrolls sideways when the table is wider than the screen. It
 * takes the keyboard focus, so that arrow keys scroll it, and so is a named region (axe:
 * scrollable-region-focusable); `label` says what the table holds.
 */
export const scrollRegion = (label, ...children) =>
  h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': label }, ...children);

/** The heading words of a column heading: its own data-label, else its text without the sort arrows. */
const headingText = (th) => th.dataset.label ?? th.textContent.replace(/[▲▼]/g, '').trim();

/**
 * Label every body and foot cell of `table` with its column's heading (colspan and rowspan
 * taken into account; a cell over several columns gets none), and give the heading of a
 * column whose cells are all numbers (class num) the class num. Returns the table.
 */
export function labelCells(table) {
  const head = table.tHead?.rows;
  if (!head?.length) return table;
  const headings = [];
  for (const th of head[head.length - 1].cells) for (let k = 0; k < th.colSpan; k++) headings.push(th);
  const columns = headings.map(() => []);
  for (const section of [...table.tBodies, table.tFoot].filter(Boolean)) {
    const covered = []; // per column: rows of this section still covered by a cell above
    for (const row of section.rows) {
      let column = 0;
      for (const cell of row.cells) {
        while (covered[column] > 0) column++;
        const heading = headings[column];
        if (cell.colSpan === 1 && heading) {
          const label = headingText(heading);
          if (label && !cell.hasAttribute('data-label')) cell.dataset.label = label;
          if (section !== table.tFoot) columns[column].push(cell);
        }
        for (let k = 0; k < cell.colSpan; k++) covered[column + k] = cell.rowSpan;
        column += cell.colSpan;
      }
      for (let k = 0; k < covered.length; k++) if (covered[k] > 0) covered[k]--;
    }
  }
  headings.forEach((th, column) => {
    if (th.colSpan === 1 && columns[column].length && columns[column].every((cell) => cell.classList.contains('num'))) th.classList.add('num');
  });
  return table;
}

/** labelCells for every table inside `root`. */
export function labelTables(root) {
  for (const table of root.querySelectorAll('table')) labelCells(table);
}
