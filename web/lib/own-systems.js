// Blood-group systems of the user's own, shared by every calculator: written in a short
// notation (one locus per line), kept in this browser's localStorage with the population
// tables typed or imported for them, and expanded by the module's `system` operation.
//
// Notation, one locus per line, alleles separated by commas, an allele's antigens by spaces
// (none: a silent allele):
//   FY: FY*A = Fya, FY*B = Fyb, FY*Null =
// The system's antigens are those the alleles carry, in the order they first appear.

const STORE_KEY = 'rbcmatch.own-systems';
const STORE_VERSION = 1;

/** The definition a text in the notation describes, or {errors: [messages by line]}. */
export function parseLoci(text, { name, emptyLabel } = {}) {
  const errors = [];
  const loci = [];
  const antigens = [];
  String(text ?? '').split(/\r?\n/).forEach((raw, k) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const where = `Line ${k + 1}`;
    const colon = line.indexOf(':');
    if (colon < 1) { errors.push(`${where}: start with the locus name and a colon, e.g. “FY: FY*A = Fya, FY*B = Fyb”`); return; }
    const locus = { name: line.slice(0, colon).trim(), alleles: [], line: k + 1 };
    const again = loci.find((l) => l.name === locus.name);
    if (again) errors.push(`${where}: the locus “${locus.name}” is already on line ${again.line}`);
    const parts = line.slice(colon + 1).split(',').map((p) => p.trim());
    parts.forEach((part, i) => {
      if (part === '' && i === parts.length - 1 && i > 0) return; // a trailing comma
      const eq = part.indexOf('=');
      if (eq < 1) { errors.push(`${where}: “${part}” should be an allele, “=” and its antigens (nothing after “=” for a silent allele)`); return; }
      const carried = part.slice(eq + 1).trim().split(/\s+/).filter(Boolean);
      const allele = part.slice(0, eq).trim();
      if (locus.alleles.some((a) => a.name === allele)) { errors.push(`${where}: the allele “${allele}” is listed twice in locus ${locus.name}`); return; }
      for (const a of carried) if (!antigens.includes(a)) antigens.push(a);
      locus.alleles.push({ name: allele, antigens: carried });
    });
    loci.push(locus);
  });
  if (!errors.length && !loci.length) errors.push('Give at least one locus, e.g. “FY: FY*A = Fya, FY*B = Fyb, FY*Null =”');
  if (errors.length) return { errors };
  const definition = { name: String(name ?? '').trim(), antigens, loci: loci.map(({ name: n, alleles }) => ({ name: n, alleles })) };
  if (emptyLabel && emptyLabel.trim()) definition.empty_phenotype_label = emptyLabel.trim();
  return { definition };
}

/** The notation of a definition's loci (the inverse of parseLoci). */
export function formatLoci(definition) {
  return definition.loci.map((l) => `${l.name}: ${l.alleles.map((a) => `${a.name} = ${a.antigens.join(' ')}`.trimEnd()).join(', ')}`).join('\n');
}

// ---- the store ----------------------------------------------------------------------------
// {version, systems: [{id, definition, populations: [{name, frequencies: number[]}]}]}.
// A store this page cannot read (another version, edited by hand) is left alone, not
// overwritten, and reported.

function storage() {
  try { return globalThis.localStorage ?? null; } catch { return null; } // blocked: a sandboxed or file:// page
}

/** {systems, problem?}: the saved systems, and why they could not be read if they could not. */
export function loadOwnSystems() {
  const store = storage();
  if (!store) return { systems: [], problem: 'This browser does not let the page keep data, so systems cannot be saved.' };
  let text;
  try { text = store.getItem(STORE_KEY); } catch { return { systems: [], problem: 'This browser does not let the page read its saved data.' }; }
  if (text == null) return { systems: [] };
  try {
    const data = JSON.parse(text);
    if (data?.version !== STORE_VERSION || !Array.isArray(data.systems)) throw new Error('unknown form');
    const systems = data.systems.filter((s) => typeof s?.id === 'string' && s.definition && Array.isArray(s.definition.loci))
      .map((s) => ({ ...s, populations: Array.isArray(s.populations) ? s.populations : [] }));
    return { systems };
  } catch {
    return { systems: [], problem: 'The systems saved in this browser could not be read (saved by another version?); they were left as they are.' };
  }
}

function write(systems) {
  const store = storage();
  if (!store) throw new Error('This browser does not let the page keep data, so the system was not saved.');
  try { store.setItem(STORE_KEY, JSON.stringify({ version: STORE_VERSION, systems })); } catch (e) {
    throw new Error(`The browser refused to save (${e.name === 'QuotaExceededError' ? 'its storage is full' : e.message}).`);
  }
}

/** An id for a new system: its name in lower case letters and digits, made unique. */
export function systemId(name, taken) {
  const base = `my-${String(name).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'system'}`;
  let id = base;
  for (let k = 2; taken.includes(id); ++k) id = `${base}-${k}`;
  return id;
}

/** Saves (replacing a system of the same id); returns the saved entry. Throws with a message. */
export function saveOwnSystem(entry) {
  const { systems, problem } = loadOwnSystems();
  if (problem && storage()?.getItem?.(STORE_KEY) != null) throw new Error(problem);
  const id = entry.id ?? systemId(entry.definition.name, systems.map((s) => s.id));
  const saved = { id, definition: entry.definition, populations: entry.populations ?? [] };
  const at = systems.findIndex((s) => s.id === id);
  if (at >= 0) systems[at] = saved; else systems.push(saved);
  write(systems);
  return saved;
}

export function removeOwnSystem(id) {
  write(loadOwnSystems().systems.filter((s) => s.id !== id));
}

/**
 * Systems of the user's own expanded by the module (`system` operation): {systems: [{...entry,
 * system: {id, name, antigens, phenotypes, haplotypes, genotype_count}}], failed: [{entry,
 * message}]}. A definition the module refuses (a limit changed since it was saved, a link
 * edited by hand) is left out with the module's message.
 */
export async function expandOwnSystems(client, entries) {
  const systems = [];
  const failed = [];
  for (const entry of entries) {
    try {
      const { result } = await client.call('system', { system: entry.definition });
      systems.push({ ...entry, system: { ...result.system, id: entry.id } });
    } catch (e) {
      failed.push({ entry, message: `“${entry.definition.name}” cannot be used: ${e.message}` });
    }
  }
  return { systems, failed };
}

// ---- in a link ----------------------------------------------------------------------------
// A calculator using a system of the user's own writes its definition into the link, so the
// link works in a browser that never saved it: ?own_name=…&own_loci=…&own_empty=….

export const OWN_SYSTEM_PARAMS = ['own_name', 'own_loci', 'own_empty'];

export function writeOwnSystemParams(params, definition) {
  params.set('own_name', definition.name);
  params.set('own_loci', formatLoci(definition));
  if (definition.empty_phenotype_label) params.set('own_empty', definition.empty_phenotype_label);
}

/** null when the link names no system of its own, else parseLoci's answer. */
export function readOwnSystemParams(params) {
  if (!params?.has('own_loci')) return null;
  return parseLoci(params.get('own_loci'), { name: params.get('own_name') ?? 'System from the link', emptyLabel: params.get('own_empty') ?? '' });
}

const sameDefinition = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The `systems` catalogue with the user's systems beside it: {systems, populations, own:
 * [{id, definition, populations, system, tables, linked}], linkProblems, storeProblems}.
 * `tables` are a saved system's population tables in the catalogue's form; `linked` marks the
 * system a link defines (saved here or not). linkProblems: why the link's system cannot be
 * used; storeProblems: saved systems that cannot be read or used.
 */
export async function loadSystemsWithOwn(client, linked) {
  const catalogue = (await client.call('systems')).result;
  const { systems: saved, problem } = loadOwnSystems();
  const storeProblems = problem && storage()?.getItem?.(STORE_KEY) != null ? [problem] : [];
  const linkProblems = [];
  const entries = saved.map((s) => ({ ...s }));
  if (linked?.errors) linkProblems.push(...linked.errors.map((e) => `The link’s own system: ${e}`));
  else if (linked) {
    const same = entries.find((s) => sameDefinition(s.definition, linked.definition));
    if (same) same.linked = true;
    else entries.push({ id: 'from-link', definition: linked.definition, populations: [], linked: true });
  }
  const { systems: own, failed } = await expandOwnSystems(client, entries);
  for (const { entry, message } of failed) (entry.linked ? linkProblems : storeProblems).push(`Your system ${message}`);
  for (const o of own) {
    o.tables = o.populations.map((p, k) => ({ id: `${o.id}#${k + 1}`, system: o.id, name: p.name, source: 'your table, saved in this browser', notes: '', frequencies: p.frequencies, saved: true }));
    if (o.id === 'from-link') o.system.name = `${o.system.name} (from the link)`;
  }
  return { ...catalogue, own, linkProblems, storeProblems };
}
