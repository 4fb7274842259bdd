import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VOTE_EMOJI } from '../../src/core/chat/chat-core.js';
import { LEARNING_PROMPT_USER } from '../../src/core/learning/learning-prompts.js';
import { FakeSlackApi } from '../fakes/slack/fake-slack-api.js';
import { askAttribute, eventually, messageEdits, react, withConcurrency } from '../fakes/slack/slack-driver.js';
import { startSlackHarness, type SlackHarness } from '../fakes/slack/slack-harness.js';
import { pngSize } from '../support/png.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const ADMIN = 'UADMIN';

describe('Slack end to end: Bolt over signed HTTP, a local fake Web API, real core on PostgreSQL', () => {
  let app: TestApp;
  let fake: FakeSlackApi;
  let h: SlackHarness;

  beforeAll(async () => {
    app = await createTestApp({ adminUserIds: [ADMIN] });
    fake = await FakeSlackApi.start();
    h = await startSlackHarness({ core: app.core, fake, adminUserIds: [ADMIN] });
  });
  afterAll(async () => {
    await h.stop();
    await fake.close();
    await app.close();
  });

  const prediction = async (at: { channel: string; ts: string }) => {
    const p = await app.storage.predictions.findByMessage('slack', at.channel, at.ts);
    if (!p) throw new Error(`no prediction stored for ${at.ts}`);
    return p;
  };

  it('/attribute: acks, posts the candidates, stores the message ts, adds the 7 vote reactions', async () => {
    const posted = await askAttribute(h, 'U1', 'very large');
    expect(posted.text).toMatch(/“very large” → size/);
    expect(posted.text).toMatch(/1️⃣ size — \d+%/);
    // Slack reads <…> as link syntax: the hint arrives escaped so it shows literally.
    expect(posted.text).toContain('/attribute-correct &lt;word&gt;');
    expect(fake.calls('reactions.add').filter((c) => c.body['timestamp'] === posted.ts).map((c) => c.body['name'])).toEqual([
      'one', 'two', 'three', 'four', 'five', 'white_check_mark', 'x',
    ]);
    expect(VOTE_EMOJI).toHaveLength(7);
    const p = await prediction(posted);
    expect(p).toMatchObject({ phraseRaw: 'very large', userId: 'U1', workspaceId: 'T0001', channelId: 'C1', messageId: posted.ts });
    // The bot's own reactions are not votes.
    expect(await app.storage.feedback.listForPrediction(p.id)).toEqual([]);
  });

  it('forged and stale requests get 401 and change nothing', async () => {
    const before = fake.calls().length;
    const command = { command: '/attribute', text: 'very small', userId: 'UFORGER', channelId: 'C1' };
    expect((await h.client.command(command, { forge: true })).status).toBe(401);
    expect((await h.client.command(command, { timestamp: Math.floor(Date.now() / 1000) - 301 })).status).toBe(401);
    const posted = await askAttribute(h, 'U1', 'very cold');
    const apiCalls = fake.calls().length;
    expect((await h.client.reactionAdded({ user: 'UFORGER', name: 'two', ...posted }, { forge: true })).status).toBe(401);
    expect((await h.client.reactionAdded({ user: 'UFORGER', name: 'two', ...posted }, { timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(await app.storage.predictions.latestForUser('slack', 'UFORGER')).toBeNull();
    expect(await app.storage.feedback.listForPrediction((await prediction(posted)).id)).toEqual([]);
    // Only the genuine /attribute above reached Slack.
    expect(fake.calls().slice(before, apiCalls).every((c) => c.body['text'] !== 'very small')).toBe(true);
    expect(fake.calls().length).toBe(apiCalls);
  });

  it('reaction_added two records a vote and edits the footer; reaction_removed retracts it', async () => {
    const posted = await askAttribute(h, 'U1', 'very hot');
    const p = await prediction(posted);
    expect(await react(h, posted, 'U2', 'two')).toBe(200);
    await fake.waitFor(() => messageEdits(h, posted).length === 1);
    const votes = await app.storage.feedback.listForPrediction(p.id);
    expect(votes).toMatchObject([{ userId: 'U2', kind: 'choose', label: p.candidates[1]?.label }]);
    expect(messageEdits(h, posted)[0]).toMatch(new RegExp(`thanks — recorded: ${p.candidates[1]?.label} \\(1 vote\\)`));
    expect(fake.message(posted.channel, posted.ts)?.text).toMatch(/thanks — recorded/);

    expect(await react(h, posted, 'U2', 'two', false)).toBe(200);
    await fake.waitFor(() => messageEdits(h, posted).length === 2);
    expect(await app.storage.feedback.listForPrediction(p.id)).toEqual([]);
    expect(messageEdits(h, posted)[1]).not.toMatch(/thanks — recorded/);
  });

  it("stores the reacting user's admin status (ADMIN_USER_IDS) with the vote", async () => {
    const posted = await askAttribute(h, 'U1', 'very warm');
    const p = await prediction(posted);
    expect(await react(h, posted, ADMIN, 'one')).toBe(200);
    expect(await react(h, posted, 'U9', 'two')).toBe(200);
    const votes = await eventually(async () => {
      const v = await app.storage.feedback.listForPrediction(p.id);
      return v.length === 2 && v;
    });
    expect(votes.map((v) => [v.userId, v.voterIsAdmin]).sort()).toEqual([['U9', false], [ADMIN, true]]);
  });

  it('❌ records a rejection and asks for the right word in the thread; /attribute-correct answers it', async () => {
    const posted = await askAttribute(h, 'U3', 'very stinky');
    const p = await prediction(posted);
    await react(h, posted, 'U3', 'x::skin-tone-4');
    const ask = await fake.waitFor(() => fake.calls('chat.postMessage').find((c) => c.body['thread_ts'] === posted.ts));
    expect(ask.body).toMatchObject({ channel: 'C1', text: expect.stringMatching(/right attribute for “very stinky”.*\/attribute-correct/) as unknown });
    expect(await app.storage.feedback.listForPrediction(p.id)).toMatchObject([{ userId: 'U3', kind: 'reject' }]);

    const replies = fake.calls('response_url').length;
    await h.client.command({ command: '/attribute-correct', text: 'smell', userId: 'U3', channelId: 'C1' });
    await fake.waitFor(() => fake.calls('response_url').length > replies);
    const labels = (await app.storage.feedback.listForPrediction(p.id)).map((v) => v.label);
    expect(labels).toContain('smell');
  });

  it('a too-long phrase gets a private error and stores nothing', async () => {
    const replies = fake.calls('response_url').length;
    const posts = fake.calls('chat.postMessage').length;
    await h.client.command({ command: '/attribute', text: 'big '.repeat(100), userId: 'ULONG', channelId: 'C1' });
    const reply = await fake.waitFor(() => fake.calls('response_url')[replies]);
    expect(reply.body).toMatchObject({ response_type: 'ephemeral' });
    expect(String(reply.body['text'])).toMatch(/long/i);
    expect(fake.calls('chat.postMessage')).toHaveLength(posts);
    expect(await app.storage.predictions.latestForUser('slack', 'ULONG')).toBeNull();
  });

  it('a non-admin retrain is refused politely and records no run', async () => {
    const runs = (await app.storage.runs.recent(50)).length;
    const replies = fake.calls('response_url').length;
    await h.client.command({ command: '/attribute-admin', text: 'retrain', userId: 'U4', channelId: 'C1' });
    const reply = await fake.waitFor(() => fake.calls('response_url')[replies]);
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/only attribot admins/) as unknown });
    expect((await app.storage.runs.recent(50)).length).toBe(runs);
  });

  it('/attribute-admin stats: a private answer; its accuracy chart (a PNG) goes to the admin in a direct message', async () => {
    const replies = fake.calls('response_url').length;
    await h.client.command({ command: '/attribute-admin', text: 'stats', userId: ADMIN, channelId: 'C1' });
    const reply = await fake.waitFor(() => fake.calls('response_url')[replies]);
    expect(reply.body).toMatchObject({ response_type: 'ephemeral' });
    expect(String(reply.body['text'])).toMatch(/held-out top-1 by model version:\n {2}v\d+ active/);
    expect(String(reply.body['text'])).toMatch(/attribot-accuracy\.png: sent to your direct messages with @attribot\)$/);
    expect(fake.calls('conversations.open').at(-1)?.body).toMatchObject({ users: ADMIN });
    // The upload URL flow: announce (name, length), POST the bytes to the URL, complete into the DM.
    const announced = fake.calls('files.getUploadURLExternal').at(-1);
    expect(announced?.body).toMatchObject({ filename: 'attribot-accuracy.png', alt_text: expect.stringMatching(/^Line chart/) as unknown });
    expect(fake.calls('upload').at(-1)?.body['file_id']).toBe(announced?.answer?.['file_id']);
    expect(fake.calls('files.completeUploadExternal').at(-1)?.body).toMatchObject({ channel_id: `D${ADMIN}` });
    const file = fake.store.files.get(String(announced?.answer?.['file_id']));
    expect(file?.completed).toEqual({ channel: `D${ADMIN}`, initialComment: undefined });
    expect(pngSize(file?.data ?? Buffer.alloc(0))).toEqual({ width: 800, height: 450 });
    expect(Number(announced?.body['length'])).toBe(file?.data?.length);
  });

  it('a learning prompt appears in the configured channel with the 7 vote reactions; a reaction on it is a vote', async () => {
    await askAttribute(h, 'U1', 'pretty chilly');
    fake.failNext('chat.postMessage', 'not_in_channel');
    const outcome = await app.app.learningPrompts([{ poster: h.adapter.poster, channelId: 'CCLOSED' }, { poster: h.adapter.poster, channelId: 'CLEARN' }]);
    if (outcome.kind !== 'asked') throw new Error('nothing was asked');
    expect(outcome.failed.map((f) => [f.channelId, (f.error as Error).message])).toEqual([['CCLOSED', 'Could not post in Slack channel CCLOSED: not_in_channel (invite @attribot to it)']]);
    const prediction = await app.storage.predictions.get(outcome.posted[0]?.predictionId ?? -1);
    expect(prediction).toMatchObject({ platform: 'slack', workspaceId: 'T0001', channelId: 'CLEARN', userId: LEARNING_PROMPT_USER, phrase: outcome.phrase });
    const at = { channel: 'CLEARN', ts: prediction?.messageId ?? '' };
    expect(fake.message(at.channel, at.ts)?.text).toMatch(new RegExp(`^Learning prompt — I'm unsure about this one; which is right\\?\\n“${outcome.phrase}” → `));
    expect(fake.calls('reactions.add').filter((c) => c.body['timestamp'] === at.ts).map((c) => c.body['name'])).toEqual([
      'one', 'two', 'three', 'four', 'five', 'white_check_mark', 'x',
    ]);

    expect(await react(h, at, 'ULEARNER', 'two')).toBe(200);
    const votes = await eventually(async () => {
      const v = await app.storage.feedback.listForPrediction(prediction?.id ?? -1);
      return v.length === 1 && v;
    });
    expect(votes.map((v) => [v.userId, v.kind, v.label])).toEqual([['ULEARNER', 'choose', prediction?.candidates[1]?.label]]);
  });

  it('after votes and an admin retrain, the same phrase answers the corrected label first', async () => {
    const phrase = 'chunky';
    const first = await askAttribute(h, 'U5', phrase);
    const before = await prediction(first);
    const corrected = before.candidates[2]?.label ?? '';
    expect(corrected).not.toBe('');
    expect(first.text).not.toMatch(new RegExp(`→ ${corrected}\\n`));
    for (const user of ['U5', 'U6', 'U7']) await react(h, first, user, 'three');
    await eventually(async () => (await app.storage.feedback.listForPrediction(before.id)).length === 3);

    const replies = fake.calls('response_url').length;
    expect((await h.client.command({ command: '/attribute-admin', text: 'retrain', userId: ADMIN, channelId: 'C1' })).status).toBe(200);
    // Acknowledged before the training answers (Slack's limit is 3 s: the ack never waits for it).
    expect(fake.calls('response_url').slice(replies).some((c) => c.body['response_type'] === 'in_channel')).toBe(false);
    const final = await eventually(() => fake.calls('response_url').slice(replies).find((c) => c.body['response_type'] === 'in_channel'), 150_000);
    expect(final.body['text']).toMatch(/^Model v\d+ is now active .*\n\d+ phrases, \d+ labels/);
    const progress = fake.calls('response_url').slice(replies).filter((c) => c.body['response_type'] === 'ephemeral');
    expect(progress[0]?.body['text']).toMatch(/^training on \d+ phrases/);
    expect((await app.storage.runs.recent(1))[0]).toMatchObject({ trigger: 'admin', requestedBy: `slack:${ADMIN}`, status: 'promoted' });

    const again = await askAttribute(h, 'U8', phrase);
    expect(again.text).toMatch(new RegExp(`^“chunky” → ${corrected}\\n`));
  }, 180_000);

  it('a burst of 500 reactions from different users at concurrency 20 loses none', async () => {
    const posted = await askAttribute(h, 'U1', 'very heavy');
    const p = await prediction(posted);
    const users = Array.from({ length: 500 }, (_, i) => `UB${String(i).padStart(4, '0')}`);
    const names = ['one', 'two', 'three', 'white_check_mark'];
    const statuses: number[] = [];
    await withConcurrency(users, 20, async (user) => {
      statuses.push(await react(h, posted, user, names[user.charCodeAt(5) % names.length] ?? 'one'));
    });
    expect(statuses.every((s) => s === 200)).toBe(true);
    // Every 200 was given after its vote was stored: all 500 are there now, not eventually.
    const votes = await app.storage.feedback.listForPrediction(p.id);
    expect(new Set(votes.map((v) => v.userId)).size).toBe(500);
    // Edits of one message are coalesced (at most one per 250 ms): far fewer than one per vote, and
    // the last one shows the final tally.
    const tally = (text: string | undefined) => [...(text ?? '').matchAll(/\((\d+) votes?\)/g)].reduce((n, m) => n + Number(m[1]), 0);
    await eventually(() => tally(messageEdits(h, posted).at(-1)) === 500, 20_000);
    expect(messageEdits(h, posted).length).toBeLessThan(250);
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
  }, 120_000);

  it('reconciles at start: reactions cast while the bot was down are recorded', async () => {
    const posted = await askAttribute(h, 'U1', 'very loud');
    const p = await prediction(posted);
    await h.stop();
    // While the bot is down, users react in Slack; no event reaches anyone.
    const msg = fake.message(posted.channel, posted.ts);
    if (!msg) throw new Error('message missing in the fake');
    fake.store.addReaction(msg, 'two', 'UDOWN1');
    fake.store.addReaction(msg, 'white_check_mark::skin-tone-2', 'UDOWN2');
    fake.store.addReaction(msg, 'tada', 'UDOWN3');

    const gets = fake.calls('reactions.get').length;
    h = await startSlackHarness({ core: app.core, fake, adminUserIds: [ADMIN] });
    expect(await h.adapter.reconciled).toBeGreaterThanOrEqual(2);
    expect(fake.calls('reactions.get').slice(gets).some((c) => c.body['timestamp'] === posted.ts && c.body['full'] === 'true')).toBe(true);
    const votes = await app.storage.feedback.listForPrediction(p.id);
    expect(votes.map((v) => [v.userId, v.kind, v.label]).sort()).toEqual([
      ['UDOWN1', 'choose', p.candidates[1]?.label],
      ['UDOWN2', 'confirm', p.candidates[0]?.label],
    ]);
  });
});
