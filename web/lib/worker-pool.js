// Independent pieces of work (replications, scenarios) on several workers at once: how many
// workers, which piece goes where, and the pieces' progress as one. Knows nothing of Workers:
// a lane is a function (request, {signal, onProgress}) => Promise that runs one piece on one
// worker (web/client.js makes them), so this is tested in node with stand-ins.

/** Workers the pool never exceeds: each holds its own copy of the module's memory. */
export const MAX_WORKERS = 8;

/**
 * How many workers for `pieces` pieces: `workers` if given, else one per core (`cores`, as
 * navigator.hardwareConcurrency reports it); at least 1, at most MAX_WORKERS and never more
 * than there are pieces.
 */
export function poolSize(pieces, { cores, workers } = {}) {
  const wanted = Math.floor(workers ?? cores ?? 1);
  return Math.max(1, Math.min(Number.isFinite(wanted) ? wanted : 1, MAX_WORKERS, pieces));
}

/**
 * Run every request on `lanes`, each lane one piece at a time, taking the next piece when its
 * last one is done (so one slow piece holds up only its own lane). Resolves to the lanes'
 * answers in the order of `requests`. The first failure (an API error, or an AbortError when
 * `signal` aborts) stops the others through the signal each piece is given, and the call
 * rejects with it once every piece has settled, so the lanes are free again.
 * onProgress gets {fraction, stage}: the mean of the pieces' fractions (a finished piece
 * counts 1) and the stage a piece last reported.
 */
export async function runPieces(requests, lanes, { signal, onProgress } = {}) {
  const stop = new AbortController();
  const forward = () => stop.abort();
  if (signal?.aborted) stop.abort(); else signal?.addEventListener('abort', forward, { once: true });
  const fractions = requests.map(() => 0);
  const answers = new Array(requests.length);
  let stage = '';
  let next = 0;
  let failure = null;
  const report = () => {
    if (failure || stop.signal.aborted) return;
    onProgress?.({ fraction: fractions.reduce((s, f) => s + f, 0) / requests.length, stage });
  };
  const work = async (lane) => {
    // An aborted signal still goes to the lane, which rejects with its AbortError.
    while (next < requests.length && !failure) {
      const k = next++;
      const pieceProgress = (p) => {
        fractions[k] = Math.min(1, Math.max(fractions[k], Number(p.fraction) || 0));
        stage = p.stage ?? stage;
        report();
      };
      try {
        answers[k] = await lane(requests[k], { signal: stop.signal, onProgress: pieceProgress });
      } catch (e) {
        failure ??= e;
        stop.abort();
        return;
      }
      fractions[k] = 1;
      report();
    }
  };
  try {
    await Promise.all(lanes.slice(0, Math.max(1, requests.length)).map(work));
  } finally {
    signal?.removeEventListener('abort', forward);
  }
  if (failure) throw failure;
  return answers;
}
