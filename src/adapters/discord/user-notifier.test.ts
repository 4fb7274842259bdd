import { Client, Events } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../../../test/fakes/discord/fake-discord.js';
import { fakeUser } from '../../../test/fakes/discord/fake-driver.js';
import { discordClientOptions } from './client-options.js';
import { discordUserNotifier } from './user-notifier.js';

const where = { guildId: '230000000000000001', channelId: '230000000000000002' };

describe('discordUserNotifier (real discord.js against the fake Discord)', () => {
  let fake: FakeDiscord;
  let client: Client;
  beforeAll(async () => {
    fake = await FakeDiscord.start({ guilds: [{ id: where.guildId, channels: [where.channelId], roles: [] }] });
    client = new Client(discordClientOptions({ token: fake.token, appId: fake.appId, apiUrl: fake.apiUrl, adminRole: undefined, shards: 'none' }));
    const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
    await client.login(fake.token);
    await ready;
    // The guild's channel is cached from GUILD_CREATE.
    await fake.waitFor(() => client.channels.cache.has(where.channelId), 10_000, 'the guild channel');
  }, 60_000);
  afterAll(async () => {
    await client?.destroy();
    await fake?.close();
  });

  it('a channel notice is a message in the channel, pinging nobody', async () => {
    await discordUserNotifier(client).notify({ platform: 'discord', channelId: where.channelId, userId: fakeUser(1).id }, 'Retrain request #1 finished: Model v2 is now active.', 'channel');
    const [post] = fake.callsTo('POST', new RegExp(`^/channels/${where.channelId}/messages$`));
    expect(post?.body).toMatchObject({ content: 'Retrain request #1 finished: Model v2 is now active.', allowed_mentions: { parse: [] } });
  });

  it('a private notice is a direct message to the user', async () => {
    const user = fakeUser(2);
    await discordUserNotifier(client).notify({ platform: 'discord', channelId: where.channelId, userId: user.id }, 'Retrain request #2 finished: Training failed: x', 'private');
    expect(fake.callsTo('POST', /^\/users\/@me\/channels$/).map((c) => c.body)).toEqual([{ recipient_id: user.id }]);
    const dm = fake.state.dmChannelOf(user.id);
    expect(fake.callsTo('POST', new RegExp(`^/channels/${dm}/messages$`)).map((c) => (c.body as { content?: string }).content)).toEqual(['Retrain request #2 finished: Training failed: x']);
  });

  it('a channel the bot cannot see is a clear PlatformError', async () => {
    await expect(discordUserNotifier(client).notify({ platform: 'discord', channelId: '239999999999999999', userId: '1' }, 'x', 'channel')).rejects.toMatchObject({
      code: 'platform.failed',
      message: expect.stringMatching(/^Could not post in Discord channel 239999999999999999/) as unknown,
    });
  });
});
