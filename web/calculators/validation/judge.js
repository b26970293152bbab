// Judging a computed result against a reference value of tests/reference/*.json; shared by
// the Validation tab and scripts/gen-validation-doc.mjs (no DOM here).
//
// A value: {name, path (JSON pointer into the result), published, tolerance | compare:
// "at_most" | "at_least", label?: {path, equals}}; `label` checks the pointer still names what the
// source printed.

/** The value at a JSON pointer ("/least_squares/x/3"), or undefined. */
export function atPointer(value, pointer) {
  return pointer.split('/').slice(1).map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((v, key) => (v == null ? undefined : v[key]), value);
}

/** {computed, ok, difference, allowed} for one reference value against a result. */
export function judge(value, result) {
  const computed = atPointer(result, value.path);
  const labelOk = !value.label || atPointer(result, value.label.path) === value.label.equals;
  if (typeof computed !== 'number') return { computed, ok: false, difference: null, allowed: '' };
  if (value.compare === 'at_most') return { computed, ok: labelOk && computed <= value.published, difference: computed - value.published, allowed: `at most ${value.published}` };
  if (value.compare === 'at_least') return { computed, ok: labelOk && computed >= value.published, difference: computed - value.published, allowed: `at least ${value.published}` };
  const difference = computed - value.published;
  return { computed, ok: labelOk && Math.abs(difference) <= value.tolerance + 1e-12, difference, allowed: `± ${value.tolerance}` };
}
