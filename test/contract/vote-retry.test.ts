import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../../src/core/ports.js';
import { openStorage } from '../../src/storage/open-storage.js';
import { isTransientDbError } from '../../src/storage/retry.js';
import { createTempDatabase, type TempDatabase } from '../support/pg-database.js';

describe('the vote path rides out a saturated pool (PostgreSQL, 1 connection, 300 ms wait)', () => {
  let db: TempDatabase;
  let storage: Storage;
  beforeAll(async () => {
    db = await createTempDatabase();
    storage = await openStorage({ databaseUrl: db.url, pgliteDir: '', pool: { max: 1, connectionTimeoutMs: 300 } });
  });
  afterAll(async () => {
    await storage.close();
    await db.drop();
  });

  it('500 concurrent votes while the pool is saturated: plain queries time out, every vote is still stored', async () => {
    const p = await storage.predictions.create({
      platform: 'slack', workspaceId: 'T', channelId: 'C', messageId: 'm', userId: 'u', phraseRaw: 'x', phrase: 'x',
      candidates: [{ label: 'size', p: 1 }], encoderId: 'e', modelVersionId: null,
    });
    // Another client locks the votes table: the first vote holds the pooled connection while it
    // wait for it, so everything behind them waits for a connection past the 300 ms allowed
    // (saturation that does not depend on how fast this machine answers a query).
    const locker = new pg.Client({ connectionString: db.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE "feedback" IN EXCLUSIVE MODE');
      const votes = Promise.all(Array.from({ length: 500 }, (_, i) => storage.feedback.record({ predictionId: p.id, userId: `U${i}`, kind: 'confirm', label: 'size' })));
      // Awaited below; a failed expectation before that must not leave it unhandled.
      votes.catch(() => undefined);
      // Until the pooled connection is stuck behind the lock.
      const stuck = async () =>
        (await locker.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows[0]?.n ?? 0;
      await expect.poll(stuck, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
      // The same kind of burst of plain queries (not retried): the pool turns them away.
      const direct = await Promise.all(Array.from({ length: 50 }, () => storage.ping().then(() => null, (e: unknown) => e)));
      expect(direct.some((e) => e !== null && isTransientDbError(e, false))).toBe(true);
      await locker.query('COMMIT');
      expect((await votes).every((r) => r.created)).toBe(true);
    } finally {
      await locker.end();
    }
    expect(await storage.feedback.listForPrediction(p.id)).toHaveLength(500);
  }, 120_000);
});
