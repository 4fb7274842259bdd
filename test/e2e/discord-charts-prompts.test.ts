import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/discord-adapter.js';
import { VOTE_EMOJI } from '../../src/core/chat/chat-core.js';
import { LEARNING_PROMPT_USER } from '../../src/core/learning/learning-prompts.js';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { askAttribute, contentOf, fakeUser, isOriginalEdit, MANAGE_GUILD, reactionPuts, runCommand } from '../fakes/discord/fake-driver.js';
import { pngSize } from '../support/png.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const where = { guildId: '200000000000000001', channelId: '200000000000000002' };
/** The channel learning prompts go to (LEARNING_CHANNEL_DISCORD). */
const LEARN = '200000000000000004';

describe('Discord end to end: the stats chart and learning prompts', () => {
  let app: TestApp;
  let fake: FakeDiscord;
  let adapter: DiscordAdapter;

  beforeAll(async () => {
    app = await createTestApp();
    fake = await FakeDiscord.start({ guilds: [{ id: where.guildId, channels: [where.channelId, LEARN] }] });
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

  it('/attribute-admin stats: a private answer with the accuracy chart uploaded as a PNG attachment', async () => {
    const admin = { command: 'attribute-admin', options: { action: 'stats' }, user: fakeUser(30), permissions: MANAGE_GUILD };
    const { token, answer } = await runCommand(fake, where, admin);
    // Deferred privately, so the answer edits the private placeholder: the chart is private too.
    expect(isOriginalEdit(answer)).toBe(true);
    expect(contentOf(answer)).toMatch(/held-out top-1 by model version:\n {2}v\d+ active/);
    expect(answer.files?.map((f) => [f.field, f.name])).toEqual([['files[0]', 'attribot-accuracy.png']]);
    expect(pngSize(answer.files?.[0]?.data ?? new Uint8Array())).toEqual({ width: 800, height: 450 });
    expect(answer.body).toMatchObject({ attachments: [{ id: '0', description: expect.stringMatching(/^Line chart of held-out top-1/) as unknown }] });
    const shown = fake.original(token);
    expect(shown?.flags ?? 0).toBe(64);
    expect(shown?.attachments.map((a) => a.filename)).toEqual(['attribot-accuracy.png']);
  });

  it('a learning prompt appears in the configured channel with the 7 vote reactions; a reaction on it is a vote', async () => {
    await askAttribute(fake, where, fakeUser(31), 'pretty chilly');
    const unseen = '200000000000000099';
    const outcome = await app.app.learningPrompts([{ poster: adapter.poster, channelId: LEARN }, { poster: adapter.poster, channelId: unseen }]);
    if (outcome.kind !== 'asked') throw new Error('nothing was asked');
    expect(outcome.failed.map((f) => [f.channelId, (f.error as Error).message])).toEqual([[unseen, `Discord channel ${unseen} is not visible to the bot`]]);
    const prediction = await app.storage.predictions.get(outcome.posted[0]?.predictionId ?? -1);
    expect(prediction).toMatchObject({ platform: 'discord', workspaceId: where.guildId, channelId: LEARN, userId: LEARNING_PROMPT_USER, phrase: outcome.phrase });
    const message = fake.state.messages.get(prediction?.messageId ?? '');
    expect(message?.channelId).toBe(LEARN);
    expect(message?.content).toMatch(new RegExp(`^Learning prompt — I'm unsure about this one; which is right\\?\\n“${outcome.phrase}” → `));
    expect(fake.callsTo('POST', new RegExp(`^/channels/${LEARN}/messages$`)).at(-1)?.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(reactionPuts(fake, message?.id ?? '')).toEqual([...VOTE_EMOJI]);

    fake.sendReaction('add', { channelId: LEARN, messageId: message?.id ?? '', user: fakeUser(32), emoji: '1️⃣' });
    const votes = () => app.storage.feedback.listForPrediction(prediction?.id ?? -1);
    await fake.waitFor(async () => (await votes()).length === 1, 10_000, 'the vote on the prompt');
    expect((await votes()).map((v) => [v.userId, v.kind, v.label])).toEqual([[fakeUser(32).id, 'choose', prediction?.candidates[0]?.label]]);
  });
});
