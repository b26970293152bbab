// Independent checks of the calculators that have no published numbers to reproduce (Family,
// Pregnancy, Systems), or whose published numbers cover one population only (Antigen order):
// each computes an answer of the module another way, here in plain JS, and compares. What is checked (the instances, the tolerance, the kind, the source) is data:
// the `checks` of tests/reference/<calculator>.json. Shared by the Validation tab,
// scripts/gen-validation-doc.mjs (through the CLI) and tests/js/validation-checks.test.mjs
// (through the wasm module); no DOM here.
//
// The genetics is written out from its definition, not from the module's code: a genotype is
// an unordered pair of haplotypes (the `system` operation lists them), founders are drawn from
// the genotype distribution x, and a child receives one of each parent's two haplotypes, each
// with probability 1/2 (thesis sec. 3.3.1, eq. 3.12). A parent not in the family is a person
// from the population, who passes haplotype k with probability sum_g x_g (copies of k in g) / 2.
import { formatLoci, parseLoci } from '../../lib/own-systems.js';
import { seededRandom } from '../../lib/random.js';

/** Checks that only the Catch2 suite runs: named, not recomputed here. */
export const isCatch2 = (check) => Array.isArray(check.tests);

/**
 * Runs one check; call(op, request) resolves to the operation's result.
 * Returns {ok, compared, worst, allowed, size, items: [{name, ok, compared, worst, size}]}:
 * worst is the largest difference (in standard errors for a simulation), allowed its bound.
 */
export async function runCheck(check, call) {
  const method = METHODS[check.method];
  if (!method) throw new Error(`unknown check method “${check.method}”`);
  const context = new Context(call);
  const items = [];
  for (const instance of check.instances) items.push({ name: instance.name, ...(await method(check, instance, context)) });
  const sum = (key) => items.reduce((s, i) => s + i[key], 0);
  return {
    ok: items.every((i) => i.ok),
    compared: sum('compared'),
    worst: Math.max(...items.map((i) => i.worst)),
    allowed: check.standard_errors != null ? `${check.standard_errors} SE` : `± ${check.tolerance}`,
    size: describeSize(check, items),
    items,
  };
}

function describeSize(check, items) {
  const n = items.length;
  // Thousands apart by a space, as the page writes them elsewhere ("131 072 groups").
  const count = (x) => String(x).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  switch (check.method) {
    case 'family_enumeration': {
      const people = items.map((i) => i.people);
      const list = people.length > 1 ? `${people.slice(0, -1).join(', ')} and ${people.at(-1)}` : `${people[0]}`;
      return `${n} ${n > 1 ? 'families' : 'family'} (${list} people); ${count(items.reduce((s, i) => s + i.size, 0))} genotype assignments enumerated`;
    }
    case 'family_simulation':
      return `${count(check.families)} simulated families${n > 1 ? ` each, ${n} families` : ''}; ${count(items.reduce((s, i) => s + i.size, 0))} kept (showing the typed blood groups)`;
    case 'pregnancy_direct_sum':
      return `${count(items.reduce((s, i) => s + i.requests, 0))} pregnancies (a mother’s phenotype with a father’s, or with the population) over ${new Set(items.map((i) => i.system)).size} systems; ${count(items.reduce((s, i) => s + i.size, 0))} pairs of parents’ genotypes summed`;
    case 'simulation_conservation':
      return `${n} ${n > 1 ? 'scenarios' : 'scenario'}, ${count(items.reduce((s, i) => s + i.size, 0))} replications; the replications' sums, shares and a merge of two ranges checked`;
    case 'systems_builtin_copy':
      return `${n} built-in systems; ${count(items.reduce((s, i) => s + i.size, 0))} genotypes`;
    case 'antigen_order_brute_force':
      return `${n} instances (${Math.min(...items.map((i) => i.minor))} to ${Math.max(...items.map((i) => i.minor))} minor antigens); ${count(items.reduce((s, i) => s + i.size, 0))} orders of strategies' antigens valued`;
    case 'antigen_order_markov_chain':
      return `${n} ${n > 1 ? 'instances' : 'instance'}; ${count(items.reduce((s, i) => s + i.size, 0))} stock states followed over every draw`;
    default:
      return '';
  }
}

// ---- the genetics, from the definitions ------------------------------------------------

/** What every check needs of a system: its genotypes as haplotype pairs, its x, its tables. */
class Context {
  constructor(call) {
    this.call = call;
    this.cache = new Map();
  }

  once(key, make) {
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key);
  }

  catalogue() { return this.once('systems', () => this.call('systems', {})); }

  /** {system, genotypes, pair(i, j) -> genotype index, haplotypes: H} of a built-in system or a definition. */
  system(system) {
    return this.once(`system:${JSON.stringify(system)}`, async () => {
      const result = await this.call('system', { system });
      const index = new Map(result.genotypes.map((g, k) => [key(...g.haplotypes), k]));
      return { ...result, H: result.system.haplotypes.length, pair: (i, j) => index.get(key(i, j)) };
    });
  }

  /** The founders' genotype distribution x of a model (negative entries as 0, as the module takes them). */
  x(system, population, model = 'least_squares') {
    return this.once(`x:${system}:${population}:${model}`, async () => {
      const r = await this.call('stationary', { system, population, ...(model === 'as_printed' ? { constraint: 'none' } : {}) });
      return (model === 'gene_counting' ? r.gene_counting.x : r.least_squares.x).map((v) => Math.max(v, 0));
    });
  }
}

const key = (i, j) => (i <= j ? `${i},${j}` : `${j},${i}`);

/** P(haplotype k) passed by a parent of genotype g: 1/2 per copy. */
function passed(sys, g) {
  const p = new Array(sys.H).fill(0);
  for (const h of sys.genotypes[g].haplotypes) p[h] += 0.5;
  return p;
}

/** P(haplotype k) passed by a person from the population. */
function passedByPopulation(sys, x) {
  const p = new Array(sys.H).fill(0);
  x.forEach((w, g) => { for (const h of sys.genotypes[g].haplotypes) p[h] += w / 2; });
  return p;
}

/** P(child's genotype g) from the haplotype distributions the father and mother pass. */
function childProbability(sys, g, fromFather, fromMother) {
  const [i, j] = sys.genotypes[g].haplotypes;
  return i === j ? fromFather[i] * fromMother[i] : fromFather[i] * fromMother[j] + fromFather[j] * fromMother[i];
}

/** The people in an order where parents come before their children. */
function parentsFirst(people) {
  const index = new Map(people.map((p, k) => [p.id, k]));
  const order = [], seen = new Set();
  const visit = (k) => {
    if (seen.has(k)) return;
    seen.add(k);
    for (const parent of [people[k].father, people[k].mother]) if (index.has(parent)) visit(index.get(parent));
    order.push(k);
  };
  people.forEach((_, k) => visit(k));
  return { order, father: people.map((p) => index.get(p.father)), mother: people.map((p) => index.get(p.mother)) };
}

/** Per person, the genotypes their typed phenotype (and typed genotype) allow. */
function allowedGenotypes(sys, people, spec) {
  const labels = sys.system.phenotypes.map((p) => p.label);
  return people.map((p) => sys.genotypes.map((g, k) => k).filter((k) => {
    const phenotype = spec.observed?.[p.id];
    const genotype = spec.genotypes?.[p.id];
    if (phenotype != null && labels[sys.genotypes[k].phenotype] !== phenotype) return false;
    if (genotype != null && sys.genotypes[k].label !== genotype && sys.genotypes[k].short_label !== genotype) return false;
    return true;
  }));
}

const phenotypesOf = (sys, genotypeProbabilities) => {
  const out = new Array(sys.system.phenotypes.length).fill(0);
  genotypeProbabilities.forEach((p, g) => { out[sys.genotypes[g].phenotype] += p; });
  return out;
};

const largest = (a, b) => Math.max(0, ...a.map((v, k) => Math.abs(v - b[k])));

// ---- Family -----------------------------------------------------------------------------

/** Every genotype assignment of one system's family: {marginals (per person, per genotype, unnormalised), total, size}. */
function enumerate(sys, x, people, spec) {
  const { order, father, mother } = parentsFirst(people);
  const allowed = allowedGenotypes(sys, people, spec);
  const population = passedByPopulation(sys, x);
  const marginals = people.map(() => new Array(sys.genotypes.length).fill(0));
  const g = new Array(people.length);
  let total = 0, size = 0;
  const step = (depth, weight) => {
    if (depth === order.length) {
      size++;
      total += weight;
      g.forEach((k, p) => { marginals[p][k] += weight; });
      return;
    }
    const p = order[depth];
    const founder = father[p] === undefined && mother[p] === undefined;
    const fromFather = father[p] === undefined ? population : passed(sys, g[father[p]]);
    const fromMother = mother[p] === undefined ? population : passed(sys, g[mother[p]]);
    for (const k of allowed[p]) {
      const w = weight * (founder ? x[k] : childProbability(sys, k, fromFather, fromMother));
      if (w === 0) { skipped += leavesBelow[depth + 1]; continue; } // every assignment below adds 0
      g[p] = k;
      step(depth + 1, w);
    }
  };
  // The assignments under one choice at each depth, to count those skipped as well.
  const leavesBelow = order.map((_, d) => order.slice(d).reduce((n, p) => n * allowed[p].length, 1)).concat(1);
  let skipped = 0;
  step(0, 1);
  return { marginals, total, size: size + skipped };
}

async function familyEnumeration(check, instance, context) {
  const { people, systems } = instance.request;
  const result = await context.call('family', instance.request);
  let worst = 0, compared = 0, size = 0, probability = 1;
  for (const [s, spec] of systems.entries()) {
    const sys = await context.system(spec.system);
    const x = await context.x(spec.system, spec.population, instance.request.model);
    const e = enumerate(sys, x, people, spec);
    size += e.size;
    probability *= e.total;
    const shown = result.systems[s];
    worst = Math.max(worst, Math.abs(shown.probability - e.total));
    compared++;
    people.forEach((_, p) => {
      const genotypes = e.marginals[p].map((w) => w / e.total);
      worst = Math.max(worst, largest(shown.people[p].genotypes, genotypes), largest(shown.people[p].phenotypes, phenotypesOf(sys, genotypes)));
      compared += genotypes.length + sys.system.phenotypes.length;
    });
  }
  worst = Math.max(worst, Math.abs(result.probability - probability));
  compared++;
  return { ok: worst <= check.tolerance, compared, worst, size, people: people.length };
}

/** Cumulative sums of a discrete distribution's weights, for draw(). */
function cumulative(weights) {
  const sums = new Float64Array(weights.length);
  let s = 0;
  weights.forEach((w, k) => { sums[k] = (s += w); });
  return sums;
}

/** The outcome a uniform u in [0, 1) draws from cumulative sums. */
function draw(sums, u) {
  const target = u * sums[sums.length - 1];
  let k = 0;
  while (k < sums.length - 1 && sums[k] <= target) k++;
  return k;
}

async function familySimulation(check, instance, context) {
  const { people, systems } = instance.request;
  const result = await context.call('family', instance.request);
  const random = seededRandom(check.seed);
  const n = check.families;
  const k = check.standard_errors;
  let worst = 0, compared = 0, ok = true, kept = 0;
  // A difference in standard errors; where the answer is certain (p = 0 or 1) the shares must equal it.
  const judge = (estimate, p, count) => {
    const se = Math.sqrt(p * (1 - p) / count);
    const z = se > 0 ? Math.abs(estimate - p) / se : (Math.abs(estimate - p) <= 1e-12 ? 0 : Infinity);
    worst = Math.max(worst, z);
    if (!(z <= k)) ok = false;
    compared++;
  };
  for (const [s, spec] of systems.entries()) {
    const sys = await context.system(spec.system);
    const x = await context.x(spec.system, spec.population, instance.request.model);
    const { order, father, mother } = parentsFirst(people);
    // Flat tables: this loop draws millions of genotypes.
    const allowed = allowedGenotypes(sys, people, spec).map((list) => {
      const yes = new Uint8Array(sys.genotypes.length);
      for (const g of list) yes[g] = 1;
      return yes;
    });
    const pairs = new Int32Array(sys.H * sys.H);
    sys.genotypes.forEach(({ haplotypes: [i, j] }, g) => { pairs[i * sys.H + j] = g; pairs[j * sys.H + i] = g; });
    const first = Int32Array.from(sys.genotypes, (g) => g.haplotypes[0]);
    const second = Int32Array.from(sys.genotypes, (g) => g.haplotypes[1]);
    const founder = cumulative(x);
    const fromPopulation = cumulative(passedByPopulation(sys, x));
    const counts = people.map(() => new Array(sys.system.phenotypes.length).fill(0));
    const g = new Int32Array(people.length);
    const fatherOf = Int32Array.from(order, (p) => father[p] ?? -1);
    const motherOf = Int32Array.from(order, (p) => mother[p] ?? -1);
    const H = sys.H;
    const pass = (parent) => (parent < 0 ? draw(fromPopulation, random()) : (random() < 0.5 ? first[g[parent]] : second[g[parent]]));
    let accepted = 0;
    for (let family = 0; family < n; family++) {
      let fits = true;
      for (let d = 0; d < order.length; d++) {
        const p = order[d];
        const genotype = fatherOf[d] < 0 && motherOf[d] < 0 ? draw(founder, random()) : pairs[pass(fatherOf[d]) * H + pass(motherOf[d])];
        g[p] = genotype;
        if (!allowed[p][genotype]) { fits = false; break; }
      }
      if (!fits) continue;
      accepted++;
      for (let p = 0; p < people.length; p++) counts[p][sys.genotypes[g[p]].phenotype]++;
    }
    kept += accepted;
    const shown = result.systems[s];
    judge(accepted / n, shown.probability, n);
    people.forEach((_, p) => counts[p].forEach((c, phenotype) => judge(c / accepted, shown.people[p].phenotypes[phenotype], accepted)));
  }
  return { ok, compared, worst, size: kept };
}

// ---- Pregnancy --------------------------------------------------------------------------

/** The fetus's genotype distribution: a sum over the parents' genotypes and what each passes. */
function fetusGenotypes(sys, mother, father) {
  const out = new Array(sys.genotypes.length).fill(0);
  let pairs = 0;
  mother.forEach((pm, gm) => {
    if (!pm) return;
    const fromMother = passed(sys, gm);
    father.forEach((pf, gf) => {
      if (!pf) return;
      pairs++;
      const fromFather = passed(sys, gf);
      for (let g = 0; g < out.length; g++) out[g] += pm * pf * childProbability(sys, g, fromFather, fromMother);
    });
  });
  return { genotypes: out, pairs };
}

/** x restricted to one phenotype's genotypes, divided by their total (null when it is 0). */
function given(sys, x, phenotype) {
  const restricted = x.map((w, g) => (sys.genotypes[g].phenotype === phenotype ? w : 0));
  const total = restricted.reduce((a, b) => a + b, 0);
  return total > 0 ? restricted.map((w) => w / total) : null;
}

async function pregnancyDirectSum(check, instance, context) {
  const sys = await context.system(instance.system);
  const x = await context.x(instance.system, instance.population);
  const table = (await context.catalogue()).populations.find((p) => p.id === instance.population);
  const phenotypes = sys.system.phenotypes;
  // Phenotypes of frequency 0 are left out: the module takes them as a limit instead.
  const typable = phenotypes.map((_, k) => k).filter((k) => table.frequencies[k] > 0 && given(sys, x, k));
  let worst = 0, compared = 0, size = 0, requests = 0, ok = true;
  for (const m of typable) {
    for (const f of instance.fathers ? typable : [null]) {
      const request = { systems: [{ system: instance.system, population: instance.population, mother: phenotypes[m].label,
        ...(f == null ? {} : { father: phenotypes[f].label }) }] };
      const shown = (await context.call('pregnancy', request)).systems[0];
      const { genotypes, pairs } = fetusGenotypes(sys, given(sys, x, m), f == null ? x : given(sys, x, f));
      const fetus = phenotypesOf(sys, genotypes);
      requests++;
      size += pairs;
      if (shown.limit) ok = false; // a limit would not be the sum above
      for (const [k, p] of phenotypes.entries()) {
        const entry = shown.fetus.find((e) => e.phenotype === p.label);
        worst = Math.max(worst, entry ? Math.abs(entry.probability - fetus[k]) : Infinity);
        compared++;
      }
      const carries = (antigen) => fetus.reduce((s, p, k) => s + (phenotypes[k].antigens.includes(antigen) ? p : 0), 0);
      const lacking = sys.system.antigens.filter((a) => !phenotypes[m].antigens.includes(a));
      for (const antigen of lacking) {
        const entry = shown.lacking.find((e) => e.antigen === antigen);
        worst = Math.max(worst, entry ? Math.abs(entry.probability - carries(antigen)) : Infinity);
        compared++;
      }
      if (shown.lacking.length !== lacking.length) ok = false;
      const none = fetus.reduce((s, p, k) => s + (lacking.some((a) => phenotypes[k].antigens.includes(a)) ? 0 : p), 0);
      if (lacking.length) { worst = Math.max(worst, Math.abs(shown.any - (1 - none))); compared++; }
    }
  }
  return { ok: ok && worst <= check.tolerance, compared, worst, size, requests, system: instance.system };
}

// ---- Systems ----------------------------------------------------------------------------

/** The Systems tab's copy of a built-in system: its notation, read back (web/calculators/systems). */
export function copyOfBuiltin(s) {
  const empty = s.phenotypes.find((p) => p.antigens.length === 0)?.label;
  return parseLoci(formatLoci(s), { name: `${s.name} (my copy)`, emptyLabel: empty && empty !== 'none' ? empty : '' });
}

async function systemsBuiltinCopy(check, instance, context) {
  const builtin = (await context.catalogue()).systems.find((s) => s.id === instance.system);
  const table = (await context.catalogue()).populations.find((p) => p.id === instance.population);
  const { definition, errors } = copyOfBuiltin(builtin);
  if (errors) return { ok: false, compared: 1, worst: Infinity, size: 0 };
  const [own, original] = [await context.system(definition), await context.system(instance.system)];
  // The same genotypes (haplotype pairs, in eq. 3.9 order) and each in the same phenotype,
  // a phenotype known by its antigens (the copy may order its phenotypes otherwise).
  const antigensOf = (sys, k) => [...sys.system.phenotypes[k].antigens].sort().join(' ');
  const ownPhenotype = new Map(own.system.phenotypes.map((_, k) => [antigensOf(own, k), k]));
  const toOwn = original.system.phenotypes.map((_, k) => ownPhenotype.get(antigensOf(original, k)));
  let mismatches = Math.abs(own.genotypes.length - original.genotypes.length) + Math.abs(own.system.phenotypes.length - original.system.phenotypes.length);
  original.genotypes.forEach((g, k) => {
    const o = own.genotypes[k];
    if (!o || o.label !== g.label || o.haplotypes.join() !== g.haplotypes.join() || o.phenotype !== toOwn[g.phenotype]) mismatches++;
  });
  if (mismatches) return { ok: false, compared: original.genotypes.length, worst: Infinity, size: original.genotypes.length };
  // The same phenotype frequencies, in the copy's order.
  const frequencies = new Array(own.system.phenotypes.length).fill(0);
  table.frequencies.forEach((f, k) => { frequencies[toOwn[k]] = f; });
  const a = await context.call('stationary', { system: instance.system, population: instance.population });
  const b = await context.call('stationary', { system: definition, frequencies, sum_tolerance: 0.02 });
  const worst = Math.max(largest(a.least_squares.x, b.least_squares.x), largest(a.gene_counting.x, b.gene_counting.x));
  return { ok: worst <= check.tolerance, compared: 2 * a.least_squares.x.length + original.genotypes.length, worst, size: original.genotypes.length };
}

// ---- Antigen order ----------------------------------------------------------------------
//
// From thesis sec. 7.2.3 and appendix 7.5, not from the module's code. A strategy M keeps the
// always-matched antigens and some minor ones; a blood group is compressed to its antigens in
// M (7.5.1). Model 1: a unit serves recipient group j when it has no antigen j lacks
// (g_j = sum_{i <= j} f_i); model 2: when it is identical to j (f_j); the likelihood is
// P[at least k such units among n]. Model 3 is Algorithm 1, followed here exactly as a Markov
// chain on the stock. V(M) is the best, over every order of M's antigens, of the sum over
// prefixes of p_mu * P[k matched units under the prefix | recipient lacks mu] (eq. 7.2-7.3, with
// the weight on recipients who lack mu: NOTES.md, "Chapter 7").

/** P[X >= k], X ~ Bin(n, p): the units counted one by one, the count held at k once reached (only sums of positive terms). */
function atLeast(n, p, k) {
  const below = new Float64Array(k); // P[count = c], c < k
  below[0] = 1;
  let reached = 0;
  for (let unit = 0; unit < n; unit++) {
    reached += below[k - 1] * p;
    for (let c = k - 1; c > 0; c--) below[c] = below[c] * (1 - p) + below[c - 1] * p;
    below[0] *= 1 - p;
  }
  return reached;
}

/** The antigen-order request's blood groups over always ∪ minor, from `frequencies` (the table, colex). */
async function antigenGroups(request, context) {
  const always = request.always_matched ?? ['A', 'B', 'D'];
  const antigens = [...always, ...request.antigens];
  const populations = Object.fromEntries(['systems', 'populations', 'donors', 'recipients'].filter((f) => request[f] != null).map((f) => [f, request[f]]));
  const table = await context.call('frequencies', { antigens, ...populations, table: true, order: 'colex', limit: 4096 });
  return { a: always.length, m: request.antigens.length, antigens, groups: table.groups.map((g) => ({ bits: g.index, donor: g.frequency, recipient: g.recipient_frequency })) };
}

/** The shares p_mu, as given for every minor antigen (or drawn at random), scaled to add up to 1. */
function orderShares(instance, check) {
  const { antigens } = instance.request;
  let given = instance.request.antibody_shares;
  if (instance.random_shares) {
    const random = seededRandom(check.seed + instance.random_shares);
    given = Object.fromEntries(antigens.map((a) => [a, random() < 0.2 ? 0 : random()]));
  }
  if (!given || antigens.some((a) => given[a] == null)) throw new Error(`${instance.name}: a share for every antigen`);
  const total = antigens.reduce((s, a) => s + given[a], 0);
  return { given, p: antigens.map((a) => given[a] / total) };
}

/** Per compressed group of strategy M (key: the group's bits outside M cleared): donor and recipient shares. */
function compressed(g, strategy) {
  const kept = ((1 << g.a) - 1) | (strategy << g.a);
  const groups = new Map();
  for (const { bits, donor, recipient } of g.groups) {
    const key = bits & kept;
    const e = groups.get(key) ?? { key, donor: 0, recipient: 0 };
    e.donor += donor;
    e.recipient += recipient;
    groups.set(key, e);
  }
  return [...groups.values()];
}

/** The likelihood that a recipient who lacks minor antigen mu finds k matched units under M (0 when none lacks it). */
function givenLacking(g, groups, likelihood, mu) {
  let served = 0, lacking = 0;
  groups.forEach((e, j) => {
    if (e.key & (1 << (g.a + mu))) return;
    served += e.recipient * likelihood[j];
    lacking += e.recipient;
  });
  return lacking > 0 ? served / lacking : 0;
}

/** Every order of a list. */
function* permutations(list) {
  if (list.length <= 1) { yield list; return; }
  for (const [i, x] of list.entries()) for (const rest of permutations([...list.slice(0, i), ...list.slice(i + 1)])) yield [x, ...rest];
}

/** V(M) for every strategy, by brute force over the orders of its antigens; lack(M, mu) as computed. */
function valuesByOrders(m, p, lack) {
  const values = [];
  let orders = 0;
  for (let s = 0; s < 1 << m; s++) {
    const antigens = [...Array(m).keys()].filter((i) => s & (1 << i));
    let best = 0;
    for (const order of permutations(antigens)) {
      let v = 0, prefix = 0;
      for (const mu of order) { prefix |= 1 << mu; v += p[mu] * lack(prefix, mu); }
      best = Math.max(best, v);
      orders++;
    }
    values.push(best);
  }
  return { values, orders };
}

const namesOf = (g, s) => g.antigens.slice(g.a).filter((_, i) => s & (1 << i));
const groupKey = (g, names) => names.reduce((key, a) => key | (1 << g.antigens.indexOf(a)), 0);

/** The module's answer with every strategy listed (colex), for the instance's request. */
const orderRequest = (instance, shares, extra = {}) => ({ ...instance.request, antibody_shares: shares, order: 'colex', limit: 4096, ...extra });

async function antigenOrderBruteForce(check, instance, context) {
  const g = await antigenGroups(instance.request, context);
  const { given, p } = orderShares(instance, check);
  const request = instance.request;
  const { n, k, model } = request;
  const likelihoods = []; // per strategy: per compressed group
  let worst = 0, compared = 0;
  const differ = (a, b) => { worst = Math.max(worst, Number.isFinite(a) && Number.isFinite(b) ? Math.abs(a - b) : Infinity); compared++; };
  for (let s = 0; s < 1 << g.m; s++) {
    const groups = compressed(g, s);
    const likelihood = groups.map((j) => {
      // Model 1: every unit without an antigen j lacks; model 2: identical units.
      const share = groups.reduce((sum, i) => sum + ((model === 1 ? (i.key & ~j.key) === 0 : i.key === j.key) ? i.donor : 0), 0);
      return atLeast(n, Math.min(share, 1), k);
    });
    likelihoods.push({ groups, likelihood });
    // The module's likelihood per recipient group of this strategy, and the share served.
    const shown = (await context.call('antigen_order', orderRequest(instance, given, { strategy: namesOf(g, s) }))).strategy;
    const byKey = new Map(groups.map((j, index) => [j.key, index]));
    const occurring = groups.filter((j) => j.recipient > 0).length;
    if (shown.total_groups !== occurring) differ(shown.total_groups, occurring);
    for (const row of shown.groups) {
      const j = byKey.get(groupKey(g, row.antigens));
      differ(row.frequency, groups[j]?.recipient);
      differ(row.likelihood, likelihood[j]);
    }
    differ(shown.served, groups.reduce((sum, j, index) => sum + j.recipient * likelihood[index], 0));
  }
  const lack = (s, mu) => givenLacking(g, likelihoods[s].groups, likelihoods[s].likelihood, mu);
  const { values, orders } = valuesByOrders(g.m, p, lack);
  const result = await context.call('antigen_order', orderRequest(instance, given));
  result.strategies.forEach((row) => differ(row.value, values[groupKey({ antigens: g.antigens.slice(g.a) }, row.antigens)]));
  if (result.strategies.length !== values.length) differ(result.strategies.length, values.length);
  differ(result.value, values[values.length - 1]);
  // Fig. 7.3: the best V of each number of antigens.
  result.curve.forEach((point) => differ(point.value, Math.max(...values.filter((_, s) => popcount(s) === point.level))));
  // Table 7.4 along the module's sequence: matched on exactly l antigens = served by the first l
  // but not the first l + 1 (a unit matched on more antigens is matched on fewer).
  const served = likelihoods.map(({ groups, likelihood }) => groups.reduce((sum, j, index) => sum + j.recipient * likelihood[index], 0));
  const prefixes = [0];
  for (const a of result.sequence) prefixes.push(prefixes.at(-1) | (1 << request.antigens.indexOf(a)));
  const exactly = prefixes.map((s, l) => served[s] - (l + 1 < prefixes.length ? served[prefixes[l + 1]] : 0));
  differ(result.matched.none, 1 - served[0]);
  exactly.forEach((x, l) => differ(result.matched.levels[l], x));
  differ(result.matched.average, exactly.reduce((sum, x, l) => sum + l * x, 0));
  return { ok: worst <= check.tolerance, compared, worst, size: orders, minor: g.m };
}

const popcount = (s) => { let c = 0; for (; s; s &= s - 1) c++; return c; };

/** Compositions of n units over `parts` groups, each an array of counts. */
function compositions(n, parts) {
  if (parts === 1) return [[n]];
  const out = [];
  for (let c = 0; c <= n; c++) for (const rest of compositions(n - c, parts - 1)) out.push([c, ...rest]);
  return out;
}

/**
 * Algorithm 1 on strategy M, followed exactly: the distribution of the stock (counts per
 * compressed donor group) over `draws` recipients. Returns per compressed group j the expected
 * share of draws at which k units of j are in stock, (1/T) sum_t P[c_t,j >= k]: what s_j / t_j
 * estimates, since the recipient drawn at t is independent of the stock then.
 */
function chainLikelihoods(groups, n, k, draws) {
  const stocked = groups.map((j, index) => index).filter((index) => groups[index].donor > 0);
  const f = stocked.map((index) => groups[index].donor);
  const states = compositions(n, stocked.length);
  const index = new Map(states.map((c, i) => [c.join(), i]));
  // The k replacement units: a multinomial over the donor groups.
  const refills = compositions(k, stocked.length).map((c) => {
    let pr = factorial(k);
    c.forEach((x, i) => { pr *= f[i] ** x / factorial(x); });
    return { c, pr };
  });
  // The initial stock: n units drawn from the donors.
  let dist = new Float64Array(states.length);
  states.forEach((c, i) => { let pr = factorial(n); c.forEach((x, u) => { pr *= f[u] ** x / factorial(x); }); dist[i] = pr; });
  // Per state, the sparse transition: a recipient of a stocked group j with c_j >= k takes k units and k come in.
  const r = stocked.map((index) => groups[index].recipient);
  const unserved = groups.reduce((s, j, index) => s + (groups[index].donor > 0 ? 0 : j.recipient), 0);
  const moves = states.map((c) => {
    const out = new Map();
    const add = (to, pr) => out.set(to, (out.get(to) ?? 0) + pr);
    let stay = unserved;
    c.forEach((x, u) => {
      if (x < k) { stay += r[u]; return; }
      for (const refill of refills) add(index.get(c.map((y, w) => y - (w === u ? k : 0) + refill.c[w]).join()), r[u] * refill.pr);
    });
    add(index.get(c.join()), stay);
    return [...out.entries()];
  });
  const available = stocked.map(() => 0);
  for (let t = 0; t < draws; t++) {
    const next = new Float64Array(states.length);
    states.forEach((c, i) => {
      const w = dist[i];
      if (!w) return;
      c.forEach((x, u) => { if (x >= k) available[u] += w; });
      for (const [to, pr] of moves[i]) next[to] += w * pr;
    });
    dist = next;
  }
  const likelihood = groups.map(() => 0);
  stocked.forEach((j, u) => { likelihood[j] = available[u] / draws; });
  return { likelihood, states: states.length };
}

const factorial = (x) => { let f = 1; for (let i = 2; i <= x; i++) f *= i; return f; };

async function antigenOrderMarkovChain(check, instance, context) {
  const g = await antigenGroups(instance.request, context);
  const { given, p } = orderShares(instance, check);
  const { n, k, draws, replications } = instance.request;
  const likelihoods = [];
  let worst = 0, compared = 0, size = 0, ok = true;
  // A difference in the module's standard errors. Where every replication gave the same value
  // (se 0: e.g. a group served every time while its exact likelihood is 1 - 3e-5), the standard
  // error of a share among the `recipients` simulated stands in.
  const judge = (estimate, exact, se, recipients) => {
    const spread = se > 0 ? se : Math.sqrt(exact * (1 - exact) / recipients);
    const z = spread > 0 ? Math.abs(estimate - exact) / spread : (Math.abs(estimate - exact) <= 1e-12 ? 0 : Infinity);
    worst = Math.max(worst, z);
    if (!(z <= check.standard_errors)) ok = false;
    compared++;
  };
  for (let s = 0; s < 1 << g.m; s++) {
    const groups = compressed(g, s);
    const chain = chainLikelihoods(groups, n, k, draws);
    likelihoods.push({ groups, likelihood: chain.likelihood });
    size += chain.states;
    const byKey = new Map(groups.map((j, index) => [j.key, index]));
    for (const row of (await context.call('antigen_order', orderRequest(instance, given, { strategy: namesOf(g, s) }))).strategy.groups)
      if (row.likelihood != null) judge(row.likelihood, chain.likelihood[byKey.get(groupKey(g, row.antigens))], row.se, draws * replications * row.frequency);
  }
  const lack = (s, mu) => givenLacking(g, likelihoods[s].groups, likelihoods[s].likelihood, mu);
  const { values } = valuesByOrders(g.m, p, lack);
  const result = await context.call('antigen_order', orderRequest(instance, given));
  result.strategies.forEach((row) => judge(row.value, values[groupKey({ antigens: g.antigens.slice(g.a) }, row.antigens)], row.se, draws * replications));
  judge(result.value, values[values.length - 1], result.value_se, draws * replications);
  return { ok, compared, worst, size };
}

// ---- Simulation ------------------------------------------------------------------------------
//
// From seed 004 sec. 4.1 (lost demand, no backlog) and the definitions of the outcomes, not from
// the module's code: every replication's whole-number sums conserve units (stock at the start +
// supplied = issued + outdated + stock at the end; requested = issued + short, also per patient
// group), the summary's shares are the means of the replications' own shares, and ranges of
// replications run apart and merged give the single run's summary exactly.
async function simulationConservation(check, instance, context) {
  const whole = await context.call('simulate_issuing', instance.request);
  const n = whole.per_replication.length;
  let compared = 0, worst = 0, broken = 0;
  const same = (a, b) => { compared++; const d = Math.abs(a - b); if (!(d <= check.tolerance)) broken++; worst = Math.max(worst, d); };
  for (const r of whole.per_replication) {
    for (const o of r.policies) {
      same(o.stock_start + o.supplied, o.issued + o.outdated + o.stock_end);
      same(o.requested, o.issued + o.shortage);
      same(o.stream_requested.reduce((a, b) => a + b, 0), o.requested);
      o.stream_requested.forEach((q, k) => same(q, o.stream_issued[k] + o.stream_shortage[k]));
    }
  }
  const mean = (f) => whole.per_replication.reduce((s, r) => s + f(r), 0) / n;
  whole.summary.policies.forEach((p, i) => {
    same(p.shortage_share.mean, mean((r) => r.policies[i].shortage / r.policies[i].requested));
    same(p.outdated_share.mean, mean((r) => { const o = r.policies[i]; return o.issued + o.outdated > 0 ? o.outdated / (o.issued + o.outdated) : 0; }));
  });
  const cut = Math.ceil(n / 2);
  const parts = await Promise.all([[0, cut], [cut, n - cut]].map(([first, replications]) =>
    context.call('simulate_issuing', { ...instance.request, first_replication: first, replications })));
  const merged = await context.call('merge_issuing', { results: parts });
  compared++;
  if (JSON.stringify(merged.summary) !== JSON.stringify(whole.summary)) { broken++; worst = Infinity; }
  return { ok: broken === 0, compared, worst, size: n };
}

const METHODS = {
  antigen_order_brute_force: antigenOrderBruteForce,
  antigen_order_markov_chain: antigenOrderMarkovChain,
  family_enumeration: familyEnumeration,
  family_simulation: familySimulation,
  pregnancy_direct_sum: pregnancyDirectSum,
  systems_builtin_copy: systemsBuiltinCopy,
  simulation_conservation: simulationConservation,
};
