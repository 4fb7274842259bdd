/**
 * The words WordNet defines a phrase word with: "hefty" is "of considerable weight and size",
 * "crucial" "of extreme importance", "weighs" "have a certain weight". A definition often names
 * the attribute the word describes, so the scorer weighs the classes it names (`features.ts`, the
 * `gloss` feature; its weight is fitted like every other). Only the definition counts, not the
 * quoted usage examples, and only the word's first {@link GLOSS_SENSES} senses (WordNet orders
 * senses by frequency), as an adjective, or as a verb when it is no adjective (`word-senses.ts`).
 */
import { loadWordSenses, perWord, type WordLookupOptions } from './word-senses.js';

/** Senses of a word whose definitions count (a hyperparameter, as the nouns' `HYPERNYM_SENSES`). */
export const GLOSS_SENSES = 3;

/** The definition words of a phrase word. */
export interface GlossWords {
  /** The words of the definitions of `word`'s first senses, lower case, each once; `[]` for none. */
  words(word: string): string[];
}

/**
 * The definition part of a gloss: what comes before its first quoted example.
 *
 * @example
 * definition('of considerable weight and size; "a hefty boxer"') // 'of considerable weight and size'
 */
export function definition(gloss: string): string {
  const quote = gloss.indexOf('"');
  return (quote === -1 ? gloss : gloss.slice(0, quote)).replace(/[;\s]+$/, '');
}

/**
 * Loads the phrase words' senses unless given (about 0.2 s). Lookups are memoized.
 *
 * @throws InputError when a WordNet file cannot be read or is malformed.
 * @example
 * (await loadGlossWords({ exclude: new Set() })).words('hefty') // [..., 'weight', 'and', 'size']
 */
export async function loadGlossWords(options: WordLookupOptions): Promise<GlossWords> {
  const senses = options.senses ?? (await loadWordSenses(options));
  return {
    words: perWord((key) => {
      const synsets = senses.read(key, GLOSS_SENSES)?.synsets ?? [];
      return [...new Set(synsets.flatMap((s) => definition(s.gloss).toLowerCase().match(/[a-z][a-z'-]*/g) ?? []))];
    }),
  };
}
