import type { Worker } from 'node:worker_threads';
import { TrainingError, type ErrorCode } from '../../../errors.js';
import { toTrainingData } from '../train-data.js';
import type { EpochProgress, TrainHeadInput, TrainHeadOptions, TrainHeadResult, TrainingData } from '../train-types.js';
import { deserializeError, type SerializedError, type TrainWorkerData, type TrainWorkerMessage } from './messages.js';
import { siblingModule, startWorker } from './start-worker.js';

/** Options of {@link trainHeadInWorker}. */
export interface TrainInWorkerOptions extends TrainHeadOptions {
  /**
   * Move the input arrays to the worker instead of copying them (default true). Moved arrays
   * become empty (detached) in the caller; arrays that share a buffer are copied regardless.
   */
  readonly transfer?: boolean;
  /** Worker entry module; tests point it elsewhere. Defaults to `train-worker` beside this file. */
  readonly entry?: URL;
}

/**
 * Runs {@link trainHead} on a worker thread so the caller's event loop stays free. Progress is
 * forwarded to `onEpoch`; aborting `signal` terminates the worker. Input is validated here first,
 * so bad data fails before a thread starts.
 *
 * @throws {TrainingError} for invalid input, a failure inside the worker (with its error as
 *   `cause`), a worker that dies, or cancellation.
 */
export async function trainHeadInWorker(input: TrainHeadInput, options: TrainInWorkerOptions = {}): Promise<TrainHeadResult> {
  const { onEpoch, signal, transfer = true, entry = siblingModule(import.meta.url, 'train-worker'), ...settings } = options;
  if (signal?.aborted === true) throw cancelled(signal);
  const data = toTrainingData(input);
  const { payload, transferList } = prepareTransfer(data, transfer);
  const workerData: TrainWorkerData = { data: payload, settings };
  const worker = startWorker(entry, { workerData, transferList, name: 'attribot-trainer' });
  return new Promise<TrainHeadResult>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      outcome();
      void worker.terminate();
    };
    const onAbort = (): void => finish(() => reject(cancelled(signal)));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: TrainWorkerMessage) => {
      if (message.type === 'progress') callProgress(onEpoch, message.progress, worker);
      else if (message.type === 'done') finish(() => resolve(message.result));
      else finish(() => reject(fromWorker(message.error)));
    });
    worker.on('error', (err) => finish(() => reject(new TrainingError('training.failed', `The training worker crashed: ${err.message}`, { cause: err }))));
    worker.on('exit', (code) => finish(() => reject(new TrainingError('training.failed', `The training worker stopped unexpectedly (exit code ${code}).`))));
  });
}

function callProgress(onEpoch: TrainHeadOptions['onEpoch'], progress: EpochProgress, worker: Worker): void {
  try {
    onEpoch?.(progress);
  } catch (err) {
    // A throwing progress callback must not leave the worker running unobserved.
    worker.emit('error', err instanceof Error ? err : new Error(String(err)));
  }
}

function prepareTransfer(data: TrainingData, transfer: boolean): { payload: TrainingData; transferList: ArrayBuffer[] } {
  const transferList: ArrayBuffer[] = [];
  const own = <T extends Float32Array | Int32Array>(array: T): T => {
    const buffer = array.buffer;
    const whole = array.byteOffset === 0 && array.byteLength === buffer.byteLength;
    if (transfer && whole && buffer instanceof ArrayBuffer && !transferList.includes(buffer)) {
      transferList.push(buffer);
      return array;
    }
    const copy = array.slice() as T;
    transferList.push(copy.buffer as ArrayBuffer);
    return copy;
  };
  const payload: TrainingData = {
    ...data,
    x: own(data.x),
    targets: { offsets: own(data.targets.offsets), classes: own(data.targets.classes), probs: own(data.targets.probs) },
    sampleWeights: data.sampleWeights === undefined ? undefined : own(data.sampleWeights),
    keepInTraining: data.keepInTraining === undefined ? undefined : own(data.keepInTraining),
  };
  return { payload, transferList };
}

function fromWorker(error: SerializedError): TrainingError {
  const cause = deserializeError(error);
  // Keep specific codes from the worker (no_data, a TrainingError's own) where they are training codes.
  const code: ErrorCode = error.code === 'training.no_data' || error.code === 'training.busy' ? error.code : 'training.failed';
  const message = error.code !== undefined && error.code.startsWith('training.') ? error.message : `Training failed: ${error.message}`;
  return new TrainingError(code, message, { cause });
}

function cancelled(signal: AbortSignal | undefined): TrainingError {
  return new TrainingError('training.failed', 'Training was cancelled.', { cause: signal?.reason });
}
