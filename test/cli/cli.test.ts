import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { createTempDatabase, type TempDatabase } from '../support/pg-database.js';

async function run(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { env: { LOG_LEVEL: 'silent', ...env }, cwd: os.tmpdir(), out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('attribot CLI', () => {
  let db: TempDatabase;
  let dataDir: string;
  beforeAll(async () => {
    db = await createTempDatabase();
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'attribot-cli-'));
  });
  afterAll(async () => {
    await db.drop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('prints help with exit 0, and usage errors exit 64', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/db/);
    expect((await run(['no-such-command'])).code).toBe(64);
  });

  it('reports a bad variable in one line with exit 64', async () => {
    const r = await run(['config'], { PORT: 'nope' });
    expect(r.code).toBe(64);
    expect(r.err).toBe('attribot: Invalid configuration: PORT must be a number (got "nope")');
  });

  it('prints the effective config with secrets masked', async () => {
    const r = await run(['config'], { DATABASE_URL: 'postgresql://u:s3cret@h/d' });
    expect(r.code).toBe(0);
    expect(r.out).toContain('postgresql://u:***@h/d');
    expect(r.out).not.toContain('s3cret');
  });

  it('migrates PostgreSQL, then reports it up to date', async () => {
    const first = await run(['db', 'migrate'], { DATABASE_URL: db.url });
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/applied \d+_init/);
    const again = await run(['db', 'migrate'], { DATABASE_URL: db.url });
    expect(again.out).toMatch(/up to date/);
    const status = await run(['db', 'status', '--json'], { DATABASE_URL: db.url });
    expect(JSON.parse(status.out)).toMatchObject({ pending: [], unknown: [] });
  });

  it('migrates the embedded PGlite database when DATABASE_URL is unset; status never creates one', async () => {
    const r = await run(['db', 'status'], { ATTRIBOT_DATA_DIR: dataDir });
    expect(r.code).toBe(1);
    expect(r.err).toContain(`There is no attribot database at ${path.join(dataDir, 'pglite')}`);
    expect(await fs.readdir(dataDir)).toEqual([]);
    expect((await run(['db', 'migrate'], { ATTRIBOT_DATA_DIR: dataDir })).code).toBe(0);
    expect((await run(['db', 'status'], { ATTRIBOT_DATA_DIR: dataDir })).out).toMatch(/up to date/);
    // A fresh embedded database (initdb) takes tens of seconds on a loaded 2-core machine.
  }, 240_000);

  it('an unreachable database is one clear line with the password masked and exit 2', async () => {
    const r = await run(['db', 'migrate'], { DATABASE_URL: 'postgresql://bot:pw@127.0.0.1:1/x' });
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^attribot: Cannot reach the database at postgresql:\/\/bot:\*\*\*@127\.0\.0\.1:1\/x: .*ECONNREFUSED/);
  });
});
