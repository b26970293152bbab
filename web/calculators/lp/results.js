// Rendering of an `lp` result: the status in words, the objective, the variables (value,
// reduced cost, objective-coefficient range) and the constraints (activity, dual, activity
// range), what a MathProg model printed, the model as CPLEX LP text to download, and CSV.
import { h } from '../../lib/dom.js';
import { scrollRegion } from '../../lib/table.js';

/** A number as people write it: at most 6 decimals, no trailing zeros, exponent form when
 * tiny or huge; the exact value in the title. */
export function lpNumber(value) {
  const el = document.createElement('span');
  el.classList.add('num');
  if (value == null) { el.textContent = '—'; return el; }
  el.title = String(value);
  const magnitude = Math.abs(value);
  el.textContent = value === 0 ? '0' : magnitude < 1e-12 ? '≈ 0'
    : magnitude < 1e-4 || magnitude >= 1e9 ? value.toExponential(3) : String(Number(value.toFixed(6)));
  return el;
}

const STATUS = {
  optimal: 'Optimal solution found.',
  infeasible: 'No solution: the constraints cannot all be met (infeasible).',
  unbounded: 'No optimum: the constraints can be met, but the objective improves without limit (unbounded).',
  primal_and_dual_infeasible: 'No solution: the constraints cannot all be met (infeasible). Even with bounds that can be met, '
    + 'the objective would improve without limit: its dual is infeasible too.',
  undefined: 'GLPK could not decide whether the problem has a solution.',
  feasible: 'An integer solution, not proven optimal: the time limit stopped branch and bound.',
  time_limit: 'No integer solution was found within the time limit.',
};
// The relaxation's status, in a phrase (it is an LP: never feasible).
const RELAXATION = {
  optimal: 'optimal', infeasible: 'infeasible', unbounded: 'unbounded',
  primal_and_dual_infeasible: 'infeasible, and its dual too', undefined: 'undecided by GLPK',
  time_limit: 'stopped by the time limit before its optimum',
};
const BASIS = { basic: 'basic', at_lower: 'at lower bound', at_upper: 'at upper bound', free: 'free (non-basic)', fixed: 'fixed' };

const num = (value) => h('td', { class: 'num' }, lpNumber(value));
const col = (text, numeric = false) => h('th', { scope: 'col', class: numeric ? 'num' : '' }, text);
/** A range [low, high]; null ends are unlimited. */
const rangeText = (pair, unit = '') => (pair ? `${pair[0] == null ? '−∞' : fmt(pair[0])} to ${pair[1] == null ? '+∞' : fmt(pair[1])}${unit}` : '—');
const fmt = (x) => lpNumber(x).textContent;
const bound = (value, infinite) => (value == null ? infinite : fmt(value));

function table(id, label, headings, rows) {
  return scrollRegion(`${label}`,
    h('table', { class: 'result-table cards titled lp-table', id },
      h('thead', {}, h('tr', {}, headings)),
      h('tbody', {}, rows)));
}

// Without a solution (infeasible, unbounded, no integer point in time) there are no values:
// GLPK's last point is no answer, so the value and activity columns are left out.
function variablesTable(result, lp, solved) {
  const headings = [col('Variable'), ...(solved ? [col('Value', true)] : []), ...(lp ? [col('Reduced cost', true), col('Basis')] : [col('Integer')]),
    col('Bounds'), col('Cost coefficient', true), ...(lp ? [col('Cost coefficient range (basis stays optimal)')] : [])];
  const rows = result.variables.map((v) => h('tr', {},
    h('th', { scope: 'row' }, v.name), ...(solved ? [num(v.value)] : []),
    ...(lp ? [num(v.reduced_cost), h('td', {}, BASIS[v.status] ?? '—')] : [h('td', {}, v.integer ? 'yes' : '')]),
    h('td', {}, `${bound(v.lower, '−∞')} to ${bound(v.upper, '+∞')}`), num(v.objective_coefficient),
    ...(lp ? [h('td', {}, rangeText(v.ranging?.objective_coefficient))] : [])));
  return table('lp-variables', 'Variables', headings, rows);
}

function constraintsTable(result, lp, solved) {
  const headings = [col('Constraint'), ...(solved ? [col('Activity', true)] : []), ...(lp ? [col('Dual (shadow price)', true), col('Basis'),
    col('Activity range (dual stays valid)'), col('Objective at the range’s ends')] : []), col('Bounds')];
  const rows = result.constraints.map((c) => h('tr', {},
    h('th', { scope: 'row' }, c.name), ...(solved ? [num(c.activity)] : []),
    // A basic row is at no bound: no bound of it prices the objective, so no range is shown
    // (glpsol prints its value at the cost-coefficient break points there; the CSV has it).
    ...(lp ? [num(c.dual), h('td', {}, BASIS[c.status] ?? '—'),
      h('td', {}, c.status === 'basic' ? '—' : rangeText(c.ranging?.activity)),
      h('td', {}, c.status === 'basic' ? '—' : rangeText(c.ranging?.objective_at_break))] : []),
    h('td', {}, `${bound(c.lower, '−∞')} to ${bound(c.upper, '+∞')}`)));
  return table('lp-constraints', 'Constraints', headings, rows);
}

function lpTextLink(text) {
  const a = document.createElement('a');
  a.href = 'data:text/plain;charset=utf-8,' + encodeURIComponent(text);
  a.download = 'model.lp';
  a.textContent = 'Download LP text';
  a.className = 'button';
  a.id = 'lp-download-text';
  return a;
}

function csvRows(result) {
  const lp = 'duals' in result;
  const rows = [['kind', 'name', 'value', 'reduced_cost_or_dual', 'basis', 'lower', 'upper', 'objective_coefficient',
    'objective_coefficient_low', 'objective_coefficient_high', 'activity_low', 'activity_high']];
  const range = (r, key, end) => r?.[key]?.[end] ?? (r?.[key] ? (end === 0 ? '-inf' : 'inf') : '');
  for (const v of result.variables) {
    rows.push(['variable', v.name, v.value ?? '', lp ? v.reduced_cost : '', v.status ?? '', v.lower ?? '-inf', v.upper ?? 'inf', v.objective_coefficient,
      range(v.ranging, 'objective_coefficient', 0), range(v.ranging, 'objective_coefficient', 1), range(v.ranging, 'activity', 0), range(v.ranging, 'activity', 1)]);
  }
  for (const c of result.constraints) {
    rows.push(['constraint', c.name, c.activity ?? '', lp ? c.dual : '', c.status ?? '', c.lower ?? '-inf', c.upper ?? 'inf', '',
      range(c.ranging, 'objective_coefficient', 0), range(c.ranging, 'objective_coefficient', 1), range(c.ranging, 'activity', 0), range(c.ranging, 'activity', 1)]);
  }
  rows.push(['objective', result.objective_name, result.objective ?? '', '', result.status, '', '', '', '', '', '', '']);
  return rows;
}

export function renderLp(container, result, warnings, { title }) {
  const solved = result.objective != null;
  const lp = result.problem === 'lp';
  const ranged = lp && solved && result.variables.some((v) => v.ranging);
  container.replaceChildren(
    h('h2', {}, title),
    h('p', { class: `lp-status lp-${result.status}`, id: 'lp-status' }, result.problem === 'mip' ? 'A mixed-integer programme: ' : 'A linear programme: ',
      h('strong', {}, STATUS[result.status] ?? result.status)),
    solved ? h('p', { id: 'lp-objective' }, `${result.sense === 'max' ? 'Maximum' : 'Minimum'} of the objective${result.objective_name ? ` ${result.objective_name}` : ''}: `,
      h('strong', {}, lpNumber(result.objective)), '.') : '',
    result.relaxation ? h('p', { id: 'lp-relaxation' }, 'Its LP relaxation (integrality dropped): ', RELAXATION[result.relaxation.status] ?? result.relaxation.status,
      result.relaxation.objective != null ? [', objective ', lpNumber(result.relaxation.objective)] : '', '. ',
      result.duals_note ?? '') : '',
    warnings.length ? h('div', { class: 'warnings', role: 'note' }, h('h3', {}, 'Warnings'),
      h('ul', {}, warnings.map((w) => h('li', {}, w.message)))) : '',
    result.output ? [h('h3', {}, 'What the model printed'), h('pre', { class: 'lp-output', id: 'lp-output', tabindex: 0 }, result.output)] : '',
    h('h3', {}, `Variables (${result.variables.length})`),
    variablesTable(result, lp && solved, solved),
    h('h3', {}, `Constraints (${result.constraints.length})`),
    constraintsTable(result, lp && solved, solved),
    ranged ? h('p', { class: 'hint' }, 'Ranging (as glpsol --ranges): a cost coefficient anywhere in its range keeps the same solution optimal; ',
      'a constraint’s bound anywhere in its activity range changes the objective by the dual per unit, reaching the values shown at the ends (a basic constraint is at no bound: its dual is 0). ',
      'Outside a range the optimal basis changes. See the user guide, section LP.') : '',
    result.lp_text ? h('div', { class: 'lp-text-actions no-print' }, lpTextLink(result.lp_text),
      h('details', {}, h('summary', {}, 'The model as CPLEX LP text'), h('pre', { class: 'lp-output', tabindex: 0 }, result.lp_text))) : '');
  return {
    destroy() {},
    csv: () => csvRows(result),
    csvName: `rbcmatch-lp-${title.replace(/\W+/g, '-').toLowerCase().replace(/^-|-$/g, '') || 'model'}.csv`,
  };
}
