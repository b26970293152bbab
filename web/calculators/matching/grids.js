// The Matching tab's two grids, units and requests, as data (no DOM): every cell read the
// way staff write it, the link's form and CSV files by line (through the Allocation tab's
// CSV reader, which takes a grid's own `readRows`), and the generator of random units and
// patients from the module's population tables (seeded).
//
// A type is the list of antigens present, by name ("D C e K Fya"), or a blood group as staff
// write it ("O-", "A pos", "R1R1 K-": web/lib/blood-group.js); an antigen of the preset not
// given as present is absent. Names are case-sensitive: c and C, k and K, s and S differ.
import { readAntigensPresent } from '../../lib/blood-group.js';
import { checkNumber, parseNumber } from '../../lib/numbers.js';
import { seededRandom } from '../../lib/random.js';

const ID = { key: 'id', name: 'id', heading: 'Id', size: 5, inputmode: 'text' };
// A type cell says how it was read when that is not what was typed ("A pos": A D).
const TYPE = { key: 'type', name: 'antigens present', heading: 'Antigens present', size: 16, inputmode: 'text',
  reading: (text, { antigens }) => {
    const type = readAntigensPresent(text, antigens);
    return type.error ? '' : type.present.join(' ') || 'none';
  } };
const AGE = { key: 'age', name: 'age', heading: 'Age (days)', size: 3 };
// A link holds a group's id (sickle_cell); its box shows it in words (sickle cell).
const GROUP = { key: 'group', name: 'patient group', heading: 'Patient group', size: 8, inputmode: 'text',
  show: (value) => (readGroupName(value) ? value.replaceAll('_', ' ') : value) };
const ANTIBODIES = { key: 'antibodies', name: 'antibodies', heading: 'Antibodies', size: 6, inputmode: 'text' };
const UNITS = { key: 'units', name: 'units', heading: 'Units', size: 2 };

/** Words staff use for the patient groups, besides their ids. */
export const GROUP_WORDS = {
  sickle_cell: ['scd', 'sickle cell', 'sickle-cell', 'sickle cell disease', 'sickle-cell disease'],
  thalassaemia: ['thal', 'thalassemia'],
  myelodysplasia: ['mds'],
  autoimmune_haemolysis: ['aiha', 'autoimmune', 'autoimmune hemolysis'],
  other: ['non-scd'],
};

export function readGroupName(text) {
  const t = String(text ?? '').trim().toLowerCase().replaceAll('_', ' ');
  for (const [id, words] of Object.entries(GROUP_WORDS)) {
    if (t === id.replaceAll('_', ' ') || words.includes(t)) return id;
  }
  return null;
}

/** Antigen names in a cell (antibodies, the antigens a patient group must be matched for):
 *  {names} or {error}. "anti-K" reads as K; "O", "-" and "" as none. */
export function readAntigenList(text, antigens, { anti = false } = {}) {
  const t = String(text ?? '').trim();
  if (t === '' || t === '-' || t === 'O' || t.toLowerCase() === 'none') return { names: [] };
  const names = t.split(/[\s,;/]+/).filter(Boolean).map((n) => (anti ? n.replace(/^anti-?/i, '') : n).replace(/\+$/, ''));
  const unknown = names.filter((n) => !antigens.includes(n));
  if (unknown.length) {
    return { error: `${unknown.map((n) => `“${n}”`).join(', ')} ${unknown.length === 1 ? 'is not' : 'are not'} among the antigens typed (${antigens.join(' ')})` };
  }
  return { names: antigens.filter((a) => names.includes(a)) };
}

function readId(text, fallback) {
  const t = String(text ?? '').trim();
  if (t === '') return { value: fallback };
  if (/[:;]/.test(t)) return { error: 'an id cannot hold “:” or “;”' };
  if (t.length > 64) return { error: 'at most 64 characters' };
  return { value: t };
}

function readWhole(text, { min, max, empty }) {
  const t = String(text ?? '').trim();
  if (t === '' && empty != null) return { value: empty };
  if (t === '') return { error: 'enter a number of days' };
  const error = checkNumber(t, { min, max, type: 'integer' });
  return error ? { error } : { value: parseNumber(t) };
}

/** Rows of a grid read: {entries (null for a row with an error), errors: [{row, key, message}]}. */
function readMatchRows(grid, rows, context) {
  const errors = [];
  const entries = rows.map((cells, row) => {
    const entry = {};
    let ok = true;
    const cell = (key) => cells[grid.columns.findIndex((c) => c.key === key)];
    const put = (key, { value, error }) => {
      if (error) { errors.push({ row, key, message: error }); ok = false; } else if (value !== undefined) entry[key] = value;
    };
    put('id', readId(cell('id'), String(row + 1)));
    const type = readAntigensPresent(cell('type'), context.antigens);
    put('type', type.error ? type : { value: type.present });
    if (grid === UNITS_GRID) {
      put('age', readWhole(cell('age'), { min: 0, max: context.shelfLife ?? 100 }));
    } else {
      const group = readGroupName(cell('group'));
      put('group', group ? { value: group }
        : { error: `“${String(cell('group') ?? '').trim()}” is not a patient group (sickle cell, thalassaemia, myelodysplasia, AIHA, other)` });
      const anti = readAntigenList(cell('antibodies'), context.antigens, { anti: true });
      if (anti.error) put('antibodies', anti);
      else if (type.present && anti.names.some((a) => type.present.includes(a))) {
        put('antibodies', { error: `the patient carries ${anti.names.filter((a) => type.present.includes(a)).join(' ')}: no antibody against their own antigens` });
      } else if (anti.names.length) entry.antibodies = anti.names;
      put('units', readWhole(cell('units'), { min: 1, max: 20, empty: 1 }));
    }
    return ok ? entry : null;
  });
  return { entries, errors };
}

export const UNITS_GRID = { field: 'units', row: 'unit row', columns: [ID, TYPE, AGE], param: 'id:antigens:age', readRows: readMatchRows };
export const REQUESTS_GRID = {
  field: 'requests', row: 'request row', columns: [ID, GROUP, TYPE, ANTIBODIES, UNITS], param: 'id:group:antigens:antibodies:units', readRows: readMatchRows,
};
export const GRIDS = [UNITS_GRID, REQUESTS_GRID];
export { readMatchRows as readRows };

/** The user's name for a request path of the match operation ("age of unit row 3"). */
export function fieldLabel(path) {
  const m = path.match(/^(units|requests)\[(\d+)\](?:\.(\w+))?/);
  if (m) {
    const grid = GRIDS.find((g) => g.field === m[1]);
    const row = `${grid.row} ${Number(m[2]) + 1}`;
    const column = grid.columns.find((c) => c.key === m[3]);
    return column ? `${column.name} of ${row}` : row;
  }
  const g = path.match(/^patient_groups\.(\w+)\.(\w+)/);
  if (g) return `${g[2].replaceAll('_', ' ')} of the patient group ${g[1].replaceAll('_', ' ')}`;
  return {
    units: 'the units', requests: 'the requests', preset: 'the preset', antigens: 'the antigens',
    immunogenicity_weight: 'the weight λ1 of mismatches', major_substitution_weight: 'the weight λ2 of major substitution',
    minor_substitution_weight: 'the weight λ3 of minor substitution', fifo_weight: 'the weight λ4 of first-in-first-out',
    young_blood_weight: 'the weight λ5 of young blood', shelf_life: 'the shelf life G',
    mismatch_count: 'how mismatches count',
  }[path] ?? path;
}

// ---- the link: units=U1:D C e:3;U2:c e:9 ----------------------------------------------

export function formatGridParam(grid, entries) {
  return entries.map((e) => grid.columns.map((c) => {
    const v = e[c.key];
    return Array.isArray(v) ? v.join(' ') : String(v ?? '');
  }).join(':')).join(';');
}

// ---- generating units and patients ----------------------------------------------------

const SYSTEMS = ['abo', 'rh', 'kell', 'duffy', 'kidd', 'mns'];
/** The tables each population draws from (the module's catalogue ids), first one present wins. */
export const POPULATIONS = {
  european: { label: 'European (thesis Table 4.4)', tables: (s) => [`${s}/thesis-table-4.4`] },
  african: { label: 'African (Reid et al. 2012 where the module has it; Rh and Duffy as noted)',
    tables: (s) => [`${s}/african-reid-2012`, `${s}/african-sec-3.5.2`, `${s}/thesis-table-4.4`] },
};

/** One phenotype's antigens per system, drawn from the population's tables. */
function drawType(random, catalogue, population) {
  const present = [];
  for (const id of SYSTEMS) {
    const system = catalogue.systems.find((s) => s.id === id);
    const table = POPULATIONS[population].tables(id).map((t) => catalogue.populations.find((p) => p.id === t)).find(Boolean);
    if (!system || !table) continue;
    let u = random(), k = 0;
    const total = table.frequencies.reduce((a, b) => a + b, 0);
    u *= total;
    while (k < table.frequencies.length - 1 && u >= table.frequencies[k]) u -= table.frequencies[k++];
    present.push(...system.phenotypes[k].antigens);
  }
  return present;
}

/** {antigen: share of sickle-cell patients with an alloantibody against it}, from a `match` result's antigen_defaults. */
export function antibodySharesOf(matchResult) {
  return Object.fromEntries(matchResult.antigen_defaults.map((d) => [d.antigen, d.antibody_share]));
}

/**
 * Random grid rows: `units` units of the donor population (ages 0-34 days) and `patients`
 * requests, a share `scdShare` sickle-cell patients of African ancestry, the rest "other" of
 * European ancestry (seed 004 sec. 4.2's assumptions). A sickle-cell patient has an antibody
 * against each minor antigen typed with probability `antibodyShares[antigen]` (antibodySharesOf),
 * kept only when the patient lacks the antigen, as the seed's authors' simulator draws them.
 */
export function generate({ seed, units, patients, scdShare = 0.7, antigens, catalogue, shelfLife = 35, antibodyShares }) {
  if (!antibodyShares) throw new Error('generate: antibodyShares is required (antibodySharesOf a match result)');
  const random = seededRandom(seed);
  const keep = (names) => antigens.filter((a) => names.includes(a));
  const unitRows = Array.from({ length: units }, (_, i) => {
    const type = keep(drawType(random, catalogue, 'european'));
    return [`U${i + 1}`, type.join(' '), String(Math.floor(random() * Math.min(35, shelfLife + 1)))];
  });
  const minor = antigens.filter((a) => !['A', 'B', 'D'].includes(a));
  const requestRows = Array.from({ length: patients }, (_, j) => {
    const scd = random() < scdShare;
    const type = keep(drawType(random, catalogue, scd ? 'african' : 'european'));
    // One draw per antigen whether or not the patient lacks it, so a day depends only on the seed.
    const antibodies = scd ? minor.filter((a) => random() < (antibodyShares[a] ?? 0) && !type.includes(a)) : [];
    const b = scd ? 1 + Math.floor(random() * 3) : 1 + Math.floor(random() * 2);
    return [`P${j + 1}`, scd ? 'sickle cell' : 'other', type.join(' '), antibodies.join(' '), String(b)];
  });
  return { units: unitRows, requests: requestRows };
}
