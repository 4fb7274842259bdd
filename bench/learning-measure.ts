/**
 * top-1 / top-5 of the answers users get (`Predictor.predict`, the path a chat command takes), so
 * whatever the predictor applies when answering (a vote learned at once, calibration, naming)
 * is measured as people would see it.
 */
import type { Predictor } from '../src/ml/model/predictor.js';

/** A phrase and the labels that count as right for it. */
export interface AnswerItem {
  phrase: string;
  accepted: readonly string[];
}

/** Share of items whose first answer / any of the first five answers is accepted. */
export async function answerMetrics(predictor: Pick<Predictor, 'predict'>, items: readonly AnswerItem[]): Promise<{ n: number; top1: number; top5: number }> {
  let top1 = 0;
  let top5 = 0;
  for (const item of items) {
    const accepted = new Set(item.accepted);
    const labels = (await predictor.predict(item.phrase, 5)).candidates.map((c) => c.label);
    if (accepted.has(labels[0] ?? '')) top1++;
    if (labels.some((l) => accepted.has(l))) top5++;
  }
  const r = (v: number) => (items.length === 0 ? 0 : Math.round((v / items.length) * 10_000) / 10_000);
  return { n: items.length, top1: r(top1), top5: r(top5) };
}
