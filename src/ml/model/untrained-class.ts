import { FEATURE_COUNT, FEATURES, untrainedValues, writeUntrainedRow } from './features.js';
import type { ScoringModel } from './scoring-model.js';

const HEAD = FEATURES.indexOf('head');
const COSINE = FEATURES.indexOf('cosine');
const MORPHOLOGY = FEATURES.indexOf('morphology');

/**
 * The features `f` (C×F) of a phrase as if class `cls` had never been trained: its row becomes
 * what an open label gets (the head's uniform share, no neighbour's vote, the smallest prior, the
 * morphology mark, its cosine kept), and the other classes' head log-probabilities are those of
 * a softmax without it. For fitting the weights on phrases whose answer is a derived noun outside
 * the classes, which is how a chat word's answer often is (kind → kindness), and which seed
 * phrases, always answered by a class, never show. Returns a new array.
 */
export function asUntrainedClass(model: ScoringModel, f: Float32Array, cls: number): Float32Array {
  const c = model.labels.length;
  const out = f.slice();
  if (model.head) {
    const pOut = Math.exp(f[cls * FEATURE_COUNT + HEAD] ?? 0);
    const shift = -Math.log(Math.max(1e-12, 1 - pOut));
    for (let j = 0; j < c; j++) if (j !== cls) out[j * FEATURE_COUNT + HEAD] = (out[j * FEATURE_COUNT + HEAD] ?? 0) + shift;
  }
  const row = out.subarray(cls * FEATURE_COUNT, (cls + 1) * FEATURE_COUNT);
  writeUntrainedRow(row, untrainedValues(model), f[cls * FEATURE_COUNT + COSINE] ?? 0);
  return out;
}

/** True when the phrase's own derived nouns name class `cls` (its morphology mark in `f`). */
export function derivedNames(f: Float32Array, cls: number): boolean {
  return f[cls * FEATURE_COUNT + MORPHOLOGY] === 1;
}
