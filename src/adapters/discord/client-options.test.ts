import { GatewayIntentBits, Partials } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { discordClientOptions, shardOptions } from './client-options.js';

const config = { token: 't', appId: '1', apiUrl: undefined, adminRole: undefined, shards: 'none' };

describe('Discord client options', () => {
  it('maps SHARDS to explicit shard lists (never left for discord.js to parse from the environment)', () => {
    expect(shardOptions('none')).toEqual({ shards: [0], shardCount: 1 });
    expect(shardOptions('3')).toEqual({ shards: [0, 1, 2], shardCount: 3 });
    expect(shardOptions('auto')).toEqual({ shards: 'auto' });
  });

  it('asks for the two intents and the reaction partials; DISCORD_API_URL becomes the REST api without a trailing slash', () => {
    const opts = discordClientOptions({ ...config, apiUrl: 'http://127.0.0.1:9/api/' });
    expect(opts.intents).toEqual([GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessageReactions]);
    expect(opts.partials).toEqual([Partials.Message, Partials.Channel, Partials.Reaction, Partials.User]);
    expect(opts.rest).toEqual({ api: 'http://127.0.0.1:9/api' });
    expect(discordClientOptions(config).rest).toBeUndefined();
  });
});
