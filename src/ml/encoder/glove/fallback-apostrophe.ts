/**
 * Alternatives for a word with an apostrophe. GloVe's tokenizer split clitics off ("dog's" →
 * "dog" + "'s", "don't" → "do" + "n't"), so such words are mostly missing; the stem carries the
 * meaning and the clitic (possession, negation, tense) names no attribute.
 */
const CLITICS = ["'s", "'ll", "'re", "'ve", "'d", "'m", "'"];
/** Stems that "n't" changes: "can't", "won't", "shan't", "ain't". */
const NEGATED_STEMS: Readonly<Record<string, string>> = { ca: 'can', wo: 'will', sha: 'shall', ai: 'is' };

/**
 * Spellings to look up instead, best first: the stem without its clitic, then the word without
 * apostrophes ("rock'n'roll" → "rocknroll"). Returns [] for a word without an apostrophe.
 *
 * @example
 * apostropheCandidates("cat's") // ['cat', 'cats']
 * apostropheCandidates("won't") // ['will', 'wont']
 */
export function apostropheCandidates(word: string): string[] {
  if (!word.includes("'")) return [];
  const out: string[] = [];
  if (word.endsWith("n't") && word.length > 3) {
    const stem = word.slice(0, -3);
    out.push(NEGATED_STEMS[stem] ?? stem);
  }
  for (const clitic of CLITICS) {
    if (word.endsWith(clitic) && word.length > clitic.length) out.push(word.slice(0, -clitic.length));
  }
  out.push(word.replace(/'/g, ''));
  return [...new Set(out)].filter((w) => w.length > 0);
}
