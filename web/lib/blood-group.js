// A donor's blood group as staff write it, read into one phenotype per system:
// "O RhD-neg K- Fy(a-b+)", "R1R1", "A DCce", "Fy(a-b-)". Words are read as
//   - an Rh genotype in the short notation (R1R1, R1r, rr: the `system` operation's short
//     labels), which fixes the Rh phenotype;
//   - a phenotype's own label (O, AB, DCce, K+k-, Fy(a-b-), M+N-S+s-);
//   - otherwise antigens with signs (web/calculators/frequencies/notation.js: "K-", "RhD-neg").
// Each system's phenotype must then be the only one its antigens allow ("K-" is K-k+, as K-k-
// does not exist in the two-allele Kell system); D alone is read in the RhD system, D with C,
// c, E or e in Rh.
import { parseGroup } from '../calculators/frequencies/notation.js';

export const SYSTEM_ORDER = ['abo', 'rhd', 'rh', 'kell', 'duffy', 'kidd', 'mns'];

/**
 * systems: the catalogue's systems ({id, name, antigens, phenotypes: [{label, antigens}]});
 * rhShort: Map short label (R1r) -> Rh phenotype label.
 * Returns {phenotypes: Map system id -> phenotype label} or {error}.
 */
export function readBloodGroup(text, systems, rhShort = new Map()) {
  const byId = new Map(systems.map((s) => [s.id, s]));
  const fixed = new Map(); // system id -> phenotype label, from whole words
  const rest = [];
  const fix = (id, label, word) => {
    if (fixed.has(id) && fixed.get(id) !== label) throw new Error(`“${word}” and ${fixed.get(id)} are two ${byId.get(id).name} phenotypes`);
    fixed.set(id, label);
  };
  try {
    for (const word of String(text ?? '').split(/[\s,;]+/).filter(Boolean)) {
      if (rhShort.has(word)) { fix('rh', rhShort.get(word), word); continue; }
      if (word === 'd') { rest.push('D-'); continue; } // the RhD system's "d": D absent
      const own = systems.find((s) => s.id !== 'rhd' && s.phenotypes.some((p) => p.label === word));
      if (own && !/^[A-Za-z]+[+\-−–]$/.test(word)) { fix(own.id, word, word); continue; }
      rest.push(word);
    }
  } catch (e) {
    return { error: e.message };
  }
  const antigens = [...new Set(SYSTEM_ORDER.filter((id) => id !== 'rhd').flatMap((id) => byId.get(id)?.antigens ?? []))];
  const signs = rest.length ? parseGroup(rest.join(' '), antigens) : { present: [], absent: [] };
  if (signs.error) return { error: signs.error };
  const said = new Map([...signs.present.map((a) => [a, true]), ...signs.absent.map((a) => [a, false])]);
  const phenotypes = new Map();
  for (const id of SYSTEM_ORDER) {
    const system = byId.get(id);
    if (!system || id === 'rhd') continue;
    let constraints = system.antigens.filter((a) => said.has(a));
    let target = system;
    // D alone: the RhD system (two phenotypes), unless the Rh phenotype is fixed otherwise.
    if (id === 'rh' && !fixed.has('rh') && constraints.length === 1 && constraints[0] === 'D' && byId.has('rhd')) {
      target = byId.get('rhd');
      constraints = ['D'];
    }
    const candidates = target.phenotypes.filter((p) => (fixed.has(id) ? p.label === fixed.get(id) : true)
      && constraints.every((a) => p.antigens.includes(a) === said.get(a)));
    if (!fixed.has(id) && constraints.length === 0) continue;
    if (candidates.length === 0) {
      const wanted = constraints.map((a) => `${a}${said.get(a) ? '+' : '−'}`).join(' ');
      return { error: fixed.has(id) ? `${fixed.get(id)} does not agree with ${wanted}` : `No ${system.name} phenotype is ${wanted}` };
    }
    if (candidates.length > 1) {
      const open = system.antigens.filter((a) => !said.has(a));
      return { error: `${system.name}: ${candidates.map((p) => p.label).join(' or ')}? Say + or − for ${open.join(', ')}` };
    }
    phenotypes.set(target.id, candidates[0].label);
  }
  if (phenotypes.size === 0) return { error: 'Type the donor’s blood group, e.g. “O RhD-neg K-” or “Fy(a-b-)”' };
  return { phenotypes };
}

/** The `systems` catalogue with staff's short Rh notation (R1R1, rr) beside it: rhShort maps
 *  an Rh genotype's short label (the `system` operation's) to the phenotype it shows. For a
 *  calculator's load(). */
export async function loadBloodGroupCatalogue(client) {
  const [catalogue, rh] = await Promise.all([client.call('systems'), client.call('system', { system: 'rh' })]);
  const rhShort = new Map(rh.result.genotypes.filter((g) => g.short_label)
    .map((g) => [g.short_label, rh.result.system.phenotypes[g.phenotype].label]));
  return { ...catalogue.result, rhShort };
}

/** The phenotypes read, in the systems' order, for a "Read as" line: "ABO: O · RhD: d"; "—"
 *  when there are none. */
export function describeBloodGroup(systems, phenotypes) {
  return phenotypes?.size ? systems.filter((s) => phenotypes.has(s.id)).map((s) => `${s.name}: ${phenotypes.get(s.id)}`).join(' · ') : '—';
}
