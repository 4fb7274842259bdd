/**
 * WordNet lemmas of several words inside a phrase: "so pissed off" holds the adjective "pissed
 * off", "pretty laid back" the adjective "laid-back". Such a lemma is one word for what WordNet
 * says of it (its definitions, derived nouns, attribute): "pissed off" is "roused to anger",
 * while "pissed" alone is drunk. A run ending in a noun is such a lemma only as a prepositional
 * phrase ("on fire", "of import"): "left hand" and "long time" are an adjective and the noun it
 * describes, not WordNet's "left-hand" and "long-time".
 */
import { isStopWord } from '../encoder/glove/stop-words.js';

/** The longest run of words a lemma is looked for in (WordNet's adjectives have up to four words). */
export const MAX_LEMMA_WORDS = 4;

/**
 * `words` with every run of 2 to {@link MAX_LEMMA_WORDS} words that is a lemma (`isLemma`, asked
 * of the run joined by spaces, then by hyphens) as one word in the form found, longest run first,
 * left to right; a run whose last word names a thing (`namesThing`: a noun WordNet knows as no
 * adjective) only when its first word is a stop word.
 *
 * @example
 * joinLemmas(['so', 'laid', 'back'], (f) => f === 'laid-back', () => false) // ['so', 'laid-back']
 */
export function joinLemmas(words: readonly string[], isLemma: (form: string) => boolean, namesThing: (word: string) => boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    let joined: { form: string; end: number } | undefined;
    for (let end = Math.min(words.length, i + MAX_LEMMA_WORDS); end >= i + 2 && !joined; end--) {
      const run = words.slice(i, end);
      if (namesThing(run.at(-1) ?? '') && !isStopWord(run[0] ?? '')) continue;
      const form = [run.join(' '), run.join('-')].find(isLemma);
      if (form !== undefined) joined = { form, end };
    }
    out.push(joined?.form ?? words[i] ?? '');
    i = joined?.end ?? i + 1;
  }
  return out;
}
