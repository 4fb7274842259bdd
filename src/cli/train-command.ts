import { renderRetrainOutcome } from '../core/render/retrain-outcome.js';
import { TrainingError } from '../errors.js';
import type { RegisterCommand } from './context.js';
import { withApp } from './with-app.js';

/** `attribot train [--force] [--json]`: one training run now, through the evaluation gate. */
export const registerTrainCommand: RegisterCommand = (program, ctx) => {
  program
    .command('train')
    .description('train a new model now; it becomes active if the evaluation gate agrees')
    .option('--force', 'activate even if the gate rejects it')
    .option('--json', 'print the outcome as JSON')
    .action(async (opts: { force?: boolean; json?: boolean }) => {
      await withApp(ctx, async (app) => {
        const outcome = await app.trainer.retrain({
          trigger: 'cli',
          requestedBy: 'cli',
          force: opts.force ?? false,
          always: true,
          progress: (line) => ctx.logger().info(line),
        });
        ctx.out(opts.json ? JSON.stringify(outcome) : renderRetrainOutcome(outcome));
        if (outcome.status === 'failed') throw new TrainingError('training.failed', outcome.error);
      });
    });
};
