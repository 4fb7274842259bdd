import pg from 'pg';
import { maskUrl } from '../config/mask.js';
import { DatabaseError } from '../errors.js';
import type { SqlDriver, SqlSession } from './sql-driver.js';

/** A pooled PostgreSQL connection; fails fast with one clear line when the server is unreachable. */
export interface PostgresDriver extends SqlDriver {
  readonly pool: pg.Pool;
}

/** Pool sizing: how many connections, and how long a query waits for one before failing. */
export interface PoolOptions {
  max?: number;
  connectionTimeoutMs?: number;
}

/** Opens a pool on `url` and checks one connection. */
export async function openPostgres(url: string, opts: PoolOptions = {}): Promise<PostgresDriver> {
  const location = maskUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, connectionTimeoutMillis: opts.connectionTimeoutMs ?? 5000 });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => undefined);
    const reason = err instanceof Error ? err.message || err.name : String(err);
    throw new DatabaseError('db.unreachable', `Cannot reach the database at ${location}: ${reason}`, { cause: err });
  }
  return {
    kind: 'postgres',
    location,
    pool,
    async withSession(fn) {
      const client = await pool.connect();
      const session: SqlSession = {
        async query<T>(sql: string, params?: unknown[]) {
          return (await client.query(sql, params)).rows as T[];
        },
        async exec(sql) {
          await client.query(sql);
        },
      };
      try {
        return await fn(session);
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
