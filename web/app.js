// Page shell: the navigation (calculators by group) and, in <main>, the view the URL hash
// names: a calculator (#/genotypes?...), the start view (#/ or no hash), or the page for a
// coming calculator or an unknown one (web/navigation.js). Only the shell knows about the
// navigation; each calculator only knows its own container, the client and its URL parameters.
import * as client from './client.js';
import { calculators } from './calculators/registry.js';
import { comingView, renderNavigation, startView, unknownView } from './navigation.js';
import { readHash, writeHash } from './lib/url-state.js';
import './style.css';

const nav = document.getElementById('tabs');
const main = document.getElementById('calculator');
let active = null; // {id, instance}

// The single-file build sets a worker factory (Blob URL) before this module runs.
if (globalThis.rbcmatchWorkerFactory) client.setWorkerFactory(globalThis.rbcmatchWorkerFactory);
// The client itself, for the browser tests that call it in the page (tests/browser/pool.test.mjs).
globalThis.rbcmatchClient = client;

/** A view that is not a calculator: the start view, a coming calculator, an unknown one. */
function showPage(id, title, view) {
  active?.instance?.unmount();
  active = { id, instance: null };
  renderNavigation(nav, id);
  document.title = title;
  main.replaceChildren(view);
}

async function route() {
  const { calculator: requested, params } = readHash();
  const calculator = calculators.find((c) => c.id === requested);
  if (!requested) { showPage('', 'rbcmatch — which calculator?', startView(params)); return; }
  if (!calculator) { showPage(requested, 'rbcmatch', unknownView(requested)); return; }
  if (!calculator.ready) { showPage(requested, `${calculator.title} (coming) — rbcmatch`, comingView(calculator)); return; }
  if (active?.id === calculator.id) return; // the calculator itself keeps the hash in sync
  active?.instance?.unmount();
  renderNavigation(nav, calculator.id);
  main.replaceChildren();
  document.title = `${calculator.title} — rbcmatch`;
  const current = (active = { id: calculator.id, instance: null });
  const instance = await calculator.mount(main, {
    client,
    params,
    setParams: (p) => writeHash(calculator.id, p),
  });
  if (active === current) current.instance = instance; else instance.unmount();
}

// Exact values by touch too, not only by a tooltip: tapping a rounded number shows its full value.
document.addEventListener('click', (event) => {
  const el = event.target.closest?.('.num[title]');
  if (!el || !el.title) return;
  [el.textContent, el.dataset.other] = [el.dataset.other ?? el.title, el.textContent];
});

window.addEventListener('hashchange', () => {
  // A pasted link to the same calculator: remount so the new state is restored and computed.
  const { calculator } = readHash();
  if (active?.id === calculator) { active.instance?.unmount(); active = null; }
  route();
});
route();

client.call('version').then(({ result }) => {
  document.getElementById('version').textContent = `rbcmatch ${result.rbcmatch} · GLPK ${result.glpk} · Eigen ${result.eigen}`;
}).catch(() => {});
