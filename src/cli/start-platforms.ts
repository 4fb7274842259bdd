import { startDiscordAdapter } from '../adapters/discord/discord-adapter.js';
import { startSlackAdapter } from '../adapters/slack/slack-adapter.js';
import { discordUserNotifier } from '../adapters/discord/user-notifier.js';
import type { ChannelPoster, UserNotifier } from '../core/ports.js';
import type { App } from '../main.js';
import type { Route } from '../ops/ops-routes.js';
import { Admission } from '../adapters/shared/admission.js';
import { registerAdmissionMetrics } from '../adapters/shared/admission-metrics.js';

export interface RunningPlatform {
  name: string;
  /** Posts on the bot's own initiative (learning prompts). */
  poster: ChannelPoster;
  /** Tells one user something on the bot's own initiative (a queued retrain's outcome). */
  notifier: UserNotifier;
  /** True when this platform's HTTP server also serves the ops routes. */
  servesRoutes: boolean;
  stop(): Promise<void>;
}

/** Starts every configured chat platform adapter (Discord, Slack). */
export async function startPlatforms(app: App, routes: readonly Route[]): Promise<RunningPlatform[]> {
  const running: RunningPlatform[] = [];
  const { config, core, logger } = app;
  // One set of bounds for the process: both platforms share the database pool and the encoder.
  const { limits } = config;
  const admission = {
    votes: new Admission('votes', { maxActive: limits.voteConcurrency, maxQueued: limits.voteQueue, maxWaitMs: limits.queueWaitMs }),
    commands: new Admission('commands', { maxActive: limits.commandConcurrency, maxQueued: limits.commandQueue, maxWaitMs: limits.queueWaitMs }),
  };
  registerAdmissionMetrics(app.metrics.registry, [admission.votes, admission.commands]);
  try {
    if (config.discord) {
      const d = await startDiscordAdapter({ config: config.discord, core, logger, reconcileDays: config.chat.reconcileDays, admission });
      running.push({ name: 'discord', servesRoutes: false, poster: d.poster, notifier: discordUserNotifier(d.client), stop: () => d.stop() });
    }
    if (config.slack) {
      const s = await startSlackAdapter({
        config: config.slack,
        port: config.chat.port,
        core,
        logger,
        reconcileDays: config.chat.reconcileDays,
        customRoutes: routes,
        admission,
      });
      running.push({ name: 'slack', servesRoutes: true, poster: s.poster, notifier: s.notifier, stop: () => s.stop() });
    }
  } catch (err) {
    for (const p of running) await p.stop().catch(() => undefined);
    throw err;
  }
  return running;
}
