// Reading numbers the way people type and paste them: "0.25", "0,25" (decimal comma),
// " 0.25 " or "0.25\t" from a spreadsheet cell, "2.5e-3", "25%".

// "1,000" or "12,500": a thousands separator (1000) or a decimal comma (1)? Refused, not guessed.
const COMMA_OR_THOUSANDS = /^[+-]?[1-9]\d{0,2},\d{3}%?$/;
// In a whole-number field "1.000" is no decimal either: a thousands separator too.
const GROUPED = /^[+-]?\d{1,3}([.,]\d{3})+$/;
const squeeze = (text) => String(text ?? '').replace(/[\s\u00a0\u202f]/g, '');

/** The number in `text`, or NaN. A lone comma is a decimal comma; thousands separators are refused. */
export function parseNumber(text) {
  let t = squeeze(text);
  if (t === '' || COMMA_OR_THOUSANDS.test(t)) return NaN;
  let scale = 1;
  if (t.endsWith('%')) { scale = 0.01; t = t.slice(0, -1); }
  if (/^[+-]?\d*,\d+$/.test(t)) t = t.replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return NaN;
  return Number(t) * scale;
}

/** '' if `text` is a number within the limits, else a plain-language message. */
export function checkNumber(text, { min, max, type } = {}) {
  if (String(text ?? '').trim() === '') return 'enter a number';
  const t = squeeze(text);
  if (COMMA_OR_THOUSANDS.test(t) || (GROUPED.test(t) && (type === 'integer' || !Number.isFinite(parseNumber(t))))) {
    return `is it ${t.replace(/[.,]/g, '')} or a decimal? Write it without a thousands separator (a decimal with a point)`;
  }
  const value = parseNumber(text);
  if (!Number.isFinite(value)) return 'not a number';
  if (min != null && value < min) return `must be ≥ ${min}`;
  if (max != null && value > max) return `must be ≤ ${max}`;
  if (type === 'integer' && !Number.isInteger(value)) return 'must be a whole number';
  return '';
}
