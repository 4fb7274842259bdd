import os from 'node:os';
import { pino, type Logger } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/discord-adapter.js';
import { discordCommandDefinitions } from '../../src/adapters/discord/command-definitions.js';
import { runCli } from '../../src/cli/program.js';
import { VOTE_EMOJI, type ChatCore } from '../../src/core/chat/chat-core.js';
import { callsOfAnswer } from '../fakes/discord/button-driver.js';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { askAttribute, contentOf, fakeUser, isFollowUp, isOriginalEdit, MANAGE_GUILD, messageEdits, reactionPuts, runCommand } from '../fakes/discord/fake-driver.js';
import { createTestApp, FIXTURE_EXAMPLES, type TestApp } from '../support/test-app.js';

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
    // VOTE_CONTROLS=reactions (the default): no buttons; the answer costs the deferral, its edit
    // and 7 reaction PUTs (Discord limits reaction adds per route: the slow part).
    expect(message.components).toEqual([]);
    expect(callsOfAnswer(fake, token, message.id).map((c) => c.method)).toEqual(['POST', 'PATCH', ...Array<string>(7).fill('PUT')]);
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

    // Added and removed at once: handled in order, so no vote is left behind.
    const quick = fakeUser(22);
    fake.sendReaction('add', { ...where, messageId: message.id, user: quick, emoji: '1️⃣' });
    fake.sendReaction('remove', { ...where, messageId: message.id, user: quick, emoji: '1️⃣' });
    fake.sendReaction('add', { ...where, messageId: message.id, user: fakeUser(23), emoji: '✅' });
    await fake.waitFor(async () => (await votes()).some((v) => v.userId === fakeUser(23).id), 10_000, 'the sentinel vote');
    expect((await votes()).filter((v) => v.userId === quick.id)).toEqual([]);
  });

  it('/attribute-correct: a private thanks, and the prediction message shows the new tally', async () => {
    const asker = fakeUser(24);
    const { message } = await askAttribute(fake, where, asker, 'pretty warm');
    const { token, answer } = await runCommand(fake, where, { command: 'attribute-correct', options: { word: 'coziness' }, user: asker });
    expect(fake.callsTo('POST', new RegExp(`/${token}/callback$`))[0]?.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(contentOf(answer)).toMatch(/Thanks — recorded “coziness” for “pretty warm”/);
    await fake.waitFor(() => messageEdits(fake, message.id).at(-1)?.includes('coziness (1 vote)'), 10_000, 'the tally edit');
  });

  it('a too-long phrase is refused before any deferral: one private reply (flag 64), never a public placeholder', async () => {
    const isCallback = (c: { method: string; path: string }) => c.method === 'POST' && c.path.endsWith('/callback');
    const { answer, calls } = await runCommand(fake, where, { command: 'attribute', options: { phrase: 'x'.repeat(150) }, user: fakeUser(4) }, { isAnswer: isCallback });
    await new Promise((r) => setTimeout(r, 100));
    expect(calls().map((c) => c.method)).toEqual(['POST']);
    expect(answer.body).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringMatching(/150 characters long; the limit is 100/) as unknown } });
    expect(await app.storage.predictions.latestForUser('discord', fakeUser(4).id)).toBeNull();
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

  it("stores a reacting member's admin status (the configured role) with the vote, as of that reaction", async () => {
    const { message } = await askAttribute(fake, where, fakeUser(40), 'very heavy');
    const prediction = await app.storage.predictions.findByMessage('discord', where.channelId, message.id);
    const votes = () => app.storage.feedback.listForPrediction(prediction?.id ?? -1);
    const [boss, member] = [fakeUser(41), fakeUser(42)];
    fake.sendReaction('add', { ...where, messageId: message.id, user: boss, emoji: '1️⃣', roles: [ADMIN_ROLE.id] });
    fake.sendReaction('add', { ...where, messageId: message.id, user: member, emoji: '2️⃣' });
    await fake.waitFor(async () => (await votes()).length === 2, 10_000, 'the votes');
    expect((await votes()).map((v) => [v.userId, v.voterIsAdmin])).toEqual([[boss.id, true], [member.id, false]]);
    // The role taken away: the same member's next vote is an ordinary one (no stale cache).
    fake.sendReaction('add', { ...where, messageId: message.id, user: boss, emoji: '✅' });
    await fake.waitFor(async () => (await votes()).length === 3, 10_000, 'the third vote');
    expect((await votes()).find((v) => v.kind === 'confirm')).toMatchObject({ userId: boss.id, voterIsAdmin: false });
  });

  it('votes, then an admin (Manage Server) retrain: the same phrase now answers the corrected label first', async () => {
    const { message } = await askAttribute(fake, where, fakeUser(7), 'fishy');
    const prediction = await app.storage.predictions.findByMessage('discord', where.channelId, message.id);
    // Vote for a runner-up that is a trained label (open morphology candidates such as "fish" are
    // ranked by similarity, not learned).
    const trained = new Set(FIXTURE_EXAMPLES.flatMap((e) => e.labels));
    const k = prediction?.candidates.findIndex((c, i) => i > 0 && trained.has(c.label)) ?? -1;
    const target = prediction?.candidates[k]?.label ?? '';
    expect(k).toBeGreaterThan(0);
    for (const n of [8, 9, 10]) fake.sendReaction('add', { ...where, messageId: message.id, user: fakeUser(n), emoji: VOTE_EMOJI[k] ?? '' });
    await fake.waitFor(async () => (await app.storage.feedback.listForPrediction(prediction?.id ?? -1)).length === 3, 10_000, 'the votes');

    const admin = { command: 'attribute-admin', options: { action: 'retrain force' }, user: fakeUser(11), permissions: MANAGE_GUILD };
    const { answer, calls } = await runCommand(fake, where, admin, { timeoutMs: 60_000, isAnswer: isFollowUp });
    expect(contentOf(answer)).toMatch(/Model v\d+ is now active/);
    expect(answer.body).not.toHaveProperty('flags', 64);
    // Deferred privately; progress edits the private placeholder; the public result replaces it.
    const steps = calls().map((c) => (isOriginalEdit(c) ? `edit: ${contentOf(c).split(' ')[0] ?? ''}` : c.method));
    expect(steps[0]).toBe('POST');
    expect(steps[1]).toBe('edit: training');
    expect(steps.slice(-2)).toEqual(['DELETE', 'POST']);

    const again = await askAttribute(fake, where, fakeUser(12), 'fishy');
    expect(again.message.content).toMatch(new RegExp(`→ ${target}\\n1️⃣ ${target}`));
  });

  it('a burst of 500 reactions from different users loses none; the footer edits are coalesced', async () => {
    const { message } = await askAttribute(fake, where, fakeUser(13), 'cheap');
    const prediction = await app.storage.predictions.findByMessage('discord', where.channelId, message.id);
    for (let n = 0; n < 500; n++) fake.sendReaction('add', { ...where, messageId: message.id, user: fakeUser(1000 + n), emoji: '1️⃣' });
    const votes = () => app.storage.feedback.listForPrediction(prediction?.id ?? -1);
    await fake.waitFor(async () => (await votes()).length === 500, 60_000, '500 votes');
    expect(new Set((await votes()).map((v) => v.userId)).size).toBe(500);
    await fake.waitFor(() => messageEdits(fake, message.id).at(-1)?.includes('(500 votes)'), 20_000, 'the final tally');
    // Reactions run through the core in order per message: no late, staler edit follows.
    await new Promise((r) => setTimeout(r, 500));
    expect(messageEdits(fake, message.id).at(-1)).toMatch(/\(500 votes\)/);
    expect(messageEdits(fake, message.id).length).toBeLessThan(500);
  }, 90_000);

  it('a failing Discord call (edit of a deleted message) is logged with its cause; the bot carries on', async () => {
    const { message } = await askAttribute(fake, where, fakeUser(14), 'tasty');
    fake.state.messages.delete(message.id);
    fake.sendReaction('add', { ...where, messageId: message.id, user: fakeUser(15), emoji: '✅' });
    const logged = await fake.waitFor(() => logs.find((l) => l.msg === 'discord: could not edit a prediction message'), 10_000, 'the log line');
    expect(logged).toMatchObject({ level: 40, status: 404, code: 10008, err: { message: 'Unknown Message' } });
    await askAttribute(fake, where, fakeUser(16), 'tasty');
  });

  it('reconciles at start: votes cast while the bot was down are recorded, removed ones retracted', async () => {
    const { message } = await askAttribute(fake, where, fakeUser(17), 'very cold');
    const prediction = await app.storage.predictions.findByMessage('discord', where.channelId, message.id);
    const early = fakeUser(18);
    fake.sendReaction('add', { ...where, messageId: message.id, user: early, emoji: '2️⃣' });
    await fake.waitFor(() => messageEdits(fake, message.id).length === 1, 10_000, 'the live vote');
    await adapter.stop();

    fake.setReaction('add', { ...where, messageId: message.id, user: fakeUser(19), emoji: '1️⃣' });
    fake.setReaction('add', { ...where, messageId: message.id, user: fakeUser(20), emoji: '✅' });
    fake.setReaction('remove', { ...where, messageId: message.id, user: early, emoji: '2️⃣' });
    adapter = await start();
    expect(await adapter.reconciled).toBe(3);
    const first = prediction?.candidates[0]?.label;
    const live = (await app.storage.feedback.listForPrediction(prediction?.id ?? -1)).map((v) => [v.userId, v.kind, v.label]);
    expect(live.sort()).toEqual([[fakeUser(19).id, 'choose', first], [fakeUser(20).id, 'confirm', first]].sort());
    // Read through the REST API: the message, then the users of each reaction (the bot left out).
    expect(fake.callsTo('GET', new RegExp(`^/channels/${where.channelId}/messages/${message.id}/reactions/`)).length).toBeGreaterThanOrEqual(2);

    // After the restart the message is not cached: partial events still map back to the prediction.
    const late = fakeUser(21);
    fake.sendReaction('add', { ...where, messageId: message.id, user: late, emoji: '3️⃣' });
    await fake.waitFor(async () => (await app.storage.feedback.listForPrediction(prediction?.id ?? -1)).length === 3, 10_000, 'the vote on an uncached message');
    fake.sendReaction('remove', { ...where, messageId: message.id, user: late, emoji: '3️⃣' });
    await fake.waitFor(async () => (await app.storage.feedback.listForPrediction(prediction?.id ?? -1)).length === 2, 10_000, 'the retraction');
  });
});

describe('Discord set-up: registering commands, a bad token, shards', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start({ guilds: [{ id: '400000000000000001', channels: ['400000000000000002'] }, { id: '500000000000000001', channels: ['500000000000000002'] }] });
  });
  afterAll(async () => fake.close());
  const silent = pino({ level: 'silent' });
  const run = async (argv: string[], env: Record<string, string>) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { env: { LOG_LEVEL: 'silent', ...env }, cwd: os.tmpdir(), out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('`attribot discord register --guild` PUTs the three commands; a missing token or app id is a usage error', async () => {
    const env = { DISCORD_TOKEN: fake.token, DISCORD_APP_ID: fake.appId, DISCORD_API_URL: fake.apiUrl };
    const r = await run(['discord', 'register', '--guild', '400000000000000001'], env);
    expect(r).toMatchObject({ code: 0, out: 'registered 4 commands in server 400000000000000001: /attribute, /attribute-correct, /attribute-admin, “Name the attribute” (message menu → Apps)' });
    const put = fake.callsTo('PUT', /^\/applications\/\d+\/guilds\/400000000000000001\/commands$/);
    expect(put.map((c) => c.body)).toEqual([discordCommandDefinitions]);
    expect((await run(['discord', 'register'], env)).code).toBe(0);
    expect(fake.callsTo('PUT', new RegExp(`^/applications/${fake.appId}/commands$`))).toHaveLength(1);
    expect(await run(['discord', 'register'], { DISCORD_TOKEN: 't' })).toMatchObject({ code: 64, err: expect.stringMatching(/DISCORD_APP_ID is not set/) as unknown });
    expect(await run(['discord', 'register'], {})).toMatchObject({ code: 64, err: expect.stringMatching(/DISCORD_TOKEN is not set/) as unknown });
    expect(await run(['discord', 'register'], { ...env, DISCORD_TOKEN: 'wrong' })).toMatchObject({ code: 1, err: expect.stringMatching(/^attribot: Discord rejected DISCORD_TOKEN/) as unknown });
  });

  it('a rejected token fails the start with a PlatformError', async () => {
    const config = { token: 'wrong', appId: fake.appId, apiUrl: fake.apiUrl, adminRole: undefined, shards: 'none' };
    await expect(startDiscordAdapter({ config, core: stubCore, logger: silent, reconcileDays: 0 })).rejects.toMatchObject({ code: 'platform.failed', message: expect.stringMatching(/rejected the bot token/) as unknown });
  });

  it('DISCORD_SHARDS=2 opens two gateway connections; each guild is served by its shard', async () => {
    const config = { token: fake.token, appId: fake.appId, apiUrl: fake.apiUrl, adminRole: undefined, shards: '2' };
    const adapter = await startDiscordAdapter({ config, core: stubCore, logger: silent, reconcileDays: 0 });
    try {
      expect(fake.identifies.map((i) => i.shard).sort()).toEqual([[0, 2], [1, 2]]);
      expect(adapter.client.guilds.cache.size).toBe(2);
      for (const g of ['400000000000000001', '500000000000000001']) {
        const { answer } = await runCommand(fake, { guildId: g, channelId: g.replace(/1$/, '2') }, { command: 'attribute', options: { phrase: 'x' }, user: fakeUser(1) });
        expect(contentOf(answer)).toBe('stub');
      }
    } finally {
      await adapter.stop();
    }
  });
});

const stubCore: ChatCore = {
  attribute: () => Promise.resolve({ kind: 'text', text: 'stub', ephemeral: false }),
  attachMessage: () => Promise.resolve(),
  reaction: () => Promise.resolve({ kind: 'ignored' }),
  vote: () => Promise.resolve({ kind: 'ignored', text: 'stub' }),
  knownLabels: () => Promise.resolve([]),
  correct: () => Promise.resolve({ kind: 'error', text: 'stub', ephemeral: true }),
  admin: () => Promise.resolve({ kind: 'error', text: 'stub', ephemeral: true }),
  reconcile: () => Promise.resolve(0),
};
