// The page's words for what the request API names by identifier: sources cited as a reader
// finds them, and the genotype model option shared by Relatives, Family and Pregnancy.
import { formula } from './math.js';

/** A source as the page cites it: the papers by author and year, not by file number. */
const PAPERS = { '003': 'Li et al. 2021', '004': 'Oyebolu et al. 2024' };

export function cite(source) {
  return String(source ?? '').replace(/\bseed (00[34])\b(\s+\S)?/g, (_, seed, more) => `${PAPERS[seed]}${more ? `,${more}` : ''}`);
}

/** The genotype model option (`model`) in the page's words; extra() -> nodes: what it means in this calculator. */
export function modelWords(extra = () => []) {
  return {
    label: 'Genotype model',
    choices: {
      least_squares: 'Least squares (the thesis’s iteration)',
      as_printed: 'Least squares as printed in the thesis',
      gene_counting: 'Gene counting (Hardy–Weinberg)',
    },
    hint: () => ['The genotype frequencies ', formula('x'), ' the probabilities are computed from. Least squares: the thesis’s iteration, ',
      'each step kept a probability distribution (the Genotypes calculator’s default). As printed: the iteration exactly as printed, ',
      'which may give small negative frequencies. Gene counting: Hardy–Weinberg maximum likelihood, exactly stationary.', ...extra()],
  };
}
