import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngChartRenderer } from '../../src/chart/line-chart-png.js';
import type { ChatCore, VoteControls } from '../../src/core/chat/chat-core.js';
import { createChatCore } from '../../src/core/chat/create-chat-core.js';
import { rateLimiter } from '../../src/core/middleware/rate-limit.js';
import { FakeSlackApi } from '../fakes/slack/fake-slack-api.js';
import { clickButton, responsesTo, submitView } from '../fakes/slack/interactive-driver.js';
import { askAttribute, eventually } from '../fakes/slack/slack-driver.js';
import { startSlackHarness, type SlackHarness } from '../fakes/slack/slack-harness.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const ADMIN = 'UADMIN';
const silent = pino({ level: 'silent' });

/** The real core of `app` with `VOTE_CONTROLS` set to `controls`. */
function coreWith(app: TestApp, controls: VoteControls): ChatCore {
  const { storage, predictor, trainer } = app.app;
  return createChatCore({ storage, predictor, trainer, rateLimit: rateLimiter(10_000, 60_000), charts: pngChartRenderer(silent), reconcileDays: 7, voteControls: controls });
}

interface Button {
  action_id: string;
  value: string;
  text: { text: string };
}

describe('Slack vote buttons (VOTE_CONTROLS=buttons): Bolt over signed HTTP, fake Web API, real core on PostgreSQL', () => {
  let app: TestApp;
  let fake: FakeSlackApi;
  let h: SlackHarness;
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

  beforeAll(async () => {
    app = await createTestApp({ adminUserIds: [ADMIN] });
    for (const c of ['reactions', 'buttons', 'both'] as const) cores.set(c, coreWith(app, c));
    fake = await FakeSlackApi.start();
    h = await startSlackHarness({ core, fake, adminUserIds: [ADMIN] });
  });
  afterAll(async () => {
    await h.stop();
    await fake.close();
    await app.close();
  });

  /** `/attribute` answered with buttons: waits for the post and the stored message ts. */
  const ask = async (user: string, phrase: string) => {
    const before = fake.calls('chat.postMessage').length;
    expect((await h.client.command({ command: '/attribute', text: phrase, userId: user, channelId: 'C1' })).status).toBe(200);
    const post = await fake.waitFor(() => fake.calls('chat.postMessage')[before]);
    const at = { channel: 'C1', ts: String(post.answer?.['ts']) };
    const p = await eventually(() => app.storage.predictions.findByMessage('slack', at.channel, at.ts));
    return { at, p, post };
  };
  const buttonsOf = (blocks: unknown): Button[] => (JSON.parse(String(blocks)) as { type: string; elements?: Button[] }[]).find((b) => b.type === 'actions')?.elements ?? [];
  const updates = (ts: string) => fake.calls('chat.update').filter((c) => c.body['ts'] === ts);
  const live = async (id: number) => (await app.storage.feedback.listForPrediction(id)).map((v) => [v.userId, v.kind, v.label]);

  it('an answer is one message with the candidate labels as buttons, ✅ and "something else…": 1 API call instead of 8', async () => {
    controls = 'buttons';
    const { at, p, post } = await ask('U1', 'very large');
    const blocks = JSON.parse(String(post.body['blocks'])) as { type: string; text?: { type: string; text: string } }[];
    expect(blocks.map((b) => b.type)).toEqual(['section', 'actions']);
    expect(blocks[0]?.text).toMatchObject({ type: 'mrkdwn', text: expect.stringMatching(/^“very large” → size[\s\S]*click the right one below/) as unknown });
    expect(buttonsOf(post.body['blocks']).map((b) => [b.text.text, b.action_id])).toEqual([
      ...p.candidates.map((c, i) => [c.label, `attribot_vote:${i + 1}`]),
      ['✅', 'attribot_vote:ok'],
      ['something else…', 'attribot_word'],
    ]);
    await new Promise((r) => setTimeout(r, 300));
    const about = (ts: string) => fake.calls().filter((c) => c.body['timestamp'] === ts || c.body['ts'] === ts || c.answer?.['ts'] === ts);
    expect(about(at.ts).map((c) => c.method)).toEqual(['chat.postMessage']);

    controls = 'reactions';
    const plain = await askAttribute(h, 'U1', 'very small');
    expect(fake.calls('chat.postMessage').find((c) => c.answer?.['ts'] === plain.ts)?.body['blocks']).toBeUndefined();
    expect(about(plain.ts)).toHaveLength(8);
    controls = 'both';
    const both = await askAttribute(h, 'U1', 'very big');
    expect(about(both.ts)).toHaveLength(8);
    expect(buttonsOf(fake.calls('chat.postMessage').find((c) => c.answer?.['ts'] === both.ts)?.body['blocks'])).toHaveLength(7);
  });

  it('a click is stored before Slack hears back, confirmed privately, shown in the footer; clicking again takes it back', async () => {
    controls = 'buttons';
    const { at, p } = await ask('U1', 'very hot');
    const second = p.candidates[1]?.label ?? '';
    const click = await clickButton(h, at, 'U2', 'attribot_vote:2');
    expect(click.status).toBe(200);
    // Acknowledged only after the listener stored the vote.
    expect(await live(p.id)).toEqual([['U2', 'choose', second]]);
    const reply = await fake.waitFor(() => responsesTo(h, click.responseUrl)[0]);
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: `Thanks — recorded “${second}” for “very hot”. Click it again to take your vote back.` });
    const edit = await fake.waitFor(() => updates(at.ts)[0]);
    expect(String(edit.body['text'])).toMatch(new RegExp(`thanks — recorded: ${second} \\(1 vote\\)`));
    // The blocks go again with the new text (Slack shows them, not the text), buttons included.
    expect(String(edit.body['blocks'])).toMatch(new RegExp(`thanks — recorded: ${second} \\(1 vote\\)`));
    expect(buttonsOf(edit.body['blocks'])).toHaveLength(7);

    const again = await clickButton(h, at, 'U2', 'attribot_vote:2');
    expect(again.status).toBe(200);
    expect(await live(p.id)).toEqual([]);
    expect((await fake.waitFor(() => responsesTo(h, again.responseUrl)[0])).body['text']).toBe(`Took back your vote “${second}” for “very hot”.`);
    await fake.waitFor(() => updates(at.ts).length === 2 && !String(updates(at.ts)[1]?.body['text']).includes('thanks'));

    expect((await clickButton(h, at, ADMIN, 'attribot_vote:ok')).status).toBe(200);
    expect((await app.storage.feedback.listForPrediction(p.id)).map((v) => [v.userId, v.kind, v.label, v.voterIsAdmin])).toEqual([[ADMIN, 'confirm', p.candidates[0]?.label, true]]);
  });

  it("a post on the bot's own initiative (learning prompt) carries the buttons too", async () => {
    controls = 'buttons';
    const reply = await core.attribute({ platform: 'slack', workspaceId: 'T0001', channelId: 'C2', userId: 'learning', isAdmin: false }, 'very cheap');
    if (reply.kind !== 'prediction') throw new Error(`expected a prediction, got ${reply.kind}`);
    const before = fake.calls('chat.postMessage').length;
    await h.adapter.poster.postPrediction('C2', reply);
    const post = fake.calls('chat.postMessage')[before];
    expect(buttonsOf(post?.body['blocks'])).toHaveLength(7);
    expect(fake.calls('reactions.add').filter((c) => c.body['timestamp'] === post?.answer?.['ts'])).toEqual([]);
  });

  it('"something else…" opens a form; a refused word stays in the form with the reason; a good one is a correction', async () => {
    controls = 'buttons';
    const { at, p } = await ask('U3', 'very stinky');
    const trigger = await clickButton(h, at, 'U3', 'attribot_word');
    expect(trigger.status).toBe(200);
    const opened = await fake.waitFor(() => fake.calls('views.open').at(-1));
    expect(fake.store.views.at(-1)?.view).toMatchObject({ type: 'modal', callback_id: 'attribot_word', blocks: [{ type: 'input', block_id: 'word', element: { type: 'plain_text_input', action_id: 'word' } }] });
    expect(opened.answer).toMatchObject({ ok: true });

    const refused = await submitView(h, 'U3', { word: 'x'.repeat(150) });
    expect(refused.status).toBe(200);
    expect(refused.json).toEqual({ response_action: 'errors', errors: { word: expect.stringMatching(/150 characters long; the limit is 100/) as unknown } });
    expect(await live(p.id)).toEqual([]);

    const thanks = fake.calls('chat.postEphemeral').length;
    const ok = await submitView(h, 'U3', { word: 'Smell' });
    expect(ok).toMatchObject({ status: 200, json: undefined });
    expect(await live(p.id)).toEqual([['U3', 'new_label', 'smell']]);
    const thanked = await fake.waitFor(() => fake.calls('chat.postEphemeral')[thanks]);
    expect(thanked.body).toMatchObject({ channel: 'C1', user: 'U3', text: expect.stringMatching(/^Thanks — recorded “smell” for “very stinky”/) as unknown });
    await fake.waitFor(() => updates(at.ts).some((u) => String(u.body['blocks']).includes('smell (1 vote)')));
  });
});
