import type { RetrainQueue, TrainerPort } from '../core/ports.js';
import type { Logger } from '../logger.js';

/**
 * The trainer role's side of the retrain queue: every `intervalMs` it claims queued requests (from
 * bot-only processes' `/attribute-admin retrain`) and runs them. Returns a stop function.
 */
export function serveRetrainRequests(queue: RetrainQueue, trainer: TrainerPort, logger: Logger, intervalMs = 10_000): { stop(): Promise<void> } {
  let current: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = async () => {
    for (let req = await queue.claimNext(); req && !stopped; req = await queue.claimNext()) {
      const outcome = await trainer.retrain({ trigger: 'admin', requestedBy: req.requestedBy, force: req.force, always: true });
      await queue.finish(req.id, 'run' in outcome ? outcome.run.id : null);
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
