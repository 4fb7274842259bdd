import type { EpochProgress, TrainHeadResult, TrainHeadSettings, TrainingData } from '../train-types.js';

/** What the parent hands the training worker (as `workerData`). */
export interface TrainWorkerData {
  readonly data: TrainingData;
  readonly settings: TrainHeadSettings;
}

/** An error flattened for postMessage, which would drop its `code` and `cause`. */
export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly code: string | undefined;
  readonly stack: string | undefined;
}

/** Messages from the worker to its parent. */
export type TrainWorkerMessage =
  | { readonly type: 'progress'; readonly progress: EpochProgress }
  | { readonly type: 'done'; readonly result: TrainHeadResult }
  | { readonly type: 'error'; readonly error: SerializedError };

/** Flattens anything thrown into a {@link SerializedError}. */
export function serializeError(err: unknown): SerializedError {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return { name: err.name, message: err.message, code: typeof code === 'string' ? code : undefined, stack: err.stack };
  }
  return { name: 'Error', message: String(err), code: undefined, stack: undefined };
}

/** Rebuilds an Error from a {@link SerializedError}, keeping the worker's stack. */
export function deserializeError(error: SerializedError): Error & { code?: string } {
  const rebuilt: Error & { code?: string } = new Error(error.message);
  rebuilt.name = error.name;
  if (error.code !== undefined) rebuilt.code = error.code;
  if (error.stack !== undefined) rebuilt.stack = error.stack;
  return rebuilt;
}
