// A phenotype frequency table as CSV, both ways: read a file or a paste from a spreadsheet
// (comma, semicolon or tab separated; decimal commas; "44%"), checking every cell and
// naming the line of every bad row; write the table for a spreadsheet. Parsing (quotes,
// delimiters) is papaparse's.
import Papa from 'papaparse';
import { parseNumber } from './numbers.js';

/**
 * phenotypes: [{label}] in the system's order.
 * Returns {values: number[] aligned with phenotypes (phenotypes not in the file are 0),
 *          missing: labels not in the file, errors: [{line, message}]}.
 * Rows: "label, frequency". A first row whose frequency cell is not a number is a header.
 */
export function readPhenotypeCsv(text, phenotypes, systemName = 'this system') {
  // A spreadsheet's paste is tab separated; a semicolon file usually has decimal commas.
  const delimiter = text.includes('\t') ? '\t' : text.includes(';') ? ';' : ',';
  // Empty lines are kept (and skipped below) so that row r is line r + 1 of the file.
  const parsed = Papa.parse(text.trimEnd(), { delimiter, skipEmptyLines: false });
  // Rows of the wrong length are this module's to report, in the user's words.
  const errors = parsed.errors.filter((e) => e.type !== 'FieldMismatch')
    .map((e) => ({ line: (e.row ?? 0) + 1, message: e.message }));
  const byLabel = new Map(phenotypes.map((p, i) => [p.label, i]));
  // Labels as typed may differ in case or spaces: "fy(a-b+)" for "Fy(a-b+)".
  const loose = (s) => s.replace(/\s+/g, '').toLowerCase();
  const byLoose = new Map(phenotypes.map((p, i) => [loose(p.label), i]));
  const values = phenotypes.map(() => 0);
  const seen = new Map();
  let first = true;
  parsed.data.forEach((row, r) => {
    const line = r + 1;
    let cells = row.map((c) => String(c).trim());
    if (cells.every((c) => c === '')) return;
    // "O,0,44": a decimal comma in a comma-separated file splits the number; with two columns
    // there is only one reading.
    if (cells.length === 3 && /^\d+$/.test(cells[1]) && /^\d+%?$/.test(cells[2])) cells = [cells[0], `${cells[1]},${cells[2]}`];
    const header = first && cells.length >= 2 && !Number.isFinite(parseNumber(cells[1]));
    first = false;
    if (header) return;
    if (cells.length < 2 || cells[1] === '') { errors.push({ line, message: `needs a phenotype and a frequency (got “${row.join(', ')}”)` }); return; }
    if (cells.slice(2).some((c) => c !== '')) { errors.push({ line, message: `has more than two cells (“${row.join(', ')}”)` }); return; }
    const index = byLabel.get(cells[0]) ?? byLoose.get(loose(cells[0]));
    if (index == null) {
      errors.push({ line, message: `“${cells[0]}” is not a phenotype of ${systemName} (${phenotypes.map((p) => p.label).join(', ')})` });
      return;
    }
    const value = parseNumber(cells[1]);
    if (!Number.isFinite(value)) { errors.push({ line, message: `“${cells[1]}” is not a number` }); return; }
    if (value < 0 || value > 1) { errors.push({ line, message: `the frequency of ${phenotypes[index].label} must be from 0 to 1 (got ${cells[1]})` }); return; }
    if (seen.has(index)) { errors.push({ line, message: `${phenotypes[index].label} is listed again (first on line ${seen.get(index)})` }); return; }
    seen.set(index, line);
    values[index] = value;
  });
  errors.sort((a, b) => a.line - b.line);
  return { values, missing: phenotypes.filter((_, i) => !seen.has(i)).map((p) => p.label), errors };
}

/** Rows for toCsv: a header, then one row per phenotype. */
export function phenotypeCsvRows(phenotypes, values) {
  return [['phenotype', 'frequency'], ...phenotypes.map((p, i) => [p.label, values[i]])];
}
