import type { LinearHeadWeights } from '../head/linear-head.js';
import { FEATURE_COUNT } from './features.js';
import type { PhraseMemory, SparseTarget } from './phrase-memory.js';

/**
 * Everything needed to score a phrase vector: an optional trained head over classes, each class's
 * display label and aliases, the label embeddings (for the zero-shot cosine that is blended in),
 * the centring vector, and the trained phrases (nearest-neighbour memory).
 */
export interface ScoringModel {
  encoderId: string;
  /** Model version id, or null for the zero-shot ranking used before any head exists. */
  version: number | null;
  /** Display label of each class, in class order. */
  labels: readonly string[];
  /**
   * Every label of each class, display label first (labels that always came together in
   * training, e.g. fear / fearfulness / fright). Absent: each class is its own label.
   */
  aliases?: readonly (readonly string[])[];
  head: LinearHeadWeights | null;
  /** Unit-length, centred label vectors, row-major C×D (zero rows for unknown labels). */
  labelVectors: Float32Array;
  /** Subtracted from phrase and label vectors before the cosine (removes the shared direction). */
  centre: Float32Array;
  /** Weight of the cosine added to the head's logits (or the temperature when there is no head). */
  cosineWeight: number;
  /** Phrases the head was trained on. */
  trainedPhrases?: ReadonlySet<string>;
  /** The trained phrases' vectors and targets, for the nearest-neighbour vote. */
  memory?: PhraseMemory;
  /**
   * Cross-fitting: two heads, each trained without one half of the seed phrases, and the half of
   * each seed phrase. A seed phrase is scored by the head that never saw it; `head` (trained on
   * everything) scores every other phrase.
   */
  folds?: { heads: readonly [LinearHeadWeights, LinearHeadWeights]; seed: ReadonlyMap<string, 0 | 1> };
  /** The scorer's feature weights (`stacker.ts`); absent: {@link defaultStack}. */
  stack?: Float32Array;
  /**
   * Factor on the scores of a phrase of several content words (`multi-word.ts`), fitted on
   * WordNet's usage examples (`fit-multi-word.ts`); absent: 1.
   */
  multiWordScale?: number;
  /** log of each class's share of the training mass (the prior feature). */
  logPrior?: Float32Array;
  /**
   * Phrases people taught since the model was trained (instant learning): they vote as neighbours
   * like the memory's rows, and shadow the memory's row of the same phrase.
   */
  overlay?: PhraseMemory;
  /** What people taught, by phrase: their voted target over classes (see `class-distribution.ts`). */
  taught?: ReadonlyMap<string, SparseTarget>;
}

/**
 * Weights for a model stored before the scorer was fitted (head plus `cosineWeight` × cosine,
 * as such models were scored), and for the zero-shot ranking (cosine alone).
 */
export function defaultStack(model: Pick<ScoringModel, 'head' | 'cosineWeight'>): Float32Array {
  const w = new Float32Array(FEATURE_COUNT);
  w[0] = model.head ? 1 : 0;
  w[1] = model.cosineWeight;
  return w;
}

/** Centres and normalizes a vector (zero stays zero), into `out` when given. */
export function centred(v: Float32Array, centre: Float32Array, out: Float32Array = new Float32Array(v.length)): Float32Array {
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

const indexCache = new WeakMap<readonly unknown[], Map<string, number>>();
/** label (display label or alias) → class, memoized per model (its lists never change once built). */
export function labelIndex(model: ScoringModel): Map<string, number> {
  const key = model.aliases ?? model.labels;
  let idx = indexCache.get(key);
  if (!idx) {
    idx = new Map<string, number>();
    if (model.aliases) model.aliases.forEach((members, c) => members.forEach((l) => idx?.set(l, c)));
    else model.labels.forEach((l, c) => idx?.set(l, c));
    indexCache.set(key, idx);
  }
  return idx;
}
