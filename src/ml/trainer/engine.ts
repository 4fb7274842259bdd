import { TrainingError } from '../../errors.js';
import type { ResolvedSettings } from './settings.js';
import type { TrainingData } from './train-types.js';

/**
 * The parameters and optimiser of one training run on one backend. `trainHead` owns the loop
 * (split, shuffles, early stopping); an engine only runs passes and keeps the best parameters,
 * so every backend has the same training semantics.
 */
export interface TrainEngine {
  /** One optimiser pass over the examples `order`, in that order; the mean weighted loss. */
  trainEpoch(order: Int32Array): Promise<number>;
  /** The mean weighted loss over `indices`, without updating anything. */
  evaluate(indices: Int32Array): Promise<number>;
  /** Remembers the current parameters as the best so far. */
  keepBest(): void;
  /** The parameters last remembered by {@link keepBest}. */
  best(): Promise<{ weights: Float32Array; bias: Float32Array }>;
  dispose(): Promise<void>;
}

/** What an engine is built from. `init` is the seeded C×D initial weight matrix. */
export interface EngineInput {
  readonly data: TrainingData;
  readonly settings: ResolvedSettings;
  readonly init: Float32Array;
  readonly signal: AbortSignal | undefined;
}

/** Throws the cancellation error when `signal` has fired (checked before each batch). */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new TrainingError('training.failed', 'Training was cancelled.', { cause: signal.reason });
}
