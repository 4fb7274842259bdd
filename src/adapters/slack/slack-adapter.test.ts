import { afterEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { ChatCore, ChatReply, ChoiceResult, ReactionResult } from '../../core/chat/chat-core.js';
import { VOTE_EMOJI } from '../../core/chat/chat-core.js';
import { FakeSlackApi } from '../../../test/fakes/slack/fake-slack-api.js';
import { startSlackHarness, type SlackHarness } from '../../../test/fakes/slack/slack-harness.js';

type Mocked<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? Mock<(...args: A) => R> : never };

const PREDICTION: ChatReply = { kind: 'prediction', predictionId: 7, text: '“chonky” → size', reactions: VOTE_EMOJI, choices: [] };

/** A scripted core: the adapter's transport behaviour is tested here; the real core in test/e2e. */
function stubCore(over: Partial<Mocked<ChatCore>> = {}): Mocked<ChatCore> {
  return {
    attribute: vi.fn(() => Promise.resolve(PREDICTION)),
    attachMessage: vi.fn(() => Promise.resolve()),
    reaction: vi.fn((): Promise<ReactionResult> => Promise.resolve({ kind: 'ignored' })),
    vote: vi.fn((): Promise<ChoiceResult> => Promise.resolve({ kind: 'ignored', text: 'no' })),
    knownLabels: vi.fn(() => Promise.resolve([])),
    correct: vi.fn((): Promise<ChatReply> => Promise.resolve({ kind: 'text', ephemeral: true, text: 'ok' })),
    admin: vi.fn((): Promise<ChatReply> => Promise.resolve({ kind: 'error', ephemeral: true, text: 'no' })),
    reconcile: vi.fn(() => Promise.resolve(0)),
    ...over,
  };
}

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const cmd = (command: string, text: string, userId = 'U1') => ({ command, text, userId, channelId: 'C1' });

describe('Slack adapter (Bolt over HTTP, fake Web API)', () => {
  it('acks /attribute, posts the prediction, stores its ts before adding the 7 reactions in order', async () => {
    let reactionsAtAttach = -1;
    const core = stubCore({
      attachMessage: vi.fn(() => {
        reactionsAtAttach = h?.fake.calls('reactions.add').length ?? -1;
        return Promise.resolve();
      }),
    });
    h = await startSlackHarness({ core });
    const res = await h.client.command(cmd('/attribute', 'chonky'));
    expect(res.status).toBe(200);
    const fake = h.fake;
    await fake.waitFor(() => fake.calls('reactions.add').length === 7);
    const post = fake.calls('chat.postMessage')[0];
    expect(post?.body).toMatchObject({ channel: 'C1', text: '“chonky” → size' });
    const ts = fake.store.all()[0]?.ts;
    expect(core.attribute).toHaveBeenCalledWith({ platform: 'slack', workspaceId: 'T0001', channelId: 'C1', userId: 'U1', isAdmin: false }, 'chonky');
    expect(core.attachMessage).toHaveBeenCalledWith(7, ts);
    expect(reactionsAtAttach).toBe(0);
    expect(fake.calls('reactions.add').map((c) => c.body['name'])).toEqual(['one', 'two', 'three', 'four', 'five', 'white_check_mark', 'x']);
  });

  it('refuses forged and stale requests with 401 and does nothing', async () => {
    const core = stubCore();
    h = await startSlackHarness({ core });
    const before = h.fake.calls().length;
    expect((await h.client.command(cmd('/attribute', 'chonky'), { forge: true })).status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await h.client.command(cmd('/attribute', 'chonky'), { timestamp: stale })).status).toBe(401);
    expect((await h.client.reactionAdded({ user: 'U1', name: 'two', channel: 'C1', ts: '1.000001' }, { forge: true })).status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(core.attribute).not.toHaveBeenCalled();
    expect(core.reaction).not.toHaveBeenCalled();
    expect(h.fake.calls().length).toBe(before);
  });

  it('sends core errors privately through the response_url, falling back to chat.postEphemeral', async () => {
    const core = stubCore({ attribute: vi.fn((): Promise<ChatReply> => Promise.resolve({ kind: 'error', ephemeral: true, text: 'Too long.' })) });
    h = await startSlackHarness({ core });
    const fake = h.fake;
    await h.client.command(cmd('/attribute', 'x'.repeat(500)));
    const sent = await fake.waitFor(() => fake.calls('response_url')[0]);
    expect(sent.body).toMatchObject({ response_type: 'ephemeral', text: 'Too long.' });

    fake.failNext('response_url');
    await h.client.command(cmd('/attribute', 'again'));
    const eph = await fake.waitFor(() => fake.calls('chat.postEphemeral')[0]);
    expect(eph.body).toMatchObject({ channel: 'C1', user: 'U1', text: 'Too long.' });
    expect(fake.calls('chat.postMessage')).toHaveLength(0);
  });

  it('maps reactions (skin tones too) to the core, ignores the bot and other emoji, edits and asks in thread', async () => {
    const results: ReactionResult[] = [
      { kind: 'recorded', update: { predictionId: 7, channelId: 'C1', messageId: 'TS', text: 'thanks — recorded: size (1 vote)' } },
      { kind: 'ask-word', update: { predictionId: 7, channelId: 'C1', messageId: 'TS', text: 'none (1 vote)' }, prompt: 'What is it?' },
    ];
    const core = stubCore({ reaction: vi.fn(() => Promise.resolve(results.shift() ?? { kind: 'ignored' as const })) });
    h = await startSlackHarness({ core });
    const msg = h.fake.store.post('C1', 'UBOT', 'prediction');
    const fake = h.fake;
    const at = { channel: 'C1', ts: msg.ts };
    expect((await h.client.reactionAdded({ user: 'U2', name: 'two::skin-tone-3', ...at })).status).toBe(200);
    await fake.waitFor(() => fake.calls('chat.update')[0]);
    expect(core.reaction).toHaveBeenCalledWith({ platform: 'slack', channelId: 'C1', messageId: msg.ts, userId: 'U2', emoji: '2️⃣', added: true, isAdmin: false });
    expect(fake.calls('chat.update')[0]?.body).toMatchObject({ channel: 'C1', ts: 'TS', text: 'thanks — recorded: size (1 vote)' });

    await h.client.reactionAdded({ user: 'UBOT', name: 'x', ...at });
    await h.client.reactionAdded({ user: 'U2', name: 'thumbsup', ...at });
    await h.client.reactionRemoved({ user: 'U3', name: 'x', ...at });
    const thread = await fake.waitFor(() => fake.calls('chat.postMessage')[0]);
    expect(thread.body).toMatchObject({ channel: 'C1', thread_ts: msg.ts, text: 'What is it?' });
    expect(core.reaction).toHaveBeenCalledTimes(2);
    expect(core.reaction.mock.calls[1]?.[0]).toMatchObject({ userId: 'U3', emoji: '❌', added: false });
  });

  it('logs Slack API failures with their cause and keeps serving', async () => {
    const core = stubCore({
      reaction: vi.fn(
        (): Promise<ReactionResult> => Promise.resolve({ kind: 'recorded', update: { predictionId: 7, channelId: 'C1', messageId: 'gone', text: 't' } }),
      ),
    });
    h = await startSlackHarness({ core });
    const fake = h.fake;
    fake.failNext('chat.postMessage', 'not_in_channel');
    await h.client.command(cmd('/attribute', 'chonky'));
    const hint = await fake.waitFor(() => fake.calls('response_url')[0]);
    expect(String(hint.body['text'])).toContain('/invite @attribot');
    expect(core.attachMessage).not.toHaveBeenCalled();

    await h.client.reactionAdded({ user: 'U2', name: 'one', channel: 'C1', ts: '1.1' });
    const logs = h.logs;
    const updateLog = await fake.waitFor(() => logs.find((l) => l.msg.includes('could not edit')));
    expect(updateLog.err?.message).toMatch(/message_not_found/);
    expect(logs.find((l) => l.msg.includes('could not post the prediction'))?.err?.message).toMatch(/not_in_channel/);

    // Still alive: the next command works.
    await h.client.command(cmd('/attribute', 'chonky'));
    await fake.waitFor(() => fake.calls('reactions.add').length === 7);
  });

  it('answers a generic private error when the core throws, and logs the cause', async () => {
    const core = stubCore({ correct: vi.fn(() => Promise.reject(new Error('db down'))) });
    h = await startSlackHarness({ core });
    const fake = h.fake;
    await h.client.command(cmd('/attribute-correct', '  smell '));
    const sent = await fake.waitFor(() => fake.calls('response_url')[0]);
    expect(sent.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/went wrong/) as unknown });
    expect(core.correct).toHaveBeenCalledWith(expect.objectContaining({ userId: 'U1' }), 'smell');
    expect(h.logs.find((l) => l.msg === 'slack: command failed')?.err?.message).toBe('db down');
  });

  it('passes admin rights from ADMIN_USER_IDS and throttles progress to 3 response_url posts', async () => {
    const core = stubCore({
      admin: vi.fn(async (_ctx, _args, progress?: (t: string) => Promise<void>): Promise<ChatReply> => {
        for (let i = 1; i <= 6; i++) await progress?.(`epoch ${i}`);
        return { kind: 'text', ephemeral: false, text: 'promoted v2' };
      }),
    });
    h = await startSlackHarness({ core, adminUserIds: ['UADMIN'] });
    const fake = h.fake;
    await h.client.command(cmd('/attribute-admin', 'retrain', 'UADMIN'));
    await fake.waitFor(() => fake.calls('response_url').length === 4);
    expect(core.admin.mock.calls[0]?.[0].isAdmin).toBe(true);
    const posts = fake.calls('response_url').map((c) => c.body);
    expect(posts.slice(0, 3)).toEqual([
      { response_type: 'ephemeral', replace_original: false, text: 'epoch 1' },
      { response_type: 'ephemeral', replace_original: true, text: 'epoch 2' },
      { response_type: 'ephemeral', replace_original: true, text: 'epoch 3' },
    ]);
    expect(posts[3]).toEqual({ response_type: 'in_channel', text: 'promoted v2' });
  });

  it('reconciles through reactions.get: Slack names to unicode, without the bot, gone messages as null', async () => {
    let seen: unknown[] = [];
    const core = stubCore({
      reconcile: vi.fn(async (_platform, read: Parameters<ChatCore['reconcile']>[1]) => {
        const base = { id: 1, platform: 'slack' as const, workspaceId: 'T0001', channelId: 'C1', userId: 'U1', phraseRaw: 'p', phrase: 'p', candidates: [], encoderId: 'e', modelVersionId: 1, heading: null, unknownWords: [], createdAt: new Date() };
        seen = [await read({ ...base, messageId: msg.ts }), await read({ ...base, messageId: '9.9' })];
        return 2;
      }),
    });
    const fake = await FakeSlackApi.start();
    const msg = fake.store.post('C1', 'UBOT', 'prediction');
    for (const [name, user] of [['two', 'UBOT'], ['two', 'U2'], ['two::skin-tone-2', 'U3'], ['x', 'UBOT'], ['tada', 'U4']] as const) {
      fake.store.addReaction(msg, name, user);
    }
    h = await startSlackHarness({ core, fake });
    expect(await h.adapter.reconciled).toBe(2);
    expect(seen).toEqual([
      [
        { emoji: '2️⃣', userIds: ['U2', 'U3'] },
        { emoji: '❌', userIds: [] },
      ],
      null,
    ]);
    expect(fake.calls('reactions.get')[0]?.body).toMatchObject({ channel: 'C1', timestamp: msg.ts, full: 'true' });
    await h.stop();
    h = undefined;
    await fake.close();
  });

  it('serves custom routes on the same port', async () => {
    h = await startSlackHarness({
      core: stubCore(),
      customRoutes: [{ path: '/healthz', method: ['GET'], handler: (_req, res) => res.writeHead(200).end('ok') }],
    });
    const res = await fetch(`http://127.0.0.1:${h.adapter.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
  });
});
