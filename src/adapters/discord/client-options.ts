import { GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';
import type { Config } from '../../config/config.js';

type DiscordConfig = NonNullable<Config['discord']>;

/**
 * Shard options for the one `Client` of this process, from `SHARDS`:
 * - `none` (default): one connection. Discord requires sharding from 2,500 servers on; plan for it
 *   beyond about 2,000.
 * - `auto`: as many shards as Discord recommends (`GET /gateway/bot`), all in this process: fine while
 *   one process keeps up (each shard holds up to ~2,500 servers; the votes all go to the same
 *   PostgreSQL anyway).
 * - a number N: shards 0…N-1 in this process.
 *
 * Beyond one process, run several bots under discord.js's `ShardingManager` (one process per shard
 * group); the database and the advisory lock already make those processes safe side by side.
 *
 * Always explicit: discord.js otherwise reads `process.env.SHARDS` itself as JSON (its
 * ShardingManager protocol), and `SHARDS=auto` / `none` would make it throw.
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
