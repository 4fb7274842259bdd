/**
 * What kind of thing a noun is, by WordNet's noun hierarchy: hotness → temperature, saltiness →
 * taste property. A morphology candidate's hypernyms point at the attribute it is a value of,
 * which is what a chat phrase like "super salty" asks about. Only nouns are looked up (never an
 * adjective, so never an eval phrase's own entry).
 */
import { normalizeLabel } from '../../core/text.js';
import { DataFile } from './data-file.js';
import { readNounIndexLines } from './noun-lemmas.js';
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
   * True when the noun's most frequent sense is a concrete thing (an animal, artifact, body part,
   * food, place, object, person, plant or substance: salt, slime, snob), which never names an
   * attribute; false for abstract nouns and unknown words.
   */
  isThing(noun: string): boolean;
}

/** WordNet lexicographer files of concrete things (`lexnames(5WN)`). */
const THING_FILES: ReadonlySet<number> = new Set([5, 6, 8, 13, 15, 17, 18, 20, 27]);

/** Senses of a noun that count (WordNet orders them by frequency; rare senses add noise). */
export const HYPERNYM_SENSES = 3;
/** Levels up the hierarchy (2: parent and grandparent; measured on wordnet-dev and colloquial-dev). */
export const HYPERNYM_DEPTH = 2;

/** lemma → synset offsets in sense order, from `index.noun`. */
async function readNounSenses(dir: string): Promise<Map<string, number[]>> {
  const senses = new Map<string, number[]>();
  for (const line of await readNounIndexLines(dir)) {
    // lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…
    const fields = line.trim().split(' ');
    const synsetCount = Number(fields[2]);
    const pointerCount = Number(fields[3]);
    const first = 4 + pointerCount + 2;
    const offsets = fields.slice(first, first + synsetCount).map(Number).filter(Number.isInteger);
    if (fields[0] && offsets.length > 0) senses.set(normalizeLabel(fields[0]), offsets);
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
    isThing(noun) {
      const first = senses.get(normalizeLabel(noun))?.[0];
      const synset = first === undefined ? undefined : nouns.find(first);
      return synset !== undefined && THING_FILES.has(synset.lexFilenum);
    },
  };
}
