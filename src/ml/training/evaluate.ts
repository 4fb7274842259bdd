import type { EvalMetrics } from '../../core/types.js';
import type { PhraseCandidates } from '../model/open-candidates.js';
import { scoreOpen } from '../model/score-open.js';
import type { ScoringModel } from '../model/scoring-model.js';

/** A phrase and the labels that count as right for it. */
export interface EvalItem {
  phrase: string;
  accepted: readonly string[];
}

/**
 * top-1, top-5 and MRR over the model's labels (right = any accepted label); coverage = share of
 * phrases the encoder could represent at all (a zero vector means every word was unknown).
 */
export function evaluate(
  model: ScoringModel,
  items: readonly EvalItem[],
  vectors: readonly Float32Array[],
  extras: readonly PhraseCandidates[] = [],
): EvalMetrics {
  let top1 = 0;
  let top5 = 0;
  let mrr = 0;
  let covered = 0;
  items.forEach((item, n) => {
    const x = vectors[n];
    if (!x) return;
    if (x.some((v) => v !== 0)) covered++;
    const { labels, scores } = scoreOpen(model, x, extras[n], item.phrase);
    const index = new Map(labels.map((l, i) => [l, i]));
    let best = -Infinity;
    for (const l of item.accepted) {
      const i = index.get(l);
      if (i !== undefined) best = Math.max(best, scores[i] ?? -Infinity);
    }
    if (best === -Infinity) return;
    let rank = 1;
    for (const s of scores) if (s > best) rank++;
    if (rank === 1) top1++;
    if (rank <= 5) top5++;
    mrr += 1 / rank;
  });
  const n = items.length;
  const r = (v: number) => (n === 0 ? 0 : Math.round((v / n) * 10_000) / 10_000);
  return { n, top1: r(top1), top5: r(top5), mrr: r(mrr), coverage: r(covered) };
}
