import { phraseWords } from '../../core/text.js';
import type { EmbeddingStore } from './embedding-store.js';
import { centred } from './scoring-model.js';

/** Nouns morphologically related to a phrase's words (dangerous → danger), from WordNet. */
export interface CandidateSource {
  candidates(phrase: string): string[];
  /** What is known about a candidate noun (absent: nothing). */
  describe?(noun: string): CandidateFacts;
  /**
   * The phrase's content words that say nothing of its quality by themselves: the thing described
   * (music in "enchanting music"), the words of a degree adverb ("a little" in "a little wimpy")
   * and those of an adjective of several words (pissed and off in "so pissed off", which is
   * looked up as one word). They derive no candidates and their trained relatives do not vote
   * (absent: none).
   */
  ignoredWords?(phrase: string): string[];
  /** The words WordNet defines the phrase's words with (`gloss-words.ts`; absent: none). */
  glossWords?(phrase: string): string[];
  /**
   * The phrase's content words: stop words and degree adverbs left out ("kinda mid" → mid), an
   * adjective of several words as one ("so pissed off" → pissed off), all of them when nothing
   * else is left (absent: not known).
   */
  contentWords?(phrase: string): string[];
}

/** Facts about a candidate noun. */
export interface CandidateFacts {
  /** Labels it points at: its hypernyms (saltiness → taste property). */
  readonly hints: readonly string[];
  /** What its most frequent sense is first of all a kind of (tardiness → timing). */
  readonly parents: readonly string[];
  /**
   * Names no quality: none of its first senses is an attribute, feeling or state (salt, snob,
   * athletics, a trick).
   */
  readonly thing: boolean;
  /**
   * How often people say the word: its count in the spoken-English frequency list (0: never);
   * absent: not known.
   */
  readonly uses?: number;
  /**
   * Its most frequent WordNet sense (an opaque id): two candidates with the same one are synonyms
   * (murk, murkiness); absent: not known.
   */
  readonly sense?: number;
}

/** Candidates of one phrase, with centred unit vectors for those the model has no class for. */
export interface PhraseCandidates {
  labels: string[];
  /**
   * label → centred unit vector, for labels outside the model's classes; the zero vector when the
   * encoder only approximates the word (a fallback's guess says nothing about this noun).
   */
  open: Map<string, Float32Array>;
  /** Facts about each candidate (see {@link CandidateSource.describe}); absent: nothing known. */
  facts: Map<string, CandidateFacts>;
  /** Class distribution voted by the open labels' nearest derived nouns (see `derived-nouns.ts`). */
  derived?: Float32Array | null;
  /** The phrase's content words that say nothing of its quality (see {@link CandidateSource.ignoredWords}). */
  ignored?: readonly string[];
  /** The words WordNet defines the phrase's words with (see {@link CandidateSource.glossWords}). */
  gloss?: readonly string[];
  /**
   * The phrase's content words when they are not simply its words (see
   * {@link CandidateSource.contentWords}): "kinda mid" → [mid], "so pissed off" → [pissed off].
   */
  content?: readonly string[];
}

/**
 * A phrase's candidates without a noun spelled like one of its own words, unless that noun is a
 * class (cold → the class of cold and coldness stays). Such a noun names a thing with the quality
 * or the word used as a noun (a valuable, a smart), not the attribute the word describes: valuable
 * is answered by value, never by "valuable".
 */
export function withoutOwnWords(phrase: string, candidates: readonly string[], known: ReadonlySet<string>): string[] {
  const written = phrase.toLowerCase().split(/\s+/);
  const own = new Set([...written, ...phraseWords(written.join(' '))]);
  return candidates.filter((l) => known.has(l) || !own.has(l.toLowerCase()));
}

/**
 * Looks up each phrase's morphology candidates and embeds the unknown ones (cached). `isExact`
 * tells whether the encoder represents a word by itself (GloVe: it has a vector of its own).
 */
export async function phraseCandidates(
  source: CandidateSource | null,
  phrases: readonly string[],
  known: ReadonlySet<string>,
  store: EmbeddingStore,
  centre: Float32Array,
  isExact: (word: string) => boolean = () => true,
): Promise<PhraseCandidates[]> {
  const lists = phrases.map((p) => (source && p ? withoutOwnWords(p, source.candidates(p), known) : []));
  const unknown = [...new Set(lists.flat().filter((l) => !known.has(l)))];
  const vectors = new Map<string, Float32Array>();
  (await store.vectors(unknown)).forEach((v, i) => {
    const label = unknown[i] ?? '';
    vectors.set(label, isExact(label) ? centred(v, centre) : new Float32Array(centre.length));
  });
  return lists.map((labels, i) => ({
    labels,
    ...wordsOf(source, phrases[i] ?? ''),
    facts: new Map(labels.flatMap((l) => {
      const f = source?.describe?.(l);
      return f ? [[l, f] as const] : [];
    })),
    open: new Map(labels.filter((l) => vectors.has(l)).map((l) => [l, vectors.get(l) ?? new Float32Array(centre.length)])),
  }));
}

function wordsOf(source: CandidateSource | null, phrase: string): Pick<PhraseCandidates, 'ignored' | 'gloss' | 'content'> {
  const ignored = source?.ignoredWords?.(phrase) ?? [];
  const gloss = source?.glossWords?.(phrase) ?? [];
  const content = source?.contentWords?.(phrase);
  return {
    ...(ignored.length > 0 ? { ignored } : {}),
    ...(gloss.length > 0 ? { gloss } : {}),
    ...(content !== undefined && content.join(' ') !== phrase ? { content } : {}),
  };
}
