// The Simulation tab's pure parts (a `simulate_issuing` result, seed 004 sec. 4; thesis sec.
// 6.4-6.5): the replications split into ranges for the page's workers, the policies as a link
// writes them, shares and intervals in words, and the CSV files. No DOM: tested in node
// (tests/js/simulation-page.test.mjs).
import { formatPowerOfTen } from '../../lib/format.js';

// ---- Ranges of replications --------------------------------------------------------------

/**
 * `replications` numbered from `first`, split into `pieces` contiguous ranges of sizes that
 * differ by at most one (the larger first): [{first, count}]. Each range runs as one request
 * (first_replication, replications); merge_issuing joins them into the single run's answer.
 */
export function splitRanges(replications, pieces, first = 0) {
  const n = Math.max(1, Math.min(Math.floor(pieces), replications));
  const base = Math.floor(replications / n), extra = replications % n;
  const ranges = [];
  let next = first;
  for (let k = 0; k < n; k++) {
    const count = base + (k < extra ? 1 : 0);
    ranges.push({ first: next, count });
    next += count;
  }
  return ranges;
}

/** One request per range: the page's request with its range (the trace stays with the range holding it). */
export const rangeRequests = (request, ranges) => ranges.map((r) => ({ ...request, first_replication: r.first, replications: r.count }));

// ---- Policies in a link ------------------------------------------------------------------

export const RULES = ['abod', 'limited', 'extended'];
export const COSTS = ['linear', 'exponential'];

/** Rule E1's look-ahead as a link writes it: "5/1/0.966" (request days / unit days / share arriving). */
const forecastParam = (f) => `${f.request_days}/${f.unit_days}/${f.arrival_share}`;

/**
 * A policy as the link writes it: "L0:match:limited", "E1:match:extended:5/1/0.966" (with
 * rule E1's look-ahead), "MROL:allocate:1:exponential".
 */
export function policyParam(p) {
  if (p.method === 'allocate') return `${p.label}:allocate:${p.gamma}:${p.cost ?? 'linear'}`;
  return `${p.label}:match:${p.rule}${p.forecast ? `:${forecastParam(p.forecast)}` : ''}`;
}

// The rule menu of a matching policy: each rule, and each with rule E1's look-ahead. Seed 004
// names only extended matching with the look-ahead (E1); the others with it are kept (a link
// may hold one) but offered only to the policy that has one.
export const RULE_WORDS = { abod: 'ABO and D only', limited: 'limited extended matching (L0)', extended: 'extended matching (E0)' };
const AHEAD = '+ahead';

/** The menu entry of a matching policy: its rule, with '+ahead' when it looks ahead ("extended+ahead": rule E1). */
export const ruleChoice = (p) => `${p.rule}${p.forecast ? AHEAD : ''}`;

/** The rule and whether it looks ahead, from a menu entry. */
export const readRuleChoice = (choice) => ({ rule: choice.replace(AHEAD, ''), ahead: choice.endsWith(AHEAD) });

/** A menu entry in words, short enough for a phone's menu: "extended + look-ahead (E1)" (the row says the rest). */
export function ruleChoiceWords(choice) {
  const { rule, ahead } = readRuleChoice(choice);
  if (!ahead) return RULE_WORDS[rule] ?? rule;
  return rule === 'extended' ? 'extended + look-ahead (E1)' : `${RULE_WORDS[rule] ?? rule} + look-ahead`;
}

/** The menu's entries for a policy: the rules, E1 when a look-ahead is known, and the policy's own. */
export function ruleChoices(policy, aheadKnown) {
  const choices = [...RULES, ...(aheadKnown ? [`extended${AHEAD}`] : [])];
  const own = policy?.method === 'match' && RULES.includes(policy.rule) ? ruleChoice(policy) : null;
  return own && !choices.includes(own) ? [...choices, own] : choices;
}

/** Rule E1's look-ahead in words. */
export const forecastWords = (f) => `looks ahead (rule E1): booked requests of the next ${f.request_days} days and ` +
  `${f.unit_days === 1 ? 'the next day\u2019s donations' : `donations of the next ${f.unit_days} days`}, ` +
  `${Math.round(f.arrival_share * 1000) / 10} % of them expected to arrive`;

/**
 * What is wrong with a look-ahead (rule E1) for this shelf life, in the user's words, or ''.
 * The module's bounds (simulate_issuing): whole days from 0 to the least of 14 and G − 1; a
 * share arriving in (0, 1].
 */
export function forecastError(f, shelfLife) {
  const most = Number.isInteger(shelfLife) && shelfLife >= 1 ? Math.min(14, shelfLife - 1) : 14;
  for (const [days, what] of [[f.request_days, 'requests'], [f.unit_days, 'donations']])
    if (!(Number.isInteger(days) && days >= 0 && days <= most))
      return `The look-ahead of ${days} days of ${what} must be a whole number of days from 0 to ${most}` +
        `${most < 14 ? ' (less than the shelf life)' : ''}`;
  if (!(f.arrival_share > 0 && f.arrival_share <= 1)) return 'The share of the forecast donations that arrive must lie above 0 and at most 1';
  return '';
}

/** A link's policy back: {policy} or {error} in the user's words. A label may hold ':'. */
export function readPolicyParam(text) {
  const parts = String(text).split(':');
  if (parts.length >= 4 && parts.at(-3) === 'match' && /^\d+\/\d+\/[\d.]+$/.test(parts.at(-1))) {
    const read = readPolicyParam(parts.slice(0, -1).join(':'));
    if (read.error) return read;
    const [request_days, unit_days, arrival_share] = parts.at(-1).split('/').map(Number);
    if (!(arrival_share > 0 && arrival_share <= 1)) return { error: `“${parts.at(-1)}” is not a look-ahead (request days/unit days/share arriving)` };
    return { policy: { ...read.policy, forecast: { request_days, unit_days, arrival_share } } };
  }
  if (parts.length >= 3 && parts.at(-2) === 'match') {
    const rule = parts.at(-1);
    if (!RULES.includes(rule)) return { error: `“${rule}” is not a matching rule (${RULES.join(', ')})` };
    return { policy: { label: parts.slice(0, -2).join(':'), method: 'match', rule } };
  }
  if (parts.length >= 4 && parts.at(-3) === 'allocate') {
    const gamma = Number(parts.at(-2)), cost = parts.at(-1);
    if (parts.at(-2).trim() === '' || !(gamma >= 0 && gamma <= 1)) return { error: `γ “${parts.at(-2)}” is not a number from 0 to 1` };
    if (!COSTS.includes(cost)) return { error: `“${cost}” is not a cost function (${COSTS.join(', ')})` };
    return { policy: { label: parts.slice(0, -3).join(':'), method: 'allocate', gamma, cost } };
  }
  return { error: `“${text}” is not a policy (label:match:rule or label:allocate:γ:cost)` };
}

// ---- Words ---------------------------------------------------------------------------------

/** A share as a percentage: "3.1 %", "0.04 %" (two digits below 1 %), "0 %". */
export function percent(share) {
  if (share == null || !Number.isFinite(share)) return '—';
  const p = share * 100;
  if (p === 0) return '0 %';
  const a = Math.abs(p);
  return `${p.toFixed(a < 0.1 ? 3 : a < 1 ? 2 : 1)} %`;
}

/** A count: "1 234.5" with a narrow space between thousands, one decimal unless whole. */
export function count(x, decimals = 1) {
  if (x == null || !Number.isFinite(x)) return '—';
  const text = Number.isInteger(x) ? String(x) : x.toFixed(decimals);
  const [whole, frac] = text.split('.');
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f') + (frac ? `.${frac}` : '');
}

/** The interval of an estimate {mean, low, high} in words: "1.0 % to 5.2 %", or null from one replication. */
export function interval(estimate, show = percent) {
  if (estimate?.low == null || estimate?.high == null) return null;
  return `${show(estimate.low)} to ${show(estimate.high)}`;
}

/** Whether an interval of a difference lies clear of 0: 'lower', 'higher' or 'unclear'. */
export function differenceDirection(estimate) {
  if (estimate?.low == null || estimate?.high == null) return 'unclear';
  if (estimate.high < 0) return 'lower';
  if (estimate.low > 0) return 'higher';
  return 'unclear';
}

/** A factor class {from, to} of Tables 6.4-6.5 in words: "0.01 to 0.1", "below 0.00001". */
export function classWords({ from, to }) {
  const n = (x) => (x >= 0.001 ? String(x) : formatPowerOfTen(x));
  return from === 0 ? `below ${n(to)}` : `${n(from)} to ${n(to)}`;
}

/** The supply rule in words, for the summary: "3 500 units a day (fixed)". */
export function supplyWords(supply) {
  if (!supply) return '';
  if (supply.rule === 'order_up_to') return `stock brought back up to ${count(supply.level)} units every day (order-up-to)`;
  const law = { fixed: 'exactly', poisson: 'on average (Poisson)', negative_binomial: 'on average (negative binomial)' }[supply.rule] ?? supply.rule;
  return `${count(supply.mean)} units donated a day, ${law}`;
}

/** One demand stream in words: "1 sickle-cell appointment a day of 10 units". */
export function demandWords(stream) {
  const mean = stream.requests?.mean ?? 0;
  const law = { fixed: '', poisson: ' on average', negative_binomial: ' on average' }[stream.requests?.law ?? 'poisson'] ?? '';
  const who = { sickle_cell: 'sickle-cell patients', other: 'other patients' }[stream.group] ?? `${stream.group.replaceAll('_', ' ')} patients`;
  const units = Array.isArray(stream.units) ? 'a varying number of units' : `${stream.units} unit${stream.units === 1 ? '' : 's'}`;
  return `${who} (“${stream.id}”): ${count(mean)} request${mean === 1 ? '' : 's'} a day${law}, each for ${units}` +
    `${stream.booked ? '; booked ahead (rule E1 sees them coming)' : ''}`;
}

// ---- The daily trace in words (under its chart) ------------------------------------------

const sameSeries = (a, b) => a.length === b.length && a.every((x, k) => x === b[k]);
/** "L0", "L0 and E0", "L0, E0 and E1". */
export const listWords = (names) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/**
 * What the stock chart shows, in words (for those who cannot see it, and because lines on top
 * of each other look like one): which policies held exactly the same stock every day, the
 * lowest and highest stock of each, and the largest difference between policies on one day.
 */
export function traceWords(trace, labels) {
  const series = (trace?.policies ?? []).map((days) => days.map((d) => d.stock));
  if (!series.length || !series[0].length) return '';
  const groups = [];  // policies whose stock was the same every day
  series.forEach((s, i) => {
    const group = groups.find((g) => sameSeries(series[g[0]], s));
    if (group) group.push(i); else groups.push([i]);
  });
  const range = (g) => {
    const low = Math.min(...series[g[0]]), high = Math.max(...series[g[0]]);
    return low === high ? `${count(low)} units every day` : `from ${count(low)} to ${count(high)} units`;
  };
  const names = (g) => listWords(g.map((i) => labels[i]));
  if (series.length === 1) return `Stock ${range([0])}.`;
  if (groups.length === 1) {
    return `${series.length === 2 ? 'Both' : `All ${series.length}`} policies held exactly the same stock every day (${range(groups[0])}), ` +
      'so their lines lie on top of each other.';
  }
  const gap = Math.max(...series[0].map((_, k) => Math.max(...series.map((s) => s[k])) - Math.min(...series.map((s) => s[k]))));
  return [...groups.filter((g) => g.length > 1).map((g) => `${names(g)} held exactly the same stock every day, so their lines lie on top of each other.`),
    `Stock ${groups.map((g) => `${range(g)} under ${names(g)}`).join('; ')}; on any one day the policies differed by at most ${count(gap)} units.`].join(' ');
}

// ---- CSV (full precision; the page rounds) ----------------------------------------------

const TRACE = ['supplied', 'requested', 'issued', 'shortage', 'outdated', 'stock', 'mismatches', 'alloimmunisations'];

/** The daily trace: one row per policy and measured day. */
export function traceCsv(result) {
  const labels = result.scenario.policies.map((p) => p.label);
  return [['replication', 'policy', 'day', ...TRACE],
    ...(result.trace?.policies ?? []).flatMap((days, p) => days.map((d) => [result.trace.replication, labels[p], d.day, ...TRACE.map((k) => d[k])]))];
}

const SUMS = ['days', 'supplied', 'requested', 'requests', 'issued', 'shortage', 'outdated', 'stock_start', 'stock_end', 'stock_days'];

/**
 * The replications' summaries: one row per replication and policy, the sums over the measured
 * days (the numbers merge_issuing adds up), the shares of short and outdated units, and the
 * mismatches per antigen.
 */
export function replicationsCsv(result) {
  const labels = result.scenario.policies.map((p) => p.label);
  const antigens = result.scenario.antigens;
  return [['replication', 'policy', ...SUMS, 'shortage_share', 'outdated_share', 'mean_stock', ...antigens.map((a) => `mismatches_${a}`)],
    ...result.per_replication.flatMap((r) => r.policies.map((o, p) => [r.index, labels[p], ...SUMS.map((k) => o[k]),
      o.requested > 0 ? o.shortage / o.requested : '',
      o.issued + o.outdated > 0 ? o.outdated / (o.issued + o.outdated) : '',
      o.days > 0 ? o.stock_days / o.days : '',
      ...antigens.map((_, k) => o.mismatches[k])]))];
}
