import fs from 'node:fs';
import path from 'node:path';
import { runConsoleAdapter } from '../adapters/console/console-adapter.js';
import { dashboardRoutes } from '../dashboard/dashboard-routes.js';
import { dashboardDepsOf } from '../dashboard/from-app.js';
import { openApp } from '../main.js';
import { createLogger } from '../logger.js';
import { coldStart } from '../ml/seed/cold-start.js';
import { opsRoutes } from '../ops/ops-routes.js';
import { startOpsServer } from '../ops/ops-server.js';
import { serveRetrainNotices } from '../scheduler/retrain-notices.js';
import { serveRetrainRequests } from '../scheduler/retrain-requests.js';
import { scheduleLearningPrompts } from '../scheduler/learning-prompt-schedule.js';
import { scheduleRetrain } from '../scheduler/retrain-schedule.js';
import type { CliContext } from './context.js';
import { learningTargets } from './learning-targets.js';
import { startPlatforms } from './start-platforms.js';
import { ensureDataDir } from './with-storage.js';
import type { Role } from './start-command.js';

/**
 * The body of `attribot start` (imported on use by `start-command.ts`): every configured chat
 * adapter (the console when none is configured) plus, for trainer roles, the nightly schedule.
 * At the console the logs go to `$ATTRIBOT_DATA_DIR/attribot.log`, not into the conversation.
 */
export async function runStart(ctx: CliContext, role: Role): Promise<void> {
  const config = ctx.config();
  const noPlatform = config.discord === undefined && config.slack === undefined;
  // Only `--role all` (plain `npm start`) falls back to the console: a `--role bot` container has
  // no terminal, and reading an empty stdin would end it at once (and restart it, forever).
  const atConsole = role === 'all' && noPlatform;
  const logFile = path.join(config.dataDir, 'attribot.log');
  const logger = atConsole ? createLogger(config.logLevel, { file: logFile }) : ctx.logger();
  if (atConsole) {
    const first = config.databaseUrl === undefined && !fs.existsSync(config.pgliteDir);
    ctx.out(`attribot: starting (data in ${config.dataDir}; logs in ${logFile})${first ? ' — first start: converting word vectors, seeding WordNet and training a first model, about a minute' : ''} …`);
  }
  ensureDataDir(config);
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
    const routes = [
      ...opsRoutes({ storage: app.storage, metrics: app.metrics, modelLoaded: () => app.predictor.labelCount > 0, closing: () => closing }),
      ...dashboardRoutes(dashboardDepsOf(app)),
    ];
    const platforms = role === 'trainer' ? [] : await startPlatforms(app, routes);
    stops.push(...platforms.map((p) => () => p.stop()));
    if (platforms.length > 0) {
      // After the platforms in `stops`: stopped first, so no notice is sent through a stopped adapter.
      const notices = serveRetrainNotices(app.storage.retrainQueue, platforms.map((p) => p.notifier), logger);
      stops.push(() => notices.stop());
    }
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
    if (role === 'bot' && noPlatform) logger.warn('no chat platform is configured (set DISCORD_TOKEN and/or SLACK_BOT_TOKEN): this bot process only serves /healthz and /metrics');
    if (!platforms.some((p) => p.servesRoutes) && !atConsole) {
      const ops = await startOpsServer(routes, config.chat.port);
      logger.info({ port: ops.port }, 'health and metrics at /healthz, /readyz, /metrics');
      stops.push(() => ops.stop());
    }
    const done = new Promise<void>((resolve) => {
      for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => resolve());
    });
    if (atConsole) {
      const filesDir = path.join(config.dataDir, 'charts');
      await Promise.race([runConsoleAdapter({ core: app.core, input: process.stdin, output: process.stdout, logger, filesDir }), done]);
    } else {
      logger.info({ role, platforms: platforms.map((p) => p.name) }, 'attribot running');
      await done;
    }
  } finally {
    await shutdown();
  }
}
