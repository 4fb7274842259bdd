/**
 * Words that name the same attribute by their form: an adjective and its negation or opposite
 * (kind / unkind, legal / illegal, careful / careless) describe the same attribute from the two
 * ends. On wordnet-dev, a trained relative found this way carries an accepted label for 56 of the
 * 66 adjectives it reaches (README, "Answer quality").
 */

/** Negating and degree prefixes; each is also tried with a hyphen (non-fiction, self-aware). */
export const RELATIVE_PREFIXES: readonly string[] = [
  'un', 'in', 'im', 'il', 'ir', 'non', 'dis', 'a', 'an', 'anti', 'counter', 'mis', 'over', 'under',
  'super', 'sub', 'hyper', 'hypo', 'pre', 'post', 'semi', 'self',
];

/** Suffix swaps between opposite or sibling adjectives: careless ↔ careful, fearless → fear-y. */
export const RELATIVE_SUFFIX_SWAPS: readonly (readonly [string, string])[] = [
  ['less', 'ful'],
  ['ful', 'less'],
  ['less', 'y'],
  ['ful', 'y'],
  ['ous', 'ful'],
];

/** Shortest stem a prefix or suffix may leave (so "a" + "t" never counts). */
const MIN_STEM = 3;

/**
 * Spellings of possible relatives of `word` (not checked against any vocabulary; the caller keeps
 * the ones it knows). The word itself is not included.
 *
 * @example
 * affixRelatives('unkind') // includes 'kind'; affixRelatives('careless') includes 'careful'
 */
export function affixRelatives(word: string): string[] {
  const out = new Set<string>();
  for (const p of RELATIVE_PREFIXES) {
    for (const prefix of [p, `${p}-`]) {
      if (word.startsWith(prefix) && word.length - prefix.length >= MIN_STEM) out.add(word.slice(prefix.length));
      if (word.length >= MIN_STEM) out.add(prefix + word);
    }
  }
  for (const [from, to] of RELATIVE_SUFFIX_SWAPS) {
    if (word.endsWith(from) && word.length - from.length >= MIN_STEM) out.add(word.slice(0, -from.length) + to);
  }
  out.delete(word);
  return [...out];
}
