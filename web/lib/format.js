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

/** A <span> (or given tag) showing the rounded number with the exact value as its title. */
export function numberElement(value, { decimals = 4, tag = 'span' } = {}) {
  const el = document.createElement(tag);
  el.textContent = formatNumber(value, decimals);
  if (typeof value === 'number') el.title = String(value);
  el.classList.add('num');
  return el;
}

/** "1 iteration", "2 iterations": a count with its noun, singular for exactly 1. */
export function countOf(n, singular, plural = `${singular}s`) {
  return `${n} ${n === 1 ? singular : plural}`;
}
