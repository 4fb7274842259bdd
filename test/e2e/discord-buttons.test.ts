import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/discord-adapter.js';
import { pngChartRenderer } from '../../src/chart/line-chart-png.js';
import type { ChatCore, VoteControls } from '../../src/core/chat/chat-core.js';
import { createChatCore } from '../../src/core/chat/create-chat-core.js';
import { rateLimiter } from '../../src/core/middleware/rate-limit.js';
import type { VoteRecord } from '../../src/core/types.js';
import { askWithButtons, buttonRows, callsOfAnswer, click, privateAnswer } from '../fakes/discord/button-driver.js';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { askAttribute, fakeUser, messageEdits, reactionPuts } from '../fakes/discord/fake-driver.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const where = { guildId: '210000000000000001', channelId: '210000000000000002' };
const ADMIN_ROLE = { id: '210000000000000003', name: 'attribot-admins' };
const silent = pino({ level: 'silent' });

/** The real core of `app` with `VOTE_CONTROLS` set to `controls`. */
function coreWith(app: TestApp, controls: VoteControls): ChatCore {
  const { storage, predictor, trainer } = app.app;
  return createChatCore({ storage, predictor, trainer, rateLimit: rateLimiter(10_000, 60_000), charts: pngChartRenderer(silent), reconcileDays: 7, voteControls: controls });
}

describe('Discord vote buttons (VOTE_CONTROLS=buttons): discord.js against the fake, real core on PostgreSQL', () => {
  let app: TestApp;
  let fake: FakeDiscord;
  let adapter: DiscordAdapter;
  let controls: VoteControls = 'buttons';
  const cores = new Map<VoteControls, ChatCore>();
  // One adapter; each test picks the VOTE_CONTROLS its answers are made with.
  const core: ChatCore = {
    attribute: (...a) => cores.get(controls)!.attribute(...a),
    attachMessage: (...a) => cores.get(controls)!.attachMessage(...a),
    reaction: (...a) => cores.get(controls)!.reaction(...a),
    vote: (...a) => cores.get(controls)!.vote(...a),
    knownLabels: (...a) => cores.get(controls)!.knownLabels(...a),
    correct: (...a) => cores.get(controls)!.correct(...a),
    admin: (...a) => cores.get(controls)!.admin(...a),
    reconcile: (...a) => cores.get(controls)!.reconcile(...a),
  };
  const start = (interactionDeferMs?: number) =>
    startDiscordAdapter({
      config: { token: fake.token, appId: fake.appId, apiUrl: fake.apiUrl, adminRole: ADMIN_ROLE.name, shards: 'none' },
      core,
      logger: silent,
      reconcileDays: 7,
      ...(interactionDeferMs === undefined ? {} : { interactionDeferMs }),
    });

  beforeAll(async () => {
    app = await createTestApp();
    for (const c of ['reactions', 'buttons', 'both'] as const) cores.set(c, coreWith(app, c));
    fake = await FakeDiscord.start({ guilds: [{ id: where.guildId, channels: [where.channelId], roles: [ADMIN_ROLE] }] });
    adapter = await start();
  });
  afterAll(async () => {
    await adapter.stop();
    await fake.close();
    await app.close();
  });

  // The message id is stored right after the message is shown: wait for it.
  const predictionOf = (messageId: string) =>
    fake.waitFor(async () => (await app.storage.predictions.findByMessage('discord', where.channelId, messageId)) ?? undefined, 10_000, `the prediction of ${messageId}`);
  const live = async (predictionId: number) => (await app.storage.feedback.listForPrediction(predictionId)).map((v) => [v.userId, v.kind, v.label]);

  it('an answer carries the candidate labels as buttons, ✅ and "something else…", and no reactions: 2 REST calls instead of 9', async () => {
    controls = 'buttons';
    const { token, message } = await askWithButtons(fake, where, fakeUser(1), 'very large');
    const p = await predictionOf(message.id);
    const rows = buttonRows(message);
    expect(rows.map((r) => r.length)).toEqual([5, 2]);
    expect(rows.flat().map((b) => b.label)).toEqual([...p.candidates.map((c) => c.label), '✅', 'something else…']);
    expect(rows.flat().map((b) => b.custom_id)).toEqual(['attribot:vote:1', 'attribot:vote:2', 'attribot:vote:3', 'attribot:vote:4', 'attribot:vote:5', 'attribot:vote:ok', 'attribot:word']);
    expect(message.content).toMatch(/click the right one below, ✅ if the first is right, “something else…” if none is/);
    // Settled: the bot adds nothing after the answer.
    await new Promise((r) => setTimeout(r, 300));
    expect(reactionPuts(fake, message.id)).toEqual([]);
    expect(callsOfAnswer(fake, token, message.id).map((c) => `${c.method} ${c.path.replace(/\d{6,}|tok-\d+/g, ':id')}`)).toEqual([
      'POST /interactions/:id/:id/callback',
      'PATCH /webhooks/:id/:id/messages/@original',
    ]);

    controls = 'both';
    const both = await askAttribute(fake, where, fakeUser(1), 'very small');
    expect(buttonRows(both.message).flat()).toHaveLength(7);
    expect(callsOfAnswer(fake, both.token, both.message.id)).toHaveLength(9);
  });

  it('a click is a vote like its reaction, confirmed privately only once stored; the same click again takes it back', async () => {
    controls = 'buttons';
    const { message } = await askWithButtons(fake, where, fakeUser(2), 'very hot');
    const p = await predictionOf(message.id);
    const second = p.candidates[1]?.label ?? '';
    const voter = fakeUser(3);
    const atCallback: VoteRecord[][] = [];
    fake.beforeCallback = async () => void atCallback.push(await app.storage.feedback.listForPrediction(p.id));
    try {
      const first = await click(fake, { ...where, user: voter }, message.id, 'attribot:vote:2');
      expect(first).toMatchObject({ flags: 64, deferred: false, text: `Thanks — recorded “${second}” for “very hot”. Click it again to take your vote back.` });
      // Stored before the confirmation went out.
      expect(atCallback[0]?.map((v) => [v.userId, v.kind, v.label])).toEqual([[voter.id, 'choose', second]]);
    } finally {
      fake.beforeCallback = undefined;
    }
    await fake.waitFor(() => messageEdits(fake, message.id).at(-1)?.includes(`thanks — recorded: ${second} (1 vote)`), 10_000, 'the footer');
    // The edit changes the text only: the buttons stay.
    expect(buttonRows(fake.state.messages.get(message.id) ?? message).flat()).toHaveLength(7);

    const again = await click(fake, { ...where, user: voter }, message.id, 'attribot:vote:2');
    expect(again.text).toBe(`Took back your vote “${second}” for “very hot”.`);
    expect(await live(p.id)).toEqual([]);
    await fake.waitFor(() => messageEdits(fake, message.id).length === 2 && !messageEdits(fake, message.id).at(-1)?.includes('thanks'), 10_000, 'the footer without the vote');

    const ok = await click(fake, { ...where, user: voter }, message.id, 'attribot:vote:ok');
    expect(ok.text).toMatch(/^Thanks — recorded: “.+” is right for “very hot”/);
    expect(await live(p.id)).toEqual([[voter.id, 'confirm', p.candidates[0]?.label]]);
    // Audited like a reaction vote, marked as a click.
    expect((await app.storage.audit.list(5)).find((a) => a.subject === `prediction:${p.id}` && a.action === 'vote.add')?.after).toMatchObject({ kind: 'confirm', via: 'button' });
  });

  it('clicks of one message run in order (two quick clicks toggle twice); an admin\'s click is an admin vote', async () => {
    controls = 'buttons';
    const { message } = await askWithButtons(fake, where, fakeUser(4), 'very heavy');
    const p = await predictionOf(message.id);
    const quick = fakeUser(5);
    const a = fake.clickButton({ ...where, user: quick }, message.id, 'attribot:vote:1');
    const b = fake.clickButton({ ...where, user: quick }, message.id, 'attribot:vote:1');
    const boss = await click(fake, { ...where, user: fakeUser(6), roles: [ADMIN_ROLE.id] }, message.id, 'attribot:vote:3');
    expect(boss.text).toMatch(/^Thanks — recorded/);
    const answers = [await privateAnswer(fake, a.token), await privateAnswer(fake, b.token)].map((x) => x.text.split(' ')[0]);
    expect(answers).toEqual(['Thanks', 'Took']);
    expect((await app.storage.feedback.listForPrediction(p.id)).map((v) => [v.userId, v.label, v.voterIsAdmin])).toEqual([[fakeUser(6).id, p.candidates[2]?.label, true]]);
  });

  it('"something else…" opens a form; the word typed there is a correction of that answer', async () => {
    controls = 'buttons';
    const { message } = await askWithButtons(fake, where, fakeUser(7), 'pretty warm');
    const p = await predictionOf(message.id);
    const user = fakeUser(8);
    const { token } = fake.clickButton({ ...where, user }, message.id, 'attribot:word');
    const modal = await fake.waitFor(() => fake.callbacksOf(token)[0], 10_000, 'the form');
    expect(modal.type).toBe(9);
    expect(modal.data).toMatchObject({
      custom_id: `attribot:word:${message.id}`,
      components: [{ type: 18, label: 'What is the right attribute?', component: { type: 4, custom_id: 'word', style: 1, required: true } }],
    });
    expect(await live(p.id)).toEqual([]);

    const tooLong = fake.submitForm({ ...where, user }, `attribot:word:${message.id}`, { word: 'x'.repeat(150) }, message.id);
    expect(await privateAnswer(fake, tooLong.token)).toMatchObject({ flags: 64, text: expect.stringMatching(/150 characters long; the limit is 100/) as unknown });
    expect(await live(p.id)).toEqual([]);

    const form = fake.submitForm({ ...where, user }, `attribot:word:${message.id}`, { word: 'Coziness' }, message.id);
    expect(await privateAnswer(fake, form.token)).toMatchObject({ flags: 64, text: expect.stringMatching(/^Thanks — recorded “coziness” for “pretty warm”/) as unknown });
    expect(await live(p.id)).toEqual([[user.id, 'new_label', 'coziness']]);
    await fake.waitFor(() => messageEdits(fake, message.id).at(-1)?.includes('coziness (1 vote)'), 10_000, 'the tally edit');
  });

  it('a reaction still votes when buttons are on; a restart keeps the click votes (reconciliation retracts none)', async () => {
    controls = 'buttons';
    const { message } = await askWithButtons(fake, where, fakeUser(9), 'very cold');
    const p = await predictionOf(message.id);
    await click(fake, { ...where, user: fakeUser(10) }, message.id, 'attribot:vote:1');
    fake.sendReaction('add', { ...where, messageId: message.id, user: fakeUser(11), emoji: '2️⃣' });
    await fake.waitFor(async () => (await live(p.id)).length === 2, 10_000, 'both votes');
    await adapter.stop();
    adapter = await start();
    expect(await adapter.reconciled).toBe(0);
    expect((await live(p.id)).sort()).toEqual([[fakeUser(10).id, 'choose', p.candidates[0]?.label], [fakeUser(11).id, 'choose', p.candidates[1]?.label]].sort());
  });

  it('a post on the bot\'s own initiative (learning prompt) carries the buttons too, and a click on it votes', async () => {
    controls = 'buttons';
    const reply = await core.attribute({ platform: 'discord', workspaceId: where.guildId, channelId: where.channelId, userId: 'learning', isAdmin: false }, 'very cheap');
    if (reply.kind !== 'prediction') throw new Error(`expected a prediction, got ${reply.kind}`);
    await adapter.poster.postPrediction(where.channelId, reply);
    // Posted through the channel (type 0), not as an interaction response.
    const message = await fake.waitFor(() => [...fake.state.messages.values()].find((m) => m.type === 0 && m.content.startsWith('“very cheap”')), 10_000, 'the post');
    expect(buttonRows(message).flat()).toHaveLength(7);
    expect(reactionPuts(fake, message.id)).toEqual([]);
    expect((await click(fake, { ...where, user: fakeUser(14) }, message.id, 'attribot:vote:1')).text).toMatch(/^Thanks — recorded .* for “very cheap”/);
  });

  it('a click that takes longer than the defer threshold is deferred privately, then confirmed', async () => {
    controls = 'buttons';
    await adapter.stop();
    adapter = await start(0);
    const { message } = await askWithButtons(fake, where, fakeUser(12), 'tasty');
    await predictionOf(message.id);
    const answer = await click(fake, { ...where, user: fakeUser(13) }, message.id, 'attribot:vote:1');
    expect(answer).toMatchObject({ deferred: true, flags: 64, text: expect.stringMatching(/^Thanks — recorded/) as unknown });
  });

  it('a click that comes before the bot heard back from posting the answer waits for it, and is recorded', async () => {
    controls = 'buttons';
    let early: { token: string } | undefined;
    // The answer is on Discord, with its buttons, but the bot has not seen the response yet (so
    // its message id is not stored): someone clicks right then, and the bot defers that click.
    fake.beforeResponse = async (call) => {
      const shown = call.method === 'PATCH' && call.path.endsWith('/messages/@original') && ((call.body as { components?: unknown[] } | undefined)?.components?.length ?? 0) > 0;
      if (!shown || early) return;
      const message = fake.original(call.path.split('/')[3] ?? '');
      if (!message) return;
      early = fake.clickButton({ ...where, user: fakeUser(16) }, message.id, 'attribot:vote:1');
      const token = early.token;
      await fake.waitFor(() => fake.callbacksOf(token)[0], 10_000, 'the deferral of the early click');
    };
    try {
      const { message } = await askWithButtons(fake, where, fakeUser(15), 'so warm');
      if (!early) throw new Error('the click was not sent');
      expect(await privateAnswer(fake, early.token)).toMatchObject({ deferred: true, text: expect.stringMatching(/^Thanks — recorded .* for “so warm”/) as unknown });
      const p = await predictionOf(message.id);
      expect(await live(p.id)).toEqual([[fakeUser(16).id, 'choose', p.candidates[0]?.label]]);
    } finally {
      fake.beforeResponse = undefined;
    }
  });
});
