import type { Candidate } from '../../core/types.js';
import { logits, softmax, topK } from '../head/linear-head.js';
import { MORPHOLOGY_BONUS, OPEN_LABEL_OFFSET, type PhraseCandidates } from './open-candidates.js';
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
  /** Phrases the head was trained on: their taught answer is not second-guessed by morphology. */
  trainedPhrases?: ReadonlySet<string>;
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

/**
 * Scores over the model's labels plus the phrase's open candidates: morphology candidates get a
 * bonus; those outside the vocabulary are scored by cosine from a high-logit baseline.
 */
export function scoreOpen(model: ScoringModel, x: Float32Array, extra: PhraseCandidates | undefined): { labels: readonly string[]; scores: Float32Array } {
  const base = scoreAll(model, x);
  if (!extra || extra.labels.length === 0) return { labels: model.labels, scores: base };
  const index = labelIndex(model);
  const openLabels = extra.labels.filter((l) => !index.has(l) && extra.open.has(l));
  const scores = new Float32Array(base.length + openLabels.length);
  scores.set(base);
  for (const l of extra.labels) {
    const i = index.get(l);
    if (i !== undefined) scores[i] = (scores[i] ?? 0) + MORPHOLOGY_BONUS;
  }
  if (openLabels.length > 0) {
    const sorted = Float32Array.from(base).sort();
    const baseline = (sorted[Math.floor(sorted.length * 0.9)] ?? 0) + OPEN_LABEL_OFFSET + MORPHOLOGY_BONUS;
    const u = centred(x, model.centre);
    openLabels.forEach((l, k) => {
      const v = extra.open.get(l) ?? new Float32Array(u.length);
      let dot = 0;
      for (let i = 0; i < u.length; i++) dot += (u[i] ?? 0) * (v[i] ?? 0);
      scores[base.length + k] = baseline + model.cosineWeight * dot;
    });
  }
  return { labels: [...model.labels, ...openLabels], scores };
}

const indexCache = new WeakMap<readonly string[], Map<string, number>>();
/** label → position, memoized per label list (lists are immutable once built). */
export function labelIndex(model: ScoringModel): Map<string, number> {
  let idx = indexCache.get(model.labels);
  if (!idx) {
    idx = new Map(model.labels.map((l, i) => [l, i]));
    indexCache.set(model.labels, idx);
  }
  return idx;
}

/** Top-k candidates with softmax probabilities over the labels (and the phrase's open candidates). */
export function rank(model: ScoringModel, x: Float32Array, k: number, extra?: PhraseCandidates): Candidate[] {
  if (model.labels.length === 0 && !extra?.labels.length) return [];
  const { labels, scores } = scoreOpen(model, x, extra);
  const p = softmax(scores);
  return topK(p, k).map(({ index, score }) => ({ label: labels[index] ?? '', p: score }));
}
