// The Supply tab: stock and shelf life (issue 26), in panels, each an ordinary shell calculator
// (web/lib/calculator-shell.js) in a file of its own. This module only chooses the panel: a
// radio group naming each panel and the question it answers, and the chosen panel mounted
// below it. The link keeps the panel as `panel=<id>` beside the panel's own settings
// (#/supply?panel=acquisition&k=600,700...); #/supply opens the first panel. An unknown
// panel in a link is reported as the shell reports any unreadable link (the link kept, nothing
// computed) and the first panel shown.
//
// A panel: {id, title, question, load: async () => its calculator module ({id, mount})}.
// Add a panel by adding its line to PANELS, in the order the tab shows them.
import { h } from '../../lib/dom.js';
import acquisition from './acquisition.js';
import ageing from './ageing.js';
import mdp from './mdp.js';

export const PANELS = [
  { id: 'acquisition', title: 'Availability', load: async () => acquisition,
    question: 'How fast must blood be collected, compared with its use, to keep enough units in stock?' },
  { id: 'ageing', title: 'Ageing', load: async () => ageing,
    question: 'How well do a few random ageing steps stand in for a fixed shelf life, and how is the stock spread over them?' },
  { id: 'mdp', title: 'Issuing policy', load: async () => mdp,
    question: 'Which compatible unit should be issued for a request, or should the stock be kept for later?' },
];

/** The panel a link names, and what is wrong with the link's `panel` (null when nothing). */
export function panelOf(params) {
  const asked = params.getAll('panel');
  const found = PANELS.find((p) => p.id === asked[0]);
  if (!asked.length) return { panel: PANELS[0], problem: null };
  if (!found) return { panel: PANELS[0], problem: `Panel: "${asked[0]}" is not one of ${PANELS.map((p) => p.id).join(', ')}; the first panel is shown` };
  if (asked.length > 1) return { panel: found, problem: `"panel" is given ${asked.length} times; the page shows the first` };
  return { panel: found, problem: null };
}

async function mount(container, { client, params, setParams }) {
  const { panel: first, problem } = panelOf(params);
  const root = h('div', { class: 'supply' });
  const child = h('div', { class: 'supply-panel', id: 'supply-panel', role: 'region', 'aria-label': first.title });
  let current = null; // {panel, instance}
  let destroyed = false;

  const show = async (panel, panelParams, linkProblems = []) => {
    current?.instance?.unmount();
    const mine = (current = { panel, instance: null });
    child.replaceChildren();
    child.setAttribute('aria-label', panel.title);
    const module = await panel.load();
    if (destroyed || current !== mine) return;
    const instance = await module.mount(child, {
      client,
      params: panelParams,
      linkProblems,
      // The panel writes its own settings; the tab puts its panel first.
      setParams: (p) => setParams(new URLSearchParams([['panel', panel.id], ...p])),
    });
    if (destroyed || current !== mine) instance.unmount(); else mine.instance = instance;
  };

  const choices = h('fieldset', { class: 'supply-switch' },
    h('legend', {}, 'What do you want to know?'),
    PANELS.map((p) => {
      const id = `supply-panel-${p.id}`;
      return h('div', { class: 'supply-choice' },
        h('input', { type: 'radio', name: 'supply-panel', id, value: p.id, checked: p === first,
          'aria-describedby': `${id}-question`,
          onchange: () => {
            // A new panel starts from its defaults, and the link says which panel it is.
            setParams(new URLSearchParams([['panel', p.id]]));
            show(p, new URLSearchParams());
          } }),
        h('label', { for: id }, p.title),
        h('span', { class: 'hint', id: `${id}-question` }, p.question));
    }));
  root.append(choices, child);
  container.append(root);

  const own = new URLSearchParams([...params].filter(([key]) => key !== 'panel'));
  await show(first, own, problem ? [problem] : []);
  return {
    unmount() {
      destroyed = true;
      current?.instance?.unmount();
    },
  };
}

export default { id: 'supply', title: 'Supply', mount };
