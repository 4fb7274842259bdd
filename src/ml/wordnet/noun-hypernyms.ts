/**
 * What kind of thing a noun is, by WordNet's noun hierarchy: hotness → temperature, saltiness →
 * taste property. A morphology candidate's hypernyms point at the attribute it is a value of,
 * which is what a chat phrase like "super salty" asks about. Only nouns are looked up (never an
 * adjective, so never an eval phrase's own entry).
 */
import { normalizeLabel } from '../../core/text.js';
import { DataFile } from './data-file.js';
import { indexEntry, readIndexLines } from './index-file.js';
import { defaultWordnetDir } from './wordnet-dir.js';

/** Noun lemma → hypernym lemmas. */
export interface NounHypernyms {
  /**
   * Normalized lemmas of the hypernym synsets (`@`, `@i`) of the noun's first
   * {@link HYPERNYM_SENSES} senses, up to {@link HYPERNYM_DEPTH} levels up; nearest first, no
   * duplicates; `[]` for a word that is not a noun.
   */
  hypernyms(noun: string): string[];
  /**
   * Lemmas of the direct hypernyms of the noun's most frequent sense only: what it is first of
   * all a kind of (tardiness → timing); `[]` for a word that is not a noun.
   */
  parents(noun: string): string[];
  /**
   * True when the noun names no quality: none of its first {@link HYPERNYM_SENSES} senses is
   * filed by WordNet under attributes, feelings or states ({@link QUALITY_FILES}): salt, snob, a
   * pack, and also an act or a message (hammering, athletics, a trick, a clue); false for
   * hotness, danger, stress (its second sense is a state) and for unknown words.
   */
  isThing(noun: string): boolean;
  /**
   * The byte offset of the noun's most frequent sense in data.noun (murk and murkiness share
   * theirs: they are synonyms in their first sense); undefined for a word that is not a noun.
   */
  firstSense(noun: string): number | undefined;
}

/**
 * WordNet lexicographer files of qualities (`lexnames(5WN)`): noun.attribute (07), noun.feeling
 * (12), noun.state (26). WordNet's attributes themselves are filed there; a derived noun filed
 * anywhere else (an act, a message, a time, a shape, a thing) is not what an adjective is about
 * (athletic → athletics, tricky → trick, janky → jan). Chosen by 5-fold cross-validation over the
 * tuning sets among five rules (these files or these and noun.cognition (09), for the first sense
 * or any of the first three; and the older rule, the first sense not a concrete thing, group,
 * quantity or event); see docs/answer-quality.md.
 */
export const QUALITY_FILES: ReadonlySet<number> = new Set([7, 12, 26]);

/** Senses of a noun that count (WordNet orders them by frequency; rare senses add noise). */
export const HYPERNYM_SENSES = 3;
/** Levels up the hierarchy (2: parent and grandparent; measured on wordnet-dev and colloquial-dev). */
export const HYPERNYM_DEPTH = 2;

/** lemma → synset offsets in sense order, from `index.noun`. */
async function readNounSenses(dir: string): Promise<Map<string, number[]>> {
  const senses = new Map<string, number[]>();
  for (const line of await readIndexLines(dir, 'noun')) {
    const entry = indexEntry(line);
    if (entry) senses.set(entry.lemma, entry.offsets);
  }
  return senses;
}

/**
 * Loads the noun hierarchy (index.noun and data.noun; about 0.3 s). Lookups are memoized.
 *
 * @throws InputError when a WordNet file cannot be read or is malformed.
 * @example
 * (await loadNounHypernyms()).hypernyms('hotness') // ['temperature', …]
 */
export async function loadNounHypernyms(dir: string = defaultWordnetDir()): Promise<NounHypernyms> {
  const [senses, nouns] = await Promise.all([readNounSenses(dir), DataFile.load(dir, 'n')]);
  const memo = new Map<string, string[]>();
  const firstSense = (noun: string) => {
    const first = senses.get(normalizeLabel(noun))?.[0];
    return first === undefined ? undefined : nouns.find(first);
  };
  return {
    hypernyms(noun) {
      const key = normalizeLabel(noun);
      const known = memo.get(key);
      if (known) return known;
      const out = new Set<string>();
      let frontier = (senses.get(key) ?? []).slice(0, HYPERNYM_SENSES);
      const seen = new Set(frontier);
      for (let level = 0; level < HYPERNYM_DEPTH; level++) {
        const next: number[] = [];
        for (const offset of frontier) {
          for (const p of nouns.find(offset)?.pointers ?? []) {
            if ((p.symbol !== '@' && p.symbol !== '@i') || seen.has(p.offset)) continue;
            seen.add(p.offset);
            next.push(p.offset);
            for (const w of nouns.find(p.offset)?.words ?? []) out.add(normalizeLabel(w.lemma));
          }
        }
        frontier = next;
      }
      const list = [...out];
      memo.set(key, list);
      return list;
    },
    parents(noun) {
      return (firstSense(noun)?.pointers ?? [])
        .filter((p) => p.symbol === '@' || p.symbol === '@i')
        .flatMap((p) => (nouns.find(p.offset)?.words ?? []).map((w) => normalizeLabel(w.lemma)));
    },
    firstSense: (noun) => senses.get(normalizeLabel(noun))?.[0],
    isThing(noun) {
      const files = (senses.get(normalizeLabel(noun)) ?? [])
        .slice(0, HYPERNYM_SENSES)
        .flatMap((offset) => nouns.find(offset)?.lexFilenum ?? []);
      return files.length > 0 && !files.some((f) => QUALITY_FILES.has(f));
    },
  };
}
