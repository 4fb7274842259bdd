import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/discord-adapter.js';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { compareDiscordTallies, postDiscordBurstMessages, runDiscordVoteBurst } from '../fakes/discord/vote-burst.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const where = { guildId: '210000000000000001', channelId: '210000000000000002' };

describe('Discord votes under a burst (real discord.js against the fake gateway, real PostgreSQL)', () => {
  let app: TestApp;
  let fake: FakeDiscord;
  let adapter: DiscordAdapter;
  const logs: { level: number; msg: string; err?: { message?: string } }[] = [];

  beforeAll(async () => {
    app = await createTestApp();
    fake = await FakeDiscord.start({ guilds: [{ id: where.guildId, channels: [where.channelId], roles: [] }] });
    adapter = await startDiscordAdapter({
      config: { token: fake.token, appId: fake.appId, apiUrl: fake.apiUrl, adminRole: undefined, shards: 'none' },
      core: app.core,
      logger: pino({ level: 'warn', base: undefined }, { write: (s: string) => void logs.push(JSON.parse(s) as (typeof logs)[number]) }),
      reconcileDays: 0,
    });
  }, 120_000);
  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
    await app?.close();
  });

  // The burst is 10,000 reactions over 500 messages; here 4,000 over 200 (the same 20 per
  // message, 200 users): 10,000 take 2.5 to 6 minutes on the 2-core development machine, shared
  // with other test runs. `npm run bench:votes` runs the full 10,000 (its `discord` figures).
  it('4,000 reactions over 200 messages by 200 users, all dispatched at once: none lost, none extra', async () => {
    const messages = await postDiscordBurstMessages(app.core, fake, where, 200);
    // The gateway has no flow control and no acknowledgement: every event is in flight at once,
    // and Discord never delivers one again, so the bot must queue, not refuse, past its bounds.
    expect(await runDiscordVoteBurst(fake, where, messages, { reactions: 4_000, users: 200, seed: 15 })).toBe(4_000);
    // Nothing tells when the bot has taken every event: wait until the tallies match, or until
    // they stop changing (then the assertion below shows what was lost).
    let tally = await compareDiscordTallies(app.storage, fake, messages);
    for (let still = 0; (tally.lost > 0 || tally.extra > 0) && still < 20; ) {
      await new Promise((r) => setTimeout(r, 2_000));
      const next = await compareDiscordTallies(app.storage, fake, messages);
      still = next.lost === tally.lost && next.extra === tally.extra ? still + 1 : 0;
      tally = next;
    }
    expect(tally.expected).toBeGreaterThan(500);
    const errors = new Map<string, number>();
    for (const l of logs) if (l.level >= 50) errors.set(`${l.msg}: ${l.err?.message ?? ''}`, (errors.get(`${l.msg}: ${l.err?.message ?? ''}`) ?? 0) + 1);
    expect({ lost: tally.lost, extra: tally.extra, errors: Object.fromEntries(errors) }).toEqual({ lost: 0, extra: 0, errors: {} });
  }, 900_000);
});
