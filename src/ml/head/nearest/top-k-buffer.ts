/**
 * The `k` best (id, score) pairs seen so far, best first, in preallocated typed arrays: a scan
 * offers every candidate and allocates nothing. Ties keep the earlier offer first.
 */
export class TopKBuffer {
  readonly ids: Int32Array;
  readonly scores: Float32Array;
  /** How many pairs are held (≤ capacity). */
  size = 0;
  /** How many the current search keeps (≤ capacity). */
  private k: number;

  constructor(capacity: number) {
    this.ids = new Int32Array(Math.max(1, capacity));
    this.scores = new Float32Array(Math.max(1, capacity));
    this.k = this.ids.length;
  }

  /** Empties the buffer for a search keeping the best `k` (clamped to the capacity). */
  reset(k: number): void {
    this.size = 0;
    this.k = Math.max(0, Math.min(Math.floor(k), this.ids.length));
  }

  /** The score a candidate must beat to be kept (−∞ until the buffer is full). */
  get threshold(): number {
    return this.size < this.k ? -Infinity : this.scores[this.k - 1]!;
  }

  /** Offers a candidate; kept when it beats the current k-th best. NaN is never kept. */
  offer(id: number, score: number): void {
    if (this.k === 0 || !(score > this.threshold)) return;
    let at = this.size < this.k ? this.size++ : this.k - 1;
    while (at > 0 && this.scores[at - 1]! < score) {
      this.scores[at] = this.scores[at - 1]!;
      this.ids[at] = this.ids[at - 1]!;
      at--;
    }
    this.scores[at] = score;
    this.ids[at] = id;
  }

  /** Offers `scores[i]` as id `first + i` for i in [0, count): one tight loop over a scan's output. */
  offerRange(scores: Float32Array, from: number, count: number, first: number): void {
    for (let i = 0; i < count; i++) {
      const s = scores[from + i]!;
      if (s > this.threshold) this.offer(first + i, s);
    }
  }
}
