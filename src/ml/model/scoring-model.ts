import type { Candidate } from '../../core/types.js';
import { logits, softmax, topK } from '../head/linear-head.js';
import type { LinearHeadWeights } from '../head/linear-head.js';

/**
 * Everything needed to score a phrase vector: an optional trained head over `labels`, each
 * label's own embedding (for the zero-shot cosine that is blended in), and the centring vector.
 */
export interface ScoringModel {
  encoderId: string;
  /** Model version id, or null for the zero-shot ranking used before any head exists. */
  version: number | null;
  labels: readonly string[];
  head: LinearHeadWeights | null;
  /** Unit-length, centred label vectors, row-major C×D (zero rows for unknown labels). */
  labelVectors: Float32Array;
  /** Subtracted from phrase and label vectors before the cosine (removes the shared direction). */
  centre: Float32Array;
  /** Weight of the cosine added to the head's logits (or the temperature when there is no head). */
  cosineWeight: number;
}

/** Centres and normalizes a vector (zero stays zero). */
export function centred(v: Float32Array, centre: Float32Array): Float32Array {
  const out = new Float32Array(v.length);
  let norm = 0;
  let any = false;
  for (let i = 0; i < v.length; i++) {
    if (v[i] !== 0) any = true;
    const x = (v[i] ?? 0) - (centre[i] ?? 0);
    out[i] = x;
    norm += x * x;
  }
  if (!any || norm === 0) return out.fill(0);
  const s = 1 / Math.sqrt(norm);
  for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) * s;
  return out;
}

/** Mean of vectors, ignoring all-zero ones (phrases the encoder could not represent). */
export function meanVector(vectors: readonly Float32Array[], dim: number): Float32Array {
  const out = new Float32Array(dim);
  let n = 0;
  for (const v of vectors) {
    if (!v.some((x) => x !== 0)) continue;
    for (let i = 0; i < dim; i++) out[i] = (out[i] ?? 0) + (v[i] ?? 0);
    n++;
  }
  if (n > 0) for (let i = 0; i < dim; i++) out[i] = (out[i] ?? 0) / n;
  return out;
}

/** Blended scores (logits) for every label of the model. */
export function scoreAll(model: ScoringModel, x: Float32Array): Float32Array {
  const c = model.labels.length;
  const u = centred(x, model.centre);
  // The label matrix is a bias-free linear layer over the centred phrase: reuse the fast kernel.
  const cos = logits({ weights: model.labelVectors, bias: new Float32Array(c), dim: x.length, numClasses: c }, u);
  if (!model.head) {
    for (let j = 0; j < c; j++) cos[j] = (cos[j] ?? 0) * model.cosineWeight;
    return cos;
  }
  const scores = logits(model.head, x);
  for (let j = 0; j < c; j++) scores[j] = (scores[j] ?? 0) + model.cosineWeight * (cos[j] ?? 0);
  return scores;
}

/** Top-k candidates with softmax probabilities over the whole label vocabulary. */
export function rank(model: ScoringModel, x: Float32Array, k: number): Candidate[] {
  if (model.labels.length === 0) return [];
  const p = softmax(scoreAll(model, x));
  return topK(p, k).map(({ index, score }) => ({ label: model.labels[index] ?? '', p: score }));
}
