import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseError } from '../../errors.js';
import { openPglite } from './pglite-driver.js';

describe('one owner for an embedded database directory', () => {
  let root: string;
  let dir: string;
  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'attribot-lock-'));
    dir = path.join(root, 'pglite');
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('a second process gets a clear error naming the owner; nothing is opened', async () => {
    // The parent of this test process is alive and is not us: it stands for a running bot.
    await fs.writeFile(`${dir}.lock`, `${process.ppid}\n`);
    const err = await openPglite(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseError);
    expect((err as DatabaseError).message).toMatch(new RegExp(`in use by another attribot process \\(pid ${process.ppid}\\)`));
    await expect(fs.stat(dir)).rejects.toThrow();
  });

  it('takes over a stale lock of a dead process, holds it while open, releases it on close', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    await fs.writeFile(`${dir}.lock`, `${dead}\n`);
    const driver = await openPglite(dir);
    expect((await fs.readFile(`${dir}.lock`, 'utf8')).trim()).toBe(String(process.pid));
    await driver.close();
    await expect(fs.stat(`${dir}.lock`)).rejects.toThrow();
  });

  it('opens in a data dir that does not exist yet (a first start): the folder of the lock is made first', async () => {
    const fresh = path.join(root, 'new-data', 'pglite');
    const driver = await openPglite(fresh);
    await driver.close();
    await expect(fs.stat(fresh)).resolves.toBeTruthy();
  });
});
