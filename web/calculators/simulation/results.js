// Rendering of a `simulate_issuing` result (seed 004 sec. 4-5; thesis sec. 6.4-6.5): per
// policy the shares short and outdated with their 95 % intervals, the policies compared on
// common random numbers, the daily stock, Tables 6.4-6.5's layouts, the ages of units issued
// and in stock, the stock by ABO and D group, and the expected alloimmunisations per antigen.
// Every number comes with a sentence saying what it counts.
import { h } from '../../lib/dom.js';
import { csvLink } from '../../lib/csv.js';
import { loadCharts } from '../../lib/load-charts.js';
import { scrollRegion } from '../../lib/table.js';
import { classWords, count, differenceDirection, interval, percent, replicationsCsv, supplyWords, traceCsv, traceWords } from './words.js';

const col = (text) => h('th', { scope: 'col' }, text);
const rowHead = (text) => h('th', { scope: 'row' }, text);
const cell = (text, title) => h('td', { class: 'num', title: title == null ? null : String(title) }, text);
/** A mean with its interval underneath: "3.1 %" and "(1.0 % to 5.2 %)". */
const estimateCell = (e, show = percent) => h('td', { class: 'num', title: e?.mean == null ? null : String(e.mean) },
  show(e?.mean), interval(e, show) ? h('span', { class: 'sim-interval' }, ` (${interval(e, show)})`) : '');
const signed = (show) => (x) => (x > 0 ? `+${show(x)}` : show(x));
const units = (x) => count(x, 1);
const xa = (x) => (x == null ? '—' : x.toFixed(x !== 0 && Math.abs(x) < 0.1 ? 4 : 2));

function table(id, label, headings, rows, { cards = true, caption = '' } = {}) {
  return scrollRegion(label, h('table', { class: `result-table sim-table${cards ? ' cards' : ''}`, id },
    caption ? h('caption', { class: 'hint' }, caption) : '',
    h('thead', {}, h('tr', {}, headings)), h('tbody', {}, rows)));
}

// The age tables are long (one row per day of age) and their charts or means say the gist:
// folded, closed at first, named by what they hold; <details> is read out as such.
const fold = (summary, content) => h('details', { class: 'sim-fold' }, h('summary', {}, summary), content);

const MAJOR = ['O-', 'O+', 'A-', 'A+', 'B-', 'B+', 'AB-', 'AB+'];

export function renderSimulation(container, result, warnings, context) {
  const s = result.scenario;
  const { policies, comparisons, replications } = result.summary;
  const labels = policies.map((p) => p.label);
  const charts = [];
  let destroyed = false;
  const chartBox = (id, what) => h('div', { class: 'chart-box', id }, h('canvas', { role: 'img', 'aria-label': what }));
  const traceBox = result.trace ? chartBox('sim-trace-chart', `Units in stock at the end of each measured day, per policy, in replication ${result.trace.replication + 1}; the CSV of the daily trace has every value`) : '';
  const stockAgeBox = chartBox('sim-stock-age-chart', 'Share of the stock at each age in days, per policy; the table below has every value');

  container.replaceChildren(...[
    h('h2', {}, `Simulation: ${count(s.days)} measured days after ${count(s.warm_up_days)} warm-up days, ${replications} replication${replications === 1 ? '' : 's'}`),
    h('p', { class: 'hint', id: 'sim-scenario-words' }, `Scenario “${s.preset}”: ${supplyWords(s.supply)}; ${count(s.initial_stock?.units ?? 0)} units in stock on day 1; `,
      `units outdate at ${s.shelf_life} days; ${s.antigens.length} antigens typed (${s.antigens.join(' ')}); seed ${s.seed}.`),
    warnings.length ? h('div', { class: 'warnings', role: 'note' }, h('h3', {}, 'Warnings'), h('ul', {}, warnings.map((w) => h('li', {}, w.message)))) : '',
    summarySentences(result),
    h('h3', {}, 'Outcomes per policy'),
    h('p', { class: 'hint' }, 'Each number is the mean over the replications; in brackets its 95 % interval (the range the true mean lies in with ',
      '95 % confidence; none from one replication). Short: units requested but not issued, which are lost (no waiting list), as a share of all units requested. ',
      'Outdated: units that reached the shelf life unused, as a share of all units that left the stock (issued or outdated). ',
      'Alloimmunisations: the expected number of patients forming a new antibody, from the mismatched antigens given to typed patients and each antigen’s chance of immunising (its immunogenicity).'),
    outcomesTable(result),
    comparisons.length ? comparisonPart(result) : '',
    result.trace ? [h('h3', {}, 'Stock day by day'),
      h('p', { class: 'hint' }, `Units in stock at the end of each measured day in replication ${result.trace.replication + 1} (one run, so it shows the day-to-day ups and downs the means above smooth out). `,
        'The axis spans the stock’s range, not from 0, so small differences show.'),
      traceBox,
      h('p', { id: 'sim-trace-words' }, traceWords(result.trace, labels)),
      h('div', { class: 'no-print sim-csv' }, csvLink(traceCsv(result), `rbcmatch-simulation-trace-${s.preset}.csv`, 'Download the daily trace (CSV)'))] : '',
    h('h3', {}, 'Matched or only compatible, by how easily a patient is served (thesis Table 6.4)'),
    h('p', { class: 'hint' }, 'Patients are grouped by their blood group’s receivability: the share of donors whose units they can receive, over the ',
      'antigens they are typed for. Per group, the share of all units requested that were issued identical (the same blood group on those antigens), ',
      'compatible only, or short. Rare recipients (small receivability) get identical units less often.'),
    policies.map((p, i) => classTable(`sim-receivability-${i}`, p.label, p.by_receivability, 'Receivability of the patient', ['Identical', 'Compatible', 'Short'], ['identical', 'compatible', 'shortage'])),
    h('h3', {}, 'Which units were used, by how many patients they suit (thesis Table 6.5)'),
    h('p', { class: 'hint' }, 'Units are grouped by their blood group’s usability: the share of patients who can receive them. Per group, the share ',
      'of all units that left the stock that went to a patient of the identical blood group, to a compatible one, or were outdated.'),
    policies.map((p, i) => classTable(`sim-usability-${i}`, p.label, p.by_usability, 'Usability of the unit', ['Identical', 'Compatible', 'Outdated'], ['identical', 'compatible', 'outdated'])),
    h('h3', {}, 'Patient groups'),
    h('p', { class: 'hint' }, 'Per patient group: the share of their units that were short, the share issued identical on the antigens they are typed for, and the mean age (days) of the units they got.'),
    streamsTable(result),
    h('h3', {}, 'Age of the stock (Oyebolu et al. 2024, Fig. 4; thesis Fig. 6.7)'),
    h('p', { class: 'hint' }, 'The share of the units in stock at each age, over the measured days. A policy that issues the oldest units first keeps a younger stock.'),
    stockAgeBox,
    fold('The share of the stock at each age, per policy (table)', ageTable('sim-stock-age', 'Share of the stock by age', labels, policies.map((p) => p.stock_age_share))),
    h('h3', {}, 'Age of the units issued'),
    h('p', { class: 'hint' }, 'The share of the units each patient group received at each age (days since donation).'),
    s.demand.map((d, k) => fold(`Units issued to ${d.id.replaceAll('_', ' ')} patients, by age (table)`,
      ageTable(`sim-issue-age-${k}`, `Share of units issued to ${d.id.replaceAll('_', ' ')} patients by age`, labels, policies.map((p) => p.streams[k]?.issue_age_share ?? [])))),
    h('h3', {}, 'Stock by ABO and D group (Oyebolu et al. 2024, Fig. 3)'),
    h('p', { class: 'hint' }, 'The share of the stock of each ABO and RhD group over the measured days.'),
    majorTable(result),
    h('h3', {}, 'Mismatches and expected alloimmunisations per antigen (Oyebolu et al. 2024, Fig. 2)'),
    h('p', { class: 'hint' }, 'Mismatches: units given to a typed patient who lacks the antigen, over the measured days. Expected alloimmunisations (xA): ',
      'mismatches times the antigen’s chance of immunising; their sum is the policy’s alloimmunisations above.'),
    antigenTable(result),
    h('div', { class: 'no-print sim-csv' }, csvLink(replicationsCsv(result), `rbcmatch-simulation-replications-${s.preset}.csv`, 'Download the replications’ sums (CSV)')),
  ].flat(2).filter((x) => x !== ''));

  loadCharts().then(({ lineChart, barChart, lineStyleWords }) => {
    if (destroyed) return;
    if (result.trace) {
      const days = result.trace.policies[0]?.map((d) => d.day) ?? [];
      const canvas = traceBox.querySelector('canvas');
      const chart = lineChart(canvas, days, result.trace.policies.map((rows, p) => ({ label: labels[p], data: rows.map((d) => d.stock) })),
        'measured day', ['units in stock', '(axis not from 0)'], units);
      charts.push(chart);
      // The text alternative names the axis's span (not from 0) and how each policy's line is drawn.
      // (No scales yet when the chart is not in a laid-out page: then no span.)
      const { min, max } = chart.scales.y ?? {};
      canvas.setAttribute('aria-label', `${canvas.getAttribute('aria-label')}.` +
        `${Number.isFinite(min) && Number.isFinite(max) ? ` The stock axis runs from ${units(min)} to ${units(max)} units.` : ''} ` +
        `${labels.map((l, i) => `${l}: ${lineStyleWords(i)}`).join('; ')}.`);
    }
    const ages = policies[0].stock_age_share.map((_, a) => String(a));
    charts.push(barChart(stockAgeBox.querySelector('canvas'), ages,
      policies.map((p) => ({ label: p.label, data: p.stock_age_share.map((e) => e.mean) })), 'share of the stock', percent,
      { xTitle: 'age of the unit (days since donation)', yTicks: percent }));
  }, () => {
    if (destroyed) return;
    for (const box of [traceBox, stockAgeBox]) if (box) box.replaceChildren(h('p', { class: 'hint' }, 'The chart could not be loaded; the tables and CSV files have every value.'));
  });

  return {
    destroy: () => { destroyed = true; charts.forEach((c) => c.destroy()); },
    csv: () => replicationsCsv(result),
    csvName: `rbcmatch-simulation-replications-${s.preset}.csv`,
  };
}

function summarySentences(result) {
  const { policies, comparisons } = result.summary;
  return h('div', { class: 'summary', id: 'sim-summary' },
    policies.map((p, i) => h('p', { id: `sim-policy-${i}-words` }, 'Under ', h('strong', {}, p.label), ', ',
      h('strong', { class: 'sim-short' }, percent(p.shortage_share.mean)), ' of the units requested were short and ',
      h('strong', { class: 'sim-outdated' }, percent(p.outdated_share.mean)), ' of the units leaving the stock outdated; about ',
      xa(p.alloimmunisations.mean), ' patients may form a new antibody over the ', `${result.scenario.days} measured days.`)),
    comparisons.map((c) => {
      const r = c.alloimmunisation_reduction;
      const dir = differenceDirection(c.alloimmunisations);
      return h('p', { class: 'sim-comparison-words' }, `${policies[c.policy].label} against ${policies[c.against].label}: `,
        r != null && Number.isFinite(r) ? `${percent(Math.abs(r))} ${r >= 0 ? 'fewer' : 'more'} expected alloimmunisations` : 'no alloimmunisations to compare',
        dir === 'unclear' ? ' (not clearly different on these replications)' : ` (clearly ${dir}: the interval of the difference excludes 0)`, '.');
    }));
}

function outcomesTable(result) {
  const { policies } = result.summary;
  return table('sim-outcomes', 'Outcomes per policy',
    [col('Policy'), col('Short'), col('Outdated'), col('Alloimmunisations'), col('Units short'), col('Units outdated'), col('Mean stock')],
    policies.map((p) => h('tr', {}, rowHead(p.label), estimateCell(p.shortage_share), estimateCell(p.outdated_share),
      estimateCell(p.alloimmunisations, xa), estimateCell(p.shortage_units, units), estimateCell(p.outdated_units, units),
      estimateCell(p.mean_stock, units))));
}

function comparisonPart(result) {
  const { policies, comparisons } = result.summary;
  return [h('h3', {}, 'The policies compared (common random numbers)'),
    h('p', { class: 'hint' }, `Each policy less ${policies[0].label}, replication by replication: every policy saw the same donations and requests, `,
      'so the difference has a much narrower interval than either value. An interval that does not contain 0 means the policies clearly differ.'),
    table('sim-comparison', 'The policies compared',
      [col('Policy'), col('Short (difference)'), col('Outdated (difference)'), col('Alloimmunisations (difference)'), col('Fewer alloimmunisations'), col('Mean stock (difference)')],
      comparisons.map((c) => h('tr', {}, rowHead(`${policies[c.policy].label} − ${policies[c.against].label}`),
        estimateCell(c.shortage_share, signed(percent)), estimateCell(c.outdated_share, signed(percent)),
        estimateCell(c.alloimmunisations, signed(xa)),
        cell(Number.isFinite(c.alloimmunisation_reduction) ? percent(c.alloimmunisation_reduction) : '—', c.alloimmunisation_reduction),
        estimateCell(c.mean_stock, signed(units)))))];
}

function classTable(id, label, classes, heading, names, keys) {
  return [h('h4', {}, label),
    table(id, `${label}: ${heading}`, [col(heading), ...names.map(col)],
      classes.map((c) => h('tr', {}, rowHead(classWords(c.factor)), ...keys.map((k) => estimateCell(c[k])))))];
}

function streamsTable(result) {
  const { policies } = result.summary;
  return table('sim-streams', 'Patient groups', [col('Policy and group'), col('Short'), col('Identical'), col('Mean age issued (days)')],
    policies.flatMap((p) => p.streams.map((st) => h('tr', {}, rowHead(`${p.label}: ${st.id.replaceAll('_', ' ')}`),
      estimateCell(st.shortage_share), estimateCell(st.identical_share), estimateCell(st.mean_issue_age, (x) => count(x, 1))))));
}

function ageTable(id, label, labels, shares) {
  // Ages no policy has a unit at are left out (a shelf life of 35 days: 35 rows otherwise).
  const ages = (shares[0] ?? []).map((_, a) => a).filter((a) => shares.some((s) => (s[a]?.mean ?? 0) > 0));
  return table(id, label, [col('Age (days)'), ...labels.map(col)],
    ages.map((a) => h('tr', {}, rowHead(String(a)), ...shares.map((s) => estimateCell(s[a])))),
    { caption: ages.length ? '' : 'No units.' });
}

function majorTable(result) {
  const { policies } = result.summary;
  const groups = MAJOR.filter((g) => policies.some((p) => p.stock_by_major_type?.[g]));
  return table('sim-major', 'Stock by ABO and D group', [col('Group'), ...policies.map((p) => col(p.label))],
    groups.map((g) => h('tr', {}, rowHead(g), ...policies.map((p) => estimateCell(p.stock_by_major_type[g])))));
}

function antigenTable(result) {
  const { policies } = result.summary;
  return table('sim-antigens', 'Mismatches and expected alloimmunisations per antigen',
    [col('Antigen'), ...policies.flatMap((p) => [col(`${p.label}: mismatches`), col(`${p.label}: xA`)])],
    result.scenario.antigens.map((a, k) => h('tr', {}, rowHead(a),
      ...policies.flatMap((p) => [estimateCell(p.by_antigen[k].mismatches, units), estimateCell(p.by_antigen[k].alloimmunisations, xa)]))));
}
