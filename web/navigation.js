// The page's structure around the calculators: the navigation (the calculators by group, the
// coming ones marked in words), the start view (`#/`: which calculator answers which
// question, for whom), and the pages for a link to a coming calculator or to none.
// Everything is drawn from web/calculators/catalogue.js through the registry.
import { groups } from './calculators/registry.js';
import { h } from './lib/dom.js';

const MENU_ID = 'nav-menu';

/**
 * Fills <nav> with the grouped links; currentId: the calculator shown ('' = the start view).
 * On a phone the groups fold behind one button (CSS, max-width 40rem), which names the
 * calculator on screen.
 */
export function renderNavigation(nav, currentId) {
  const current = groups.flatMap((g) => g.calculators).find((c) => c.id === currentId);
  const open = nav.classList.contains('open') && nav.dataset.current === currentId;
  nav.dataset.current = currentId;
  nav.classList.toggle('open', open);
  const toggle = h('button', { type: 'button', class: 'nav-toggle', 'aria-expanded': String(open), 'aria-controls': MENU_ID,
    onclick: () => {
      const now = !nav.classList.contains('open');
      nav.classList.toggle('open', now);
      toggle.setAttribute('aria-expanded', String(now));
    } }, 'All calculators', current ? h('span', { class: 'nav-here' }, ` · ${current.title}`) : '');
  const link = (c) => h('li', {}, h('a', {
    href: `#/${c.id}`,
    class: `tab${c.ready ? '' : ' coming'}`,
    'aria-current': c.id === currentId ? 'page' : null,
  }, c.title, c.ready ? '' : h('small', {}, ' coming')));
  // Escape folds the phone's menu and returns to its button.
  nav.onkeydown = (event) => {
    if (event.key !== 'Escape' || !nav.classList.contains('open')) return;
    nav.classList.remove('open');
    toggle.setAttribute('aria-expanded', 'false');
    toggle.focus();
  };
  // The links are drawn anew: a keyboard user who followed one stays on it (or on the button,
  // where the menu has folded), instead of being sent back to the top of the page.
  const focused = nav.contains(document.activeElement) ? document.activeElement.getAttribute('href') ?? '' : null;
  nav.replaceChildren(toggle, h('div', { class: 'nav-menu', id: MENU_ID },
    h('a', { href: '#/', class: 'tab nav-start', 'aria-current': currentId === '' ? 'page' : null }, 'Start'),
    groups.map((g) => h('div', { class: 'nav-group' },
      h('span', { class: 'nav-group-title', id: `nav-group-${g.id}` }, g.title),
      h('ul', { 'aria-labelledby': `nav-group-${g.id}` }, g.calculators.map(link))))));
  if (focused != null) {
    const again = focused && nav.querySelector(`a[href="${CSS.escape(focused)}"]`);
    (again?.getClientRects().length ? again : toggle).focus();
  }
}

/** One calculator's line on the start view: its question and for whom; what a coming one will do. */
function entry(c) {
  return h('li', { class: c.ready ? 'start-entry' : 'start-entry coming', 'data-calculator': c.id },
    c.ready ? h('a', { href: `#/${c.id}`, class: 'start-title' }, c.title) : h('span', { class: 'start-title' }, c.title, h('span', { class: 'badge' }, 'coming')),
    ' ', h('span', { class: 'start-question' }, c.question), ' ',
    h('span', { class: 'start-audience' }, `For ${c.audience}.`),
    c.ready ? '' : h('span', { class: 'start-coming' }, ` Coming: ${c.coming}.`));
}

/** The start view: every group, every calculator in a sentence. */
export function startView(extraParams) {
  const ready = groups.flatMap((g) => g.calculators).filter((c) => c.ready).length;
  return h('div', { class: 'start' },
    extraParams?.size ? h('div', { class: 'link-problems', role: 'alert' },
      h('p', {}, h('strong', {}, 'This link names no calculator, so its settings were not used: '),
        [...extraParams.keys()].map((k) => `“${k}”`).join(', '), '.')) : '',
    h('h2', {}, 'Which calculator answers your question?'),
    h('p', { class: 'intro' }, `${ready} calculators for red-cell blood-group genetics and matching, grouped by the question they answer. `,
      'Each computes in this browser; nothing you type leaves the page. Every calculator starts with an example you can change.'),
    groups.map((g) => h('section', { class: 'start-group', 'aria-labelledby': `start-${g.id}` },
      h('h3', { id: `start-${g.id}` }, g.title, h('span', { class: 'start-group-question' }, ` — ${g.question}`)),
      h('ul', { class: 'start-list' }, g.calculators.map(entry)))));
}

/** A link to a calculator not written yet: what it will do, and the start view below. */
export function comingView(c) {
  return h('div', { class: 'start' },
    h('div', { class: 'coming-note' },
      h('h2', {}, `${c.title}: coming`),
      h('p', {}, `This calculator is not written yet. It will answer the question “${c.question}”, giving ${c.coming}. For ${c.audience}.`),
      h('p', {}, 'Nothing was computed. The calculators you can use now are below.')),
    startView());
}

/** A link to a calculator this page does not have: reported, and the link kept as it is. */
export function unknownView(requested) {
  return h('div', { class: 'start' },
    h('div', { class: 'link-problems', role: 'alert' },
      h('p', {}, h('strong', {}, `This link asks for a calculator named “${requested}”, which this page does not have.`),
        ' Nothing was computed. Choose one below.')),
    startView());
}
