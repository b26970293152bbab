// Blood groups as staff write them, read in one place for every tab (Relatives, Pregnancy,
// Family, Frequencies, Allocation, Matching) and written back (groupLabel). The user guide's
// "Writing a blood group" lists what is understood; tests/js/blood-group.test.mjs holds a
// table of written forms with their readings and refusals.
//
// Reading has two steps.
//   1. scan(): the text becomes statements "antigen X present / absent", each with the word it
//      came from and whether the word says it outright ("K-"; the "-" of "O-", of D) or
//      implies it as part of a whole phenotype ("O": A and B absent; "R1R1": D, C, c, E, e).
//      Contradictions between words are refused here ("AB+ A-", "O- R1R1").
//   2. a reading for the tab:
//      readBloodGroup: one phenotype per system (a person: Relatives, Pregnancy, Family);
//      readGroup: a group over the antigens chosen, complete or partial (Frequencies,
//        Allocation); an implied statement about an antigen not chosen is left out, an
//        outright one is refused;
//      readAntigensPresent: the antigens a unit or patient carries, the rest absent (Matching).
//
// Where ABO is written as a group (a person's blood group; A and B both among the antigens),
// a sign after the group is RhD: "A+" is A RhD-positive, never "antigen A present". Case is
// kept for antigens (c and C, e and E, k and K, s and S differ); only words that cannot be
// an antigen are read in any case ("o neg", "rhd-NEG", "fya+").

/** The built-in systems' antigens (src/bloodgroup/builtin_systems.cpp), known to every reading. */
export const BUILT_IN_ANTIGENS = ['A', 'B', 'D', 'C', 'c', 'E', 'e', 'K', 'k', 'Fya', 'Fyb', 'Jka', 'Jkb', 'M', 'N', 'S', 's'];
const RH = ['D', 'C', 'c', 'E', 'e'];
/** Wiener's Rh haplotypes (ISBT): the antigens each carries. */
export const WIENER_HAPLOTYPES = { R0: 'Dce', R1: 'DCe', R2: 'DcE', Rz: 'DCE', r: 'dce', "r'": 'dCe', "r''": 'dcE', ry: 'dCE' };

// A sign: + or - (also "+ve", "-ve"), pos / neg / positive / negative (also "-neg").
const SIGN = String.raw`(?:[+-](?:ve)?|-?\s*(?:pos(?:itive)?|neg(?:ative)?))`;
const SIGN_WORD = new RegExp(`^${SIGN}$`, 'i');
const ABO_WORD = new RegExp(`^(AB|A|B|O|0)(?:\\s*(${SIGN}))?$`, 'i');
const RH_WORD = new RegExp(`^Rh(D?)(?:\\s*(${SIGN}))?$`, 'i');
const KELL_WORD = new RegExp(`^Kell(?:\\s*(${SIGN}))?$`, 'i');
const HAPLOTYPE = String.raw`(R[0oO12zZ]|r''|r'|r[yY]|r)`;
const WIENER = new RegExp(`^${HAPLOTYPE}${HAPLOTYPE}$`);
const LONE_HAPLOTYPE = new RegExp(`^${HAPLOTYPE}$`);
const positive = (sign) => (/pos/i.test(sign) ? true : /neg/i.test(sign) ? false : sign.trim()[0] === '+');
const wienerKey = (h) => h.replace(/^R[oO]$/, 'R0').replace(/^RZ$/, 'Rz').replace(/^rY$/, 'ry');
const signed = (antigen, present) => `${antigen}${present ? '+' : '−'}`;
const rhdWords = (present) => (present ? 'RhD-positive' : 'RhD-negative');

// ---- step 1: words -------------------------------------------------------------------

/** Typographic minus signs, dashes, primes, sub- and superscript digits to plain ones; the
 *  spaced spellings "Rh (D)", "Rh D", "Fy (a+, b-)", "CDe/cde" into one word each. */
function words(text) {
  const t = String(text ?? '')
    .replace(/[\u2010-\u2014\u2212\uFE63\uFF0D]/g, '-').replace(/\uFF0B/g, '+')
    .replace(/[\u2018\u2019\u2032\u00B4`]/g, "'").replace(/[\u201C\u201D\u2033"]/g, "''")
    .replace(/[\u2080\u2070]/g, '0').replace(/[\u2081\u00B9]/g, '1').replace(/[\u2082\u00B2]/g, '2')
    .replace(/\s+/g, ' ').trim().replace(/\.$/, '')
    .replace(/\bRhesus\b/gi, 'Rh')
    .replace(/\bRh\s*\(\s*D\s*\)/gi, 'RhD')
    .replace(/\bRh\s+D\b/gi, 'RhD')
    .replace(/\bRh\s*-?\s*null\b/gi, 'Rhnull')
    .replace(/\b(Fy|Jk)\s*\(([^)]*)\)/gi, (_, system, inside) => `${system}(${inside.replace(/[\s,;]+/g, '')})`)
    // A genotype in Fisher-Race letters, "CDe/cde": the phenotype shows both haplotypes' antigens.
    .replace(/\b([CcDdEe]{3})\s*\/\s*([CcDdEe]{3})\b/g, (_, a, b) => a + b);
  const list = t.split(/[\s,;:/]+/).filter(Boolean);
  const out = [];
  for (let i = 0; i < list.length; i++) {
    const w = list[i];
    // A sign on its own belongs to the word before it: "O neg", "RhD negative", "K -".
    if (SIGN_WORD.test(w) && out.length) out[out.length - 1] += ` ${w}`;
    // Wiener's haplotypes written apart: "R1 r", "R1/r".
    else if (LONE_HAPLOTYPE.test(w) && LONE_HAPLOTYPE.test(list[i + 1] ?? '')) out.push(w + list[++i]);
    else out.push(w);
  }
  return out;
}

/** Every name a word may start with, longest first (so "Fya" is not read as "F" + "ya"). */
const byLength = (names) => [...names].sort((a, b) => b.length - a.length);

/** A name at the start of `rest`: exact, or in any case where that cannot be another antigen
 *  (fya, FYA: Fya; never c for C). */
function nameAt(rest, names) {
  for (const n of names) if (rest.startsWith(n)) return { name: n, length: n.length };
  for (const n of names) {
    if (n.length < 2) continue;
    const head = rest.slice(0, n.length);
    if (head.toLowerCase() === n.toLowerCase() && names.filter((m) => m.toLowerCase() === head.toLowerCase()).length === 1) {
      return { name: n, length: n.length };
    }
  }
  return null;
}

/**
 * One word: {kind, statements: [{antigen, present, said}], group?} or {error, fixes?: string[]}
 * (fixes: written forms that may be meant, tried in place of the word for a suggestion).
 * options: {aboGroups: a sign after an ABO group is RhD; bareLetters: "A" and "B" alone are
 * antigens (a list of antigens present), not ABO groups; names: antigens known}.
 */
function readWord(word, { aboGroups, bareLetters, names }) {
  const said = (antigen, present) => ({ antigen, present, said: true });
  const implied = (antigen, present) => ({ antigen, present, said: false });
  // ABO, with RhD after it: "O", "0-", "AB pos", "A +ve", "o neg".
  let m = word.match(ABO_WORD);
  if (m) {
    const letter = /^[AB]$/i.test(m[1]);
    if (letter && !aboGroups) {
      // Without both A and B, "A+" is the antigen A (exact case: "a" is no antigen).
      if (/^[AB]$/.test(m[1])) return { kind: 'antigen', statements: [said(m[1], m[2] == null || positive(m[2]))] };
    } else if (letter && bareLetters && !m[2]) {
      return { kind: 'antigen', statements: [said(m[1].toUpperCase(), true)] };
    } else {
      const group = m[1].toUpperCase().replace('0', 'O');
      const statements = [implied('A', group.includes('A')), implied('B', group.includes('B'))];
      if (m[2]) statements.push(said('D', positive(m[2])));
      return { kind: 'abo', group, statements };
    }
  }
  if (/^A[12]B?$/i.test(word)) {
    return { error: `“${word}”: subgroups of A are not told apart here`, fixes: [word.replace(/[12]/, '').toUpperCase()] };
  }
  // RhD: "RhD-neg", "Rh+", "Rh(D) positive", "Rh -ve".
  m = word.match(RH_WORD);
  if (m) {
    if (!m[2]) return { error: `“${word}” needs positive or negative: “RhD-positive” or “RhD-negative”` };
    return { kind: 'rhd', statements: [said('D', positive(m[2]))] };
  }
  if (/^Rhnull$/i.test(word)) {
    return { error: 'Rh-null (no Rh antigens) is not among the Rh phenotypes here: each has C or c and E or e' };
  }
  if (/^(weak|partial|Du)$/i.test(word)) {
    return { error: `“${word}”: weak and partial D are not told apart here; write D+ or D− as your policy treats them` };
  }
  m = word.match(KELL_WORD);
  if (m) {
    if (!m[1]) return { error: `“${word}” needs positive or negative: “K+” or “K-”` };
    return { kind: 'antigen', statements: [said('K', positive(m[1]))] };
  }
  // Duffy and Kidd as the ISBT writes them: Fy(a+b-), Jk(b-).
  m = word.match(/^(Fy|Jk)\((?:a([+-]))?(?:b([+-]))?\)$/i);
  if (m && (m[2] || m[3])) {
    const system = m[1].toLowerCase() === 'fy' ? 'Fy' : 'Jk';
    const statements = [];
    if (m[2]) statements.push(said(`${system}a`, m[2] === '+'));
    if (m[3]) statements.push(said(`${system}b`, m[3] === '+'));
    return { kind: 'antigen', statements };
  }
  if (/^(Fy|Jk)\(/i.test(word)) {
    const system = /^fy/i.test(word) ? 'Fy' : 'Jk';
    return { error: `“${word}”: write ${system === 'Fy' ? 'Duffy' : 'Kidd'} with a sign after a and b, e.g. “${system}(a+b-)”` };
  }
  // Wiener's shorthand for the Rh phenotype: R1R1, R2r, rr, r'r, R0r.
  m = word.match(WIENER);
  if (m) {
    const antigens = WIENER_HAPLOTYPES[wienerKey(m[1])] + WIENER_HAPLOTYPES[wienerKey(m[2])];
    return { kind: 'rh', statements: RH.map((a) => implied(a, antigens.includes(a))) };
  }
  if (LONE_HAPLOTYPE.test(word)) return { error: `“${word}” is one Rh haplotype: write both, e.g. “${word}r” or “${word}${word}”` };
  if (names.includes(word)) return { kind: 'antigen', statements: [said(word, true)] };
  // d: the RhD system's D-negative.
  if (word === 'd') return { kind: 'rhd', statements: [said('D', false)] };
  // The Rh phenotype in letters: DCce, CcDee, ccddee (lowercase d or no D: D-negative).
  if (/^[CcDdEe]{2,}$/.test(word)) {
    const has = (l) => word.includes(l);
    if ((has('C') || has('c')) && (has('E') || has('e'))) {
      return { kind: 'rh', statements: RH.map((a) => implied(a, has(a))) };
    }
    if (!/[CcEe]/.test(word)) return { kind: 'rhd', statements: [said('D', has('D'))] };
    return { error: `“${word}” leaves ${/[Cc]/.test(word) ? 'E and e' : 'C and c'} out: an Rh phenotype has C or c and E or e (DCce, ccddee); antigens alone are written apart (“D C”)` };
  }
  // Antigens with signs, one or several in a word: D+, K+k-, M+N-S+s-, Fya+.
  const sequence = byLength(names.filter((n) => !(aboGroups && (n === 'A' || n === 'B'))));
  const statements = [];
  let rest = word;
  while (rest) {
    const found = nameAt(rest, sequence);
    const sign = found && rest.slice(found.length).match(new RegExp(`^\\s*${SIGN}`, 'i'));
    if (!sign) break;
    statements.push(said(found.name, positive(sign[0])));
    rest = rest.slice(found.length + sign[0].length);
  }
  if (!rest) return { kind: 'antigen', statements };
  const { message, fixes, unknown } = wordError(word, { aboGroups, names });
  return { error: message, fixes, unknown };
}

/** Why a word does not read, in the user's words; fixes are tried for a suggestion. */
function wordError(word, { aboGroups, names }) {
  // Two signs: "O--", "O+-", "K+ neg".
  const twice = word.match(new RegExp(`^(.*?\\S)\\s*(${SIGN})\\s*(${SIGN})$`, 'i'));
  if (twice && !new RegExp(`^${SIGN}$`, 'i').test(twice[1])) {
    const [one, other] = [twice[2], twice[3]].map((x) => `${twice[1]}${positive(x) ? '+' : '-'}`);
    return one === other ? { message: `“${word}” has two signs`, fixes: [one] } : { message: `“${word}” has two signs: write “${one}” or “${other}”` };
  }
  if (SIGN_WORD.test(word)) return { message: `“${word}” needs a blood group or an antigen before it, e.g. “O ${word}”` };
  const before = word.match(/^([+-])(\S+)$/);
  if (before) return { message: `“${word}”: the sign goes after the antigen`, fixes: [before[2] + before[1]] };
  const after = word.match(new RegExp(`^(\\S+) (${SIGN})$`, 'i'));
  if (after) return { message: `“${after[2]}” after “${after[1]}”: a sign follows an ABO group, RhD or an antigen (“O neg”, “K neg”)` };
  if (aboGroups && /^[AB][+-]?[AB][+-]?$/i.test(word)) {
    return { message: `“${word}” is not a blood group: group AB is written “AB” (“AB+” if RhD-positive), A RhD-positive “A+”` };
  }
  const unknown = word.match(new RegExp(`^([A-Za-z][A-Za-z0-9]*)\\s*${SIGN}$`, 'i'));
  if (unknown && !/^(AB|A|B|O)$/i.test(unknown[1])) {
    return { message: `“${word}”: ${unknown[1]} is not an antigen the calculator knows (${names.join(', ')})`, fixes: nearest(word, names), unknown: true };
  }
  return { message: `“${word}” is not a blood group or an antigen the calculator knows`, fixes: nearest(word, names), unknown: true };
}

// ---- suggestions ------------------------------------------------------------------------

/** Written forms a mistyped word is compared with. */
function vocabulary(names) {
  const haplotypes = Object.keys(WIENER_HAPLOTYPES);
  return [
    'O', 'A', 'B', 'AB', ...['O', 'A', 'B', 'AB'].flatMap((g) => [`${g}+`, `${g}-`]),
    'RhD-positive', 'RhD-negative', 'Rh+', 'Rh-', 'positive', 'negative', 'pos', 'neg',
    ...names, ...names.flatMap((n) => [`${n}+`, `${n}-`]),
    ...['Fy', 'Jk'].flatMap((s) => ['a+b-', 'a-b+', 'a+b+', 'a-b-'].map((x) => `${s}(${x})`)),
    'K+k-', 'K-k+', 'K+k+',
    ...haplotypes.flatMap((h) => haplotypes.map((g) => h + g)),
  ];
}

/** Edit distance with transpositions ("negaitve"). */
function distance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The one written form nearest a word (in case first: "m+" is "M+"), if there is one. */
function nearest(word, names) {
  const forms = vocabulary(names);
  const sameLetters = forms.filter((f) => f.toLowerCase() === word.toLowerCase());
  if (sameLetters.length === 1) return sameLetters;
  const limit = word.length <= 4 ? 1 : 2;
  let best = [], bestDistance = Infinity;
  for (const f of new Set(forms)) {
    const k = distance(word.toLowerCase(), f.toLowerCase());
    if (k < bestDistance) { best = [f]; bestDistance = k; } else if (k === bestDistance) best.push(f);
  }
  return bestDistance <= limit && best.length === 1 ? best : [];
}

// ---- step 1: the whole text ---------------------------------------------------------------

/** How two words that disagree about one antigen are told apart. */
function conflict(first, second, antigen) {
  if (first.word === second.word) return `“${first.word}” gives ${antigen} both as present and as absent`;
  if (first.kind === 'abo' && second.kind === 'abo' && (antigen === 'A' || antigen === 'B')) {
    const ab = [first.group, second.group].sort().join() === 'A,B' ? ', or “AB” for group AB' : '';
    return `“${first.word}” and “${second.word}” are two ABO groups (${first.group} and ${second.group}): write one${ab}`;
  }
  if (antigen === 'D') return `“${first.word}” says ${rhdWords(first.present)} but “${second.word}” ${rhdWords(second.present)}`;
  const gloss = (w) => (w.kind === 'abo' ? ` (group ${w.group})` : '');
  return `“${first.word}”${gloss(first)} says ${signed(antigen, first.present)} but “${second.word}”${gloss(second)} ${signed(antigen, second.present)}`;
}

/**
 * The statements of a text: {words: [{word, kind, statements}], said: Map antigen ->
 * {present, word, kind, said}} or {error}. A word that does not read is named, with the
 * nearest text that reads when a fix of that word gives one ("did you mean “O-” (O
 * RhD-negative)?").
 */
function scan(text, options, suggest = true) {
  const list = words(text);
  const read = list.map((word) => ({ word, ...readWord(word, options) }));
  // A word that is nothing known is named first: "O Rh negtive" is about "negtive", not "Rh".
  const i = read.findIndex((r) => r.error && r.unknown) >= 0 ? read.findIndex((r) => r.error && r.unknown) : read.findIndex((r) => r.error);
  if (i >= 0) {
    const { error: message, fixes = [] } = read[i];
    if (!suggest) return { error: message };
    for (const fix of fixes) {
      const fixed = [...list.slice(0, i), fix, ...list.slice(i + 1)].join(' ');
      if (!scan(fixed, options, false).error) {
        const abo = fix.match(ABO_WORD);
        const gloss = list.length === 1 && abo?.[2] && options.aboGroups ? ` (${abo[1].toUpperCase().replace('0', 'O')} ${rhdWords(positive(abo[2]))})` : '';
        return { error: `${message}: did you mean “${fixed}”${gloss}?` };
      }
    }
    return { error: message };
  }
  const said = new Map();
  for (const w of read) {
    for (const s of w.statements) {
      const first = said.get(s.antigen);
      const here = { ...s, word: w.word, kind: w.kind, group: w.group };
      if (first && first.present !== s.present) return { error: conflict(first, here, s.antigen) };
      if (!first || (s.said && !first.said)) said.set(s.antigen, here);
    }
  }
  return { words: read, said };
}

// ---- step 2: a person's blood group, one phenotype per system ------------------------------

export const SYSTEM_ORDER = ['abo', 'rhd', 'rh', 'kell', 'duffy', 'kidd', 'mns'];

/**
 * A person's blood group as staff write it ("O RhD-neg K- Fy(a-b+)", "A+", "R1R1", "0 Rh+"),
 * read into one phenotype per system. systems: the catalogue's systems ({id, name, antigens,
 * phenotypes: [{label, antigens}]}). Each system mentioned must come out as one phenotype:
 * "K-" is K-k+ (K-k- does not exist in the two-allele Kell system), "Fy(a-)" is not enough.
 * D alone is read in the RhD system, D with C, c, E or e in Rh.
 * Returns {phenotypes: Map system id -> phenotype label} or {error}.
 */
export function readBloodGroup(text, systems) {
  if (String(text ?? '').trim() === '') return { error: 'Type a blood group, e.g. “O RhD-negative K-” or “A+”' };
  const byId = new Map(systems.map((s) => [s.id, s]));
  const names = [...new Set([...BUILT_IN_ANTIGENS, ...systems.flatMap((s) => s.antigens)])];
  const read = scan(text, { aboGroups: true, bareLetters: false, names });
  if (read.error) return { error: read.error };
  const { said } = read;
  const used = new Set();
  const phenotypes = new Map();
  for (const id of SYSTEM_ORDER) {
    const system = byId.get(id);
    if (!system || id === 'rhd') continue;
    let constraints = system.antigens.filter((a) => said.has(a));
    let target = system;
    if (id === 'rh' && constraints.length === 1 && constraints[0] === 'D' && byId.has('rhd')) {
      target = byId.get('rhd');
      constraints = ['D'];
    }
    if (constraints.length === 0) continue;
    constraints.forEach((a) => used.add(a));
    const candidates = target.phenotypes.filter((p) => constraints.every((a) => p.antigens.includes(a) === said.get(a).present));
    if (candidates.length === 0) {
      return { error: `No ${system.name} phenotype is ${constraints.map((a) => signed(a, said.get(a).present)).join(' ')}` };
    }
    if (candidates.length > 1) {
      const open = system.antigens.filter((a) => !said.has(a));
      return { error: `${system.name}: ${candidates.map((p) => p.label).join(' or ')}? Say + or − for ${open.join(', ')}` };
    }
    phenotypes.set(target.id, candidates[0].label);
  }
  const outside = [...said.keys()].filter((a) => !used.has(a));
  if (outside.length) return { error: `${outside.join(', ')}: not in the systems of this tab (${[...byId.values()].map((s) => s.name).join(', ')})` };
  return { phenotypes };
}

/** The `systems` catalogue, for a calculator's load(). */
export async function loadBloodGroupCatalogue(client) {
  return (await client.call('systems')).result;
}

const phenotypeWords = (system, label) => (system.id === 'rhd' ? `${label === 'd' ? 'negative' : 'positive'} (${label})` : label);

/** The phenotypes read, in the systems' order, for a "Read as" line: "ABO: O · RhD: negative
 *  (d) · Kell: K-k+"; short: "O · RhD-negative · K-k+" (a table row). "—" when there are none. */
export function describeBloodGroup(systems, phenotypes, { short = false } = {}) {
  if (!phenotypes?.size) return '—';
  return systems.filter((s) => phenotypes.has(s.id)).map((s) => {
    const label = phenotypes.get(s.id);
    if (short) return s.id === 'rhd' ? rhdWords(label !== 'd') : label;
    return `${s.name}: ${phenotypeWords(s, label)}`;
  }).join(' · ');
}

// ---- step 2: a group over chosen antigens -------------------------------------------------

/**
 * A group written over `antigens` (thesis ch. 4: the set of antigens present), as staff write
 * it: "O D- K-", "A+" (with A, B and D chosen: A D+), "A RhD-pos Fy(a+b-)", "K+k-", "R1R1".
 * ABO is written as a group (O, A, B, AB) when both A and B are chosen; otherwise "A+" is the
 * antigen A. complete: every antigen chosen must be given (a patient's or a unit's group);
 * otherwise the antigens not mentioned are left open (a filter).
 * known: further antigen names (a system of the user's own).
 * A word's implied statements about antigens not chosen are left out ("R1R1" over A, B, D is
 * D+); an outright one is refused ("K-" when K is not chosen).
 * Returns {present: string[], absent: string[]} or {error}.
 */
export function readGroup(text, antigens, { complete = false, known = [], bareLetters = false, listName = 'the antigens chosen' } = {}) {
  const aboGroups = antigens.includes('A') && antigens.includes('B');
  const names = [...new Set([...BUILT_IN_ANTIGENS, ...known, ...antigens])];
  const read = scan(text, { aboGroups, bareLetters, names });
  if (read.error) return { error: read.error };
  const listed = `${listName} (${antigens.join(', ') || 'none'})`;
  for (const w of read.words) {
    const outright = w.statements.filter((s) => s.said && !antigens.includes(s.antigen));
    if (outright.length) {
      const [s] = outright;
      if (w.kind === 'abo' && s.antigen === 'D') {
        return { error: `“${w.word}” is ${w.group} ${rhdWords(s.present)}, but D is not among ${listed}: write “${w.group}”, or add D` };
      }
      return { error: `“${w.word}”: ${s.antigen} is not among ${listed}` };
    }
    if (w.statements.length && !w.statements.some((s) => antigens.includes(s.antigen))) {
      const all = w.statements.map((s) => s.antigen);
      return { error: `“${w.word}”: ${all.length === 2 ? `neither ${all[0]} nor ${all[1]} is` : `none of ${all.join(', ')} is`} among ${listed}` };
    }
  }
  const state = (a) => read.said.get(a)?.present;
  if (complete) {
    const missing = antigens.filter((a) => state(a) === undefined);
    if (missing.length) {
      const abo = aboGroups && missing.includes('A') && missing.includes('B');
      const rest = missing.filter((a) => !(abo && (a === 'A' || a === 'B')));
      if (!abo) return { error: `Say + or − for ${rest.join(', ')} (every antigen chosen)` };
      return { error: `Give the ABO group (O, A, B or AB)${rest.length ? ` and + or − for ${rest.join(', ')}` : ''}` };
    }
  }
  return { present: antigens.filter((a) => state(a) === true), absent: antigens.filter((a) => state(a) === false) };
}

/**
 * The antigens a unit or a patient carries, out of `antigens` (Matching's types): a list of
 * names ("D C e K"), where "A" and "B" alone are the antigens, or a blood group as staff
 * write it ("O-", "A pos", "R1R1 K-"). An antigen not mentioned is absent; "", "-" and
 * "none": none. Returns {present} or {error}.
 */
export function readAntigensPresent(text, antigens, { listName = 'the antigens typed' } = {}) {
  const t = String(text ?? '').trim();
  if (t === '' || t === '-' || /^none$/i.test(t)) return { present: [] };
  const g = readGroup(t, antigens, { bareLetters: true, listName });
  return g.error ? { error: g.error } : { present: g.present };
}

// ---- writing ---------------------------------------------------------------------------

/** The group as staff read it: ABO as O, A, B or AB when both A and B are chosen, every
 *  other antigen with + or - ("A D+ K-"). readGroup reads it back. */
export function groupLabel(antigens, present) {
  if (antigens.length === 0) return 'everyone';
  const abo = antigens.includes('A') && antigens.includes('B');
  const parts = [];
  if (abo) parts.push(['A', 'B'].filter((a) => present.includes(a)).join('') || 'O');
  for (const a of antigens) if (!(abo && (a === 'A' || a === 'B'))) parts.push(`${a}${present.includes(a) ? '+' : '-'}`);
  return parts.join(' ');
}

/** A reading of readGroup for a "Read as" line: the group ("A D+ K-"), or for a partial one
 *  the antigens given and the rest left open ("O D-; any K, Fya"); "every group" for none. */
export function describeGroup(antigens, { present, absent }) {
  const given = antigens.filter((a) => present.includes(a) || absent.includes(a));
  if (given.length === 0) return 'every group';
  const open = antigens.filter((a) => !given.includes(a));
  return `${groupLabel(given, present)}${open.length ? `; any ${open.join(', ')}` : ''}`;
}
