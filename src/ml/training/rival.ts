import type { Storage } from '../../core/ports.js';
import { encoderName } from '../../core/render/model-status.js';
import type { ModelSummary, ModelVersionRecord } from '../../core/types.js';
import { activeOf, lostChallenge, rivalModel, versusOf } from '../encoder/answering-choice.js';
import type { Predictor } from '../model/predictor.js';

/** The other encoder's active model a new encoder's first model is compared with. */
export interface Rival {
  record: ModelVersionRecord;
  /** A predictor over the rival's encoder; null when this process cannot run that encoder. */
  predictor: Predictor | null;
}

/**
 * The rival of `encoderId`'s next model: when the encoder has no active model yet but another
 * encoder has (the encoder changed), that encoder's most recently activated model; else null.
 */
export async function findRival(
  storage: Storage,
  encoderId: string,
  predictorFor: ((encoderId: string) => Promise<Predictor | null>) | undefined,
): Promise<{ rival: Rival | null; models: ModelSummary[] }> {
  const models = await storage.models.list();
  const summary = activeOf(encoderId, models) ? null : rivalModel(encoderId, models);
  const record = summary && (await storage.models.get(summary.id));
  if (!record) return { rival: null, models };
  return { rival: { record, predictor: predictorFor ? await predictorFor(record.encoderId) : null }, models };
}

/**
 * Why training again would only repeat a lost comparison (same data, same rival model), or null.
 * Start-up trains an encoder without an active model; this keeps a restart from retraining the loser.
 */
export function repeatsLostChallenge(encoderId: string, models: readonly ModelSummary[], fingerprint: string, rival: Rival): string | null {
  const lost = lostChallenge(encoderId, models);
  const sameData = (lost?.metrics as { fingerprint?: string } | undefined)?.fingerprint === fingerprint;
  if (!lost || !sameData || versusOf(lost)?.modelId !== rival.record.id) return null;
  return `nothing changed since ${encoderName(encoderId)} model ${lost.id} lost to ${encoderName(rival.record.encoderId)} model ${rival.record.id} (${lost.reason ?? 'rejected'}); retrain with force to promote one anyway`;
}
