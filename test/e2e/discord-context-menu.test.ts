import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordCommandName, discordCommandDefinitions } from '../../src/adapters/discord/command-definitions.js';
import { startDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/discord-adapter.js';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { fakeUser, reactionPuts } from '../fakes/discord/fake-driver.js';
import { createTestApp, FIXTURE_EXAMPLES, type TestApp } from '../support/test-app.js';

const where = { guildId: '220000000000000001', channelId: '220000000000000002' };

describe('Discord "Name the attribute" (message command) and /attribute-correct autocomplete', () => {
  let app: TestApp;
  let fake: FakeDiscord;
  let adapter: DiscordAdapter;

  beforeAll(async () => {
    app = await createTestApp();
    fake = await FakeDiscord.start({ guilds: [{ id: where.guildId, channels: [where.channelId] }] });
    adapter = await startDiscordAdapter({
      config: { token: fake.token, appId: fake.appId, apiUrl: fake.apiUrl, adminRole: undefined, shards: 'none' },
      core: app.core,
      logger: pino({ level: 'silent' }),
      reconcileDays: 0,
    });
  });
  afterAll(async () => {
    await adapter.stop();
    await fake.close();
    await app.close();
  });

  it('is registered as a message command (Apps menu), and the word option autocompletes', () => {
    expect(discordCommandDefinitions.find((c) => c.name === 'Name the attribute')).toEqual({ name: 'Name the attribute', type: 3, contexts: [0] });
    const correct = discordCommandDefinitions.find((c) => c.name === DiscordCommandName.correct);
    expect(correct && 'options' in correct ? correct.options : []).toMatchObject([{ name: 'word', autocomplete: true }]);
  });

  it('answers publicly for the message text, as /attribute would, with its line breaks as spaces', async () => {
    const author = fakeUser(1);
    const asker = fakeUser(2);
    const target = fake.postUserMessage(where.channelId, author, 'so\nvery   large');
    const { token } = fake.runMessageCommand({ ...where, user: asker }, DiscordCommandName.ofMessage, target.id);
    const message = await fake.waitFor(() => {
      const m = fake.original(token);
      return m && m.content !== '' && m;
    }, 20_000, 'the answer');
    expect(fake.callbacksOf(token)).toEqual([{ type: 5, data: { flags: 0 } }]);
    expect(message.content).toMatch(/^“so very large” → size/);
    expect(message.flags & 64).toBe(0);
    await fake.waitFor(() => reactionPuts(fake, message.id).length === 7, 10_000, 'the vote reactions');
    const p = await fake.waitFor(async () => (await app.storage.predictions.findByMessage('discord', where.channelId, message.id)) ?? undefined, 10_000, 'the prediction');
    // Asked by whoever used the command (their vote applies to it), not the message's author.
    expect(p).toMatchObject({ phraseRaw: 'so very large', userId: asker.id });
  });

  it('a message over the phrase limit gets a private hint to use /attribute, at once and without a placeholder', async () => {
    const asker = fakeUser(3);
    const target = fake.postUserMessage(where.channelId, fakeUser(1), `${'a rather long message about nothing much '.repeat(5)}`);
    const { token } = fake.runMessageCommand({ ...where, user: asker }, DiscordCommandName.ofMessage, target.id);
    const answer = await fake.waitFor(() => fake.callbacksOf(token)[0], 10_000, 'the hint');
    expect(answer.type).toBe(4);
    expect(answer.data).toMatchObject({ flags: 64, content: expect.stringMatching(/^That message is 204 characters long.*Use \/attribute with a shorter phrase/) as unknown });
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.calls.filter((c) => c.path.includes(token))).toHaveLength(1);
    expect(await app.storage.predictions.latestForUser('discord', asker.id)).toBeNull();
  });

  it('autocomplete of /attribute-correct word: at most 25 known labels matching what was typed (type 8)', async () => {
    const labels = new Set(FIXTURE_EXAMPLES.flatMap((e) => e.labels));
    const typed = fake.autocomplete({ ...where, user: fakeUser(4) }, DiscordCommandName.correct, 'word', 'S');
    const answer = await fake.waitFor(() => fake.callbacksOf(typed.token)[0], 10_000, 'the choices');
    expect(answer.type).toBe(8);
    const choices = (answer.data as { choices: { name: string; value: string }[] }).choices;
    expect(choices.slice(0, 5).map((c) => c.value)).toEqual([...labels].filter((l) => l.startsWith('s')).sort().slice(0, 5));
    expect(choices.every((c) => c.name === c.value && c.value.includes('s'))).toBe(true);

    const all = fake.autocomplete({ ...where, user: fakeUser(4) }, DiscordCommandName.correct, 'word', '');
    const many = await fake.waitFor(() => fake.callbacksOf(all.token)[0], 10_000, 'all choices');
    const n = (many.data as { choices: unknown[] }).choices.length;
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(25);

    const other = fake.autocomplete({ ...where, user: fakeUser(4) }, DiscordCommandName.admin, 'action', 're');
    expect(await fake.waitFor(() => fake.callbacksOf(other.token)[0], 10_000, 'no choices')).toEqual({ type: 8, data: { choices: [] } });
  });
});
