import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../../src/core/ports.js';
import { openStorage } from '../../src/storage/open-storage.js';
import { isTransientDbError } from '../../src/storage/retry.js';
import { createTempDatabase, type TempDatabase } from '../support/pg-database.js';

describe('the vote path rides out a saturated pool (PostgreSQL, 2 connections, 300 ms wait)', () => {
  let db: TempDatabase;
  let storage: Storage;
  beforeAll(async () => {
    db = await createTempDatabase();
    storage = await openStorage({ databaseUrl: db.url, pgliteDir: '', pool: { max: 2, connectionTimeoutMs: 300 } });
  });
  afterAll(async () => {
    await storage.close();
    await db.drop();
  });

  it('500 concurrent votes: the same burst of plain queries times out, every vote is still stored', async () => {
    const p = await storage.predictions.create({
      platform: 'slack', workspaceId: 'T', channelId: 'C', messageId: 'm', userId: 'u', phraseRaw: 'x', phrase: 'x',
      candidates: [{ label: 'size', p: 1 }], encoderId: 'e', modelVersionId: null,
    });
    // The same number of plain queries (not retried) at once: the pool turns some away.
    const direct = await Promise.all(Array.from({ length: 500 }, () => storage.ping().then(() => null, (e: unknown) => e)));
    expect(direct.some((e) => e !== null && isTransientDbError(e, false))).toBe(true);
    const results = await Promise.all(Array.from({ length: 500 }, (_, i) => storage.feedback.record({ predictionId: p.id, userId: `U${i}`, kind: 'confirm', label: 'size' })));
    expect(results.every((r) => r.created)).toBe(true);
    expect(await storage.feedback.listForPrediction(p.id)).toHaveLength(500);
  }, 120_000);
});
