import type { RetrainQueue, TrainerPort } from '../core/ports.js';
import type { RetrainOutcome } from '../core/types.js';
import type { Logger } from '../logger.js';

/** A queued request that was run, and what came of it. */
export interface QueuedRetrainResult {
  id: number;
  requestedBy: string;
  outcome: Exclude<RetrainOutcome, { status: 'busy' }>;
}

export interface ServeRetrainOptions {
  intervalMs?: number;
  /** Tells the requester (e.g. a direct message through a chat platform); failures are logged. */
  announce?: (result: QueuedRetrainResult) => Promise<void>;
}

/**
 * The trainer role's side of the retrain queue: every `intervalMs` it claims queued requests (from
 * bot-only processes' `/attribute-admin retrain`) and runs them. A request that finds the trainer
 * busy (another training holds the lock) goes back to the queue and is claimed again at a later
 * tick, instead of being marked finished with nothing run; a request that ran is finished with its
 * run and announced. Returns a stop function.
 */
export function serveRetrainRequests(queue: RetrainQueue, trainer: TrainerPort, logger: Logger, opts: ServeRetrainOptions | number = {}): { stop(): Promise<void> } {
  const { intervalMs = 10_000, announce } = typeof opts === 'number' ? { intervalMs: opts } : opts;
  let current: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = async () => {
    for (let req = await queue.claimNext(); req && !stopped; req = await queue.claimNext()) {
      const outcome = await trainer.retrain({ trigger: 'admin', requestedBy: req.requestedBy, force: req.force, always: true });
      if (outcome.status === 'busy') {
        await queue.release(req.id);
        logger.info({ request: req.id }, 'queued retrain: the trainer is busy; kept queued');
        return;
      }
      await queue.finish(req.id, 'run' in outcome ? outcome.run.id : null);
      logger.info({ request: req.id, status: outcome.status }, 'queued retrain finished');
      await announce?.({ id: req.id, requestedBy: req.requestedBy, outcome }).catch((err: unknown) => logger.warn({ err, request: req?.id }, 'queued retrain: could not tell the requester'));
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
