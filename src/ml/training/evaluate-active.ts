import type { EvalMetrics } from '../../core/types.js';
import type { Predictor } from '../model/predictor.js';
import { evaluate, type EvalItem } from './evaluate.js';

/**
 * Evaluates the predictor's current model (the answering encoder's active head, or zero-shot) on
 * labelled items.
 */
export async function evaluateFile(predictor: Pick<Predictor, 'currentModel' | 'store' | 'candidatesFor'>, items: readonly EvalItem[]): Promise<EvalMetrics> {
  const model = await predictor.currentModel();
  const phrases = items.map((i) => i.phrase);
  return evaluate(model, items, await predictor.store.vectors(phrases), await predictor.candidatesFor(model, phrases));
}
