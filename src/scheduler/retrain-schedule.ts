import cron from 'node-cron';
import type { TrainerPort } from '../core/ports.js';
import { ConfigError } from '../errors.js';
import type { Logger } from '../logger.js';

/**
 * The nightly retrain: node-cron at `expression` (in `timezone` when set). A run is skipped when
 * nothing changed since the active model, and only one instance trains (the trainer's lock).
 */
export function scheduleRetrain(trainer: TrainerPort, expression: string, timezone: string | undefined, logger: Logger): { stop(): void } {
  if (!cron.validate(expression)) throw new ConfigError('config.invalid', `Invalid configuration: RETRAIN_CRON "${expression}" is not a cron expression`);
  const task = cron.schedule(
    expression,
    async () => {
      try {
        const outcome = await trainer.retrain({ trigger: 'cron', requestedBy: null });
        logger.info({ status: outcome.status }, 'scheduled retrain finished');
      } catch (err) {
        logger.error({ err }, 'scheduled retrain failed');
      }
    },
    { ...(timezone ? { timezone } : {}), noOverlap: true, name: 'retrain' },
  );
  return {
    stop() {
      void task.stop();
    },
  };
}
