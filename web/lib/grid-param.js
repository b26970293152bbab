// A grid in the link: rows separated by ";", cells by ":" ("O:0:4;A:2:5"), in the order of the
// grid's columns. grid = {field: the link's parameter ("stock"), row: what a row is called
// ("stock row"), columns: [...], param: the form a row takes ("group:r:units")}. A column's
// show(value), if it has one, gives the words a grid shows for the link's value (the link
// keeps the API's "sickle_cell", the box shows "sickle cell").

/** The rows a link gives: {rows, problems} (a part with the wrong number of values is a problem). */
export function readGridParam(grid, text) {
  const rows = [], problems = [];
  const parts = text.split(';').map((p) => p.trim());
  if (parts.length === 1 && parts[0] === '') return { rows, problems };
  parts.forEach((part, k) => {
    const cells = part.split(':').map((c) => c.trim());
    if (cells.length !== grid.columns.length) problems.push(`${capital(grid.row)} ${k + 1}: “${part}” is not ${grid.param}`);
    else rows.push(cells);
  });
  return { rows, problems };
}

const capital = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/** Fills a grid editor ({grid, setRows(rows)}) from the link; returns what does not read. */
export function restoreGrid(editor, params) {
  const { grid } = editor;
  const text = params.get(grid.field);
  const { rows, problems } = readGridParam(grid, text ?? '');
  editor.setRows(rows.map((cells) => cells.map((cell, i) => grid.columns[i].show?.(cell) ?? cell)));
  return text == null ? [`The link gives no ${grid.field} (${grid.field}=${grid.param};…)`, ...problems] : problems;
}
