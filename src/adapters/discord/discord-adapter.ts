import { Client, DiscordjsErrorCodes, Events, RESTEvents } from 'discord.js';
import type { Config } from '../../config/config.js';
import type { ChatCore } from '../../core/chat/chat-core.js';
import type { ChannelPoster } from '../../core/ports.js';
import { PlatformError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { discordClientOptions } from './client-options.js';
import { discordChannelPoster } from './channel-poster.js';
import type { DiscordDeps } from './discord-deps.js';
import { describeRestError } from './discord-rest.js';
import { handleReaction } from './handle-reaction.js';
import { InFlight } from '../shared/in-flight.js';
import { Admission, type AdmissionLimits } from '../shared/admission.js';
import { MessageOrder } from '../shared/message-order.js';
import { createReactionReader } from './reaction-reader.js';
import { routeInteraction } from './route-interaction.js';

export interface DiscordAdapterOptions {
  config: NonNullable<Config['discord']>;
  core: ChatCore;
  logger: Logger;
  /** Reactions on prediction messages of this many past days are reconciled at start; 0 turns it off. */
  reconcileDays: number;
  /** Least time between two progress edits of `/attribute-admin retrain` (default 2 s). */
  progressIntervalMs?: number;
  /** A button click or form not answered within this long is deferred first (default 2 s; Discord's limit is 3 s). */
  interactionDeferMs?: number;
  /** How long `stop()` lets running handler work finish (default 10 s). */
  shutdownGraceMs?: number;
  /** Bounds on concurrent work (defaults: see {@link DEFAULT_DISCORD_LIMITS}); pass shared ones to read their metrics. */
  admission?: { commands: Admission; votes: Admission };
}

/** Default bounds when none are passed in (refused votes wait and try again, see handle-reaction). */
export const DEFAULT_DISCORD_LIMITS: { commands: AdmissionLimits; votes: AdmissionLimits } = {
  commands: { maxActive: 8, maxQueued: 200, maxWaitMs: 2_000 },
  votes: { maxActive: 8, maxQueued: 2_000, maxWaitMs: 2_000 },
};

export interface DiscordAdapter {
  /** The logged-in discord.js client (read-only use: status, metrics). */
  client: Client<true>;
  /** Posts in a channel on the bot's own initiative (learning prompts). */
  poster: ChannelPoster;
  /** Settles when start-up reconciliation is done: votes changed, or null if it failed (logged). */
  reconciled: Promise<number | null>;
  /** Stops taking events, lets running work finish (at most `shutdownGraceMs`), then closes the gateway. */
  stop(): Promise<void>;
}

/**
 * Runs the Discord bot: a discord.js `Client` (intents Guilds + GuildMessageReactions; sharding from
 * `DISCORD_SHARDS`, see {@link shardOptions}) whose slash commands, message command, vote buttons,
 * forms, autocompletes and reactions become {@link ChatCore} calls. Resolves once the gateway is ready; reconciliation then runs in the background.
 *
 * No event can crash the process: every handler runs through {@link InFlight}, which logs failures
 * with their cause (REST errors carry Discord's status and code).
 *
 * @throws PlatformError when Discord rejects the token or cannot be reached at start.
 */
export async function startDiscordAdapter(opts: DiscordAdapterOptions): Promise<DiscordAdapter> {
  const logger = opts.logger.child({ adapter: 'discord' });
  const client = new Client(discordClientOptions(opts.config));
  client.on(Events.Error, (err) => logger.error({ err }, 'discord: client error'));
  client.on(Events.ShardError, (err, shardId) => logger.warn({ err, shardId }, 'discord: gateway connection error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord: warning'));
  client.rest.on(RESTEvents.RateLimited, (info) => logger.debug({ route: info.route, retryAfter: info.retryAfter }, 'discord: rate limited'));

  const inFlight = new InFlight(logger, 'discord');
  let stopping = false;
  const deps: DiscordDeps = {
    core: opts.core,
    rest: client.rest,
    logger,
    botUserId: () => client.user?.id,
    adminRole: opts.config.adminRole,
    order: new MessageOrder((err, key) => logger.warn({ err, ...describeRestError(err), target: key }, 'discord: could not edit a prediction message')),
    commands: opts.admission?.commands ?? new Admission('commands', DEFAULT_DISCORD_LIMITS.commands),
    votes: opts.admission?.votes ?? new Admission('votes', DEFAULT_DISCORD_LIMITS.votes),
    progressIntervalMs: opts.progressIntervalMs ?? 2_000,
    interactionDeferMs: opts.interactionDeferMs ?? 2_000,
  };
  // Listening before login: with several shards, one can deliver events before all are ready.
  client.on(Events.InteractionCreate, (interaction) => {
    const work = stopping ? null : routeInteraction(interaction, deps);
    if (work) void inFlight.run(work.what, work.run, work.context);
  });
  client.on(Events.MessageReactionAdd, (reaction, user) => {
    if (!stopping) void inFlight.run('reaction', () => handleReaction(reaction, user, true, deps), { messageId: reaction.message.id });
  });
  client.on(Events.MessageReactionRemove, (reaction, user) => {
    if (!stopping) void inFlight.run('reaction removal', () => handleReaction(reaction, user, false, deps), { messageId: reaction.message.id });
  });

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(opts.config.token);
  } catch (err) {
    stopping = true;
    await client.destroy();
    const rejected = (err as { code?: unknown }).code === DiscordjsErrorCodes.TokenInvalid;
    const why = rejected ? 'Discord rejected the bot token' : 'Could not connect to Discord';
    throw new PlatformError('platform.failed', `${why}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const readyClient = await ready;
  const botUserId = readyClient.user.id;
  logger.info({ user: readyClient.user.tag, shards: client.options.shards, guilds: client.guilds.cache.size }, 'discord: connected');

  const reconciled = opts.reconcileDays > 0 ? runReconcile() : Promise.resolve(0);
  function runReconcile(): Promise<number | null> {
    const read = createReactionReader({ rest: client.rest, botUserId, logger, reconcileDays: opts.reconcileDays, isStopping: () => stopping });
    let result: number | null = null;
    return inFlight
      .run('reconciliation', async () => {
        result = await opts.core.reconcile('discord', read);
        logger.info({ changed: result }, 'discord: reconciled reactions');
      })
      .then(() => result);
  }

  return {
    client: readyClient,
    poster: discordChannelPoster(readyClient, deps),
    reconciled,
    async stop() {
      stopping = true;
      // Handlers await their own message edits, so draining them covers those too.
      if (!(await inFlight.drain(opts.shutdownGraceMs ?? 10_000))) logger.warn('discord: stopped with work still running');
      await client.destroy();
    },
  };
}
