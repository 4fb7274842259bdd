import type { BackendChoice, BackendName } from './backend.js';

/** One example's soft target: class indices with probabilities (uniform over `classes` when omitted). */
export interface SparseTarget {
  readonly classes: readonly number[];
  readonly probs?: readonly number[];
}

/**
 * Soft targets of N examples in compressed-row form: example `i` puts `probs[k]` on class
 * `classes[k]` for `offsets[i] <= k < offsets[i + 1]`. Compact even for C ≈ 30k classes.
 */
export interface CsrTargets {
  readonly offsets: Int32Array;
  readonly classes: Int32Array;
  readonly probs: Float32Array;
}

/** What to learn: embeddings and, per example, a probability distribution over the classes. */
export interface TrainHeadInput {
  /** N×D embeddings: one row per example, or all rows back to back in one array. */
  readonly x: Float32Array | readonly Float32Array[];
  /** Dense N×C rows (flat or one per example), sparse per-example targets, or {@link CsrTargets}. */
  readonly targets: Float32Array | readonly Float32Array[] | readonly SparseTarget[] | CsrTargets;
  readonly numClasses: number;
  /** Embedding size; inferred from the rows or from `x.length / N` when omitted. */
  readonly dim?: number;
  /** Per-example loss weights (default 1), e.g. to make a user's correction count more. */
  readonly sampleWeights?: Float32Array | readonly number[];
  /**
   * Examples never put in the validation split (e.g. user corrections), so the model always
   * learns them.
   */
  readonly keepInTraining?: Int32Array | readonly number[];
}

/** {@link TrainHeadInput} in the one canonical form the training loop reads. */
export interface TrainingData {
  /** N×D, row-major. */
  readonly x: Float32Array;
  readonly count: number;
  readonly dim: number;
  readonly numClasses: number;
  readonly targets: CsrTargets;
  readonly sampleWeights: Float32Array | undefined;
  readonly keepInTraining: Int32Array | undefined;
}

/** Training settings that can cross a thread boundary (no callbacks). */
export interface TrainHeadSettings {
  /** Default `auto`. */
  readonly backend?: BackendChoice;
  /** Upper bound on passes over the training split. Default 60. */
  readonly maxEpochs?: number;
  /** Epochs without a validation-loss improvement before stopping. Default 5. */
  readonly patience?: number;
  /** Smallest drop in validation loss that counts as an improvement. Default 1e-4. */
  readonly minDelta?: number;
  /** Default 256. */
  readonly batchSize?: number;
  /** Adam step size. Default 0.01. */
  readonly learningRate?: number;
  /** L2 penalty on the weights (not the bias): the loss gains `l2 / 2 · ‖W‖²`. Default 1e-4. */
  readonly l2?: number;
  /**
   * Share of examples held out for early stopping. Default 0.1. When it leaves no validation
   * example, the training loss is monitored instead.
   */
  readonly validationFraction?: number;
  /** Seeds the split, the shuffles and the initial weights. Default 1. */
  readonly seed?: number;
}

/** Reported after every epoch. */
export interface EpochProgress {
  /** 1-based. */
  readonly epoch: number;
  readonly maxEpochs: number;
  /** Mean weighted cross-entropy over the epoch's batches. */
  readonly trainLoss: number;
  /** Cross-entropy on the validation split; `null` when there is none. */
  readonly valLoss: number | null;
  /** Best monitored loss so far (validation, else training). */
  readonly bestLoss: number;
  readonly bestEpoch: number;
  readonly seconds: number;
  readonly examplesPerSecond: number;
}

/** In-process options: the settings plus a progress callback and cancellation. */
export interface TrainHeadOptions extends TrainHeadSettings {
  readonly onEpoch?: (progress: EpochProgress) => void;
  /** Aborting stops training between batches with a TrainingError. */
  readonly signal?: AbortSignal;
}

/** A trained linear softmax head: `logits = W·x + b`. */
export interface TrainHeadResult {
  /** C×D, row-major: row `c` holds class `c`'s weights. */
  readonly weights: Float32Array;
  readonly bias: Float32Array;
  readonly dim: number;
  readonly numClasses: number;
  readonly backend: BackendName;
  readonly device: string;
  /** Why faster backends were passed over with `auto` (worth logging), e.g. `tensorflow: … not installed`. */
  readonly skippedBackends: readonly string[];
  /** Epochs run (the weights are from {@link bestEpoch}). */
  readonly epochs: number;
  readonly bestEpoch: number;
  /** Validation loss of the returned weights; `null` without a validation split. */
  readonly bestValLoss: number | null;
  /** Training loss in the epoch whose weights are returned. */
  readonly trainLoss: number;
  readonly trainSeconds: number;
  /** Training examples processed per second (validation passes included in the time). */
  readonly examplesPerSecond: number;
  /** Indices of the examples held out for early stopping (never trained on). */
  readonly validationIndices: Int32Array;
}
