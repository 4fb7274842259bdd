import type { GloveVocab } from './glove-vocab.js';

/** A vocabulary word and its cosine similarity to a query vector. */
export interface WordScore {
  readonly word: string;
  readonly score: number;
}

/** Rare words are mostly names and typos; searching the frequent ones is faster and reads better. */
export const NEAREST_TOP_WORDS = 50_000;

/**
 * Brute-force cosine search over the most frequent words. The unit-normalized rows are computed on
 * first use (20 MB for 50k × 100) so encoders that never call it pay nothing.
 */
export class NearestWords {
  private unit: Float32Array | undefined;
  private readonly n: number;

  constructor(
    private readonly vocab: GloveVocab,
    topWords: number = NEAREST_TOP_WORDS,
  ) {
    this.n = Math.min(topWords, vocab.size);
  }

  /** The `k` words most similar to `vec`, best first; [] for a zero vector. */
  nearest(vec: Float32Array, k: number): WordScore[] {
    const dim = this.vocab.dim;
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += vec[d]! * vec[d]!;
    if (!(norm > 0) || k <= 0) return [];
    const q = vec.map((x) => x / Math.sqrt(norm));
    const unit = this.normalized();
    const best: { rank: number; score: number }[] = [];
    for (let r = 0; r < this.n; r++) {
      let s = 0;
      const off = r * dim;
      for (let d = 0; d < dim; d++) s += q[d]! * unit[off + d]!;
      if (best.length === k && s <= best[k - 1]!.score) continue;
      if (best.length < k) best.push({ rank: r, score: s });
      else best[k - 1] = { rank: r, score: s };
      for (let i = best.length - 1; i > 0 && best[i - 1]!.score < s; i--) {
        [best[i - 1], best[i]] = [best[i]!, best[i - 1]!];
      }
    }
    return best.map((b) => ({ word: this.vocab.words[b.rank]!, score: b.score }));
  }

  private normalized(): Float32Array {
    if (this.unit) return this.unit;
    const dim = this.vocab.dim;
    const unit = new Float32Array(this.n * dim);
    for (let r = 0; r < this.n; r++) {
      const row = this.vocab.row(r);
      let norm = 0;
      for (let d = 0; d < dim; d++) norm += row[d]! * row[d]!;
      const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let d = 0; d < dim; d++) unit[r * dim + d] = row[d]! * inv;
    }
    return (this.unit = unit);
  }
}
