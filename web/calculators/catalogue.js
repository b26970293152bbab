// What the page offers, in words: every calculator, ready or coming, grouped by the question
// it answers. The navigation, the start view (`#/`), the page for a coming calculator and the
// README's table (scripts/gen-readme.mjs) are all drawn from this list, so they cannot
// disagree. Plain data, no DOM: node reads it too.
//
// A calculator: {id (its link: #/<id>), title, question (one sentence, the question it
// answers), audience (for whom), op (its request API operation, or a list of them for a tab
// of panels, Supply's; null for the Validation tab, which runs them all), source (where its method comes from)}; a coming one also has
// coming: what it will do, in a sentence.

export const GROUPS = [
  {
    id: 'genetics',
    title: 'Genetics',
    question: 'Which blood groups does a person carry, and their relatives or child?',
    calculators: [
      { id: 'genotypes', title: 'Genotypes', op: 'stationary', source: 'thesis sec. 3.3',
        question: 'Which genotypes lie behind a population’s blood-group phenotype frequencies?',
        audience: 'teachers, students, and anyone checking a population table' },
      { id: 'relatives', title: 'Relatives', op: 'relatives', source: 'thesis sec. 3.4',
        question: 'How likely is a donor’s sibling, parent, child, uncle or cousin to share the donor’s blood group?',
        audience: 'donor-recruitment staff looking for donors of a rare blood group' },
      { id: 'family', title: 'Family', op: 'family', source: 'thesis eq. 3.12',
        question: 'Given the blood groups known in a family, what is every other member’s chance of each blood group?',
        audience: 'donor-recruitment staff testing a patient’s family; teachers' },
      { id: 'pregnancy', title: 'Pregnancy', op: 'pregnancy', source: 'thesis eq. 3.12, ch. 8',
        question: 'How likely is a fetus to carry a red-cell antigen its mother lacks?',
        audience: 'clinicians and students exploring the risk of haemolytic disease of the fetus and newborn' },
    ],
  },
  {
    id: 'blood-groups',
    title: 'Blood groups',
    question: 'How common is a blood group, which antigens matter, and how is a system built?',
    calculators: [
      { id: 'frequencies', title: 'Frequencies', op: 'frequencies', source: 'thesis ch. 4, Definitions 6.1–6.3',
        question: 'How common is each blood group over the antigens you match on, how many patients can it serve, and which donor groups suit one patient?',
        audience: 'blood-bank staff and planners choosing which antigens to match' },
      { id: 'antigen-order', title: 'Antigen order', op: 'antigen_order', source: 'thesis ch. 7',
        question: 'Which antigens should be matched first, and which dropped first when matched blood is short?',
        audience: 'clinicians and blood services setting matching rules; teachers of dynamic programming' },
      { id: 'systems', title: 'Systems', op: 'system', source: 'thesis sec. 3.1',
        question: 'Which haplotypes, genotypes and phenotypes does a blood-group system make, including one of your own (a silent allele, a system not built in)?',
        audience: 'researchers and teachers who need a system the page does not have' },
    ],
  },
  {
    id: 'stock',
    title: 'Stock',
    question: 'Which units to issue today, and how much stock to hold?',
    calculators: [
      { id: 'allocation', title: 'Allocation', op: 'allocate', source: 'thesis ch. 6',
        question: 'Which units in stock should meet today’s requests, weighing the patients a unit could serve against its shelf life?',
        audience: 'blood-bank staff and researchers comparing issuing policies' },
      { id: 'matching', title: 'Matching', op: 'match', source: 'Oyebolu et al. 2024',
        question: 'Which unit should each of today’s patients get, with penalties for mismatches, substitutions and age?',
        audience: 'hospital blood-bank staff and clinicians exploring extended matching (sickle-cell patients)' },
      { id: 'simulation', title: 'Simulation', op: 'simulate_issuing', source: 'thesis sec. 6.4–6.5; Oyebolu et al. 2024',
        question: 'How does an issuing policy play out over months of days: shortages, outdated units and alloimmunisations?',
        audience: 'blood-bank staff comparing issuing rules; researchers and teachers' },
      { id: 'supply', title: 'Supply', op: ['acquisition', 'ageing', 'issuing_mdp'], source: 'Boppana and Chalasani 2007; thesis ch. 5',
        question: 'How fast must blood be collected, compared with its use, to keep enough units in stock?',
        audience: 'blood-service planners and donor-recruitment managers; teachers of stochastic models' },
      { id: 'ordering', title: 'Ordering', op: 'ordering', source: 'Li, Chiang, Down and Heddle 2021',
        question: 'What should a hospital order each day, from its own demand data?',
        audience: 'hospital blood-bank managers and the regional planners who supply them; teachers of inventory models' },
    ],
  },
  {
    id: 'tools',
    title: 'Tools',
    question: 'The solver the calculators use, and the checks behind their numbers.',
    calculators: [
      { id: 'lp', title: 'LP', op: 'lp', source: 'GLPK',
        question: 'What is the optimum of a linear or integer programme (CPLEX LP, MPS or MathProg), with duals and ranging, as glpsol gives it?',
        audience: 'researchers and students of operations research' },
      { id: 'validation', title: 'Validation', op: null, source: 'tests/reference',
        question: 'Does this page reproduce every number the papers publish, and pass its independent checks?',
        audience: 'anyone who wants to check the calculators before relying on them' },
    ],
  },
];

/** Every calculator, in the navigation's order, each with its group's id and title. */
export const CATALOGUE = GROUPS.flatMap((g) => g.calculators.map((c) => ({ ...c, group: g.id, groupTitle: g.title })));
