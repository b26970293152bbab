// Every calculator, in tab order: {id, title, summary, ready, load}. load() resolves to the
// calculator module's export
//   { id, title, summary, mount(container, context) -> { unmount() } }
// where context = { client, params: URLSearchParams, setParams(URLSearchParams) }. Genotypes,
// the first tab, is in app.js itself; every other calculator is a chunk of its own, fetched
// when its tab is first opened, so the page is ready without them. Calculators not yet
// written are listed with `ready: false` and shown as disabled tabs.
import genotypes from './genotypes/index.js';

const ready = (id, title, summary, load) => ({ id, title, summary, ready: true, load });
const comingSoon = (id, title, summary) => ({ id, title, summary, ready: false });
const module = (loading) => loading.then((m) => m.default);

export const calculators = [
  ready('genotypes', genotypes.title, genotypes.summary, () => Promise.resolve(genotypes)),
  ready('relatives', 'Relatives', 'chance that a relative shares a donor’s blood group (thesis sec. 3.4)',
    () => module(import('./relatives/index.js'))),
  ready('family', 'Family', 'blood-group probabilities of every family member, from the ones you know',
    () => module(import('./family/index.js'))),
  ready('pregnancy', 'Pregnancy', 'chance that a fetus carries an antigen its mother lacks',
    () => module(import('./pregnancy/index.js'))),
  ready('frequencies', 'Frequencies', 'blood-group frequencies, usability, receivability and the best donor groups for a patient (thesis ch. 4, 6)',
    () => module(import('./frequencies/index.js'))),
  comingSoon('antigen-order', 'Antigen order', 'optimal antigen-exclusion order (thesis ch. 7)'),
  ready('allocation', 'Allocation', 'which units in stock to issue to today’s requests (thesis ch. 6)',
    () => module(import('./allocation/index.js'))),
  comingSoon('supply', 'Supply', 'acquisition, ordering and ageing of stock (thesis ch. 5)'),
  ready('systems', 'Systems', 'define a blood-group system of your own and its population tables, for every calculator',
    () => module(import('./systems/index.js'))),
  ready('validation', 'Validation', 'every published number beside the number computed here',
    () => module(import('./validation/index.js'))),
];
