/**
 * Seeded spherical k-means on the SIMD kernel, for the inverted-file index: centroids are unit
 * vectors, a row belongs to the centroid of highest dot product. Trained on a sample of rows:
 * the centroids only have to split the space into similar-sized cells, not be optimal.
 */
import { createRandom } from '../../trainer/prng.js';
import { allocateMatVec, paddedDim, type MatVecKernel } from '../simd-matvec.js';

/** Options of {@link trainCentroids}. */
export interface KMeansOptions {
  readonly clusters: number;
  /** Rows sampled for training (default 24 per cluster). */
  readonly sample?: number;
  readonly iterations?: number;
  readonly seed?: number;
}

/** Index of the highest of `scores[0..count)` (first on ties). */
export function argmax(scores: Float32Array, count: number): number {
  let best = 0;
  let bestScore = -Infinity;
  for (let i = 0; i < count; i++) {
    const s = scores[i]!;
    if (s > bestScore) {
      bestScore = s;
      best = i;
    }
  }
  return best;
}

/**
 * A kernel whose matrix holds `clusters` unit centroids of `rows` (needs SIMD; returns null
 * without it). The same seed and rows always give the same centroids.
 */
export function trainCentroids(rows: readonly Float32Array[], dim: number, opts: KMeansOptions): MatVecKernel | null {
  const k = Math.max(1, Math.min(opts.clusters, rows.length));
  const kernel = allocateMatVec(k, dim);
  if (kernel === null) return null;
  const random = createRandom(opts.seed ?? 1);
  const sampleSize = Math.min(rows.length, opts.sample ?? 24 * k);
  const sample = pickDistinct(rows.length, sampleSize, random);
  const dimP = paddedDim(dim);
  const sums = new Float64Array(k * dim);
  const counts = new Int32Array(k);
  sample.slice(0, k).forEach((row, c) => kernel.matrix.set(rows[row]!, c * dimP));
  for (let it = 0; it < (opts.iterations ?? 6); it++) {
    sums.fill(0);
    counts.fill(0);
    for (const row of sample) {
      const v = rows[row]!;
      kernel.setQuery(v);
      kernel.scanRows(0, k);
      const c = argmax(kernel.scores, k);
      counts[c]!++;
      for (let d = 0; d < dim; d++) sums[c * dim + d]! += v[d]!;
    }
    for (let c = 0; c < k; c++) {
      // An empty cell restarts at a random sample row, so no centroid is wasted.
      if (counts[c] === 0) {
        kernel.matrix.set(rows[sample[Math.floor(random() * sample.length)]!]!, c * dimP);
        continue;
      }
      let norm = 0;
      for (let d = 0; d < dim; d++) norm += sums[c * dim + d]! ** 2;
      const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let d = 0; d < dim; d++) kernel.matrix[c * dimP + d] = sums[c * dim + d]! * scale;
    }
  }
  return kernel;
}

/** `count` distinct indices of [0, n), in a seeded random order (partial Fisher–Yates). */
function pickDistinct(n: number, count: number, random: () => number): Int32Array {
  const all = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (n - i));
    const tmp = all[i]!;
    all[i] = all[j]!;
    all[j] = tmp;
  }
  return all.slice(0, count);
}
