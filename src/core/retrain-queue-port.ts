/** Port: the queue of forced retrains asked for where no trainer runs. Re-exported by `ports.ts`. */

import type { Platform, RetrainRequester } from './types.js';

/** A finished queued retrain whose requester has not been told yet. */
export interface RetrainNoticeRow {
  id: number;
  requester: RetrainRequester;
  /** The run's status (`promoted`, `rejected`, `skipped`, `failed`) and its rendered paragraph. */
  outcome: { status: string; text: string };
}

/**
 * A trainer's claim on a retrain request: the request and how many times it had been claimed.
 * When a claim goes stale (its trainer was taken for dead) and another trainer claims the request
 * again, the first claim is over: it can no longer renew, finish or release the request.
 */
export interface RetrainClaim {
  id: number;
  claim: number;
}

/** Forced retrains asked for where no trainer runs (bot-only processes), run by the trainer role. */
export interface RetrainQueue {
  enqueue(r: { requestedBy: string; force: boolean; requester?: RetrainRequester }): Promise<number>;
  /**
   * Takes the oldest request that is queued, or running with a claim not renewed for `leaseMs`
   * (its trainer died): concurrent trainers never take the same one.
   */
  claimNext(leaseMs: number): Promise<(RetrainClaim & { requestedBy: string; force: boolean }) | null>;
  /**
   * Renews a claim (its trainer is alive and still working on the request); false when the claim
   * is over (another trainer claimed the request since, or it is no longer running).
   */
  renew(claim: RetrainClaim): Promise<boolean>;
  /**
   * Marks a claimed request done, with its run and (to tell the requester) its outcome; false,
   * changing nothing, when the claim is over.
   */
  finish(claim: RetrainClaim, runId: number | null, outcome?: { status: string; text: string }): Promise<boolean>;
  /**
   * Puts a claimed request back in the queue (the trainer was busy): it is claimed again later;
   * false, changing nothing, when the claim is over.
   */
  release(claim: RetrainClaim): Promise<boolean>;
  /**
   * Takes finished requests asked for on one of `platforms` whose requester was not told yet
   * (concurrent bot processes never take the same one); each is taken at most `maxAttempts` times.
   */
  takeNotices(platforms: readonly Platform[], maxAttempts: number): Promise<RetrainNoticeRow[]>;
  /** Gives a taken notice back (telling failed): a later take tries again. */
  returnNotice(id: number): Promise<void>;
}
