import type { AnsweringStatus } from '../ports.js';
import type { ModelSummary } from '../types.js';

/**
 * A model version's status as people should read it: storage marks the model a rollback left as
 * `rejected` (so a later rollback never returns to it), but the gate did not reject it.
 */
export function modelStatusText(m: Pick<ModelSummary, 'status' | 'reason'>): string {
  return m.status === 'rejected' && m.reason === 'rolled back' ? 'rolled back' : m.status;
}

/** The short name of an encoder id (`bert:Xenova/bert-base-uncased:cls:fp32` → `bert`). */
export function encoderName(encoderId: string): string {
  return encoderId.split(':')[0] ?? encoderId;
}

/**
 * One line saying which encoder answers and why, e.g. "answering with glove (model 7): bert model
 * 9 scored 0.410 vs 0.470 top-1 … kept glove".
 */
export function answeringText(s: AnsweringStatus): string {
  const model = s.modelId === null ? 'no trained model: zero-shot ranking' : `model ${s.modelId}`;
  return `answering with ${encoderName(s.encoderId)} (${model}): ${s.why}`;
}
