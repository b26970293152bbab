// Antigen sets used in practice (thesis sec. 6.5.1 and 7.1, Dutch guidelines), offered by
// the Frequencies and Allocation tabs.
export const ANTIGEN_PRESETS = [
  { id: 'abo-d', label: 'ABO and D', antigens: ['A', 'B', 'D'] },
  { id: 'women', label: 'Women under 45: + c, E, K (sec. 7.1)', antigens: ['A', 'B', 'D', 'c', 'E', 'K'] },
  { id: 'a2', label: 'Rh and K: set A2 (sec. 6.5.1; MDS, antibodies, sec. 7.1)', antigens: ['A', 'B', 'D', 'C', 'c', 'E', 'e', 'K'] },
  { id: 'scd', label: 'Sickle cell, thalassaemia: + Fya, Jkb, S, s (sec. 7.1)', antigens: ['A', 'B', 'D', 'C', 'c', 'E', 'e', 'K', 'Fya', 'Jkb', 'S', 's'] },
  { id: 'a3', label: '14 antigens: set A3 (sec. 6.5.1)', antigens: ['A', 'B', 'D', 'C', 'c', 'E', 'e', 'K', 'Fya', 'Fyb', 'Jka', 'Jkb', 'S', 's'] },
  { id: 'all', label: 'All 17', antigens: ['A', 'B', 'D', 'C', 'c', 'E', 'e', 'K', 'k', 'Fya', 'Fyb', 'Jka', 'Jkb', 'M', 'N', 'S', 's'] },
];
