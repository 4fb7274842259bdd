import type { RetrainQueue, TrainerPort } from '../core/ports.js';
import { renderRetrainOutcome } from '../core/render/retrain-outcome.js';
import type { Logger } from '../logger.js';

export interface ServeRetrainOptions {
  /** How often queued requests are looked for (default 10 s). */
  intervalMs?: number;
  /**
   * How long a claim lasts without renewal before another trainer takes the request again (its
   * trainer died mid-run). Renewed six times a lease while the training runs, so a live trainer
   * keeps it through a slow event loop; a request whose trainer died waits at most this long.
   */
  leaseMs?: number;
}

/** Default claim lease: two minutes, a small wait next to a training and twelve default ticks. */
export const RETRAIN_LEASE_MS = 120_000;

/**
 * The trainer role's side of the retrain queue: every `intervalMs` it claims queued requests (from
 * bot-only processes' `/attribute-admin retrain`) and runs them. A request that finds the trainer
 * busy (another training holds the lock), or whose training threw, goes back to the queue and is
 * claimed again at a later tick, instead of being marked finished with nothing run; a request that
 * ran is finished with its run and its rendered outcome, which the bot process that serves the
 * requester's platform tells them (`serveRetrainNotices`). A claim is renewed while its training
 * runs; one left by a trainer that died (not renewed for `leaseMs`) is claimed again, so every
 * request is run and its requester told. A trainer taken for dead that was only slow cannot then
 * finish or release the request: the latest claim alone does (`RetrainClaim`). Returns a stop
 * function.
 */
export function serveRetrainRequests(queue: RetrainQueue, trainer: TrainerPort, logger: Logger, opts: ServeRetrainOptions | number = {}): { stop(): Promise<void> } {
  const { intervalMs = 10_000, leaseMs = RETRAIN_LEASE_MS } = typeof opts === 'number' ? { intervalMs: opts } : opts;
  let current: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = async () => {
    for (let req = await queue.claimNext(leaseMs); req && !stopped; req = await queue.claimNext(leaseMs)) {
      const claim = { id: req.id, claim: req.claim };
      const renewal = setInterval(() => {
        queue.renew(claim).then(
          (held) => {
            if (held) return;
            // Over for good: renewing again could only fail again.
            clearInterval(renewal);
            logger.warn({ request: claim.id }, 'queued retrain: the claim went stale and another trainer claimed the request; this run will not record its outcome');
          },
          (err: unknown) => logger.warn({ err, request: claim.id }, 'queued retrain: could not renew the claim'),
        );
      }, leaseMs / 6);
      let outcome;
      try {
        outcome = await trainer.retrain({ trigger: 'admin', requestedBy: req.requestedBy, force: req.force, always: true });
      } catch (err) {
        await queue.release(claim);
        throw err;
      } finally {
        clearInterval(renewal);
      }
      if (outcome.status === 'busy' || outcome.status === 'queued') {
        await queue.release(claim);
        logger.info({ request: req.id }, 'queued retrain: the trainer is busy; kept queued');
        return;
      }
      if (await queue.finish(claim, outcome.run.id, { status: outcome.status, text: renderRetrainOutcome(outcome) })) {
        logger.info({ request: req.id, status: outcome.status }, 'queued retrain finished');
      } else logger.warn({ request: req.id, run: outcome.run.id }, 'queued retrain ran, but another trainer had claimed the request since: its claim records the outcome');
    }
  };
  const timer = setInterval(() => {
    current = current.then(tick).catch((err: unknown) => logger.error({ err }, 'retrain queue failed'));
  }, intervalMs);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
