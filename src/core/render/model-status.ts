import type { ModelSummary } from '../types.js';

/**
 * A model version's status as people should read it: storage marks the model a rollback left as
 * `rejected` (so a later rollback never returns to it), but the gate did not reject it.
 */
export function modelStatusText(m: Pick<ModelSummary, 'status' | 'reason'>): string {
  return m.status === 'rejected' && m.reason === 'rolled back' ? 'rolled back' : m.status;
}
