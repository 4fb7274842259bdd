import { createHash } from 'node:crypto';
import type { LinearHeadWeights } from '../head/linear-head.js';

/** The cross-fitted half (0 or 1) a seed phrase belongs to: a fixed hash, the same in every training. */
export function seedFold(phrase: string): 0 | 1 {
  return (createHash('sha1').update(`fold:${phrase}`).digest()[0] ?? 0) % 2 === 0 ? 0 : 1;
}

/** Heads of C classes each as one head of k·C rows (how a cross-fitted model is stored). */
export function stackHeads(heads: readonly LinearHeadWeights[]): LinearHeadWeights {
  const first = heads[0];
  if (!first) throw new RangeError('stackHeads needs at least one head');
  const weights = new Float32Array(heads.reduce((a, h) => a + h.weights.length, 0));
  const bias = new Float32Array(heads.reduce((a, h) => a + h.bias.length, 0));
  let w = 0;
  let b = 0;
  for (const h of heads) {
    weights.set(h.weights, w);
    bias.set(h.bias, b);
    w += h.weights.length;
    b += h.bias.length;
  }
  return { dim: first.dim, numClasses: bias.length, weights, bias };
}

/** Splits a stacked head (see {@link stackHeads}) back into `k` heads. */
export function unstackHeads(h: LinearHeadWeights, k: number): LinearHeadWeights[] {
  const c = h.numClasses / k;
  const n = c * h.dim;
  return Array.from({ length: k }, (_, i) => ({ dim: h.dim, numClasses: c, weights: h.weights.slice(i * n, (i + 1) * n), bias: h.bias.slice(i * c, (i + 1) * c) }));
}
