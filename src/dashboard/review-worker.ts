/** Worker thread entry: finds the disputes of `workerData` off the main thread (see disputes-off-thread.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { findDisputes } from './review-data.js';
import type { DisputeInput } from './disputes-off-thread.js';

const input = workerData as DisputeInput;
parentPort?.postMessage(findDisputes(input.votes, new Set(input.quarantined), input.limit));
