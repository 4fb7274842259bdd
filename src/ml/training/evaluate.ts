import type { EvalMetrics } from '../../core/types.js';
import type { PhraseCandidates } from '../model/open-candidates.js';
import { shownDistribution, shownLabels } from '../model/rank.js';
import { labelIndex, type ScoringModel } from '../model/scoring-model.js';
import { expectedCalibrationError, type Confidence } from './calibration.js';

/** A phrase and the labels that count as right for it. */
export interface EvalItem {
  phrase: string;
  accepted: readonly string[];
}

/** Ranks of each item's best accepted label and its first answer's probability (for metrics and charts). */
export function evaluationDetail(
  model: ScoringModel,
  items: readonly EvalItem[],
  vectors: readonly Float32Array[],
  extras: readonly PhraseCandidates[] = [],
): { rank: number | null; confidence: Confidence; covered: boolean }[] {
  return items.map((item, n) => {
    const x = vectors[n] ?? new Float32Array(model.centre.length);
    const { labels, p } = shownDistribution(model, x, item.phrase, extras[n]);
    let top = 0;
    for (let j = 1; j < p.length; j++) if ((p[j] ?? 0) > (p[top] ?? 0)) top = j;
    // What users see: a class counts as right when the label it is shown by is accepted.
    const accepted = acceptedAsShown(model, item.accepted, extras[n]);
    let best = -Infinity;
    labels.forEach((l, j) => {
      if (accepted.has(l)) best = Math.max(best, p[j] ?? 0);
    });
    let rank: number | null = null;
    if (best > -Infinity) {
      rank = 1;
      for (const v of p) if (v > best) rank++;
    }
    return { rank, confidence: { p: p[top] ?? 0, correct: rank === 1 }, covered: x.some((v) => v !== 0) };
  });
}

/**
 * The labels that count as right for a phrase, as its answers are shown: the accepted labels and,
 * for an accepted WordNet term of several words (taste property, body weight, financial
 * condition), the label its class is shown by (taste, weight, wealth). The bot never shows such a
 * term where one word names the class (`label-classes.ts`, `everyday-names.ts`), so a set written
 * with WordNet's labels would otherwise count "tasty → taste" wrong.
 *
 * @example
 * acceptedAsShown(model, ['taste property']) // Set {'taste property', 'taste'}
 */
export function acceptedAsShown(model: ScoringModel, accepted: readonly string[], extra?: PhraseCandidates): Set<string> {
  const out = new Set(accepted);
  const terms = accepted.filter((l) => l.includes(' '));
  if (terms.length === 0) return out;
  const index = labelIndex(model);
  const shown = shownLabels(model, { open: [] }, extra);
  for (const term of terms) {
    const c = index.get(term);
    const label = c === undefined ? undefined : shown[c];
    if (label !== undefined) out.add(label);
  }
  return out;
}

/** What {@link evaluationDetail} returns for one item. */
export type EvalDetail = ReturnType<typeof evaluationDetail>[number];

/**
 * top-1, top-5, MRR and calibration error over the model's labels (right = any accepted label);
 * coverage = share of phrases the encoder could represent at all (a zero vector means every word
 * was unknown).
 */
export function evaluate(
  model: ScoringModel,
  items: readonly EvalItem[],
  vectors: readonly Float32Array[],
  extras: readonly PhraseCandidates[] = [],
): EvalMetrics {
  return metricsOfDetail(evaluationDetail(model, items, vectors, extras));
}

/** {@link evaluate}'s metrics from an evaluation's detail (callers that also chart the detail compute it once). */
export function metricsOfDetail(detail: readonly EvalDetail[]): EvalMetrics {
  const n = detail.length;
  const r = (v: number) => (n === 0 ? 0 : Math.round((v / n) * 10_000) / 10_000);
  const count = (f: (d: EvalDetail) => number) => detail.reduce((a, d) => a + f(d), 0);
  return {
    n,
    top1: r(count((d) => (d.rank === 1 ? 1 : 0))),
    top5: r(count((d) => (d.rank !== null && d.rank <= 5 ? 1 : 0))),
    mrr: r(count((d) => (d.rank ? 1 / d.rank : 0))),
    coverage: r(count((d) => (d.covered ? 1 : 0))),
    ece: Math.round(expectedCalibrationError(detail.map((d) => d.confidence)) * 10_000) / 10_000,
  };
}
