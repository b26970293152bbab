// Every calculator, in tab order. A calculator is a module exporting
//   { id, title, summary, mount(container, context) -> { unmount() } }
// where context = { client, params: URLSearchParams, setParams(URLSearchParams) }.
// Calculators not yet written are listed with `ready: false` and shown as disabled tabs.
import genotypes from './genotypes/index.js';
import frequencies from './frequencies/index.js';
import relatives from './relatives/index.js';
import pregnancy from './pregnancy/index.js';
import family from './family/index.js';
import allocation from './allocation/index.js';
import matching from './matching/index.js';
import lp from './lp/index.js';
import systems from './systems/index.js';
import validation from './validation/index.js';

const comingSoon = (id, title, summary) => ({ id, title, summary, ready: false });

export const calculators = [
  { ...genotypes, ready: true },
  { ...relatives, ready: true },
  { ...family, ready: true },
  { ...pregnancy, ready: true },
  { ...frequencies, ready: true },
  comingSoon('antigen-order', 'Antigen order', 'optimal antigen-exclusion order (thesis ch. 7)'),
  { ...allocation, ready: true },
  { ...matching, ready: true },
  { ...lp, ready: true },
  comingSoon('supply', 'Supply', 'acquisition, ordering and ageing of stock (thesis ch. 5)'),
  { ...systems, ready: true },
  { ...validation, ready: true },
];
