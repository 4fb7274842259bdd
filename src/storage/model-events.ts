import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { ModelEvents } from '../core/ports.js';

const CHANNEL = 'attribot_model_activated';

function parse(payload: string | undefined): [string, number] | null {
  try {
    const v = JSON.parse(payload ?? '') as { encoderId?: unknown; modelId?: unknown };
    return typeof v.encoderId === 'string' && typeof v.modelId === 'number' ? [v.encoderId, v.modelId] : null;
  } catch {
    return null;
  }
}

/** Model activation broadcast through PostgreSQL LISTEN/NOTIFY, reaching every process. */
export function postgresModelEvents(pool: pg.Pool, url: string): ModelEvents {
  return {
    async publishActivated(encoderId, modelId) {
      await pool.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ encoderId, modelId })]);
    },
    async onActivated(listener) {
      // LISTEN needs its own long-lived connection outside the pool.
      const client = new pg.Client({ connectionString: url });
      client.on('error', () => undefined);
      client.on('notification', (msg) => {
        const v = parse(msg.payload);
        if (v) listener(...v);
      });
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      return async () => {
        await client.end().catch(() => undefined);
      };
    },
  };
}

/** The same broadcast inside one process (PGlite has a single owner). */
export function inProcessModelEvents(): ModelEvents {
  const emitter = new EventEmitter();
  return {
    async publishActivated(encoderId, modelId) {
      emitter.emit(CHANNEL, encoderId, modelId);
      return Promise.resolve();
    },
    async onActivated(listener) {
      emitter.on(CHANNEL, listener);
      return Promise.resolve(async () => {
        emitter.off(CHANNEL, listener);
        return Promise.resolve();
      });
    },
  };
}
