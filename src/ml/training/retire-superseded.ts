import { supersedes } from '../../core/encoder-version.js';
import type { Storage } from '../../core/ports.js';

/**
 * Retires the active models of every earlier version of `encoderId` once `modelId`, a model of
 * `encoderId`, is active: their vectors came from code this version no longer has, so they can
 * never answer again, and left active they would make `models rollback` ask which encoder is meant
 * and `models list` show two active GloVe models. Each retirement is audited. Returns the ids.
 *
 * @example
 * await retireSuperseded(storage, 'glove:wink-sg-100d:v2', 12) // [4]: the v1 model
 */
export async function retireSuperseded(storage: Pick<Storage, 'models' | 'audit'>, encoderId: string, modelId: number): Promise<number[]> {
  const stale = (await storage.models.list()).filter((m) => m.status === 'active' && supersedes(encoderId, m.encoderId));
  const retired: number[] = [];
  for (const m of stale) {
    const reason = `superseded by ${encoderId} model ${modelId}: ${m.encoderId} no longer runs in this version`;
    if (!(await storage.models.retire(m.id, reason))) continue;
    await storage.audit.append({ actor: 'training', action: 'model.retired', subject: `model:${m.id}`, after: { reason } });
    retired.push(m.id);
  }
  return retired;
}
