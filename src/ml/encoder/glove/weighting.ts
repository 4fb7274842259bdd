/** What the weighting needs to know about one token of a phrase. */
export interface WeightInput {
  /** A stop word or intensifier (see `isStopWord`). */
  readonly stop: boolean;
  /** Frequency ranks of the vocabulary words standing for the token; empty when unrecoverable. */
  readonly ranks: readonly number[];
  /** How much the fallback that found those words is trusted, in (0, 1]; 1 for an exact hit. */
  readonly confidence: number;
}

/** SIF smoothing constant; 1e-3 is the value of Arora et al. (2017) for corpus word frequencies. */
export const SIF_A = 1e-3;
const EULER_GAMMA = 0.5772156649;

/**
 * Smooth inverse frequency weight `a / (a + p(w))` where `p(w)` is estimated from the frequency
 * rank by Zipf's law, `p(r) = 1 / ((r + 1) · H_N)`: GloVe stores no counts, only the order.
 *
 * @param rank 0 for the most frequent word.
 * @param vocabSize number of words in the vocabulary (N).
 */
export function sifWeight(rank: number, vocabSize: number, a: number = SIF_A): number {
  const harmonic = Math.log(Math.max(vocabSize, 2)) + EULER_GAMMA;
  const p = 1 / ((rank + 1) * harmonic);
  return a / (a + p);
}

/**
 * Weight of each token in the phrase mean. Unrecoverable tokens get 0. Stop words get 0 as long
 * as at least one recoverable content word remains, so intensifiers never dominate; a phrase made
 * only of stop words keeps them (frequency-weighted) rather than becoming empty.
 */
export function phraseWeights(tokens: readonly WeightInput[], vocabSize: number, a: number = SIF_A): number[] {
  const hasContent = tokens.some((t) => !t.stop && t.ranks.length > 0);
  return tokens.map((t) => {
    if (t.ranks.length === 0 || (hasContent && t.stop)) return 0;
    let sum = 0;
    for (const r of t.ranks) sum += sifWeight(r, vocabSize, a);
    return (sum / t.ranks.length) * t.confidence;
  });
}
