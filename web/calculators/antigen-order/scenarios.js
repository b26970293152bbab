// The scenario grid of thesis sec. 7.2.4 (n 60, 120, 250, 1000 × k 1, 2, 3, 5, 10) in a
// request of the `antigen_order` operation, and the pieces of work such a request is split into.
//
// Models 1 and 2 are exact and quick: the grid goes in the one request. Model 3 is simulated:
// one request per scenario, so the page's workers can share them; each scenario uses its own
// random streams keyed by (n, k), so the pieces give exactly the numbers one request would
// (docs/api.md, antigen_order), and the request shown to the user stays the one request.
// Pure: no DOM, tested in node (tests/js/antigen-order-page.test.mjs).

export const GRID_N = [60, 120, 250, 1000];
export const GRID_K = [1, 2, 3, 5, 10];

/** The grid of the thesis for one model, as the request's `grid`. */
export const thesisGrid = (model) => ({ n: GRID_N, k: GRID_K, models: [model] });

/** A grid's scenarios in the API's order (model, then n, then k within n). */
export const gridScenarios = (grid) => grid.models.flatMap((model) => grid.n.flatMap((n) => grid.k.map((k) => ({ model, n, k }))));

/**
 * The requests a request is computed as. Without simulated scenarios in its grid: itself.
 * With them: the request without its grid, then one request per scenario of the grid. A
 * scenario's request keeps the antigens, shares and populations, asks for that scenario
 * alone in `grid`, and reads its own main scenario with model 1: exact, so it costs
 * milliseconds instead of a simulation the page would throw away (only its `grid` is read).
 */
export function splitRequest(request) {
  const { grid, strategy, robustness, offset, ...shared } = request;
  if (!grid || !grid.models.includes(3)) return [request];
  const pieces = gridScenarios(grid).map(({ model, n, k }) => ({
    ...shared, model: 1, n, k, limit: 1, grid: { n: [n], k: [k], models: [model] },
  }));
  return [dropUndefined({ ...shared, strategy, robustness, offset }), ...pieces];
}

const dropUndefined = (object) => Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));

/** The grid of the pieces' results: scenarios in order, each antigen's position counts summed. */
export function mergeGrids(grids) {
  const scenarios = grids.flatMap((g) => g.scenarios);
  const positions = grids[0].positions.map((p, i) => ({
    antigen: p.antigen,
    counts: p.counts.map((_, q) => grids.reduce((sum, g) => sum + g.positions[i].counts[q], 0)),
    beyond_cutoff: grids.reduce((sum, g) => sum + g.positions[i].beyond_cutoff, 0),
  }));
  return { scenarios, positions };
}

/**
 * The answer to a request from the answers to its pieces (splitRequest): the first, with the
 * grid of the others. Its warnings are the first's: the pieces share its inputs, and what
 * they say of their own main scenario (computed only to be thrown away) is not about the page's.
 */
export function joinAnswers(answers) {
  const [first, ...pieces] = answers;
  if (!pieces.length) return first;
  return { result: { ...first.result, grid: mergeGrids(pieces.map((p) => p.result.grid)) }, warnings: first.warnings };
}

/**
 * Run several requests of one operation; resolves to their answers in order. The client's
 * pool (callEach: one worker per core, web/lib/worker-pool.js) when it has one, else one after
 * another. onProgress gets {fraction, stage} over all of them, each request counted alike (a
 * model-3 scenario costs about what the page's own request does).
 */
export async function runEach(client, op, requests, { signal, onProgress } = {}) {
  if (requests.length === 1) return [await client.call(op, requests[0], { signal, onProgress })];
  const parts = `${requests.length} parts`;
  if (typeof client.callEach === 'function') {
    return client.callEach(op, requests, {
      signal, onProgress: (p) => onProgress?.({ fraction: p.fraction, stage: p.stage ? `${parts}; ${p.stage}` : parts }),
    });
  }
  const fractions = requests.map(() => 0);
  const report = (i, fraction) => {
    fractions[i] = fraction;
    onProgress?.({ fraction: fractions.reduce((a, b) => a + b, 0) / requests.length, stage: `${parts}, ${i + (fraction >= 1)} done` });
  };
  const answers = [];
  for (const [i, request] of requests.entries()) {
    answers.push(await client.call(op, request, { signal, onProgress: (p) => report(i, p.fraction ?? 0) }));
    report(i, 1);
  }
  return answers;
}
