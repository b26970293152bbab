// The Family tab's members: a list of people, each with a name, a father and a mother chosen
// among the others (or none: a person from the population) and the blood group known for
// them, as staff write it. Pure helpers (no DOM) so they can be tested in node.

export const MAX_PEOPLE = 24;

// Families to start from: [name, father, mother, blood group].
export const PRESETS = {
  parents: {
    label: 'A patient, parents and two siblings',
    people: [['Mother', '', '', 'A RhD-pos'], ['Father', '', '', ''], ['Patient', 'Father', 'Mother', 'O RhD-neg K-'],
      ['Sister', 'Father', 'Mother', ''], ['Brother', 'Father', 'Mother', 'A RhD-pos']],
  },
  generations: {
    label: 'Three generations: grandparents, aunt, cousin',
    people: [['Grandmother', '', '', 'A'], ['Grandfather', '', '', ''], ['Mother', 'Grandfather', 'Grandmother', ''],
      ['Father', '', '', 'B RhD-pos'], ['Patient', 'Father', 'Mother', 'O RhD-neg'], ['Aunt', 'Grandfather', 'Grandmother', 'RhD-neg'],
      ['Cousin', '', 'Aunt', '']],
  },
};

/**
 * Checks the list: names given and unique, parents among the others, nobody their own
 * ancestor. rows: [{name, father, mother}]. Returns a Map row index -> message.
 */
export function checkMembers(rows) {
  const problems = new Map();
  const names = rows.map((r) => r.name.trim());
  names.forEach((n, i) => {
    if (!n) problems.set(i, 'Give this person a name');
    else if (/[:;|]/.test(n)) problems.set(i, 'A name cannot hold “:”, “;” or “|” (the link uses them)');
    else if (names.indexOf(n) !== i) problems.set(i, `Two people are called “${n}”`);
  });
  rows.forEach((r, i) => {
    if (problems.has(i)) return;
    if (r.father && r.father === r.mother) problems.set(i, 'The father and the mother are the same person');
    for (const parent of [r.father, r.mother])
      if (parent && parent === names[i]) problems.set(i, 'Nobody is their own parent');
  });
  // Own ancestor: follow parents from each person. A blank parent is nobody, even while
  // someone's name is blank too.
  const index = new Map(names.map((n, i) => [n, i]).filter(([n]) => n));
  rows.forEach((_, i) => {
    if (problems.has(i)) return;
    const seen = new Set();
    const stack = [i];
    while (stack.length) {
      const k = stack.pop();
      for (const parent of [rows[k].father, rows[k].mother]) {
        const p = index.get(parent);
        if (p === undefined) continue;
        if (p === i) { problems.set(i, `${names[i]} would be their own ancestor`); return; }
        if (!seen.has(p)) { seen.add(p); stack.push(p); }
      }
    }
  });
  return problems;
}

/** Generations for the picture: founders 0, a child one below its lowest parent. */
export function generations(rows) {
  const index = new Map(rows.map((r, i) => [r.name.trim(), i]).filter(([n]) => n));
  const depth = new Array(rows.length).fill(-1);
  const visit = (i, guard = 0) => {
    if (depth[i] >= 0 || guard > rows.length) return Math.max(depth[i], 0);
    const parents = [rows[i].father, rows[i].mother].map((p) => index.get(p)).filter((p) => p !== undefined);
    depth[i] = parents.length ? 1 + Math.max(...parents.map((p) => visit(p, guard + 1))) : 0;
    return depth[i];
  };
  rows.forEach((_, i) => visit(i));
  return depth;
}

/** The preset (a key of PRESETS) whose family these rows are, or '' for none. */
export function presetOf(rows) {
  const text = membersToParam(rows);
  return Object.keys(PRESETS).find((id) => membersToParam(PRESETS[id].people.map(([name, father, mother, group]) =>
    ({ name, father, mother, group }))) === text) ?? '';
}

// In a link: people=Mother::|A RhD-pos;Father::|;Patient:Father:Mother|O RhD-neg K-
// (name:father:mother|blood group, ';' between people).
export function membersToParam(rows) {
  return rows.map((r) => `${r.name.trim()}:${r.father}:${r.mother}|${r.group.trim()}`).join(';');
}

export function membersFromParam(text) {
  return text.split(';').filter(Boolean).map((part) => {
    const bar = part.indexOf('|');
    const [name = '', father = '', mother = ''] = (bar < 0 ? part : part.slice(0, bar)).split(':');
    return { name, father, mother, group: bar < 0 ? '' : part.slice(bar + 1) };
  });
}
