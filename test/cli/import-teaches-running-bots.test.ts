import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import type { Storage } from '../../src/core/ports.js';
import { openStorage } from '../../src/storage/open-storage.js';
import { createTempDatabase, type TempDatabase } from '../support/pg-database.js';
import { waitFor } from '../contract/vote-contract.js';

describe('attribot import on PostgreSQL: running bots learn the imported votes at once', () => {
  let source: TempDatabase;
  let target: TempDatabase;
  let bot: Storage;
  let dir: string;
  beforeAll(async () => {
    [source, target] = await Promise.all([createTempDatabase(), createTempDatabase()]);
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'attribot-import-notify-'));
  });
  afterAll(async () => {
    await bot?.close();
    await Promise.all([source?.drop(), target?.drop()]);
    await fs.rm(dir, { recursive: true, force: true });
  });
  const cli = async (url: string, ...argv: string[]) => {
    const err: string[] = [];
    const code = await runCli(argv, { env: { DATABASE_URL: url, ATTRIBOT_DATA_DIR: dir, LOG_LEVEL: 'silent' }, cwd: dir, out: () => undefined, err: (l) => err.push(l) });
    return { code, err: err.join('\n') };
  };

  it('each phrase with imported votes is broadcast as taught; importing the same file again broadcasts nothing', async () => {
    const original = await openStorage({ databaseUrl: source.url, pgliteDir: '' });
    try {
      for (const [phrase, label] of [['very chonky', 'size'], ['smells like fish', 'smell']] as const) {
        const p = await original.predictions.create({ platform: 'slack', workspaceId: 'T', channelId: 'C', messageId: null, userId: 'U1', phraseRaw: phrase, phrase, candidates: [{ label, p: 1 }], encoderId: 'enc', modelVersionId: null });
        await original.feedback.record({ predictionId: p.id, userId: 'U2', kind: 'choose', label });
      }
    } finally {
      await original.close();
    }
    const file = path.join(dir, 'taught.jsonl');
    expect((await cli(source.url, 'export', file)).code).toBe(0);

    // A running bot on the target database (its schema is migrated as a bot's would be).
    bot = await openStorage({ databaseUrl: target.url, pgliteDir: '' });
    const heard: string[] = [];
    const off = await bot.events.onTaught((phrase) => heard.push(phrase));
    expect(await cli(target.url, 'import', file)).toEqual({ code: 0, err: '' });
    await waitFor(() => heard.length === 2);
    expect(heard.sort()).toEqual(['smells like fish', 'very chonky']);

    expect((await cli(target.url, 'import', file)).code).toBe(0);
    // A marker published after the second import arrives after anything that import sent.
    await bot.events.publishTaught('marker');
    await waitFor(() => heard.includes('marker'));
    expect(heard.filter((p) => p !== 'marker')).toHaveLength(2);
    await off();
  });
});
