import { randomUUID } from 'node:crypto';
import { DatabaseError } from '../../errors.js';
import type { SqlDriver, SqlSession } from '../sql-driver.js';
import { readMigrations, type MigrationFile } from './migration-files.js';

/** Prisma's own bookkeeping table, created the way `prisma migrate` creates it. */
const createTable = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Advisory lock key shared by every attribot process migrating the same database. */
const MIGRATION_LOCK = 72_101_001;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  /** Recorded in the database but missing from the migrations folder. */
  unknown: string[];
}

async function appliedRows(s: SqlSession): Promise<AppliedRow[]> {
  return s.query<AppliedRow>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
  );
}

function check(files: MigrationFile[], rows: AppliedRow[]): MigrationStatus {
  const live = rows.filter((r) => r.rolled_back_at === null);
  for (const row of live) {
    if (row.finished_at === null) {
      throw new DatabaseError(
        'db.migration_failed',
        `Migration ${row.migration_name} started earlier but never finished; repair the database and mark it rolled back before migrating again`,
      );
    }
    const file = files.find((f) => f.name === row.migration_name);
    if (file && file.checksum !== row.checksum) {
      throw new DatabaseError(
        'db.migration_changed',
        `Migration ${row.migration_name} was changed after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ${file.checksum.slice(0, 12)}… on disk); add a new migration instead of editing an applied one`,
      );
    }
  }
  const done = new Set(live.map((r) => r.migration_name));
  return {
    applied: files.filter((f) => done.has(f.name)).map((f) => f.name),
    pending: files.filter((f) => !done.has(f.name)).map((f) => f.name),
    unknown: [...done].filter((n) => !files.some((f) => f.name === n)),
  };
}

/**
 * Applies pending migrations in order, each in its own transaction, under an advisory lock so
 * concurrent starts serialize (the second finds nothing to do). Refuses to run when an applied
 * migration's file changed.
 */
export async function migrate(
  driver: SqlDriver,
  dir: string,
  onApplied: (name: string) => void = () => undefined,
): Promise<{ applied: string[] }> {
  const files = await readMigrations(dir);
  return driver.withSession(async (s) => {
    await s.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await s.exec(createTable);
      const { pending } = check(files, await appliedRows(s));
      const applied: string[] = [];
      for (const name of pending) {
        const file = files.find((f) => f.name === name);
        if (!file) continue;
        await applyOne(s, file);
        applied.push(name);
        onApplied(name);
      }
      return { applied };
    } finally {
      await s.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  });
}

async function applyOne(s: SqlSession, file: MigrationFile): Promise<void> {
  await s.exec('BEGIN');
  try {
    const id = randomUUID();
    await s.query(
      'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())',
      [id, file.checksum, file.name],
    );
    await s.exec(file.sql);
    await s.query(
      'UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1',
      [id],
    );
    await s.exec('COMMIT');
  } catch (err) {
    await s.exec('ROLLBACK').catch(() => undefined);
    throw new DatabaseError(
      'db.migration_failed',
      `Migration ${file.name} failed and was rolled back: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  }
}

/** Which migrations are applied, pending or unknown; verifies checksums like {@link migrate}. */
export async function migrationStatus(driver: SqlDriver, dir: string): Promise<MigrationStatus> {
  const files = await readMigrations(dir);
  return driver.withSession(async (s) => {
    const exists = await s.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
    const rows = exists[0]?.t ? await appliedRows(s) : [];
    return check(files, rows);
  });
}
