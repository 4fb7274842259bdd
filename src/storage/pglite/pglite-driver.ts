import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { DatabaseError } from '../../errors.js';
import type { SqlDriver, SqlSession } from '../sql-driver.js';
import { lockPgliteDir } from './pglite-lock.js';

/**
 * PostgreSQL's settings for the embedded database, after PGlite's own. PostgreSQL sizes its shared
 * memory for a server (128 MB of buffers, 100 connections) and PGlite's WebAssembly build zeroes
 * every byte of it at each start: ≈ 0.4 s of a one-shot command's 2 s and 125 MB of a bot's RSS
 * (measured on the 2-core machine). One process with one connection needs far less; the files
 * stay in the operating system's page cache either way.
 */
export const PGLITE_SETTINGS: readonly string[] = ['shared_buffers=16MB', 'max_connections=5'];

/** Embedded PostgreSQL (PGlite) in a data directory; one process owns it at a time. */
export interface PgliteDriver extends SqlDriver {
  readonly db: PGlite;
}

/**
 * Opens PGlite in `dir` (created if missing), or in memory when `dir` is `memory://`.
 *
 * @throws DatabaseError when another live process owns `dir` (see {@link lockPgliteDir}).
 */
export async function openPglite(dir: string): Promise<PgliteDriver> {
  let db: PGlite;
  // The lock file sits beside the directory: its parent must exist first (a fresh data dir).
  if (dir !== 'memory://') fs.mkdirSync(path.dirname(dir), { recursive: true });
  const release = dir === 'memory://' ? () => undefined : lockPgliteDir(dir);
  try {
    if (dir !== 'memory://') fs.mkdirSync(dir, { recursive: true });
    const startParams = [...PGlite.defaultStartParams, ...PGLITE_SETTINGS.flatMap((s) => ['-c', s])];
    db = await PGlite.create(dir === 'memory://' ? undefined : dir, { startParams });
  } catch (err) {
    release();
    throw new DatabaseError(
      'db.unreachable',
      `Cannot open the embedded database in ${dir}: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  }
  const session: SqlSession = {
    async query<T>(sql: string, params?: unknown[]) {
      return (await db.query<T>(sql, params)).rows;
    },
    async exec(sql) {
      await db.exec(sql);
    },
  };
  return {
    kind: 'pglite',
    location: `PGlite at ${dir}`,
    db,
    // PGlite is a single connection: every session is the same one.
    withSession: (fn) => fn(session),
    async close() {
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
}
