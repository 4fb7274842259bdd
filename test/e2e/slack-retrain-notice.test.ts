import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { createLogger } from '../../src/logger.js';
import { openApp, type App } from '../../src/main.js';
import { loadGloveEncoder } from '../../src/ml/encoder/glove/glove-encoder.js';
import { serveRetrainNotices } from '../../src/scheduler/retrain-notices.js';
import { serveRetrainRequests } from '../../src/scheduler/retrain-requests.js';
import { startSlackHarness, type SlackHarness } from '../fakes/slack/slack-harness.js';
import { MINI_GLOVE_PATH, tempDataDir } from '../fixtures/glove/mini-glove.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const ADMIN = 'UADMIN';

/**
 * `compose.yaml`'s split: a bot-only process serves Slack (real Bolt over signed HTTP against the
 * fake Web API) and queues an admin's retrain; a trainer process with no chat platform runs it.
 * The admin must hear the outcome from the bot process, where they asked.
 */
describe('a retrain queued from Slack in a bot-only process: the admin is told its outcome', () => {
  let trainer: TestApp;
  let bot: App;
  let h: SlackHarness;
  let cleanup: () => Promise<void>;
  const stops: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    trainer = await createTestApp({ adminUserIds: [ADMIN] });
    const tmp = await tempDataDir();
    cleanup = tmp.cleanup;
    const config = loadConfig({ DATABASE_URL: trainer.databaseUrl, ATTRIBOT_DATA_DIR: tmp.dir, ENCODER: 'glove', ADMIN_USER_IDS: ADMIN, LOG_LEVEL: 'silent' }, tmp.dir, { dotenv: false });
    const encoder = await loadGloveEncoder({ dataDir: tmp.dir, sourcePath: MINI_GLOVE_PATH });
    bot = await openApp(config, createLogger('silent'), { encoder, canTrain: false });
    h = await startSlackHarness({ core: bot.core, adminUserIds: [ADMIN], reconcileDays: 0 });
    // What `attribot start` runs: the notices in the bot process, the queue in the trainer's.
    const notices = serveRetrainNotices(bot.storage.retrainQueue, [h.adapter.notifier], createLogger('silent'), { intervalMs: 100 });
    const queue = serveRetrainRequests(trainer.storage.retrainQueue, trainer.app.trainer, createLogger('silent'), { intervalMs: 100 });
    stops.push(() => notices.stop(), () => queue.stop());
  }, 120_000);
  afterAll(async () => {
    for (const stop of stops) await stop();
    await h?.stop();
    await bot?.close();
    await trainer?.close();
    await cleanup?.();
  });

  /** Sends `/attribute-admin <text>` and returns the queued request's id from the private ack. */
  const queueRetrain = async (text: string): Promise<number> => {
    const replies = h.fake.calls('response_url').length;
    expect((await h.client.command({ command: '/attribute-admin', text, userId: ADMIN, channelId: 'C1' })).status).toBe(200);
    const reply = await h.fake.waitFor(() => h.fake.calls('response_url')[replies], 30_000);
    expect(reply.body['response_type']).toBe('ephemeral');
    const id = /Queued as retrain request #(\d+)/.exec(String(reply.body['text']))?.[1];
    if (id === undefined) throw new Error(`not queued: ${String(reply.body['text'])}`);
    return Number(id);
  };
  const postsAbout = (id: number) => h.fake.calls('chat.postMessage').filter((c) => String(c.body['text']).startsWith(`Retrain request #${id} finished`));

  it('a promoted model is announced in the channel where the admin asked', async () => {
    const id = await queueRetrain('retrain force');
    const [post] = await h.fake.waitFor(() => postsAbout(id).length > 0 && postsAbout(id), 60_000);
    expect(post?.body['channel']).toBe('C1');
    expect(post?.body['text']).toMatch(new RegExp(`^Retrain request #${id} finished: Model v\\d+ is now active`));
    expect(post?.answer?.['ok']).toBe(true);
    // Told once, however many ticks pass.
    await new Promise((r) => setTimeout(r, 500));
    expect(postsAbout(id)).toHaveLength(1);
  }, 90_000);

  it('a failed retrain is told only to the admin, in a direct message', async () => {
    // Nothing left to train on: the run fails.
    await trainer.storage.examples.deleteSource('import');
    const id = await queueRetrain('retrain');
    const [post] = await h.fake.waitFor(() => postsAbout(id).length > 0 && postsAbout(id), 60_000);
    expect(h.fake.calls('conversations.open').map((c) => c.body['users'])).toContain(ADMIN);
    expect(post?.body['channel']).toBe(`D${ADMIN}`);
    expect(post?.body['text']).toMatch(new RegExp(`^Retrain request #${id} finished: Training failed`));
  }, 90_000);
});
