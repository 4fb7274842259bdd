import type { GloveTable } from './wink-json-reader.js';

/**
 * Word → vector lookup over a {@link GloveTable}. A word's rank is its row: GloVe files list words
 * by corpus frequency, so the rank doubles as a Zipf frequency estimate for weighting.
 */
export class GloveVocab {
  readonly dim: number;
  readonly size: number;
  readonly words: readonly string[];
  private readonly matrix: Float32Array;
  private readonly index: Map<string, number>;

  constructor(table: GloveTable) {
    this.dim = table.dim;
    this.words = table.words;
    this.size = table.words.length;
    this.matrix = table.matrix;
    this.index = new Map();
    for (let i = 0; i < this.size; i++) this.index.set(table.words[i]!, i);
  }

  /** Frequency rank (0 = most frequent), or undefined for an unknown word. */
  rank(word: string): number | undefined {
    return this.index.get(word);
  }

  /** The row of a rank as a read-only view into the shared matrix (no copy; do not mutate). */
  row(rank: number): Float32Array {
    return this.matrix.subarray(rank * this.dim, (rank + 1) * this.dim);
  }

  /** A copy of a word's vector, or undefined for an unknown word. */
  vector(word: string): Float32Array | undefined {
    const r = this.index.get(word);
    return r === undefined ? undefined : this.row(r).slice();
  }
}
