import type { RetrainQueue, TrainerPort } from '../core/ports.js';
import { renderRetrainOutcome } from '../core/render/retrain-outcome.js';
import type { Logger } from '../logger.js';

export interface ServeRetrainOptions {
  intervalMs?: number;
}

/**
 * The trainer role's side of the retrain queue: every `intervalMs` it claims queued requests (from
 * bot-only processes' `/attribute-admin retrain`) and runs them. A request that finds the trainer
 * busy (another training holds the lock), or whose training threw, goes back to the queue and is
 * claimed again at a later tick, instead of being marked finished with nothing run; a request that
 * ran is finished with its run and its rendered outcome, which the bot process that serves the
 * requester's platform tells them (`serveRetrainNotices`). Returns a stop function.
 */
export function serveRetrainRequests(queue: RetrainQueue, trainer: TrainerPort, logger: Logger, opts: ServeRetrainOptions | number = {}): { stop(): Promise<void> } {
  const { intervalMs = 10_000 } = typeof opts === 'number' ? { intervalMs: opts } : opts;
  let current: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = async () => {
    for (let req = await queue.claimNext(); req && !stopped; req = await queue.claimNext()) {
      let outcome;
      try {
        outcome = await trainer.retrain({ trigger: 'admin', requestedBy: req.requestedBy, force: req.force, always: true });
      } catch (err) {
        await queue.release(req.id);
        throw err;
      }
      if (outcome.status === 'busy' || outcome.status === 'queued') {
        await queue.release(req.id);
        logger.info({ request: req.id }, 'queued retrain: the trainer is busy; kept queued');
        return;
      }
      await queue.finish(req.id, outcome.run.id, { status: outcome.status, text: renderRetrainOutcome(outcome) });
      logger.info({ request: req.id, status: outcome.status }, 'queued retrain finished');
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
