import { logitsJs } from '../head/linear-head.js';
import { buildRowIndex, type RowIndex, type RowIndexOptions } from '../head/nearest/row-index.js';
import { TopKBuffer } from '../head/nearest/top-k-buffer.js';

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

/** Neighbours kept without allocating per query; more than this allocates a buffer for the call. */
const SCRATCH_NEIGHBOURS = 64;

/** The memory's search structure and its per-query scratch (the bot answers one query at a time). */
export interface MemorySearch {
  readonly index: RowIndex;
  readonly best: TopKBuffer;
}

/**
 * The memory: unit-length centred vectors, row-major n×dim, and each row's target. Rows are in the
 * index's order (input order for exact scans, grouped by cell for the IVF index of a large memory).
 */
export interface PhraseMemory {
  readonly phrases: readonly string[];
  readonly vectors: Float32Array;
  readonly dim: number;
  readonly targets: readonly SparseTarget[];
  /** phrase → row. */
  readonly byPhrase: ReadonlyMap<string, number>;
  /** One zero per row: the bias of the similarity kernel, allocated once. */
  readonly zeros: Float32Array;
  /** The nearest-neighbour index over `vectors` (absent: a plain scan). */
  readonly search?: MemorySearch;
}

/**
 * Builds a memory from unit (or zero) vectors. Rows whose vector is all zero (phrases the encoder
 * could not represent) are left out: they would be everybody's neighbour at cosine 0. Up to
 * 8,192 rows are searched exactly; beyond that an IVF index keeps each query near 4,096 rows
 * (see `row-index.ts`; `options` overrides both).
 */
export function buildMemory(
  phrases: readonly string[],
  unitVectors: readonly Float32Array[],
  targets: readonly SparseTarget[],
  dim: number,
  options?: RowIndexOptions,
): PhraseMemory {
  const keep = phrases.flatMap((_, i) => (unitVectors[i]?.some((v) => v !== 0) ? [i] : []));
  const index = buildRowIndex(
    keep.map((i) => unitVectors[i] ?? new Float32Array(dim)),
    dim,
    options,
  );
  const inputOf = (row: number) => keep[index.order[row]!]!;
  const kept = Array.from(index.order, (_, row) => phrases[inputOf(row)] ?? '');
  return {
    phrases: kept,
    vectors: index.vectors,
    dim,
    targets: Array.from(index.order, (_, row) => targets[inputOf(row)] ?? { classes: [], probs: [] }),
    byPhrase: new Map(kept.map((p, row) => [p, row])),
    zeros: new Float32Array(kept.length),
    search: { index, best: new TopKBuffer(SCRATCH_NEIGHBOURS) },
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
 * by `exp(cos / temperature)`, written into `out` when given (no allocation then for k ≤ 64).
 * Returns null for a zero query or an empty memory.
 */
export function neighbourDistribution(
  memory: PhraseMemory,
  u: Float32Array,
  numClasses: number,
  opts: NeighbourOptions,
  out = new Float32Array(numClasses),
): Float32Array | null {
  const n = memory.phrases.length;
  if (n === 0 || !u.some((v) => v !== 0)) return null;
  const best = nearestRows(memory, u, Math.min(opts.k, n));
  out.fill(0, 0, numClasses);
  const top = best.scores[0] ?? 0;
  let total = 0;
  for (let i = 0; i < best.size; i++) {
    const w = Math.exp((best.scores[i]! - top) / opts.temperature);
    const t = memory.targets[best.ids[i]!];
    if (t !== undefined) {
      for (let j = 0; j < t.classes.length; j++) {
        const c = t.classes[j]!;
        if (c < numClasses) out[c]! += w * (t.probs[j] ?? 0);
      }
    }
    total += w;
  }
  if (total > 0) for (let c = 0; c < numClasses; c++) out[c]! /= total;
  return out;
}

/**
 * The `k` rows most similar to the unit vector `u`, best first, never a row of `skip` (a phrase's
 * own row, rows shadowed by a newer memory), through the memory's index: the memory's scratch
 * buffer (valid until the next search of this memory; no allocation while k + |skip| ≤ 64) or, for
 * a memory without an index, a plain scan. Read `ids[i]`, `scores[i]` for i < `size`.
 */
export function nearestRows(memory: PhraseMemory, u: Float32Array, k: number, skip?: ReadonlySet<number>): TopKBuffer {
  const n = memory.phrases.length;
  const fetch = Math.min(n, k + (skip?.size ?? 0));
  const best = fetch <= SCRATCH_NEIGHBOURS && memory.search !== undefined ? memory.search.best : new TopKBuffer(Math.max(1, fetch));
  if (n === 0 || k <= 0) {
    best.reset(0);
    return best;
  }
  if (memory.search !== undefined) memory.search.index.search(u, fetch, best);
  else {
    best.reset(fetch);
    best.offerRange(logitsJs({ weights: memory.vectors, bias: memory.zeros, dim: memory.dim, numClasses: n }, u), 0, n, 0);
  }
  if (skip !== undefined && skip.size > 0) {
    let kept = 0;
    for (let i = 0; i < best.size; i++) {
      if (skip.has(best.ids[i]!)) continue;
      best.ids[kept] = best.ids[i]!;
      best.scores[kept] = best.scores[i]!;
      kept++;
    }
    best.size = kept;
  }
  best.size = Math.min(best.size, k);
  return best;
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
