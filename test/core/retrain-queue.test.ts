import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { Storage } from '../../src/core/ports.js';
import { createLogger } from '../../src/logger.js';
import { openApp, type App } from '../../src/main.js';
import { loadGloveEncoder } from '../../src/ml/encoder/glove/glove-encoder.js';
import { serveRetrainRequests } from '../../src/scheduler/retrain-requests.js';
import { openStorage } from '../../src/storage/open-storage.js';
import { MINI_GLOVE_PATH, tempDataDir } from '../fixtures/glove/mini-glove.js';
import { createTempDatabase } from '../support/pg-database.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Waits until request `id` finished and takes its notices for Slack (as the bot process serving Slack would). */
function noticesOf(queue: Storage['retrainQueue'], id: number) {
  return vi.waitFor(
    async () => {
      const taken = (await queue.takeNotices(['slack'], 3)).filter((n) => n.id === id);
      if (taken.length === 0) throw new Error('not finished yet');
      return taken;
    },
    { timeout: 60_000, interval: 100 },
  );
}

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

  /** A trainer whose training waits until `release()`; `started` counts the trainings it began. */
  function heldTrainer() {
    let open: () => void = () => undefined;
    const held = new Promise<void>((r) => (open = r));
    const slow = {
      started: 0,
      release: () => open(),
      retrain: async (req: Parameters<typeof trainer.app.trainer.retrain>[0]) => (slow.started++, await held, trainer.app.trainer.retrain(req)),
    };
    return slow;
  }

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

  it('a queued retrain that finds the trainer busy stays queued, runs once the trainer is free, and its outcome waits for the requester', async () => {
    const reply = await bot.core.admin({ platform: 'slack', workspaceId: 'T', channelId: 'C9', userId: 'UB', isAdmin: true }, 'retrain force');
    const id = Number(/#(\d+)/.exec(reply.text)?.[1]);
    const queue = trainer.storage.retrainQueue;
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    let serving: { stop(): Promise<void> } | undefined;
    // Another training (another process, the same advisory lock) is running meanwhile.
    const other = trainer.storage.locks.tryWithLock('training', async () => {
      serving = serveRetrainRequests(queue, trainer.app.trainer, createLogger('silent'), { intervalMs: 50 });
      // Several ticks find the trainer busy: nothing runs, nothing is there to tell…
      await new Promise((r) => setTimeout(r, 400));
      expect((await queue.takeNotices(['slack'], 3)).filter((n) => n.id === id)).toEqual([]);
      await held;
    });
    release();
    expect((await other).acquired).toBe(true);
    try {
      // …and once it is free the same request (not marked done while busy) runs, and its outcome
      // is there for the bot process that serves the requester's platform, once.
      const notices = await noticesOf(queue, id);
      expect(notices.map((n) => ({ id: n.id, requester: n.requester, status: n.outcome.status }))).toEqual([
        { id, requester: { platform: 'slack', channelId: 'C9', userId: 'UB' }, status: 'promoted' },
      ]);
      expect(notices[0]?.outcome.text).toMatch(/^Model v\d+ is now active/);
      expect(await queue.takeNotices(['slack'], 3)).toEqual([]);
    } finally {
      await serving?.stop();
    }
  }, 120_000);

  it('a request left running by a trainer that died is claimed again and run; a live trainer keeps its claim while it trains', async () => {
    const queue = trainer.storage.retrainQueue;
    const reply = await bot.core.admin({ platform: 'slack', workspaceId: 'T', channelId: 'C7', userId: 'UC', isAdmin: true }, 'retrain force');
    const id = Number(/#(\d+)/.exec(reply.text)?.[1]);
    // A trainer claimed it and died: the row says `running`, and nobody renews the claim.
    expect((await queue.claimNext(60_000))?.id).toBe(id);
    // A second trainer whose training waits until released: its claim must outlive the lease.
    const slow = heldTrainer();
    const serving = serveRetrainRequests(queue, slow, createLogger('silent'), { intervalMs: 50, leaseMs: 6_000 });
    try {
      await vi.waitFor(() => expect(slow.started).toBe(1), { timeout: 30_000, interval: 50 });
      // Past the lease (renewed every second meanwhile): no one takes it from the live trainer.
      await new Promise((r) => setTimeout(r, 7_000));
      expect(await queue.claimNext(6_000)).toBeNull();
      slow.release();
      const notices = await noticesOf(queue, id);
      expect(notices.map((n) => [n.requester.userId, n.outcome.status])).toEqual([['UC', 'promoted']]);
      expect(slow.started).toBe(1);
    } finally {
      slow.release();
      await serving.stop();
    }
  }, 120_000);

  it('a trainer taken for dead that was only slow records nothing: the request is the new claimant\'s to finish', async () => {
    const queue = trainer.storage.retrainQueue;
    const reply = await bot.core.admin({ platform: 'slack', workspaceId: 'T', channelId: 'C5', userId: 'UD', isAdmin: true }, 'retrain force');
    const id = Number(/#(\d+)/.exec(reply.text)?.[1]);
    // The first trainer's renewals do not get through (a stalled host), and its training waits;
    // it claims this one request only (what it does with that claim is what is tested).
    let claims = 0;
    const stalled = { ...queue, renew: () => Promise.resolve(true), claimNext: (lease: number) => (claims++ === 0 ? queue.claimNext(lease) : Promise.resolve(null)) };
    const slow = heldTrainer();
    const serving = serveRetrainRequests(stalled, slow, createLogger('silent'), { intervalMs: 50 });
    try {
      await vi.waitFor(() => expect(slow.started).toBe(1), { timeout: 30_000, interval: 50 });
      // Its claim is taken for stale (a lease of 0): a second trainer claims the request.
      const second = await queue.claimNext(0);
      expect(second?.id).toBe(id);
      if (!second) return;
      slow.release();
      // The first trainer's run ends; its outcome is not recorded, nor is the request put back.
      await vi.waitFor(async () => expect((await trainer.storage.runs.recent(1))[0]?.requestedBy).toBe('slack:UD'), { timeout: 60_000, interval: 100 });
      await serving.stop();
      expect((await queue.takeNotices(['slack'], 3)).filter((n) => n.id === id)).toEqual([]);
      expect(await queue.claimNext(60_000)).toBeNull();
      expect(await queue.finish(second, null, { status: 'skipped', text: 'the second trainer' })).toBe(true);
      expect((await queue.takeNotices(['slack'], 3)).filter((n) => n.id === id).map((n) => n.outcome.text)).toEqual(['the second trainer']);
    } finally {
      slow.release();
      await serving.stop();
    }
  }, 120_000);
});

const openers: [string, () => Promise<{ storage: Storage; cleanup: () => Promise<void> }>][] = [
  ['PostgreSQL', async () => {
    const db = await createTempDatabase();
    return { storage: await openStorage({ databaseUrl: db.url, pgliteDir: '' }), cleanup: () => db.drop() };
  }],
  ['PGlite', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'attribot-pglite-'));
    return { storage: await openStorage({ databaseUrl: undefined, pgliteDir: dir }), cleanup: () => fs.rm(dir, { recursive: true, force: true }) };
  }],
];

describe.each(openers)('retrain notices on %s', (_name, open) => {
  let storage: Storage;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ storage, cleanup } = await open());
  }, 60_000);
  afterAll(async () => {
    await storage?.close();
    await cleanup?.();
  });

  it('a finished request is taken once by concurrent bots of its platform, given back on failure, and given up after the attempts', async () => {
    const queue = storage.retrainQueue;
    const id = await queue.enqueue({ requestedBy: 'discord:7', force: false, requester: { platform: 'discord', channelId: '42', userId: '7' } });
    const claimed = await queue.claimNext(60_000);
    expect(claimed?.id).toBe(id);
    if (claimed) await queue.finish(claimed, null, { status: 'failed', text: 'Training failed: out of memory' });
    // A Slack-only bot never takes a Discord request.
    expect(await queue.takeNotices(['slack'], 2)).toEqual([]);
    const taken = (await Promise.all([queue.takeNotices(['discord'], 2), queue.takeNotices(['discord', 'slack'], 2), queue.takeNotices(['discord'], 2)])).flat();
    expect(taken).toEqual([{ id, requester: { platform: 'discord', channelId: '42', userId: '7' }, outcome: { status: 'failed', text: 'Training failed: out of memory' } }]);
    await queue.returnNotice(id);
    expect((await queue.takeNotices(['discord'], 2)).map((n) => n.id)).toEqual([id]);
    await queue.returnNotice(id);
    // Two attempts used: it is not taken again.
    expect(await queue.takeNotices(['discord'], 2)).toEqual([]);
    // A request without a requester (the dashboard, the CLI) is never taken.
    const quiet = await queue.enqueue({ requestedBy: 'dashboard:x', force: false });
    const quietClaim = await queue.claimNext(60_000);
    expect(quietClaim?.id).toBe(quiet);
    if (quietClaim) await queue.finish(quietClaim, null, { status: 'skipped', text: 'Nothing to do.' });
    expect(await queue.takeNotices(['discord', 'slack', 'console'], 2)).toEqual([]);
  });
});
