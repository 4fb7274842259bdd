import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webApi, type App } from '@slack/bolt';
import type { Config } from '../../config/config.js';
import type { ChatCore } from '../../core/chat/chat-core.js';
import type { ChannelPoster, UserNotifier } from '../../core/ports.js';
import { PlatformError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { registerCommandListeners } from './command-listeners.js';
import { slackChannelPoster } from './channel-poster.js';
import { createBoltApp } from './create-bolt-app.js';
import { listenCustomRoutes, type CustomRoute } from './custom-routes-server.js';
import { InFlight } from '../shared/in-flight.js';
import { Admission, type AdmissionLimits } from '../shared/admission.js';
import { MessageOrder } from '../shared/message-order.js';
import { registerReactionListeners } from './reaction-listeners.js';
import { registerShortcutListener } from './shortcut-listener.js';
import { registerVoteActionListeners } from './vote-action-listeners.js';
import { registerWordViewListener } from './word-view-listener.js';
import { createReactionReader } from './reaction-reader.js';
import { slackErrorCode } from './slack-api-error.js';
import { slackUserNotifier } from './user-notifier.js';
import type { SlackDeps } from './slack-deps.js';

export type { CustomRoute } from './custom-routes-server.js';

export interface SlackAdapterOptions {
  /** Tokens, signing secret, optional `SLACK_API_URL`, and `ADMIN_USER_IDS`. */
  config: NonNullable<Config['slack']>;
  /** HTTP port for `/slack/events` (and the custom routes); 0 picks a free one. */
  port: number;
  /** The use cases every Slack command and reaction is translated into. */
  core: ChatCore;
  /** Bolt's and the Web API client's lines go here too. */
  logger: Logger;
  /** Reactions on prediction messages of this many past days are reconciled at start; 0 turns it off. */
  reconcileDays: number;
  /** Extra routes on the same port (in Socket Mode on a server of their own at `port`). */
  customRoutes?: readonly CustomRoute[];
  /** Least time between two progress lines of `/attribute-admin retrain` (default 5 s). */
  progressIntervalMs?: number;
  /** How long `stop()` lets running listener work finish (default 10 s). */
  shutdownGraceMs?: number;
  /** Bounds on concurrent work (defaults: {@link DEFAULT_SLACK_LIMITS}); pass shared ones to read their metrics. */
  admission?: { commands: Admission; votes: Admission };
}

/**
 * Default bounds: a vote waits at most 2 s for a slot (Slack wants its answer within 3 s; past that
 * it gets an error status and delivers the event again), a command at most 2 s before "busy".
 */
export const DEFAULT_SLACK_LIMITS: { commands: AdmissionLimits; votes: AdmissionLimits } = {
  commands: { maxActive: 8, maxQueued: 200, maxWaitMs: 2_000 },
  votes: { maxActive: 8, maxQueued: 2_000, maxWaitMs: 2_000 },
};

export interface SlackAdapter {
  /** The port actually listened on (0 in Socket Mode without custom routes). */
  port: number;
  /** Posts in a channel on the bot's own initiative (learning prompts). */
  poster: ChannelPoster;
  /** Tells one user something on the bot's own initiative (a queued retrain's outcome). */
  notifier: UserNotifier;
  /** Settles when start-up reconciliation is done: votes recorded or retracted, or null if it failed (logged). */
  reconciled: Promise<number | null>;
  /** Stops receiving, then waits (bounded) for running work. */
  stop(): Promise<void>;
}

/**
 * Runs the Slack bot: a Bolt app in HTTP mode on `port` at `/slack/events` (requests verified with
 * the signing secret), or in Socket Mode when an app token is configured. Listeners translate Slack
 * commands, the message shortcut, vote buttons, the word form and reactions into {@link ChatCore}
 * calls and the replies into Slack messages.
 *
 * @throws PlatformError when Slack rejects the bot token (`auth.test`) or the port cannot be bound.
 */
export async function startSlackAdapter(opts: SlackAdapterOptions): Promise<SlackAdapter> {
  const { config, core } = opts;
  const logger = opts.logger.child({ adapter: 'slack' });
  const app = createBoltApp(config, logger, opts.customRoutes ?? []);

  let me;
  try {
    me = await verifyToken(config);
    await app.init();
  } catch (err) {
    const code = slackErrorCode(err);
    const why = code === undefined ? `Slack could not be reached: ${(err as Error).message}` : `Slack rejected the bot token (${code})`;
    throw new PlatformError('platform.failed', why, { cause: err });
  }
  const botUserId = me.user_id ?? '';
  const inFlight = new InFlight(logger, 'slack');
  let stopping = false;
  const deps: SlackDeps = {
    core,
    client: app.client,
    logger,
    botUserId,
    botName: me.user ?? 'attribot',
    adminUserIds: config.adminUserIds,
    order: new MessageOrder((err, key) => logger.error({ err, target: key }, 'slack: could not edit the prediction message')),
    votes: opts.admission?.votes ?? new Admission('votes', DEFAULT_SLACK_LIMITS.votes),
    commands: opts.admission?.commands ?? new Admission('commands', DEFAULT_SLACK_LIMITS.commands),
    inFlight,
    isStopping: () => stopping,
    progressIntervalMs: opts.progressIntervalMs ?? 5_000,
  };
  registerCommandListeners(app, deps);
  registerReactionListeners(app, deps);
  registerVoteActionListeners(app, deps);
  registerWordViewListener(app, deps);
  registerShortcutListener(app, deps);

  const { port, routesServer, httpServer } = await listen(app, opts, logger);
  logger.info({ mode: config.appToken === undefined ? 'http' : 'socket', port, botUserId }, 'slack: adapter started');
  const reconciled = opts.reconcileDays > 0 ? runReconcile() : Promise.resolve(0);

  function runReconcile(): Promise<number | null> {
    const read = createReactionReader({ client: app.client, botUserId, logger, reconcileDays: opts.reconcileDays, isStopping: () => stopping });
    let result: number | null = null;
    const done = inFlight.run('reconciliation', async () => {
      result = await core.reconcile('slack', read);
      logger.info({ changed: result }, 'slack: reconciled reactions');
    });
    return done.then(() => result);
  }

  return {
    port,
    poster: slackChannelPoster(deps, me.team_id ?? ''),
    notifier: slackUserNotifier(deps),
    reconciled,
    async stop() {
      stopping = true;
      // Not awaited yet: the server waits for open (keep-alive) connections, which new votes would
      // keep busy; they are refused now, the running ones drain, then every connection is closed.
      const receiverStopped = app.stop().catch((err: unknown) => logger.warn({ err }, 'slack: stopping the receiver failed'));
      if (!(await inFlight.drain(opts.shutdownGraceMs ?? 10_000))) logger.warn('slack: stopped with work still running');
      httpServer?.closeAllConnections();
      await receiverStopped;
      if (routesServer) await new Promise<void>((resolve) => routesServer?.close(() => resolve()));
    },
  };
}

/**
 * `auth.test` once, without the app client's retries: a rejected token or an unreachable API ends
 * the start at once with a clear error (as on Discord) instead of retrying for minutes.
 */
async function verifyToken(config: SlackAdapterOptions['config']) {
  const client = new webApi.WebClient(config.botToken, {
    retryConfig: { retries: 0 },
    timeout: 10_000,
    logLevel: webApi.LogLevel.ERROR,
    ...(config.apiUrl === undefined ? {} : { slackApiUrl: config.apiUrl.endsWith('/') ? config.apiUrl : `${config.apiUrl}/` }),
  });
  return client.auth.test();
}

/** Starts receiving: Bolt's HTTP server, or the socket plus a server of our own for custom routes. */
async function listen(app: App, opts: SlackAdapterOptions, logger: Logger): Promise<{ port: number; routesServer?: Server; httpServer?: Server }> {
  const fail = (err: unknown) =>
    new PlatformError('platform.failed', `The Slack adapter could not start: ${(err as Error).message}`, { cause: err });
  if (opts.config.appToken === undefined) {
    try {
      const server = await app.start(opts.port);
      return { port: (server.address() as AddressInfo).port, httpServer: server };
    } catch (err) {
      throw fail(err);
    }
  }
  try {
    await app.start();
  } catch (err) {
    throw fail(err);
  }
  if (!opts.customRoutes?.length) return { port: 0 };
  try {
    const { server, port } = await listenCustomRoutes(opts.customRoutes, opts.port, logger);
    return { port, routesServer: server };
  } catch (err) {
    // Do not leave the socket connected behind a failed start.
    await app.stop().catch((e: unknown) => logger.warn({ err: e }, 'slack: could not disconnect after a failed start'));
    throw fail(err);
  }
}
