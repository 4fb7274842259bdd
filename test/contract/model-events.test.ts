import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../../src/core/ports.js';
import { openStorage } from '../../src/storage/open-storage.js';
import { adminUrl, createTempDatabase, type TempDatabase } from '../support/pg-database.js';
import { waitFor } from './vote-contract.js';

/** Ends every connection to `db` that is LISTENing (as a server restart would). */
async function terminateListeners(db: TempDatabase): Promise<number> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const r = await admin.query<{ ok: boolean }>(
      `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = $1 AND query ILIKE 'LISTEN%'`,
      [db.name],
    );
    return r.rows.length;
  } finally {
    await admin.end();
  }
}

describe('model events across processes (two storage handles on one PostgreSQL database)', () => {
  let db: TempDatabase;
  let a: Storage;
  let b: Storage;
  beforeAll(async () => {
    db = await createTempDatabase();
    a = await openStorage({ databaseUrl: db.url, pgliteDir: '' });
    b = await openStorage({ databaseUrl: db.url, pgliteDir: '', migrate: false });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await db.drop();
  });

  it('a taught phrase published in one handle reaches a listener on the other', async () => {
    const seen: string[] = [];
    const off = await b.events.onTaught((p) => seen.push(p));
    await a.events.publishTaught('very chonky');
    await waitFor(() => seen.length === 1);
    expect(seen).toEqual(['very chonky']);
    await off();
  });

  it('the LISTEN connection comes back after the server drops it, and re-announces the active model and the phrases voted on meanwhile', { timeout: 180_000 }, async () => {
    const activations: [string, number][] = [];
    const taught: string[] = [];
    const offA = await b.events.onActivated((e, m) => activations.push([e, m]));
    const offT = await b.events.onTaught((p) => taught.push(p));
    // A model becomes active without its notification reaching this listener (as when the server
    // drops the connection around it; activating through the repo alone sends none, so the test
    // does not race the reconnect)…
    // A vote stored without its broadcast reaching this listener (the repo alone sends none).
    const p = await a.predictions.create({ platform: 'slack', workspaceId: 'T', channelId: 'C', messageId: null, userId: 'U1', phraseRaw: 'Missed Vote', phrase: 'missed vote', candidates: [{ label: 'size', p: 1 }], encoderId: 'enc', modelVersionId: null });
    await a.feedback.record({ predictionId: p.id, userId: 'U2', kind: 'choose', label: 'size' });
    const m = await a.models.createCandidate({ encoderId: 'enc', labels: ['size'], weights: new Uint8Array(4), metrics: { sets: {}, gateTop1: 0.5, examples: 1, labels: 1 } });
    await a.models.activate(m.id);
    expect(activations).toEqual([]);
    expect(await terminateListeners(db)).toBeGreaterThan(0);
    // …so after reconnecting the listener is told the active model anyway. (Reconnection backs off
    // up to 5 s between tries; a loaded CI machine needs more than one.)
    await waitFor(() => activations.some(([e, id]) => e === 'enc' && id === m.id), 60);
    // …and told the phrases voted on around the outage, so instant learning catches up.
    await waitFor(() => taught.includes('missed vote'), 60);
    // And new notifications arrive again.
    await waitFor(() => {
      void a.events.publishTaught('after restart');
      return taught.includes('after restart');
    }, 60);
    await offA();
    await offT();
  });
});
