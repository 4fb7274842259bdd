import { startDiscordAdapter } from '../adapters/discord/discord-adapter.js';
import { startSlackAdapter } from '../adapters/slack/slack-adapter.js';
import type { ChannelPoster } from '../core/ports.js';
import type { App } from '../main.js';
import type { Route } from '../ops/ops-routes.js';

export interface RunningPlatform {
  name: string;
  /** Posts on the bot's own initiative (learning prompts). */
  poster: ChannelPoster;
  /** True when this platform's HTTP server also serves the ops routes. */
  servesRoutes: boolean;
  stop(): Promise<void>;
}

/** Starts every configured chat platform adapter (Discord, Slack). */
export async function startPlatforms(app: App, routes: readonly Route[]): Promise<RunningPlatform[]> {
  const running: RunningPlatform[] = [];
  const { config, core, logger } = app;
  try {
    if (config.discord) {
      const d = await startDiscordAdapter({ config: config.discord, core, logger, reconcileDays: config.chat.reconcileDays });
      running.push({ name: 'discord', servesRoutes: false, poster: d.poster, stop: () => d.stop() });
    }
    if (config.slack) {
      const s = await startSlackAdapter({
        config: config.slack,
        port: config.chat.port,
        core,
        logger,
        reconcileDays: config.chat.reconcileDays,
        customRoutes: routes,
      });
      running.push({ name: 'slack', servesRoutes: true, poster: s.poster, stop: () => s.stop() });
    }
  } catch (err) {
    for (const p of running) await p.stop().catch(() => undefined);
    throw err;
  }
  return running;
}
