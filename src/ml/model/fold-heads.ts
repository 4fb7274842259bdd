import { createHash } from 'node:crypto';
import type { LinearHeadWeights } from '../head/linear-head.js';

/** The cross-fitted half (0 or 1) a seed phrase belongs to: a fixed hash, the same in every training. */
export function seedFold(phrase: string): 0 | 1 {
  return (createHash('sha1').update(`fold:${phrase}`).digest()[0] ?? 0) % 2 === 0 ? 0 : 1;
}

/** The head whose logits are the mean of two heads' (for phrases neither head was kept from). */
export function averageHead(a: LinearHeadWeights, b: LinearHeadWeights): LinearHeadWeights {
  return {
    dim: a.dim,
    numClasses: a.numClasses,
    weights: Float32Array.from(a.weights, (w, i) => (w + (b.weights[i] ?? 0)) / 2),
    bias: Float32Array.from(a.bias, (w, i) => (w + (b.bias[i] ?? 0)) / 2),
  };
}

/** Two heads of C classes as one of 2C rows (how a cross-fitted model is stored). */
export function stackHeads(a: LinearHeadWeights, b: LinearHeadWeights): LinearHeadWeights {
  const weights = new Float32Array(a.weights.length + b.weights.length);
  weights.set(a.weights);
  weights.set(b.weights, a.weights.length);
  const bias = new Float32Array(a.bias.length + b.bias.length);
  bias.set(a.bias);
  bias.set(b.bias, a.bias.length);
  return { dim: a.dim, numClasses: a.numClasses + b.numClasses, weights, bias };
}

/** Splits a stacked head (see {@link stackHeads}) back into its two heads. */
export function unstackHeads(h: LinearHeadWeights): [LinearHeadWeights, LinearHeadWeights] {
  const c = h.numClasses / 2;
  const n = c * h.dim;
  const part = (k: number): LinearHeadWeights => ({ dim: h.dim, numClasses: c, weights: h.weights.slice(k * n, (k + 1) * n), bias: h.bias.slice(k * c, (k + 1) * c) });
  return [part(0), part(1)];
}
