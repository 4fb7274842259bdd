import type { AnsweringStatus } from '../../core/ports.js';
import type { ModelSummary } from '../../core/types.js';
import { encoderName } from '../../core/render/model-status.js';
import type { RivalComparison } from '../training/gate.js';

type Summary = Pick<ModelSummary, 'id' | 'encoderId' | 'status' | 'reason' | 'metrics' | 'activatedAt'>;

/** The comparison a model's metrics record, if it was a new encoder's first model. */
export function versusOf(m: Pick<ModelSummary, 'metrics'>): RivalComparison | null {
  const v = (m.metrics as { versus?: RivalComparison } | null)?.versus;
  return v && typeof v.modelId === 'number' ? v : null;
}

/** The encoder's active model, if any. */
export function activeOf<T extends Summary>(encoderId: string, models: readonly T[]): T | null {
  return models.find((m) => m.encoderId === encoderId && m.status === 'active') ?? null;
}

/**
 * The other encoders' active model that answered last (the most recently activated): what a new
 * encoder's first model must not be worse than.
 */
export function rivalModel<T extends Summary>(encoderId: string, models: readonly T[]): T | null {
  const time = (m: T) => m.activatedAt?.getTime() ?? 0;
  const others = models.filter((m) => m.encoderId !== encoderId && m.status === 'active');
  return others.sort((a, b) => time(b) - time(a) || b.id - a.id)[0] ?? null;
}

/** The newest model of the encoder, when it lost the comparison with the other encoder's model. */
export function lostChallenge<T extends Summary>(encoderId: string, models: readonly T[]): T | null {
  const newest = models.filter((m) => m.encoderId === encoderId).sort((a, b) => b.id - a.id)[0];
  return newest && newest.status === 'rejected' && versusOf(newest) ? newest : null;
}

/** What {@link answeringChoice} decides from. */
export interface ChoiceInput {
  /** The encoder `ENCODER` selected. */
  selectedId: string;
  /** Why it runs when `ENCODER=auto` could not load BERT. */
  fallback: string | null;
  models: readonly Summary[];
  /** Whether this process can run the {@link rivalModel}'s encoder. */
  rivalUsable: boolean;
}

/**
 * Which encoder answers: the selected one when it has an active model; else the other encoder's
 * active model when this process can run that encoder (the new encoder's first model lost, or
 * none is trained yet); else the selected one, zero-shot until a model is trained.
 */
export function answeringChoice(input: ChoiceInput): AnsweringStatus {
  const { selectedId, fallback, models } = input;
  const name = encoderName(selectedId);
  const own = activeOf(selectedId, models);
  if (own) {
    const why = fallback ?? (own.reason?.startsWith('promoted over') || own.reason?.startsWith('forced over') ? own.reason : `the active ${name} model${own.reason ? ` (${own.reason})` : ''}`);
    return { encoderId: selectedId, modelId: own.id, why };
  }
  const rival = rivalModel(selectedId, models);
  if (rival && input.rivalUsable) {
    const lost = lostChallenge(selectedId, models);
    const why = lost?.reason ?? `no ${name} model is trained yet; the ${encoderName(rival.encoderId)} model answers until one is not worse on the held-out data`;
    return { encoderId: rival.encoderId, modelId: rival.id, why: fallback ? `${fallback}; ${why}` : why };
  }
  const unusable = rival ? `; ${encoderName(rival.encoderId)} model ${rival.id} cannot run here` : '';
  return { encoderId: selectedId, modelId: null, why: `${fallback ?? `no ${name} model is trained yet`}${unusable}` };
}
