import { pino, type Logger } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/discord-adapter.js';
import { VOTE_EMOJI } from '../../src/core/chat/chat-core.js';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { askAttribute, contentOf, fakeUser, isFollowUp, MANAGE_GUILD, messageEdits, reactionPuts, runCommand } from '../fakes/discord/fake-driver.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const where = { guildId: '200000000000000001', channelId: '200000000000000002' };
const ADMIN_ROLE = { id: '200000000000000003', name: 'attribot-admins' };

describe('Discord end to end: discord.js against a local fake Discord, real core on PostgreSQL', () => {
  let app: TestApp;
  let fake: FakeDiscord;
  let adapter: DiscordAdapter;
  const logs: { level: number; msg: string; err?: { message: string } }[] = [];
  const logger: Logger = pino({ level: 'debug', base: undefined }, { write: (s: string) => void logs.push(JSON.parse(s) as (typeof logs)[number]) });

  const start = () =>
    startDiscordAdapter({
      config: { token: fake.token, appId: fake.appId, apiUrl: fake.apiUrl, adminRole: ADMIN_ROLE.name, shards: 'none' },
      core: app.core,
      logger,
      reconcileDays: 7,
      progressIntervalMs: 0,
    });

  beforeAll(async () => {
    app = await createTestApp();
    fake = await FakeDiscord.start({ guilds: [{ id: where.guildId, channels: [where.channelId], roles: [ADMIN_ROLE] }] });
    adapter = await start();
  });
  afterAll(async () => {
    await adapter.stop();
    await fake.close();
    await app.close();
  });

  it('identifies with the Guilds and GuildMessageReactions intents through DISCORD_API_URL', () => {
    expect(fake.identifies).toEqual([{ token: fake.token, intents: (1 << 0) | (1 << 10), shard: [0, 1] }]);
    expect(fake.callsTo('GET', /^\/gateway\/bot$/)).toHaveLength(1);
  });

  it('/attribute: defers publicly, answers with the candidates, attaches the message, adds the 7 vote reactions', async () => {
    const { token, message } = await askAttribute(fake, where, fakeUser(1), 'very large');
    const callback = fake.callsTo('POST', new RegExp(`/interactions/\\d+/${token}/callback$`));
    expect(callback.map((c) => c.body)).toEqual([{ type: 5, data: { flags: 0 } }]);
    expect(callback[0]?.auth).toBeUndefined();
    expect(message.content).toMatch(/“very large” → size/);
    expect(message.content).toMatch(/1️⃣ size — \d+%/);
    expect(message.flags & 64).toBe(0);
    expect(reactionPuts(fake, message.id)).toEqual([...VOTE_EMOJI]);
    const prediction = await app.storage.predictions.findByMessage('discord', where.channelId, message.id);
    expect(prediction?.phraseRaw).toBe('very large');
    // The fake echoes the bot's own reactions over the gateway: none of them is a vote.
    expect(await app.storage.feedback.listForPrediction(prediction?.id ?? -1)).toEqual([]);
  });

  it('a reaction records a vote and edits the footer; removing it retracts the vote; ❌ asks for the word', async () => {
    const { message } = await askAttribute(fake, where, fakeUser(2), 'very hot');
    const prediction = await app.storage.predictions.findByMessage('discord', where.channelId, message.id);
    const second = prediction?.candidates[1]?.label ?? '';
    const votes = () => app.storage.feedback.listForPrediction(prediction?.id ?? -1);
    const voter = fakeUser(3);

    fake.sendReaction('add', { ...where, messageId: message.id, user: voter, emoji: '2️⃣' });
    await fake.waitFor(() => messageEdits(fake, message.id).at(-1)?.includes(`thanks — recorded: ${second} (1 vote)`), 10_000, 'the footer');
    expect((await votes()).map((v) => [v.userId, v.kind, v.label])).toEqual([[voter.id, 'choose', second]]);

    fake.sendReaction('remove', { ...where, messageId: message.id, user: voter, emoji: '2️⃣' });
    await fake.waitFor(() => messageEdits(fake, message.id).length === 2, 10_000, 'the edit after removal');
    expect(messageEdits(fake, message.id).at(-1)).not.toMatch(/thanks — recorded/);
    expect(await votes()).toEqual([]);

    fake.sendReaction('add', { ...where, messageId: message.id, user: voter, emoji: '❌' });
    const ask = await fake.waitFor(() => fake.callsTo('POST', new RegExp(`^/channels/${where.channelId}/messages$`)).at(-1), 10_000, 'the prompt');
    expect(ask.body).toMatchObject({
      content: expect.stringMatching(new RegExp(`^<@${voter.id}> .*/attribute-correct <word>`)) as unknown,
      message_reference: { message_id: message.id },
      allowed_mentions: { parse: [], users: [voter.id] },
    });
    expect((await votes()).map((v) => v.kind)).toEqual(['reject']);
  });

  it('a too-long phrase gets a private error: the public placeholder is deleted, the follow-up has flag 64', async () => {
    const { answer, calls } = await runCommand(fake, where, { command: 'attribute', options: { phrase: 'x'.repeat(150) }, user: fakeUser(4) });
    expect(calls().map((c) => c.method)).toEqual(['POST', 'DELETE', 'POST']);
    expect(isFollowUp(answer)).toBe(true);
    expect(answer.body).toMatchObject({ flags: 64, content: expect.stringMatching(/150 characters long; the limit is 100/) as unknown });
  });

  it('a non-admin retrain is refused politely (privately) and nothing runs', async () => {
    const before = (await app.storage.runs.recent(100)).length;
    const { token, answer } = await runCommand(fake, where, { command: 'attribute-admin', options: { action: 'retrain' }, user: fakeUser(5) });
    expect(fake.callsTo('POST', new RegExp(`/${token}/callback$`))[0]?.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(contentOf(answer)).toMatch(/only attribot admins/);
    expect((await app.storage.runs.recent(100)).length).toBe(before);
  });

  it('a member with the configured admin role may use admin commands (status)', async () => {
    const { answer } = await runCommand(fake, where, { command: 'attribute-admin', options: { action: 'status' }, user: fakeUser(6), roles: [ADMIN_ROLE.id] });
    expect(contentOf(answer)).toMatch(/active model: v\d+/);
  });

  it('votes, then an admin (Manage Server) retrain: the same phrase now answers the corrected label first', async () => {
    const { message } = await askAttribute(fake, where, fakeUser(7), 'very chunky');
    const prediction = await app.storage.predictions.findByMessage('discord', where.channelId, message.id);
    const target = prediction?.candidates[2]?.label ?? '';
    expect(prediction?.candidates[0]?.label).not.toBe(target);
    for (const n of [8, 9, 10]) fake.sendReaction('add', { ...where, messageId: message.id, user: fakeUser(n), emoji: '3️⃣' });
    await fake.waitFor(async () => (await app.storage.feedback.listForPrediction(prediction?.id ?? -1)).length === 3 || undefined, 10_000, 'the votes');

    const admin = { command: 'attribute-admin', options: { action: 'retrain force' }, user: fakeUser(11), permissions: MANAGE_GUILD };
    const { answer } = await runCommand(fake, where, admin, { timeoutMs: 60_000, isAnswer: isFollowUp });
    expect(contentOf(answer)).toMatch(/Model v\d+ is now active/);
    expect(answer.body).not.toHaveProperty('flags', 64);

    const again = await askAttribute(fake, where, fakeUser(12), 'very chunky');
    expect(again.message.content).toMatch(new RegExp(`→ ${target}\\n1️⃣ ${target}`));
  });
});
