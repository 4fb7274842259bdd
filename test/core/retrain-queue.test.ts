import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { createLogger } from '../../src/logger.js';
import { openApp, type App } from '../../src/main.js';
import { loadGloveEncoder } from '../../src/ml/encoder/glove/glove-encoder.js';
import { serveRetrainRequests } from '../../src/scheduler/retrain-requests.js';
import { MINI_GLOVE_PATH, tempDataDir } from '../fixtures/glove/mini-glove.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('bot-only processes queue retrains for the trainer process', () => {
  let trainer: TestApp;
  let bot: App;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    trainer = await createTestApp();
    const tmp = await tempDataDir();
    cleanup = tmp.cleanup;
    const config = loadConfig({ DATABASE_URL: trainer.databaseUrl, ATTRIBOT_DATA_DIR: tmp.dir, ENCODER: 'glove', LOG_LEVEL: 'silent' }, tmp.dir, { dotenv: false });
    const encoder = await loadGloveEncoder({ dataDir: tmp.dir, sourcePath: MINI_GLOVE_PATH });
    bot = await openApp(config, createLogger('silent'), { encoder, canTrain: false });
  }, 120_000);
  afterAll(async () => {
    await bot?.close();
    await trainer?.close();
    await cleanup?.();
  });

  it('an admin retrain in the bot is queued, the trainer runs it, and the bot switches to the new model', async () => {
    const before = (await trainer.storage.runs.recent(100)).length;
    const reply = await bot.core.admin({ platform: 'slack', workspaceId: 'T', channelId: 'C', userId: 'UA', isAdmin: true }, 'retrain force');
    expect(reply.text).toMatch(/Queued as retrain request #\d+/);
    expect((await trainer.storage.runs.recent(100)).length).toBe(before);
    const unfollow = await bot.predictor.follow();
    const serving = serveRetrainRequests(trainer.storage.retrainQueue, trainer.app.trainer, createLogger('silent'), 50);
    try {
      await expect
        .poll(async () => {
          const [run] = await trainer.storage.runs.recent(1);
          return run?.requestedBy === 'slack:UA' ? run.status : null;
        }, { timeout: 30_000 })
        .toBe('promoted');
      const active = await trainer.storage.models.getActive(bot.encoder.id);
      await expect.poll(() => bot.predictor.activeVersion, { timeout: 10_000 }).toBe(active?.id);
    } finally {
      await serving.stop();
      await unfollow();
    }
  });
});
