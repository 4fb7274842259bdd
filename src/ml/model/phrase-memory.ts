import { logits } from '../head/linear-head.js';

/**
 * The training phrases themselves, kept beside the head: a phrase's nearest trained neighbours
 * vote with their targets (k-nearest neighbours). A linear head smooths over everything it was
 * shown; the neighbours remember the particulars (synonyms and antonyms share their attribute and
 * sit close together in embedding space), and a phrase someone taught is its own nearest neighbour.
 */

/** Sparse class distribution of one phrase (class indices with their probabilities). */
export interface SparseTarget {
  readonly classes: readonly number[];
  readonly probs: readonly number[];
}

/** The memory: unit-length centred vectors, row-major n×dim, and each row's target. */
export interface PhraseMemory {
  readonly phrases: readonly string[];
  readonly vectors: Float32Array;
  readonly dim: number;
  readonly targets: readonly SparseTarget[];
  /** phrase → row. */
  readonly byPhrase: ReadonlyMap<string, number>;
  /** One zero per row: the bias of the similarity kernel, allocated once. */
  readonly zeros: Float32Array;
}

/**
 * Builds a memory from unit (or zero) vectors. Rows whose vector is all zero (phrases the encoder
 * could not represent) are left out: they would be everybody's neighbour at cosine 0.
 */
export function buildMemory(phrases: readonly string[], unitVectors: readonly Float32Array[], targets: readonly SparseTarget[], dim: number): PhraseMemory {
  const keep = phrases.flatMap((_, i) => (unitVectors[i]?.some((v) => v !== 0) ? [i] : []));
  const vectors = new Float32Array(keep.length * dim);
  keep.forEach((i, row) => vectors.set(unitVectors[i] ?? new Float32Array(dim), row * dim));
  const kept = keep.map((i) => phrases[i] ?? '');
  return {
    phrases: kept,
    vectors,
    dim,
    targets: keep.map((i) => targets[i] ?? { classes: [], probs: [] }),
    byPhrase: new Map(kept.map((p, row) => [p, row])),
    zeros: new Float32Array(kept.length),
  };
}

/** Options of {@link neighbourDistribution}. */
export interface NeighbourOptions {
  /** How many neighbours vote. */
  k: number;
  /** Softmax temperature over cosine similarities: lower lets the closest neighbour dominate. */
  temperature: number;
}

/**
 * Class distribution from the `k` most similar memory rows to the unit vector `u`, each weighted
 * by `exp(cos / temperature)`. Returns null for a zero query or an empty memory.
 */
export function neighbourDistribution(memory: PhraseMemory, u: Float32Array, numClasses: number, opts: NeighbourOptions): Float32Array | null {
  const n = memory.phrases.length;
  if (n === 0 || !u.some((v) => v !== 0)) return null;
  const k = Math.min(opts.k, n);
  // The memory is a bias-free linear layer over the query: the head's unrolled kernel is ~3× a plain loop.
  const sims = logits({ weights: memory.vectors, bias: memory.zeros, dim: memory.dim, numClasses: n }, u);
  // Sorted (descending) buffer of the k best rows: O(n·k) worst case, about O(n) in practice.
  const bestSim: number[] = [];
  const bestRow: number[] = [];
  for (let row = 0; row < n; row++) {
    const s = sims[row]!;
    if (bestSim.length === k && s <= bestSim[k - 1]!) continue;
    let at = bestSim.length;
    while (at > 0 && bestSim[at - 1]! < s) at--;
    bestSim.splice(at, 0, s);
    bestRow.splice(at, 0, row);
    if (bestSim.length > k) {
      bestSim.pop();
      bestRow.pop();
    }
  }
  const out = new Float32Array(numClasses);
  const top = bestSim[0] ?? 0;
  let total = 0;
  bestRow.forEach((row, i) => {
    const w = Math.exp(((bestSim[i] ?? 0) - top) / opts.temperature);
    const t = memory.targets[row];
    t?.classes.forEach((c, j) => {
      if (c < numClasses) out[c] = (out[c] ?? 0) + w * (t.probs[j] ?? 0);
    });
    total += w;
  });
  if (total > 0) for (let c = 0; c < numClasses; c++) out[c] = (out[c] ?? 0) / total;
  return out;
}

/** Mean class distribution of the given memory rows (null when there are none). */
export function rowsDistribution(memory: PhraseMemory, rows: readonly number[], numClasses: number): Float32Array | null {
  if (rows.length === 0) return null;
  const out = new Float32Array(numClasses);
  for (const row of rows) {
    const t = memory.targets[row];
    t?.classes.forEach((c, j) => {
      if (c < numClasses) out[c] = (out[c] ?? 0) + (t.probs[j] ?? 0) / rows.length;
    });
  }
  return out;
}
