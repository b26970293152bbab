// Blood groups as staff write them, both ways: "O D- K-", "A RhD-pos Fy(a+b-)", "K+k-".
// A group over the chosen antigens A is the set of antigens present; ABO is written O, A,
// B or AB when both A and B are among the antigens.

const MINUS = /[-−–]/;

/** The group as staff read it: ABO as O, A, B or AB when both A and B are matched, every
 *  other antigen with + or - ("A D+ K-"). */
export function groupLabel(antigens, present) {
  if (antigens.length === 0) return 'everyone';
  const abo = antigens.includes('A') && antigens.includes('B');
  const parts = [];
  if (abo) parts.push(['A', 'B'].filter((a) => present.includes(a)).join('') || 'O');
  for (const a of antigens) if (!(abo && (a === 'A' || a === 'B'))) parts.push(`${a}${present.includes(a) ? '+' : '-'}`);
  return parts.join(' ');
}

/**
 * Reads a group written over `antigens`. Understood: ABO names (O, A, B, AB) when A and B are
 * both chosen; "X+" / "X-" (also "X pos" spellings: RhD-pos, RhD-neg, RhD+); several signs
 * in one word ("K+k-", "Fy(a+b-)"); a bare antigen name means present.
 * complete: every antigen of A must be given (a patient's group); otherwise the antigens
 * not mentioned are left open (a filter).
 * Returns {present: string[], absent: string[]} or {error: string}.
 */
export function parseGroup(text, antigens, { complete = false } = {}) {
  const state = new Map(); // antigen -> true (present) / false (absent)
  const set = (antigen, present, word) => {
    if (!antigens.includes(antigen)) throw new Error(`“${word}”: ${antigen} is not one of the antigens chosen (${antigens.join(', ') || 'none'})`);
    if (state.has(antigen) && state.get(antigen) !== present) throw new Error(`${antigen} is given both as present and as absent`);
    state.set(antigen, present);
  };
  const abo = antigens.includes('A') && antigens.includes('B');
  // Longest names first, so "Fya" is not read as "F" + "ya".
  const names = [...antigens].sort((a, b) => b.length - a.length);
  try {
    for (const word of text.split(/[\s,;]+/).filter(Boolean)) {
      if (abo && /^(O|A|B|AB)$/i.test(word)) {
        const w = word.toUpperCase();
        set('A', w.includes('A'), word);
        set('B', w.includes('B'), word);
        continue;
      }
      const rhd = word.match(/^RhD[-−–]?(pos|neg|\+|-|−)$/i);
      if (rhd) { set('D', /pos|\+/i.test(rhd[1]), word); continue; }
      // Fy(a+b-), Fy(a+), Jk(b-): the ISBT-style writing of Duffy and Kidd.
      const kiddDuffy = word.match(/^(Fy|Jk)\((?:a([+\-−]))?(?:b([+\-−]))?\)$/);
      if (kiddDuffy && (kiddDuffy[2] || kiddDuffy[3])) {
        if (kiddDuffy[2]) set(`${kiddDuffy[1]}a`, kiddDuffy[2] === '+', word);
        if (kiddDuffy[3]) set(`${kiddDuffy[1]}b`, kiddDuffy[3] === '+', word);
        continue;
      }
      if (names.includes(word)) { set(word, true, word); continue; }
      // One or more "name sign" pairs: "D+", "K+k-", "Fya-".
      let rest = word;
      while (rest) {
        const name = names.find((n) => rest.startsWith(n) && /^[+\-−–]/.test(rest.slice(n.length)));
        if (!name) throw new Error(`“${word}” is not a blood group or an antigen with + or − (${antigens.join(', ')})`);
        set(name, !MINUS.test(rest[name.length]), word);
        rest = rest.slice(name.length + 1);
      }
    }
  } catch (e) {
    return { error: e.message };
  }
  if (complete) {
    const missing = antigens.filter((a) => !state.has(a));
    if (missing.length) return { error: `Say + or − for ${missing.join(', ')} (every antigen chosen)` };
  }
  return {
    present: antigens.filter((a) => state.get(a) === true),
    absent: antigens.filter((a) => state.get(a) === false),
  };
}
