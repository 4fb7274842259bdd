import { SpellingQuery } from './spelling-distance.js';

/** A vocabulary word that is a plausible respelling of an unknown one. */
export interface SpellingMatch {
  readonly word: string;
  readonly rank: number;
  readonly distance: number;
}

/** How many of the most frequent words are candidates: rarer ones are mostly names and noise. */
export const SPELLING_TOP_WORDS = 50_000;
/** Per-rank tie-breaker: among equally close candidates, the more frequent word wins. */
const FREQUENCY_PENALTY = 0.05;
const LENGTH_SLACK = 2;
/**
 * Longer unknown words are rare real words ("elocutionary"), not slang; their nearest spellings
 * are look-alikes with unrelated meanings ("evolutionary"), so they are left unresolved.
 */
export const SPELLING_MAX_LENGTH = 8;
const ALPHA = /^\p{L}+$/u;
/** The smallest non-zero distance (one cheap edit). */
const CHEAP_EDIT = 0.5;

/** Largest distance accepted for a word of this length: short words tolerate less. */
export function maxSpellingDistance(length: number): number {
  if (length <= 3) return 0.5;
  return length === 4 ? 1 : 1.5;
}

/** Candidates sharing a first letter, flattened: word `k` is `codes[starts[k], starts[k] + lengths[k])`. */
interface Bucket {
  readonly codes: Uint16Array;
  readonly starts: Int32Array;
  readonly lengths: Int32Array;
  readonly ranks: Int32Array;
}

/**
 * Finds the closest frequent word to an unknown spelling ("chonky" → "chunky", "smol" →
 * "small"). Candidates share the first letter and are within two letters in length: slang almost
 * always keeps its first letter, and the restriction (plus flat code arrays and an early exit in
 * the distance) keeps a lookup around a millisecond.
 */
export class SpellingIndex {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly words: readonly string[],
    topWords: number = SPELLING_TOP_WORDS,
  ) {
    const groups = new Map<string, number[]>();
    const n = Math.min(words.length, topWords);
    for (let rank = 0; rank < n; rank++) {
      const w = words[rank]!;
      if (w.length < 2 || !ALPHA.test(w)) continue;
      const group = groups.get(w[0]!);
      if (group) group.push(rank);
      else groups.set(w[0]!, [rank]);
    }
    for (const [first, ranks] of groups) this.buckets.set(first, flatten(words, ranks));
  }

  /** The best match within {@link maxSpellingDistance}, or undefined. */
  nearest(word: string): SpellingMatch | undefined {
    if (word.length < 3 || word.length > SPELLING_MAX_LENGTH || !ALPHA.test(word)) return undefined;
    const bucket = this.buckets.get(word[0]!);
    if (!bucket) return undefined;
    const query = new SpellingQuery(word);
    const max = maxSpellingDistance(word.length);
    let best: { rank: number; distance: number } | undefined;
    let bestScore = Infinity;
    const { codes, starts, lengths, ranks } = bucket;
    for (let k = 0; k < ranks.length; k++) {
      const len = lengths[k]!;
      if (Math.abs(len - word.length) > LENGTH_SLACK) continue;
      const rank = ranks[k]!;
      const penalty = FREQUENCY_PENALTY * Math.log(rank + 2);
      // Ranks only grow along the bucket, so a later candidate must be strictly closer to win:
      // the tighter bound lets the distance give up early on most candidates.
      const bound = Math.min(max, bestScore - penalty);
      if (bound < CHEAP_EDIT) break;
      const distance = query.distance(codes, starts[k]!, len, bound);
      if (distance === Infinity || distance === 0) continue;
      const score = distance + penalty;
      if (score < bestScore) {
        bestScore = score;
        best = { rank, distance };
      }
    }
    return best && { word: this.words[best.rank]!, rank: best.rank, distance: best.distance };
  }
}

function flatten(words: readonly string[], ranks: readonly number[]): Bucket {
  const total = ranks.reduce((s, r) => s + words[r]!.length, 0);
  const codes = new Uint16Array(total);
  const starts = new Int32Array(ranks.length);
  const lengths = new Int32Array(ranks.length);
  let at = 0;
  ranks.forEach((r, k) => {
    const w = words[r]!;
    starts[k] = at;
    lengths[k] = w.length;
    for (let i = 0; i < w.length; i++) codes[at++] = w.charCodeAt(i);
  });
  return { codes, starts, lengths, ranks: Int32Array.from(ranks) };
}
