import type pg from 'pg';
import type { ModelEvents } from '../core/ports.js';
import { PgListener, type ReconnectPolicy } from './events/pg-listener.js';

const ACTIVATED = 'attribot_model_activated';
const TAUGHT = 'attribot_phrase_taught';

/**
 * How far before a lost connection votes are read again after the reconnect: covers the clock
 * difference between this process and the server (vote times are the server's) and votes whose
 * notification was still in flight. Re-telling a phrase is harmless: a refresh re-reads its votes.
 */
const TAUGHT_REPLAY_MARGIN_MS = 60_000;
/** Most phrases told again after one reconnect; past it the next retrain still learns the rest. */
const TAUGHT_REPLAY_LIMIT = 5_000;

function parseActivated(payload: string | undefined): [string, number] | null {
  try {
    const v = JSON.parse(payload ?? '') as { encoderId?: unknown; modelId?: unknown };
    return typeof v.encoderId === 'string' && typeof v.modelId === 'number' ? [v.encoderId, v.modelId] : null;
  } catch {
    return null;
  }
}

export interface PostgresModelEventsOptions {
  /** Called with each lost connection or failed reconnect (they are retried). */
  onError?: (err: unknown) => void;
  reconnect?: ReconnectPolicy;
}

/**
 * Model activations and taught phrases broadcast through PostgreSQL LISTEN/NOTIFY, reaching every
 * process. The listening connection reconnects by itself; after a reconnect each activation
 * listener is told the currently active models again, so a process that missed a notification
 * while the server was away still loads the right model, and each taught listener is told every
 * phrase whose votes changed since shortly before the connection was lost (instant learning
 * catches up).
 */
export function postgresModelEvents(pool: pg.Pool, url: string, opts: PostgresModelEventsOptions = {}): ModelEvents & { close(): Promise<void> } {
  const listener = new PgListener(url, opts.onError, opts.reconnect);
  const notify = async (channel: string, payload: string) => {
    await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
  };
  return {
    async publishActivated(encoderId, modelId) {
      await notify(ACTIVATED, JSON.stringify({ encoderId, modelId }));
    },
    async onActivated(fn) {
      const replayActive = () => {
        pool
          .query<{ id: number; encoder_id: string }>(`SELECT "id", "encoder_id" FROM "model_versions" WHERE "status" = 'active'`)
          .then((r) => {
            for (const row of r.rows) fn(row.encoder_id, row.id);
          })
          .catch((err: unknown) => opts.onError?.(err));
      };
      return listener.subscribe(
        ACTIVATED,
        (payload) => {
          const v = parseActivated(payload);
          if (v) fn(...v);
        },
        replayActive,
      );
    },
    async publishTaught(phrase) {
      await notify(TAUGHT, phrase);
    },
    async onTaught(fn) {
      // Votes cast while the connection was away sent notifications nobody heard: read them again.
      const replayTaught = (lostAtMs: number) => {
        pool
          .query<{ phrase: string }>(
            `SELECT DISTINCT p."phrase" FROM "feedback" f JOIN "predictions" p ON p."id" = f."prediction_id"
             WHERE f."created_at" >= $1 OR f."retracted_at" >= $1 LIMIT ${TAUGHT_REPLAY_LIMIT}`,
            [new Date(lostAtMs - TAUGHT_REPLAY_MARGIN_MS)],
          )
          .then((r) => {
            for (const row of r.rows) fn(row.phrase);
          })
          .catch((err: unknown) => opts.onError?.(err));
      };
      return listener.subscribe(
        TAUGHT,
        (payload) => {
          if (payload !== undefined && payload !== '') fn(payload);
        },
        replayTaught,
      );
    },
    close: () => listener.close(),
  };
}
