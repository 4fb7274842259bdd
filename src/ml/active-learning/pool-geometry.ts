/**
 * Where a phrase sits in the pool, for active learning: how typical it is (information density,
 * Settles & Craven 2008: an uncertain outlier teaches less than an uncertain phrase many others
 * resemble) and how unlike the phrases already picked it is (a batch of near-duplicates teaches
 * what one of them would).
 */
import { logits } from '../head/linear-head.js';

/** Pool phrases whose similarity makes up a phrase's density. */
export const DENSITY_NEIGHBOURS = 10;

/** Cosine similarities of every unit vector to every other (row-major n×n, diagonal included). */
function similarities(units: readonly Float32Array[]): Float32Array[] {
  const n = units.length;
  const dim = units[0]?.length ?? 0;
  const matrix = new Float32Array(n * dim);
  units.forEach((u, i) => matrix.set(u, i * dim));
  const zeros = new Float32Array(n);
  return units.map((u) => logits({ weights: matrix, bias: zeros, dim, numClasses: n }, u));
}

/**
 * Each phrase's mean cosine similarity (negative ones count as 0) to its `k` most similar other
 * pool phrases, in [0, 1]; 0 for a zero vector or a pool of one.
 */
export function densities(units: readonly Float32Array[], k = DENSITY_NEIGHBOURS): number[] {
  const sims = similarities(units);
  return sims.map((row, i) => {
    const others = Array.from(row)
      .filter((_, j) => j !== i)
      .sort((a, b) => b - a)
      .slice(0, k);
    return others.length === 0 ? 0 : others.reduce((s, v) => s + Math.max(0, v), 0) / others.length;
  });
}

/**
 * Greedy order of the pool for batches: each next phrase maximises its score times one minus its
 * largest similarity to a phrase already chosen (positive part), so each pick covers new ground.
 * Returns pool indices, all of them; ties go to the earlier index.
 */
export function diverseOrder(scores: readonly number[], units: readonly Float32Array[]): number[] {
  const sims = similarities(units);
  const closest = new Float64Array(scores.length);
  const chosen = new Uint8Array(scores.length);
  const order: number[] = [];
  for (let step = 0; step < scores.length; step++) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < scores.length; i++) {
      if (chosen[i]) continue;
      const value = (scores[i] ?? 0) * (1 - Math.max(0, closest[i] ?? 0));
      if (value > bestValue) {
        best = i;
        bestValue = value;
      }
    }
    chosen[best] = 1;
    order.push(best);
    const row = sims[best];
    for (let i = 0; i < scores.length; i++) closest[i] = Math.max(closest[i] ?? 0, row?.[i] ?? 0);
  }
  return order;
}
