// The Allocation tab's two grids, stock and requests, as data: reading every cell the way
// staff write it (groups in staff notation, whole numbers with a decimal comma allowed),
// refusing a (group, r) pair or a requested group given twice (the API would, thesis sec.
// 6.3.1: V1 and V2 are sets), and both grids in the link and in CSV files. No DOM here.
//
// A grid's rows are arrays of cell texts, in the order of its columns.
import Papa from 'papaparse';
import { checkNumber, parseNumber } from '../../lib/numbers.js';
import { groupLabel, readGroup } from '../../lib/blood-group.js';

// A group cell says how it was read when that is not what was typed ("A+" over A, B, D: A D+).
const GROUP = { key: 'group', name: 'blood group', heading: 'Blood group',
  reading: (text, { antigens }) => {
    const g = String(text ?? '').trim() && readGroup(text, antigens, { complete: true });
    return g && !g.error ? groupLabel(antigens, g.present) : '';
  } };
const UNITS = { key: 'units', name: 'units', heading: 'Units' };
const DAYS = { key: 'residual_shelf_life', name: 'residual shelf life', heading: 'r (days)' };

/** The stock V1: s_ir units of group i with residual shelf life r (Fig. 6.2). */
export const STOCK = { field: 'stock', row: 'stock row', columns: [GROUP, DAYS, UNITS], param: 'group:r:units' };
/** The requests V2: d_j units of group j. */
export const REQUESTS = { field: 'requests', row: 'request row', columns: [GROUP, UNITS], param: 'group:units' };
export const GRIDS = [STOCK, REQUESTS];

/**
 * One cell read: {value} or {error} (a message in the user's words).
 * context = {antigens, maxShelfLife}: the groups' antigens; R, the most days r may be (or
 * undefined while R itself is wrong).
 */
export function readCell(column, text, { antigens, maxShelfLife }) {
  const t = String(text ?? '').trim();
  if (column.key === 'group') {
    if (t === '') return { error: 'enter a blood group' };
    const g = readGroup(t, antigens, { complete: true });
    return g.error ? { error: g.error } : { value: g.present };
  }
  if (t === '') return { error: column.key === 'units' ? 'enter a number of units' : 'enter a number of days' };
  const error = checkNumber(t, { min: 0, type: 'integer' });
  if (error) return { error };
  const value = parseNumber(t);
  if (column.key === 'residual_shelf_life' && maxShelfLife != null && value > maxShelfLife) {
    return { error: `must be ≤ R = ${maxShelfLife}, the maximum shelf life` };
  }
  return { value };
}

const pairKey = (grid, entry) => (grid === STOCK ? `${entry.group.join(',')}|${entry.residual_shelf_life}` : entry.group.join(','));

/**
 * Every row of a grid read: {entries: request entries (null for a row with an error),
 * errors: [{row, key, message}]} where key is a column's key, or null for the whole row
 * (a pair given twice).
 */
export function readRows(grid, rows, context) {
  const errors = [];
  const first = new Map();
  const entries = rows.map((cells, row) => {
    const entry = {};
    let ok = true;
    grid.columns.forEach((column, c) => {
      const { value, error } = readCell(column, cells[c], context);
      if (error) { errors.push({ row, key: column.key, message: error }); ok = false; } else entry[column.key] = value;
    });
    // A pair given twice is said as soon as the pair reads, whatever the units.
    if (entry.group && (grid !== STOCK || entry.residual_shelf_life != null)) {
      const key = pairKey(grid, entry);
      if (first.has(key)) {
        const what = grid === STOCK ? 'blood group and residual shelf life' : 'blood group';
        errors.push({ row, key: null, message: `Same ${what} as row ${first.get(key) + 1}: give each once (add their units together)` });
        return null;
      }
      first.set(key, row);
    }
    return ok ? entry : null;
  });
  return { entries, errors };
}

/** The user's name for a request path of the allocate operation ("units of stock row 3"). */
export function fieldLabel(path) {
  const m = path.match(/^(stock|requests)\[(\d+)\](?:\.(\w+))?$/);
  if (m) {
    const grid = GRIDS.find((g) => g.field === m[1]);
    const row = `${grid.row} ${Number(m[2]) + 1}`;
    if (!m[3]) return row;
    const column = grid.columns.find((c) => c.key === m[3]);
    return column ? `${column.name} of ${row}` : row;
  }
  return {
    stock: 'the stock', requests: 'the requests', antigens: 'the antigens',
    max_shelf_life: 'the maximum shelf life R', gamma: 'γ, the weight of the opportunity loss',
  }[path];
}

// ---- the link: stock=O:0:4;A:2:5  requests=O:2;AB:2 ------------------------------------

/** A grid's entries for the link: "group:r:units;…" with groups as staff write them. */
export function formatGridParam(grid, entries, antigens) {
  return entries.map((e) => grid.columns.map((c) => (c.key === 'group' ? groupLabel(antigens, e.group) : e[c.key])).join(':')).join(';');
}

// ---- CSV ------------------------------------------------------------------------------

/**
 * A grid from a CSV file or a paste from a spreadsheet (comma, semicolon or tab separated;
 * decimal commas; quotes as papaparse reads them). Columns in the grid's order; a first row
 * whose last cell is not a number is a header. Every bad line is reported by its number,
 * never dropped: {rows: string[][] (the cells, trimmed), errors: [{line, message}]}.
 */
export function readGridCsv(grid, text, context) {
  const delimiter = text.includes('\t') ? '\t' : text.includes(';') ? ';' : ',';
  // Empty lines are kept (and skipped below) so that row r is line r + 1 of the file.
  const parsed = Papa.parse(text.trimEnd(), { delimiter, skipEmptyLines: false });
  const errors = parsed.errors.filter((e) => e.type !== 'FieldMismatch')
    .map((e) => ({ line: (e.row ?? 0) + 1, message: e.message }));
  const n = grid.columns.length;
  const rows = [], lines = [];
  let first = true;
  parsed.data.forEach((row, r) => {
    const line = r + 1;
    const cells = row.map((c) => String(c).trim());
    if (cells.every((c) => c === '')) return;
    const header = first && !Number.isFinite(parseNumber(cells[n - 1]));
    first = false;
    if (header) return;
    if (cells.length < n || cells.slice(n).some((c) => c !== '')) {
      errors.push({ line, message: `needs ${n} cells, ${grid.columns.map((c) => c.name).join(', ')} (got “${row.join(', ')}”)` });
      return;
    }
    rows.push(cells.slice(0, n));
    lines.push(line);
  });
  // Cells and pairs given twice, by the file's lines (a grid may bring its own reader: the
  // Matching tab's grids).
  for (const e of (grid.readRows ?? readRows)(grid, rows, context).errors) {
    const column = grid.columns.find((c) => c.key === e.key);
    const message = column ? `${column.name} “${rows[e.row][grid.columns.indexOf(column)]}”: ${e.message}`
      : e.message.replace(/row (\d+)/, (_, k) => `line ${lines[Number(k) - 1]}`);
    errors.push({ line: lines[e.row], message });
  }
  errors.sort((a, b) => a.line - b.line);
  return { rows, errors };
}

/** Rows for toCsv: a header, then the grid's rows as they stand. */
export function gridCsvRows(grid, rows) {
  return [grid.columns.map((c) => c.key), ...rows];
}

// ---- the antigens --------------------------------------------------------------------

/**
 * The antigens as typed ("A, B, D" or "A B D"), in order: {antigens} or {error}; every name
 * must be one of `known` (the built-in systems' antigens), once.
 */
export function readAntigens(text, known) {
  const names = String(text ?? '').split(/[\s,;]+/).filter(Boolean);
  if (!names.length) return { error: 'choose at least one antigen' };
  const unknown = names.filter((a) => !known.includes(a));
  if (unknown.length) {
    return { error: `${unknown.map((a) => `“${a}”`).join(', ')} ${unknown.length === 1 ? 'is not an antigen' : 'are not antigens'} of the built-in systems (${known.join(', ')})` };
  }
  const twice = names.filter((a, i) => names.indexOf(a) !== i);
  if (twice.length) return { error: `${[...new Set(twice)].join(', ')} given twice` };
  return { antigens: names };
}
