// Number display: rounded for reading, full value kept in a title attribute (DESIGN: every
// number explained). Tiny and huge values switch to exponent notation so 1e-9 is not "0.0000".

/** Rounded text for a number: 4 decimals by default, exponent form outside [1e-3, 1e6), '≈ 0' below 1e-12. */
export function formatNumber(value, decimals = 4) {
  if (value == null) return '—';
  if (typeof value !== 'number') return String(value);
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  // Below 1e-12 a frequency is rounding noise of a double computation (e.g. 4e-17), not information.
  if (magnitude < 1e-12) return '≈ 0';
  if (magnitude < 1e-3 || magnitude >= 1e6) return value.toExponential(2);
  return Number.isInteger(value) ? String(value) : value.toFixed(decimals);
}

const SUPERSCRIPT = { '-': '\u207b', 0: '\u2070', 1: '\u00b9', 2: '\u00b2', 3: '\u00b3', 4: '\u2074', 5: '\u2075', 6: '\u2076', 7: '\u2077', 8: '\u2078', 9: '\u2079' };

/**
 * A number as a power of ten with a real superscript, in plain text so it works in tables,
 * sentences and chart labels alike (a canvas draws no <sup>): 1e-4 -> "10⁻⁴", 2.5e-5 -> "2.5 × 10⁻⁵";
 * `digits` significant digits of the mantissa.
 */
export function formatPowerOfTen(value, digits = 2) {
  if (value == null) return '—';
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
  const power = `10${[...String(Number(exponent))].map((c) => SUPERSCRIPT[c]).join('')}`;
  const m = String(Number(mantissa));
  return m === '1' ? power : m === '-1' ? `\u2212${power}` : `${m.replace('-', '\u2212')} \u00d7 ${power}`;
}

/** A <span> (or given tag) showing the rounded number with the exact value as its title; `fixed`: formatFixed, for a column. */
export function numberElement(value, { decimals = 4, tag = 'span', fixed = false } = {}) {
  const el = document.createElement(tag);
  el.textContent = fixed ? formatFixed(value, decimals) : formatNumber(value, decimals);
  if (typeof value === 'number') el.title = String(value);
  el.classList.add('num');
  return el;
}

/** "1 iteration", "2 iterations": a count with its noun, singular for exactly 1. */
export function countOf(n, singular, plural = `${singular}s`) {
  return `${n} ${n === 1 ? singular : plural}`;
}

// Probabilities in result tables: one format per column. Every value has the same number of
// decimals (1.0000 beside 0.9999, not "1"), and a small one, whose decimals keep at most one
// digit, is carried by "1 in N" beside them rather than by exponent notation.
const SMALL = 1e-3;
const NOISE = 1e-12;  // below this a probability is a double computation's rounding, 0

/** A value with exactly `decimals` places ("-0.0000" read as 0.0000); '—' for null. */
export function formatFixed(value, decimals = 4) {
  if (value == null) return '—';
  if (!Number.isFinite(value)) return String(value);
  const text = value.toFixed(decimals);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** "1 in 1 850": 1 / p to three significant digits, thousands apart by a narrow space; null for p <= 0. */
export function oneIn(p) {
  if (!(p > 0)) return null;
  const n = 1 / p;
  const digits = n < 1000 ? 21 : 3;
  return `1 in ${new Intl.NumberFormat('en', { maximumSignificantDigits: digits, maximumFractionDigits: 0 })
    .format(Math.round(n)).replace(/,/g, '\u202f')}`;
}

// The rounded text of a probability, and "1 in N" when it is small (else null).
function probabilityParts(p, decimals) {
  const noise = p != null && Math.abs(p) < NOISE;
  return { text: formatFixed(noise ? 0 : p, decimals), small: p > NOISE && p < SMALL ? oneIn(p) : null };
}

/** "0.0005 (about 1 in 1 850)" below 0.001, else "0.2500"; '—' for null. */
export function formatProbability(p, decimals = 4) {
  const { text, small } = probabilityParts(p, decimals);
  return small ? `${text} (about ${small})` : text;
}

/** formatProbability as elements: the rounded value in a span.num (exact value in its title), then "(1 in N)",
 *  or "(about 1 in N)" with `about` (in a sentence). */
export function probabilityElement(p, { decimals = 4, about = false } = {}) {
  const { text, small } = probabilityParts(p, decimals);
  const value = document.createElement('span');
  value.classList.add('num');
  value.textContent = text;
  if (typeof p === 'number') value.title = String(p);
  if (!small) return value;
  const note = document.createElement('span');
  note.classList.add('one-in');
  note.textContent = ` (${about ? 'about ' : ''}${small})`;
  const both = document.createElement('span');
  both.append(value, note);
  return both;
}
