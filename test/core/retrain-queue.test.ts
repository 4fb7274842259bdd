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

  it('a queued retrain that finds the trainer busy stays queued, runs once the trainer is free, and is announced', async () => {
    const reply = await bot.core.admin({ platform: 'slack', workspaceId: 'T', channelId: 'C', userId: 'UB', isAdmin: true }, 'retrain force');
    const id = Number(/#(\d+)/.exec(reply.text)?.[1]);
    const announced: { id: number; requestedBy: string; status: string }[] = [];
    const announce = (r: { id: number; requestedBy: string; outcome: { status: string } }) => {
      announced.push({ id: r.id, requestedBy: r.requestedBy, status: r.outcome.status });
      return Promise.resolve();
    };
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    let serving: { stop(): Promise<void> } | undefined;
    // Another training (another process, the same advisory lock) is running meanwhile.
    const other = trainer.storage.locks.tryWithLock('training', async () => {
      serving = serveRetrainRequests(trainer.storage.retrainQueue, trainer.app.trainer, createLogger('silent'), { intervalMs: 50, announce });
      // Several ticks find the trainer busy: nothing runs, nothing is announced…
      await new Promise((r) => setTimeout(r, 400));
      expect(announced).toEqual([]);
      await held;
    });
    release();
    expect((await other).acquired).toBe(true);
    try {
      // …and once it is free the same request (not marked done while busy) runs and is announced.
      await expect.poll(() => announced, { timeout: 60_000 }).toEqual([{ id, requestedBy: 'slack:UB', status: 'promoted' }]);
    } finally {
      await serving?.stop();
    }
  }, 120_000);
});
