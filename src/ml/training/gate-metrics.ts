import type { EvalMetrics, ModelMetrics } from '../../core/types.js';
import type { Predictor } from '../model/predictor.js';
import type { ScoringModel } from '../model/scoring-model.js';
import { evaluate, type EvalItem } from './evaluate.js';

/**
 * A model's metrics on the gate's sets, each phrase encoded by `predictor`'s encoder (the model's
 * own: a model is only ever scored with the encoder it was trained on).
 */
export async function metricsOf(predictor: Pick<Predictor, 'store' | 'candidatesFor'>, model: ScoringModel, sets: Record<string, EvalItem[]>): Promise<ModelMetrics['sets']> {
  const out: Record<string, EvalMetrics> = {};
  for (const [name, items] of Object.entries(sets)) {
    if (items.length === 0) continue;
    const phrases = items.map((i) => i.phrase);
    out[name] = evaluate(model, items, await predictor.store.vectors(phrases), await predictor.candidatesFor(model, phrases));
  }
  return out;
}

/** The number the gate compares: top-1 over every set's phrases together. */
export function pooledTop1(sets: ModelMetrics['sets']): number {
  let n = 0;
  let right = 0;
  for (const m of Object.values(sets)) {
    n += m.n;
    right += m.top1 * m.n;
  }
  return n === 0 ? 0 : Math.round((right / n) * 10_000) / 10_000;
}
