import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, type TempDatabase } from '../../../test/support/pg-database.js';
import { openPostgres } from '../postgres-driver.js';
import { checksum, defaultMigrationsDir, readMigrations } from './migration-files.js';
import { migrate, migrationStatus } from './migrator.js';

async function writeMigrations(dir: string, files: Record<string, string>) {
  for (const [name, sql] of Object.entries(files)) {
    await fs.mkdir(path.join(dir, name), { recursive: true });
    await fs.writeFile(path.join(dir, name, 'migration.sql'), sql);
  }
}

describe('migrator (PostgreSQL)', () => {
  let db: TempDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await createTempDatabase();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'attribot-mig-'));
  });
  afterAll(async () => {
    await db.drop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('applies in folder order, records Prisma checksums, and is idempotent', async () => {
    // Written out of order on purpose: b depends on a.
    await writeMigrations(dir, {
      '20260102000000_b': 'ALTER TABLE t ADD COLUMN y int;',
      '20260101000000_a': 'CREATE TABLE t (x int);',
    });
    const driver = await openPostgres(db.url);
    try {
      expect(await migrate(driver, dir)).toEqual({ applied: ['20260101000000_a', '20260102000000_b'] });
      expect(await migrate(driver, dir)).toEqual({ applied: [] });
      const rows = await driver.withSession((s) =>
        s.query<{ migration_name: string; checksum: string; applied_steps_count: number }>(
          'SELECT migration_name, checksum, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
        ),
      );
      expect(rows[0]).toEqual({ migration_name: '20260101000000_a', checksum: checksum('CREATE TABLE t (x int);'), applied_steps_count: 1 });
      expect(await migrationStatus(driver, dir)).toEqual({ applied: ['20260101000000_a', '20260102000000_b'], pending: [], unknown: [] });
    } finally {
      await driver.close();
    }
  });

  it('refuses to run when an applied migration changed', async () => {
    await fs.writeFile(path.join(dir, '20260101000000_a', 'migration.sql'), 'CREATE TABLE t (x bigint);');
    const driver = await openPostgres(db.url);
    try {
      await expect(migrate(driver, dir)).rejects.toMatchObject({ code: 'db.migration_changed' });
      await expect(migrationStatus(driver, dir)).rejects.toThrow(/20260101000000_a was changed/);
    } finally {
      await fs.writeFile(path.join(dir, '20260101000000_a', 'migration.sql'), 'CREATE TABLE t (x int);');
      await driver.close();
    }
  });

  it('rolls back a failing migration completely', async () => {
    await writeMigrations(dir, { '20260103000000_bad': 'CREATE TABLE u (x int);\nSELECT no_such_function();' });
    const driver = await openPostgres(db.url);
    try {
      await expect(migrate(driver, dir)).rejects.toMatchObject({ code: 'db.migration_failed' });
      const t = await driver.withSession((s) => s.query<{ t: string | null }>(`SELECT to_regclass('u')::text AS t`));
      expect(t[0]?.t).toBeNull();
      expect((await migrationStatus(driver, dir)).pending).toEqual(['20260103000000_bad']);
    } finally {
      await fs.rm(path.join(dir, '20260103000000_bad'), { recursive: true });
      await driver.close();
    }
  });

  it('serializes two concurrent migrators: one applies, the other waits and finds nothing', async () => {
    const fresh = await createTempDatabase();
    const [d1, d2] = [await openPostgres(fresh.url), await openPostgres(fresh.url)];
    try {
      const results = await Promise.all([migrate(d1, defaultMigrationsDir), migrate(d2, defaultMigrationsDir)]);
      const counts = results.map((r) => r.applied.length).sort();
      const all = (await readMigrations(defaultMigrationsDir)).length;
      expect(counts).toEqual([0, all]);
    } finally {
      await d1.close();
      await d2.close();
      await fresh.drop();
    }
  });
});
