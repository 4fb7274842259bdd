/**
 * Worker-thread entry: trains the head described by `workerData` and posts progress, then the
 * result (its arrays transferred) or the error. Started by `trainHeadInWorker`, never imported.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { trainHead } from '../train-head.js';
import { serializeError, type TrainWorkerData, type TrainWorkerMessage } from './messages.js';

const port = parentPort;
if (port === null) throw new Error('train-worker must run in a worker thread');
const { data, settings } = workerData as TrainWorkerData;
const post = (message: TrainWorkerMessage, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

try {
  const result = await trainHead(data, { ...settings, onEpoch: (progress) => post({ type: 'progress', progress }) });
  post({ type: 'done', result }, [result.weights.buffer, result.bias.buffer, result.validationIndices.buffer] as ArrayBuffer[]);
} catch (err) {
  post({ type: 'error', error: serializeError(err) });
}
