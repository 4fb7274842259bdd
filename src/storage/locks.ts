import { createHash } from 'node:crypto';
import type { LockPort } from '../core/ports.js';
import type { SqlDriver } from './sql-driver.js';

/** Stable 63-bit key for a lock name (PostgreSQL advisory locks take a bigint). */
export function lockKey(name: string): string {
  return BigInt.asIntN(64, createHash('sha256').update(`attribot:${name}`).digest().readBigInt64BE(0)).toString();
}

/** Cross-process locks on PostgreSQL: session-level `pg_try_advisory_lock` on a dedicated connection. */
export function advisoryLocks(driver: SqlDriver): LockPort {
  return {
    tryWithLock(name, fn) {
      return driver.withSession(async (s) => {
        const key = lockKey(name);
        const rows = await s.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS ok', [key]);
        if (!rows[0]?.ok) return { acquired: false as const };
        try {
          return { acquired: true as const, value: await fn() };
        } finally {
          await s.query('SELECT pg_advisory_unlock($1::bigint)', [key]);
        }
      });
    },
  };
}

/** PGlite belongs to one process, so an in-process set of held names is the whole story. */
export function inProcessLocks(): LockPort {
  const held = new Set<string>();
  return {
    async tryWithLock(name, fn) {
      if (held.has(name)) return { acquired: false };
      held.add(name);
      try {
        return { acquired: true, value: await fn() };
      } finally {
        held.delete(name);
      }
    },
  };
}
