import { GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';
import type { Config } from '../../config/config.js';

type DiscordConfig = NonNullable<Config['discord']>;

/**
 * Shard options for the one `Client` of this process, from `DISCORD_SHARDS`. Bots in more than 2,000
 * servers need sharding: Discord refuses a single connection from 2,500 servers on, and each shard
 * carries at most 2,500.
 * - `none` (default): one connection (shard 0 of 1).
 * - `auto`: as many shards as Discord recommends (`GET /gateway/bot`), all in this process. Fine
 *   for a few shards: the bot's work per event is small and the votes all go to PostgreSQL anyway.
 * - a number N: shards 0…N-1 in this process.
 *
 * Beyond what one process keeps up with, run one bot process per shard group under discord.js's
 * `ShardingManager`; the database (unique votes, advisory lock for training) already makes such
 * processes safe side by side.
 *
 * Always explicit: left unset, discord.js reads `process.env.SHARDS` itself as JSON (its
 * ShardingManager protocol), and `DISCORD_SHARDS is our own name; a plain `SHARDS=auto` or `none` would make the constructor throw.
 */
export function shardOptions(shards: string): Pick<ClientOptions, 'shards' | 'shardCount'> {
  if (shards === 'auto') return { shards: 'auto' };
  const count = shards === 'none' ? 1 : Math.max(1, Number.parseInt(shards, 10) || 1);
  return { shards: Array.from({ length: count }, (_, i) => i), shardCount: count };
}

/**
 * The Client's options: only the intents the bot needs (slash commands arrive without any; reactions
 * need GuildMessageReactions), and partials so reactions on messages sent before this process
 * started (not in the cache) are still delivered.
 */
export function discordClientOptions(config: DiscordConfig): ClientOptions {
  return {
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessageReactions],
    partials: [Partials.Message, Partials.Channel, Partials.Reaction, Partials.User],
    // discord.js appends the version: the URL must end in `/api`, without a trailing slash.
    ...(config.apiUrl === undefined ? {} : { rest: { api: config.apiUrl.replace(/\/+$/, '') } }),
    ...shardOptions(config.shards),
  };
}
