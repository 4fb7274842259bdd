import cron from 'node-cron';
import type { LearningPromptOutcome } from '../core/learning/learning-prompts.js';
import { ConfigError } from '../errors.js';
import type { Logger } from '../logger.js';

/**
 * Learning prompts on a schedule: node-cron at `expression` (in `timezone` when set) runs one round
 * of `round` (the most informative phrase, posted to each configured channel) and logs what
 * happened. Nothing to ask is a quiet info line; a channel that could not be posted to is a warning
 * (the other channels still get the prompt). Rounds never overlap.
 *
 * @throws ConfigError when `expression` is not a cron expression.
 */
export function scheduleLearningPrompts(
  round: () => Promise<LearningPromptOutcome>,
  expression: string,
  timezone: string | undefined,
  logger: Logger,
): { stop(): Promise<void> } {
  if (!cron.validate(expression)) {
    throw new ConfigError('config.invalid', `Invalid configuration: LEARNING_PROMPT_CRON "${expression}" is not a cron expression`);
  }
  let current: Promise<void> = Promise.resolve();
  const run = async () => {
    try {
      logOutcome(await round(), logger);
    } catch (err) {
      logger.error({ err }, 'learning prompt failed');
    }
  };
  const task = cron.schedule(
    expression,
    () => {
      current = run();
      return current;
    },
    { ...(timezone ? { timezone } : {}), noOverlap: true, name: 'learning-prompts' },
  );
  return {
    /** Stops the schedule and waits for a round in progress (the adapters it posts through stop after it). */
    async stop() {
      await task.stop();
      await current;
    },
  };
}

function logOutcome(outcome: LearningPromptOutcome, logger: Logger): void {
  if (outcome.kind === 'nothing') {
    logger.info('learning prompt skipped: no unvoted recent phrase left to ask about');
    return;
  }
  for (const f of outcome.failed) logger.warn({ err: f.error, platform: f.platform, channelId: f.channelId }, 'learning prompt could not be posted');
  if (outcome.posted.length > 0) logger.info({ phrase: outcome.phrase, posted: outcome.posted }, 'learning prompt posted');
}
