/**
 * Suffix rewrite rules learned from WordNet's adjective → noun pairs (dangerous → danger is
 * `ous>`, generous → generosity is `us>sity`). They reach adjectives that are not a key of the
 * lookup, which includes every eval phrase: the lookup must leave those out, the rules need not,
 * since they are learned from other words and only proposed nouns WordNet knows.
 */
import { normalizeText } from '../../core/text.js';

/** Replace the ending `strip` of an adjective by `add`; `count` is how many learned pairs do so. */
export interface SuffixRule {
  strip: string;
  add: string;
  count: number;
}

/** Options of {@link learnSuffixRules} and {@link applySuffixRules}. */
export interface SuffixRuleOptions {
  /** Rules seen fewer times are dropped (tuned on colloquial-dev: 2). */
  minCount?: number;
  /** Shortest shared stem, in characters, for a pair to teach a rule or a word to take one (3). */
  minStem?: number;
}

function sharedPrefixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}

/**
 * Learns rules from single-word adjectives and their related nouns, most frequent first (ties by
 * longer `strip`, then alphabetically, so the order is stable).
 *
 * @example
 * learnSuffixRules([['dangerous', ['danger']], ['famous', ['fame']]], { minCount: 1 })
 * // [{ strip: 'ous', add: '', count: 1 }, { strip: 'ous', add: 'e', count: 1 }]
 */
export function learnSuffixRules(
  pairs: Iterable<readonly [string, readonly string[]]>,
  options: SuffixRuleOptions = {},
): SuffixRule[] {
  const { minCount = 2, minStem = 3 } = options;
  const counts = new Map<string, SuffixRule>();
  for (const [adjective, nouns] of pairs) {
    if (adjective.includes(' ')) continue;
    for (const noun of nouns) {
      const stem = sharedPrefixLength(adjective, noun);
      if (stem < minStem || noun.includes(' ')) continue;
      const rule = { strip: adjective.slice(stem), add: noun.slice(stem), count: 0 };
      const key = `${rule.strip}>${rule.add}`;
      const seen = counts.get(key) ?? rule;
      seen.count++;
      counts.set(key, seen);
    }
  }
  return [...counts.values()]
    .filter((rule) => rule.count >= minCount)
    .sort((a, b) => b.count - a.count || b.strip.length - a.strip.length || (a.strip + '>' + a.add).localeCompare(b.strip + '>' + b.add));
}

/**
 * Nouns the rules make of `word` that are in `nouns` (WordNet's noun lemmas), in rule order.
 *
 * @example
 * applySuffixRules('penniless', rules, nounLemmas) // ['pennilessness']
 */
export function applySuffixRules(
  word: string,
  rules: readonly SuffixRule[],
  nouns: ReadonlySet<string>,
  options: Pick<SuffixRuleOptions, 'minStem'> = {},
): string[] {
  const { minStem = 3 } = options;
  const adjective = normalizeText(word);
  const found = new Set<string>();
  for (const rule of rules) {
    if (!adjective.endsWith(rule.strip) || adjective.length - rule.strip.length < minStem) continue;
    const noun = adjective.slice(0, adjective.length - rule.strip.length) + rule.add;
    if (noun !== adjective && nouns.has(noun)) found.add(noun);
  }
  return [...found];
}
