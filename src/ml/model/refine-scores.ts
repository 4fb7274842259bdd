/**
 * The second half of the int8 first pass (`head/int8-scores.ts`): a class's stacked score moves
 * with its head logit and its cosine by at most |w_head|·(logit bound) + |w_cosine|·(cosine bound)
 * (the head feature's log-sum-exp shifts every class alike and cancels in the softmax). Every class
 * whose upper bound reaches the {@link REFINED}-th best lower bound is scored again on the float
 * kernels, so the best {@link REFINED} entries and their order are the float path's; the other
 * classes keep their first-pass score, within its bound, in the softmax's normaliser.
 */
import { FEATURE_COUNT, FEATURES } from './features.js';
import type { ScoringScratch } from './scoring-scratch.js';
import { rowScore } from './stacker.js';

/**
 * Entries scored exactly: more than any caller shows or ranks by (answers show five, `rank` asks
 * for at most ten, the gate and the bench read the top five).
 */
export const REFINED = 32;

const HEAD = FEATURES.indexOf('head');
const COSINE = FEATURES.indexOf('cosine');

/**
 * Makes `scores` (the stacked scores of the classes, then of the open labels, which are exact)
 * exact for every class that could be among the best {@link REFINED}, rewriting their head and
 * cosine features in `f` too. Does nothing when the last call scored on floats.
 */
export function refineScores(scratch: ScoringScratch, f: Float32Array, w: ArrayLike<number>, scores: Float32Array, classes: number): void {
  const { head, bias, lse, labels } = scratch.approximate;
  if (!head && !labels) return;
  const wHead = head ? Math.abs(w[HEAD] ?? 0) : 0;
  const wCos = labels ? Math.abs(w[COSINE] ?? 0) : 0;
  // Plus the float32 rounding of the stacked scores themselves (both paths store them so).
  const bound = (j: number) => (j < classes ? wHead * (scratch.logitBounds[j] ?? 0) + wCos * (scratch.cosineBounds[j] ?? 0) : 0) + 1e-6 * (1 + Math.abs(scores[j] ?? 0));
  const k = Math.min(REFINED, scores.length);
  // The k best lower bounds, best first.
  const lowers = scratch.lowers;
  lowers.fill(-Infinity, 0, k);
  for (let j = 0; j < scores.length; j++) {
    const low = (scores[j] ?? 0) - bound(j);
    if (!(low > lowers[k - 1]!)) continue;
    let at = k - 1;
    while (at > 0 && lowers[at - 1]! < low) {
      lowers[at] = lowers[at - 1]!;
      at--;
    }
    lowers[at] = low;
  }
  const floor = lowers[k - 1]!;
  for (let j = 0; j < classes; j++) {
    if ((scores[j] ?? 0) + bound(j) < floor) continue;
    const row = j * FEATURE_COUNT;
    // What `logits` writes: float32 of the kernel's sum plus the bias.
    if (head) f[row + HEAD] = Math.fround(head.exact(j) + (bias?.[j] ?? 0)) - lse;
    if (labels) f[row + COSINE] = labels.exact(j);
    scores[j] = rowScore(f, w, j);
  }
}
