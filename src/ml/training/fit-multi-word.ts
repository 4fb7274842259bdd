/**
 * How sure the scorer may be of a phrase of several words. Its weights are fitted on single seed
 * words; a phrase of several words brings evidence from each (every word's derived nouns, trained
 * relatives, neighbours), and the summed scores are sharper than such phrases earn. One factor on
 * their scores is fitted by cross-entropy on phrases of several words whose attribute is known —
 * WordNet's usage examples ("hot stove" → temperature), scored exactly as a user's phrase is —
 * with the weights fixed. A factor on every score changes no ranking, only the percentages.
 */
import type { EmbeddingStore } from '../model/embedding-store.js';
import { FEATURE_COUNT, openFeatures, openLabels, phraseFeatures } from '../model/features.js';
import { classTarget, type LabelClasses } from '../model/label-classes.js';
import type { PhraseCandidates } from '../model/open-candidates.js';
import type { SparseTarget } from '../model/phrase-memory.js';
import { isMultiWord } from '../model/multi-word.js';
import { defaultStack, type ScoringModel } from '../model/scoring-model.js';
import { stackedScores } from '../model/stacker.js';
import { MIN_SCORER_ROWS, type HeldOutPhrase } from './fit-scorer.js';
import { bucket } from './training-set.js';

/** One phrase's scores over its answers (classes, then open labels), its target over classes and its weight. */
export interface ScaleRow {
  scores: Float32Array;
  target: SparseTarget;
  weight: number;
}

/** The factor stays within these bounds (a safeguard against degenerate data, not a tuned range). */
export const SCALE_BOUNDS = [0.05, 20] as const;

function logSumExp(z: Float32Array, s: number): number {
  let max = -Infinity;
  for (const v of z) if (s * v > max) max = s * v;
  let sum = 0;
  for (const v of z) sum += Math.exp(s * v - max);
  return max + Math.log(sum);
}

/** Mean weighted cross-entropy of the rows with their scores multiplied by `s`. */
export function scaleLoss(rows: readonly ScaleRow[], s: number): number {
  let loss = 0;
  let total = 0;
  for (const r of rows) {
    const lse = logSumExp(r.scores, s);
    r.target.classes.forEach((c, i) => (loss -= r.weight * (r.target.probs[i] ?? 0) * (s * (r.scores[c] ?? 0) - lse)));
    total += r.weight;
  }
  return loss / (total || 1);
}

/**
 * The factor on the scores that minimizes the rows' cross-entropy (Newton steps on a convex
 * one-dimensional loss, with a backtracking line search), starting from 1.
 */
export function fitScale(rows: readonly ScaleRow[], maxSteps = 50): number {
  let s = 1;
  let loss = scaleLoss(rows, s);
  for (let step = 0; step < maxSteps; step++) {
    let g = 0;
    let h = 0;
    for (const r of rows) {
      const lse = logSumExp(r.scores, s);
      let mean = 0;
      let square = 0;
      for (const v of r.scores) {
        const p = Math.exp(s * v - lse);
        mean += p * v;
        square += p * v * v;
      }
      let target = 0;
      r.target.classes.forEach((c, i) => (target += (r.target.probs[i] ?? 0) * (r.scores[c] ?? 0)));
      g += r.weight * (mean - target);
      h += r.weight * Math.max(square - mean * mean, 0);
    }
    if (h <= 0) break;
    let t = 1;
    let next = s;
    let nextLoss = loss;
    for (let tries = 0; tries < 20; tries++, t /= 2) {
      const cand = Math.min(Math.max(s - (t * g) / h, SCALE_BOUNDS[0]), SCALE_BOUNDS[1]);
      const l = scaleLoss(rows, cand);
      if (l < loss) {
        next = cand;
        nextLoss = l;
        break;
      }
    }
    if (next === s) break;
    const gain = loss - nextLoss;
    s = next;
    loss = nextLoss;
    if (gain < 1e-9) break;
  }
  return s;
}

/**
 * Fits `model`'s multi-word factor on phrases of several content words with known targets (the
 * others are left out: the factor never applies to them): each is scored as a user's phrase
 * would be (features over the classes and its open labels, the fitted weights), and the factor
 * that minimizes their cross-entropy is returned. Undefined when there are too few such phrases
 * to fit on.
 */
export async function fitMultiWordScale(
  model: ScoringModel,
  phrases: readonly HeldOutPhrase[],
  candidates?: (model: ScoringModel, phrases: readonly string[]) => Promise<PhraseCandidates[]>,
): Promise<number | undefined> {
  const scored = phrases.filter((h) => isMultiWord(h.phrase) && h.target.classes.length > 0 && h.x.some((v) => v !== 0));
  const found = candidates ? await candidates(model, scored.map((h) => h.phrase)) : [];
  // Only phrases the factor applies to ("is hot" has one content word, "a little warm" too: they
  // are scored unscaled).
  const usable = scored.map((h, i) => [h, found[i]] as const).filter(([h, extra]) => isMultiWord(h.phrase, extra));
  if (usable.length < MIN_SCORER_ROWS) return undefined;
  const w = model.stack ?? defaultStack(model);
  const c = model.labels.length;
  const rows = usable.map(([h, extra]): ScaleRow => {
    const open = openLabels(model, extra);
    const f = new Float32Array((c + open.length) * FEATURE_COUNT);
    f.set(phraseFeatures(model, h.x, h.phrase, extra));
    if (extra && open.length > 0) openFeatures(model, h.x, open, extra, f.subarray(c * FEATURE_COUNT));
    return { scores: stackedScores(f, w), target: h.target, weight: h.weight };
  });
  return fitScale(rows);
}

/**
 * Up to `max` of `examples` (a fixed, hash-chosen sample) with a label among the classes, their
 * labels' weight spread evenly, encoded through the store: the phrases {@link fitMultiWordScale}
 * fits on.
 */
export async function multiWordPhrases(
  store: EmbeddingStore,
  examples: readonly { phrase: string; labels: readonly string[] }[],
  classes: LabelClasses,
  max: number,
): Promise<HeldOutPhrase[]> {
  const chosen = examples
    .map((e) => ({ phrase: e.phrase, target: classTarget(new Map(e.labels.map((l) => [l, 1 / e.labels.length])), classes), key: bucket(`fit:${e.phrase}`, 1 << 30) }))
    .filter((e) => e.target.size > 0)
    .sort((a, b) => a.key - b.key)
    .slice(0, max);
  const vectors = await store.vectors(chosen.map((e) => e.phrase));
  return chosen.map((e, i) => {
    const total = [...e.target.values()].reduce((a, b) => a + b, 0) || 1;
    return { phrase: e.phrase, x: vectors[i] ?? new Float32Array(0), target: { classes: [...e.target.keys()], probs: [...e.target.values()].map((w) => w / total) }, weight: 1 };
  });
}
