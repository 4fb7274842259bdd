/**
 * Open labels that are synonyms are one answer: WordNet gives murky two derived nouns, murk and
 * murkiness, whose most frequent sense is one synset (`CandidateFacts.sense`), and frivolous both
 * frivolity and frivolousness. Shown as two answers they split one meaning's probability in half
 * and fill the top 5 with the same word twice. The answer is named by a rule: never by the noun a
 * -y adjective is made from (murk, the stuff a murky thing is full of; bounce) when a synonym
 * names the quality (murkiness, bounciness), as a class is shown by the phrase's own quality noun
 * (`rank.ts`: cheerful → cheerfulness, not cheer); else by the more everyday word (frivolity,
 * flavor for flavorless: spoken-English counts, as a class is named); else by the first.
 */

/** Shortest base noun that counts (so "a" or "in" never does). */
const MIN_BASE = 3;

/**
 * Whether one of `words` is a -y adjective made from `noun`: the noun and y, with the noun's
 * final e dropped or its final consonant doubled (murky from murk, bouncy from bounce, zippy from
 * zip). Not flavorless from flavor: what a -less or -ful adjective is made from is its attribute.
 *
 * @example
 * isBaseOf('murk', ['murky']) // true
 * isBaseOf('murkiness', ['murky']) // false
 */
export function isBaseOf(noun: string, words: readonly string[]): boolean {
  if (noun.length < MIN_BASE) return false;
  const forms = [`${noun}y`, `${noun}${noun.at(-1) ?? ''}y`];
  if (noun.endsWith('e')) forms.push(`${noun.slice(0, -1)}y`);
  return words.some((w) => forms.includes(w));
}

/**
 * The name of an answer that `synonym` joins (see the module comment); `uses` tells how often
 * people say a word.
 *
 * @example
 * synonymName('murk', 'murkiness', ['murky'], uses) // 'murkiness'
 * synonymName('frivolousness', 'frivolity', ['frivolous'], uses) // 'frivolity'
 * synonymName('flavour', 'flavor', ['flavorless'], uses) // 'flavor'
 */
export function synonymName(current: string, synonym: string, words: readonly string[], uses: (word: string) => number): string {
  const base = isBaseOf(current, words);
  if (base !== isBaseOf(synonym, words)) return base ? synonym : current;
  return uses(synonym) > uses(current) ? synonym : current;
}
