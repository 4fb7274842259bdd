/**
 * Nouns WordNet derives from the verb of a phrase ("smells like fish" → smell, "tastes like
 * chicken" → taste, "sounds awful" → sound): in chat a quality is often said with a verb, and the
 * verb's noun is then what the phrase is about. Only for words WordNet does not know as adjectives
 * (an adjective's nouns come from `derived-nouns.ts`), and only from the verb's first
 * {@link VERB_SENSES} senses: a common verb's rare senses derive nouns nobody means (give →
 * "give", the elasticity of a bending thing). Only the noun spelled like the verb counts (smell,
 * taste, look, feel): the nouns a suffix makes name the act or the one who does it (hearing,
 * setting, rioting, taster, looker), not what the phrase is about. Whether the noun names a
 * quality at all is left to the candidate facts (`isThing`), as for adjectives.
 */
import { normalizeLabel } from '../../core/text.js';
import { DataFile } from './data-file.js';
import type { Synset } from './synset-line.js';
import { loadWordSenses, perWord, type WordLookupOptions } from './word-senses.js';
import { defaultWordnetDir } from './wordnet-dir.js';

/**
 * Senses of a verb whose derived nouns count (WordNet orders senses by frequency). A
 * hyperparameter like the nouns' `HYPERNYM_SENSES` (also 3): smell's "emit an odor" is its second.
 */
export const VERB_SENSES = 3;

/** The nouns of a phrase word used as a verb. */
export interface VerbNouns {
  /** The noun spelled like the word's verb (its inflection undone), when WordNet derives it; `[]` for none. */
  nouns(word: string): string[];
}

/** Whether `synset` derives the noun spelled like `verb` (a pointer may hold for one word of the synset only). */
function derivesOwnNoun(synset: Synset, verb: string, nouns: DataFile): boolean {
  return synset.pointers.some((p) => {
    if (p.symbol !== '+' || p.pos !== 'n') return false;
    if (p.source !== 0 && normalizeLabel(synset.words[p.source - 1]?.lemma ?? '') !== verb) return false;
    const target = nouns.find(p.offset);
    const words = p.target === 0 ? (target?.words ?? []) : [target?.words[p.target - 1]];
    return words.some((w) => w !== undefined && normalizeLabel(w.lemma) === verb);
  });
}

/**
 * Loads data.noun and the phrase words' senses (about 0.3 s). Lookups are memoized.
 *
 * @throws InputError when a WordNet file cannot be read or is malformed.
 * @example
 * (await loadVerbNouns({ exclude: new Set() })).nouns('smells') // ['smell']
 */
export async function loadVerbNouns(options: WordLookupOptions): Promise<VerbNouns> {
  const dir = options.dir ?? defaultWordnetDir();
  const [senses, nouns] = await Promise.all([options.senses ?? loadWordSenses({ exclude: options.exclude, dir }), DataFile.load(dir, 'n')]);
  return {
    nouns: perWord((key) => {
      const reading = senses.read(key, VERB_SENSES);
      return reading?.pos === 'v' && reading.synsets.some((s) => derivesOwnNoun(s, reading.lemma, nouns)) ? [reading.lemma] : [];
    }),
  };
}
