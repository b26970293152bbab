// Development stand-in for build/wasm/rbcmatch.js (the real Emscripten module).
// Same surface: a global factory createRbcmatch(opts) -> Promise<{call(op, json), version()}>.
// Used only by `node scripts/build-web.mjs --mock`, so the page can be worked on before
// the wasm build exists. Numbers are NOT the real algorithm, except the ABO eq. 3.5 case.
var createRbcmatch = (function () {
  'use strict';
  var SYSTEMS = [
    { id: 'abo', name: 'ABO', antigens: ['A', 'B'], source: 'thesis sec. 3.3.1 (mock)',
      loci: [{ name: 'ABO', alleles: [{ name: 'O', antigens: [] }, { name: 'A', antigens: ['A'] }, { name: 'B', antigens: ['B'] }] }] },
    { id: 'rhd', name: 'RhD', antigens: ['D'], source: 'thesis sec. 3.3.1 (mock)',
      loci: [{ name: 'D', alleles: [{ name: 'd', antigens: [] }, { name: 'D', antigens: ['D'] }] }] },
  ];
  var POPULATIONS = [
    { id: 'abo/thesis-eq-3.5', system: 'abo', name: 'Example, thesis eq. 3.5', source: 'thesis eq. 3.5', frequencies: [0.44, 0.43, 0.09, 0.04], notes: '' },
    { id: 'rhd/example', system: 'rhd', name: 'Example RhD', source: 'thesis sec. 3.3', frequencies: [0.168, 0.832], notes: '' },
  ];
  function expand(s) {
    var haps = [[]];
    s.loci.forEach(function (l) {
      var next = [];
      haps.forEach(function (h) { l.alleles.forEach(function (a) { next.push(h.concat([a])); }); });
      haps = next;
    });
    var names = haps.map(function (h) { return h.map(function (a) { return a.name; }).join(''); });
    var antOf = haps.map(function (h) { var r = []; h.forEach(function (a) { r = r.concat(a.antigens); }); return r; });
    var phenos = [], genos = [];
    for (var i = 0; i < haps.length; i++) for (var j = i; j < haps.length; j++) {
      var ants = s.antigens.filter(function (a) { return antOf[i].indexOf(a) >= 0 || antOf[j].indexOf(a) >= 0; });
      var label = ants.length ? ants.join('') : (s.id === 'abo' ? 'O' : s.loci[0].alleles[0].name);
      var p = phenos.findIndex(function (q) { return q.label === label; });
      if (p < 0) { p = phenos.length; phenos.push({ label: label, antigens: ants }); }
      genos.push({ label: names[i] + '/' + names[j], haplotypes: [i, j], phenotype: p });
    }
    var out = JSON.parse(JSON.stringify(s));
    out.haplotypes = names; out.genotype_count = genos.length; out.phenotypes = phenos;
    return { system: out, genotypes: genos };
  }
  function ok(op, result, warnings) { return JSON.stringify({ api_version: 1, op: op, result: result, warnings: warnings || [] }); }
  function err(op, code, message, path) { return JSON.stringify({ api_version: 1, op: op, error: { code: code, message: message, path: path } }); }
  var FIELDS = [
    { name: 'system', type: 'string|object', description: 'blood-group system id or definition', source: 'thesis sec. 3.3.1' },
    { name: 'population', type: 'string', description: 'built-in population table id' },
    { name: 'frequencies', type: 'array|object', description: 'phenotype frequencies' },
    { name: 'tolerance', type: 'number', default: 1e-6, min: 1e-15, max: 0.1, description: 'stop when the L1 change of x falls below this', source: 'thesis eq. 3.25' },
    { name: 'max_iterations', type: 'integer', default: 1000, min: 1, max: 100000, description: 'iteration limit' },
    { name: 'multistart', type: 'boolean', default: false, description: 'start from every pure genotype and compare' },
    { name: 'sum_tolerance', type: 'number', default: 0.015, min: 0, max: 0.5, description: 'allowed deviation of the input sum from 1 before an error' },
  ];
  function stationary(req) {
    var s = SYSTEMS.find(function (q) { return q.id === req.system; });
    if (!s) return err('stationary', 'unknown_system', 'unknown system "' + req.system + '"', 'system');
    var e = expand(s), P = e.system.phenotypes, f;
    if (req.population) {
      var pop = POPULATIONS.find(function (q) { return q.id === req.population; });
      if (!pop) return err('stationary', 'unknown_population', 'unknown population "' + req.population + '"', 'population');
      f = pop.frequencies.slice();
    } else f = req.frequencies;
    if (!Array.isArray(f) || f.length !== P.length) return err('stationary', 'invalid_field', 'frequencies must have ' + P.length + ' entries', 'frequencies');
    for (var i = 0; i < f.length; i++) {
      if (typeof f[i] !== 'number' || !(f[i] >= 0)) return err('stationary', 'invalid_field', 'frequencies[' + i + '] must be >= 0 (got ' + f[i] + ')', 'frequencies[' + i + ']');
    }
    var sum = f.reduce(function (a, b) { return a + b; }, 0);
    var st = req.sum_tolerance == null ? 0.015 : req.sum_tolerance;
    if (Math.abs(sum - 1) > st) return err('stationary', 'invalid_sum', 'frequencies sum to ' + sum + ', not 1 within ' + st, 'frequencies');
    var fn = f.map(function (v) { return v / sum; });
    var G = e.genotypes, x;
    var isAbo = s.id === 'abo' && [0.44, 0.43, 0.09, 0.04].every(function (v, k) { return Math.abs(v - fn[k]) < 1e-9; });
    if (isAbo) x = [0.44, 0.358, 0.087, 0.073, 0.038, 0.004];
    else x = G.map(function (g) { var n = G.filter(function (h) { return h.phenotype === g.phenotype; }).length; return fn[g.phenotype] / n; });
    var gc = x.map(function (v, k) { return Math.max(0, v + (k % 2 ? 0.004 : -0.004)); });
    var fit = function (xs) { return P.map(function (_, p) { return G.reduce(function (a, g, k) { return a + (g.phenotype === p ? xs[k] : 0); }, 0); }); };
    var trace = [], c = 0.5;
    for (var it = 1; it <= 12; it++) { trace.push({ iteration: it, change: c, residual: c / 3 }); c /= 4; }
    var ms = req.multistart ? { starts: G.length, converged: G.length, all_agree: true, max_deviation: 2e-9, iterations: { min: 10, mean: 12.5, max: 15 }, per_start: G.map(function (_, k) { return 10 + (k % 6); }) } : null;
    var result = {
      system: e.system,
      phenotypes: P.map(function (p, k) { return { label: p.label, antigens: p.antigens, frequency: fn[k], genotypes: G.map(function (g, gi) { return g.phenotype === k ? gi : -1; }).filter(function (v) { return v >= 0; }) }; }),
      genotypes: G,
      input: { sum: sum, renormalised: sum !== 1 },
      least_squares: { x: x, iterations: 12, converged: true, residual: 1.2e-7, sum: 1, stationarity_residual: 3e-9, phenotype_fit: fit(x), trace: trace, multistart: ms },
      gene_counting: { haplotypes: e.system.haplotypes, haplotype_frequencies: e.system.haplotypes.map(function () { return 1 / e.system.haplotypes.length; }), x: gc, iterations: 7, converged: true, phenotype_fit: fit(gc), max_phenotype_deviation: 0.01, log_likelihood: -1.23 },
      comparison: { max_abs_difference: 0.004, notes: [{ code: 'mock', message: 'Mock module: the two methods differ because this is not the real core.' }] },
    };
    var warnings = sum !== 1 ? [{ code: 'renormalised', message: 'frequencies summed to ' + sum + ' and were renormalised', path: 'frequencies' }] : [];
    return ok('stationary', result, warnings);
  }
  function call(op, json) {
    var req;
    try { req = JSON.parse(json); } catch (e) { return err(op, 'malformed_json', String(e.message), ''); }
    switch (op) {
      case 'version': return ok(op, { rbcmatch: '0.0.0-mock', api_version: 1, glpk: 'none', eigen: 'none', compiler: 'mock' });
      case 'describe': return ok(op, { operations: { stationary: { summary: 'stationary genotypes (mock)', fields: FIELDS } } });
      case 'systems': return ok(op, { systems: SYSTEMS.map(function (s) { return expand(s).system; }), populations: POPULATIONS });
      case 'stationary': return stationary(req);
      default: return err(op, 'unknown_operation', 'unknown operation "' + op + '"', '');
    }
  }
  return function (opts) { return Promise.resolve({ call: call, version: function () { return '0.0.0-mock'; } }); };
})();
if (typeof module === 'object' && module.exports) module.exports = createRbcmatch;
