import pg from 'pg';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatCore, ChatReply, ReactionResult } from '../../core/chat/chat-core.js';
import { VOTE_EMOJI } from '../../core/chat/chat-core.js';
import { FakeSlackApi } from '../../../test/fakes/slack/fake-slack-api.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { startSlackAdapter, type SlackAdapter } from './slack-adapter.js';

const attribute = vi.fn((): Promise<ChatReply> => Promise.resolve({ kind: 'prediction', predictionId: 3, text: 'answer', reactions: VOTE_EMOJI, choices: [] }));
const reaction = vi.fn((): Promise<ReactionResult> => Promise.resolve({ kind: 'ignored' }));
const core: ChatCore = {
  attribute,
  attachMessage: () => Promise.resolve(),
  reaction,
  vote: () => Promise.reject(new Error('unused')),
  knownLabels: () => Promise.resolve([]),
  correct: () => Promise.reject(new Error('unused')),
  admin: () => Promise.reject(new Error('unused')),
  reconcile: () => Promise.resolve(0),
};

let fake: FakeSlackApi | undefined;
let adapter: SlackAdapter | undefined;
afterEach(async () => {
  await adapter?.stop();
  await fake?.close();
  adapter = undefined;
  fake = undefined;
});

describe('Slack adapter in Socket Mode (SLACK_APP_TOKEN set)', () => {
  it('connects over the socket, acks envelopes, answers through the Web API, serves custom routes', async () => {
    const api = await FakeSlackApi.start();
    fake = api;
    adapter = await startSlackAdapter({
      config: { botToken: api.identity.token, signingSecret: '', appToken: api.identity.appToken, apiUrl: api.apiUrl, adminUserIds: [] },
      port: 0,
      core,
      logger: pino({ level: 'silent' }),
      reconcileDays: 7,
      customRoutes: [{ path: '/healthz', method: 'GET', handler: (_req, res) => res.writeHead(200).end('ok') }],
    });
    expect(api.socketMode.connected).toBe(true);
    expect(api.calls('apps.connections.open')[0]?.token).toBe('xapp-fake');
    expect(adapter.port).toBeGreaterThan(0);
    expect(await (await fetch(`http://127.0.0.1:${adapter.port}/healthz`)).text()).toBe('ok');

    const ack = await api.socketMode.deliver('slash_commands', {
      command: '/attribute',
      text: 'very big',
      user_id: 'U1',
      channel_id: 'C1',
      team_id: 'T0001',
      response_url: api.responseUrl('sock'),
      trigger_id: '1.2',
    });
    expect(ack.envelope_id).toBe('env-1');
    await api.waitFor(() => api.calls('reactions.add').length === 7);
    expect(attribute).toHaveBeenCalledWith(expect.objectContaining({ userId: 'U1', channelId: 'C1' }), 'very big');

    await api.socketMode.deliver('events_api', {
      type: 'event_callback',
      team_id: 'T0001',
      api_app_id: 'A0APP',
      event_id: 'Ev1',
      event_time: 1,
      event: { type: 'reaction_added', user: 'U2', reaction: 'four', item_user: 'UBOT', item: { type: 'message', channel: 'C1', ts: '1.000001' }, event_ts: '1.1' },
    });
    await api.waitFor(() => reaction.mock.calls.length === 1);
    expect(reaction).toHaveBeenCalledWith({ platform: 'slack', channelId: 'C1', messageId: '1.000001', userId: 'U2', emoji: '4️⃣', added: true, isAdmin: false });
  });

  it('fails to start with a clear error when Slack rejects the token', async () => {
    const api = await FakeSlackApi.start();
    fake = api;
    const start = startSlackAdapter({
      config: { botToken: 'xoxb-wrong', signingSecret: 's', appToken: undefined, apiUrl: api.apiUrl, adminUserIds: [] },
      port: 0,
      core,
      logger: pino({ level: 'silent' }),
      reconcileDays: 7,
    });
    await expect(start).rejects.toMatchObject({ code: 'platform.failed', message: 'Slack rejected the bot token (invalid_auth)' });
  });
});

describe('Slack Socket Mode acknowledges a vote only once it is stored', () => {
  let app: TestApp | undefined;
  let lock: pg.Client | undefined;
  afterEach(async () => {
    await lock?.end();
    await app?.close();
    lock = undefined;
    app = undefined;
  });

  it('the ack of a reaction_added envelope waits for the vote to be committed', async () => {
    app = await createTestApp();
    const api = await FakeSlackApi.start();
    fake = api;
    adapter = await startSlackAdapter({
      config: { botToken: api.identity.token, signingSecret: '', appToken: api.identity.appToken, apiUrl: api.apiUrl, adminUserIds: [] },
      port: 0,
      core: app.core,
      logger: pino({ level: 'silent' }),
      reconcileDays: 0,
    });
    await api.socketMode.deliver('slash_commands', { command: '/attribute', text: 'very big', user_id: 'U1', channel_id: 'C1', team_id: 'T0001', response_url: api.responseUrl('s1'), trigger_id: '1.1' });
    await api.waitFor(() => api.calls('reactions.add').length === 7);
    const ts = String(api.calls('chat.postMessage')[0]?.answer?.['ts']);
    const prediction = await app.storage.predictions.findByMessage('slack', 'C1', ts);
    if (!prediction) throw new Error('the prediction message was not stored');

    // Votes cannot be written while this transaction holds the table: the bot's write waits.
    lock = new pg.Client({ connectionString: app.databaseUrl });
    await lock.connect();
    await lock.query('BEGIN');
    await lock.query('LOCK TABLE "feedback" IN EXCLUSIVE MODE');
    let acked = false;
    const ack = api.socketMode
      .deliver('events_api', {
        type: 'event_callback',
        team_id: 'T0001',
        api_app_id: 'A0APP',
        event_id: 'Ev9',
        event_time: 1,
        event: { type: 'reaction_added', user: 'U2', reaction: 'one', item_user: 'UBOT', item: { type: 'message', channel: 'C1', ts }, event_ts: '2.1' },
      })
      .then((a) => {
        acked = true;
        return a;
      });
    // The bot's INSERT is now waiting for the lock: the vote is not stored yet, so not acknowledged.
    await vi.waitFor(
      async () => {
        // Blocked by this session (the query text is not reliable: a statement waiting in its
        // parse step still shows the session's previous one).
        const waiting = await lock?.query('SELECT 1 FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))');
        if (!waiting?.rowCount) throw new Error('the vote is not waiting for the lock yet');
      },
      { timeout: 20_000, interval: 20 },
    );
    expect(acked).toBe(false);
    await lock.query('COMMIT');
    expect((await ack).envelope_id).toMatch(/^env-/);
    // Acknowledged: stored.
    expect((await app.storage.feedback.listForPrediction(prediction.id)).map((v) => v.userId)).toEqual(['U2']);
  }, 120_000);
});
