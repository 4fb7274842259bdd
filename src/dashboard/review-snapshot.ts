import type { Storage } from '../core/ports.js';
import type { Logger } from '../logger.js';
import { disputesOffThread } from './disputes-off-thread.js';
import type { Dispute } from './review-data.js';

/** The review page's costly figures, computed from every live vote. */
export interface ReviewSnapshot {
  /** What they were computed from: the newest vote change and the quarantine list. */
  key: string;
  at: Date;
  votes: number;
  disputes: Dispute[];
  pairs: { predicted: string; chosen: string; votes: number }[];
}

/** How long a page waits for fresher figures before showing the previous ones (marked as such). */
const WAIT_MS = 150;

/**
 * Disputes and corrected pairs, recomputed in the background when votes or the quarantine list
 * changed: a page never waits seconds for them on a large table, it shows the last figures with
 * their time instead. One computation at a time per dashboard.
 */
export function reviewSnapshots(storage: Storage, logger: Logger) {
  let current: ReviewSnapshot | undefined;
  let pending: Promise<void> | undefined;
  const compute = async (key: string, quarantined: ReadonlySet<string>) => {
    const [votes, pairs] = await Promise.all([storage.dashboardReads.liveVotes(), storage.feedback.confusedPairs(10)]);
    const disputes = await disputesOffThread({ votes, quarantined: [...quarantined], limit: 25 });
    current = { key, at: new Date(), votes: votes.length, disputes, pairs };
  };
  return {
    /** The newest snapshot (computing one when the data changed), and whether it is behind the data. */
    async get(): Promise<{ snapshot: ReviewSnapshot | undefined; stale: boolean; quarantined: ReadonlySet<string> }> {
      const [latest, quarantined] = await Promise.all([storage.feedback.latestChange(), storage.quarantine.list()]);
      const key = `${latest?.toISOString() ?? ''}|${[...quarantined].sort().join(',')}`;
      if (current?.key !== key) {
        pending ??= compute(key, quarantined)
          .catch((err: unknown) => logger.error({ err }, 'dashboard: review figures failed'))
          .finally(() => {
            pending = undefined;
          });
        await Promise.race([pending, new Promise((resolve) => setTimeout(resolve, WAIT_MS).unref())]);
      }
      return { snapshot: current, stale: current?.key !== key, quarantined };
    },
  };
}
