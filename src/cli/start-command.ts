import path from 'node:path';
import { runConsoleAdapter } from '../adapters/console/console-adapter.js';
import { InputError } from '../errors.js';
import { openApp } from '../main.js';
import { coldStart } from '../ml/seed/cold-start.js';
import { opsRoutes } from '../ops/ops-routes.js';
import { startOpsServer } from '../ops/ops-server.js';
import { serveRetrainRequests } from '../scheduler/retrain-requests.js';
import { scheduleLearningPrompts } from '../scheduler/learning-prompt-schedule.js';
import { scheduleRetrain } from '../scheduler/retrain-schedule.js';
import type { RegisterCommand } from './context.js';
import { learningTargets } from './learning-targets.js';
import { startPlatforms } from './start-platforms.js';

const ROLES = ['bot', 'trainer', 'all'] as const;
type Role = (typeof ROLES)[number];

/**
 * `attribot start [--role bot|trainer|all]`: every configured chat adapter (the console when none
 * is configured) plus, for trainer roles, the nightly schedule.
 */
export const registerStartCommand: RegisterCommand = (program, ctx) => {
  program
    .command('start')
    .description('run the bot: Discord and/or Slack when configured, otherwise a console prompt')
    .option('--role <role>', 'bot (answers only), trainer (schedule only) or all', 'all')
    .action(async (opts: { role: string }) => {
      if (!ROLES.includes(opts.role as Role)) throw new InputError('input.invalid', `--role must be one of ${ROLES.join(', ')}`);
      const role = opts.role as Role;
      const config = ctx.config();
      const logger = ctx.logger();
      const app = await openApp(config, logger, { canTrain: role !== 'bot' });
      const stops: (() => Promise<void> | void)[] = [];
      let closing = false;
      const shutdown = async () => {
        if (closing) return;
        closing = true;
        logger.info('shutting down');
        const timer = setTimeout(() => process.exit(1), 10_000);
        timer.unref();
        for (const stop of stops.reverse()) await Promise.resolve(stop()).catch((err: unknown) => logger.error({ err }, 'stop failed'));
        await app.close();
      };
      try {
        if (role !== 'bot') await coldStart(app, logger);
        else await app.predictor.reload();
        stops.push(await app.predictor.follow());
        if (role !== 'bot') {
          const schedule = scheduleRetrain(app.trainer, config.training.cron, config.training.timezone, logger);
          stops.push(() => schedule.stop());
          const queue = serveRetrainRequests(app.storage.retrainQueue, app.trainer, logger);
          stops.push(() => queue.stop());
        }
        const routes = opsRoutes({ storage: app.storage, metrics: app.metrics, modelLoaded: () => app.predictor.labelCount > 0, closing: () => closing });
        const platforms = role === 'trainer' ? [] : await startPlatforms(app, routes);
        stops.push(...platforms.map((p) => () => p.stop()));
        if (role !== 'trainer') {
          // After the platforms in `stops`: stopped first, so no prompt is posted through a stopped adapter.
          const { targets, idle } = learningTargets(config.learning, platforms);
          for (const platform of idle) logger.warn({ platform }, 'learning prompts configured for a platform that is not running here');
          if (targets.length > 0) {
            const prompts = scheduleLearningPrompts(() => app.learningPrompts(targets), config.learning.cron, config.training.timezone, logger);
            stops.push(() => prompts.stop());
            logger.info({ cron: config.learning.cron, channels: targets.map((t) => `${t.poster.platform}:${t.channelId}`) }, 'learning prompts scheduled');
          }
        }
        // Slack's receiver serves the ops routes on PORT; otherwise a small server of our own does.
        if (!platforms.some((p) => p.servesRoutes) && (platforms.length > 0 || role === 'trainer')) {
          const ops = await startOpsServer(routes, config.chat.port);
          logger.info({ port: ops.port }, 'health and metrics at /healthz, /readyz, /metrics');
          stops.push(() => ops.stop());
        }
        const done = new Promise<void>((resolve) => {
          for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => resolve());
        });
        if (role !== 'trainer' && platforms.length === 0) {
          const filesDir = path.join(config.dataDir, 'charts');
          await Promise.race([runConsoleAdapter({ core: app.core, input: process.stdin, output: process.stdout, logger, filesDir }), done]);
        } else {
          logger.info({ role, platforms: platforms.map((p) => p.name) }, 'attribot running');
          await done;
        }
      } finally {
        await shutdown();
      }
    });
};
