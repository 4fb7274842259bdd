import { afterEach, describe, expect, it } from 'vitest';
import { openPglite, type PgliteDriver } from './pglite-driver.js';

describe('openPglite', () => {
  let driver: PgliteDriver | undefined;
  afterEach(async () => {
    await driver?.close();
    driver = undefined;
  });

  it('starts PostgreSQL with the shared memory one process needs, not a server’s 128 MB of buffers', async () => {
    driver = await openPglite('memory://');
    const rows = await driver.withSession((s) =>
      s.query<{ name: string; setting: string }>(
        "SELECT name, setting FROM pg_settings WHERE name IN ('shared_buffers', 'max_connections') ORDER BY name",
      ),
    );
    // shared_buffers counts 8 kB pages: 16 MB is 2048 of them (PostgreSQL's default is 16384).
    expect(rows).toEqual([
      { name: 'max_connections', setting: '5' },
      { name: 'shared_buffers', setting: '2048' },
    ]);
    // PGlite's own settings stay: queries find tables in the public schema.
    await driver.withSession((s) => s.exec('CREATE TABLE t (x int); INSERT INTO t VALUES (1)'));
    expect(await driver.withSession((s) => s.query('SELECT x FROM t'))).toEqual([{ x: 1 }]);
  });
});
