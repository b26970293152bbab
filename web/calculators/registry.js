// Every calculator, in the navigation's order (web/calculators/catalogue.js: groups, titles,
// the question each answers). A calculator with code is a module exporting
//   { id, mount(container, context) -> { unmount() } }
// where context = { client, params: URLSearchParams, setParams(URLSearchParams) }; one
// without is listed as coming (`ready: false`), with what it will do.
import { CATALOGUE, GROUPS } from './catalogue.js';
import genotypes from './genotypes/index.js';
import frequencies from './frequencies/index.js';
import antigenOrder from './antigen-order/index.js';
import relatives from './relatives/index.js';
import pregnancy from './pregnancy/index.js';
import family from './family/index.js';
import allocation from './allocation/index.js';
import matching from './matching/index.js';
import simulation from './simulation/index.js';
import supply from './supply/index.js';
import ordering from './ordering/index.js';
import lp from './lp/index.js';
import systems from './systems/index.js';
import validation from './validation/index.js';

const modules = new Map([genotypes, frequencies, antigenOrder, relatives, pregnancy, family, allocation, matching, simulation, supply, ordering, lp, systems, validation]
  .map((m) => [m.id, m]));

// The catalogue's words win over a module's own title: one place says what a calculator is.
export const calculators = CATALOGUE.map((entry) => (modules.has(entry.id)
  ? { ...entry, mount: modules.get(entry.id).mount, ready: true }
  : { ...entry, ready: false }));

export const groups = GROUPS.map((g) => ({ ...g, calculators: calculators.filter((c) => c.group === g.id) }));

const unlisted = [...modules.keys()].filter((id) => !calculators.some((c) => c.id === id));
if (unlisted.length) throw new Error(`registry: ${unlisted.join(', ')} not in catalogue.js`);
