import { siblingModule, startWorker } from '../ml/trainer/worker/start-worker.js';
import type { Platform, VoteRecord } from '../core/types.js';
import type { Dispute } from './review-data.js';

/** What the worker gets: every live vote, the quarantined `platform:userId` keys, how many disputes to keep. */
export interface DisputeInput {
  votes: (VoteRecord & { phrase: string; platform: Platform })[];
  quarantined: string[];
  limit: number;
}

/**
 * {@link findDisputes} in a worker thread: weighing 100,000 votes takes seconds of CPU, which on
 * the main thread would stall the chat adapters' acknowledgements sharing this process.
 */
export function disputesOffThread(input: DisputeInput): Promise<Dispute[]> {
  const worker = startWorker(siblingModule(import.meta.url, 'review-worker'), { workerData: input });
  // Figures for a page are not worth delaying a shutdown for.
  worker.unref();
  return new Promise((resolve, reject) => {
    worker.once('message', (m: Dispute[]) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`review worker exited with code ${code}`));
    });
  });
}
