// Page shell: header tabs for every calculator in the registry, the active one chosen by the
// URL hash (#/genotypes?...), mounted into <main>. Only the shell knows about tabs; each
// calculator only knows its own container, the client and its URL parameters.
import * as client from './client.js';
import { calculators } from './calculators/registry.js';
import { readHash, writeHash } from './lib/url-state.js';
import { h } from './lib/dom.js';
import './style.css';

const nav = document.getElementById('tabs');
const main = document.getElementById('calculator');
let active = null; // {id, instance}

// The single-file build sets a worker factory (Blob URL) before this module runs.
if (globalThis.rbcmatchWorkerFactory) client.setWorkerFactory(globalThis.rbcmatchWorkerFactory);

function renderTabs(currentId) {
  nav.replaceChildren(...calculators.map((c) => c.ready
    ? h('a', { href: `#/${c.id}`, class: 'tab', 'aria-current': c.id === currentId ? 'page' : null, title: c.summary }, c.title)
    : h('span', { class: 'tab disabled', 'aria-disabled': 'true', title: `${c.summary} — coming soon` }, c.title, h('small', {}, 'coming soon'))));
  // On a phone the tabs scroll sideways: keep the current one in view.
  const current = nav.querySelector('[aria-current="page"]');
  if (current && nav.scrollWidth > nav.clientWidth) nav.scrollLeft = Math.max(0, current.offsetLeft - nav.offsetLeft - 16);
}

// A link to a calculator this page does not have is reported, and the link kept as it is.
function unknownCalculator(requested) {
  active?.instance?.unmount();
  active = { id: requested, instance: null };
  renderTabs(null);
  document.title = 'rbcmatch';
  const ready = calculators.filter((c) => c.ready);
  main.replaceChildren(h('div', { class: 'link-problems', role: 'alert' },
    h('p', {}, h('strong', {}, `This link asks for a calculator named “${requested}”, which this page does not have${
      calculators.some((c) => c.id === requested) ? ' yet' : ''}.`), ' Nothing was computed. Choose one of:'),
    h('ul', {}, ready.map((c) => h('li', {}, h('a', { href: `#/${c.id}` }, c.title), ` — ${c.summary}`)))));
}

async function route() {
  const { calculator: requested, params } = readHash();
  if (requested && !calculators.some((c) => c.ready && c.id === requested)) { unknownCalculator(requested); return; }
  const calculator = calculators.find((c) => c.ready && c.id === requested) ?? calculators.find((c) => c.ready);
  if (active?.id === calculator.id) return; // the calculator itself keeps the hash in sync
  active?.instance?.unmount();
  renderTabs(calculator.id);
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
