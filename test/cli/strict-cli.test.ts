import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { MINI_GLOVE_PATH } from '../fixtures/glove/mini-glove.js';

describe('attribot CLI: strict arguments, and registry commands that load no model', () => {
  let dir: string;
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'attribot-strict-'));
    dataDir = path.join(dir, 'data');
    env = { ATTRIBOT_DATA_DIR: dataDir, ENCODER: 'glove', GLOVE_SOURCE: MINI_GLOVE_PATH, TRAIN_BACKEND: 'wasm', AUTO_SEED: 'false', LOG_LEVEL: 'silent' };
    const train = path.join(dir, 'train.tsv');
    await fs.writeFile(train, ['large\tsize', 'huge\tsize', 'tiny\tsize', 'hot\ttemperature', 'cold\ttemperature', 'smelly\tsmell', 'stinky\tsmell'].join('\n'));
    for (const argv of [['import', train], ['train'], ['train', '--force']]) {
      const r = await run(argv);
      expect({ argv, ...r }).toMatchObject({ argv, code: 0 });
    }
  }, 300_000);
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  async function run(argv: string[], extra: Record<string, string> = {}, cwd = dir) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { env: { ...env, ...extra }, cwd, out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }
  // An encoder that cannot load: a command that tried to load one would fail.
  const noEncoder = { ENCODER: 'bert', MODEL_DIR: '/nonexistent/model', ALLOW_REMOTE_MODELS: 'false' };

  it('models list, rollback, activate, export and db status work without loading an encoder', async () => {
    const list = await run(['models', 'list'], noEncoder);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/^v2 {2}active .* answer labels .* phrases trained on/m);
    const back = await run(['models', 'rollback'], noEncoder);
    expect(back).toMatchObject({ code: 0, out: 'rolled back: model v1 is active' });
    // The model a rollback left is "rolled back", not "rejected".
    expect((await run(['models', 'list'], noEncoder)).out).toMatch(/^v2 {2}rolled back/m);
    expect((await run(['models', 'activate', 'v2'], noEncoder)).out).toBe('model v2 is active');
    expect((await run(['export', path.join(dir, 'out.tsv')], noEncoder)).out).toMatch(/exported 7 phrases/);
    expect((await run(['db', 'status'], noEncoder)).out).toMatch(/up to date/);
  });

  it('bad arguments and missing files exit 64 before anything is opened', async () => {
    // An unreachable database would exit 2 if anything were opened first.
    const unreachable = { DATABASE_URL: 'postgresql://bot:pw@127.0.0.1:1/x' };
    for (const argv of [
      ['models', 'activate', 'abc'],
      ['models', 'activate', '0'],
      ['eval', path.join(dir, 'missing.tsv')],
      ['import', 'missing.tsv'],
      ['export', path.join(dir, 'no-such-folder', 'out.tsv')],
      ['seed', 'wordnet', '--exclude', path.join(dir, 'missing')],
    ]) {
      const r = await run(argv, unreachable);
      expect({ argv, code: r.code }).toEqual({ argv, code: 64 });
      expect(r.err).not.toMatch(/Prisma|at .*\.ts:\d+/);
    }
    expect((await run(['import', 'missing.tsv'], unreachable)).err).toContain(`there is no file ${path.join(dir, 'missing.tsv')}`);
    expect((await run(['models', 'activate', '99'])).err).toBe('attribot: There is no model version 99: see attribot models list.');
  });

  it('GATE_MARGIN and cron expressions are checked at load, with a true message', async () => {
    const margin = await run(['config'], { GATE_MARGIN: '-5' });
    expect(margin.code).toBe(64);
    expect(margin.err).toMatch(/^attribot: Invalid configuration: GATE_MARGIN must be between 0 and 1/);
    const cron = await run(['config'], { RETRAIN_CRON: '61 3 * * *' });
    expect(cron.code).toBe(64);
    expect(cron.err).toMatch(/RETRAIN_CRON is not a valid cron expression .*\(got "61 3 \* \* \*"\)/);
    // Learning prompts are off (no channel), and the expression is still checked.
    expect((await run(['config'], { LEARNING_PROMPT_CRON: '17 * * *' })).err).toMatch(/LEARNING_PROMPT_CRON is not a valid cron expression/);
    expect((await run(['config'], { GATE_MARGIN: '0.2', TZ: 'Europe/Berlin' })).code).toBe(0);
  });

  it('a command run from another folder says where it looked instead of creating an empty database', async () => {
    const elsewhere = path.join(dir, 'elsewhere');
    await fs.mkdir(elsewhere);
    const { ATTRIBOT_DATA_DIR: _unset, ...relative } = env;
    const err: string[] = [];
    const code = await runCli(['models', 'list'], { env: relative, cwd: elsewhere, out: () => undefined, err: (l) => err.push(l) });
    expect(code).toBe(1);
    expect(err.join('\n')).toContain(`There is no attribot database at ${path.join(elsewhere, 'data', 'pglite')}`);
    expect(await fs.readdir(elsewhere)).toEqual([]);
  });

  it('discord invite: the bot and applications.commands scopes and the least permissions, computed from discord.js', async () => {
    const r = await run(['discord', 'invite', '--app-id', '123456789012345678']);
    expect(r.code).toBe(0);
    const url = new URL(r.out.split('\n')[0] ?? '');
    expect(url.origin + url.pathname).toBe('https://discord.com/oauth2/authorize');
    expect(url.searchParams.get('client_id')).toBe('123456789012345678');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    const needed = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.AddReactions | PermissionFlagsBits.ReadMessageHistory;
    expect(url.searchParams.get('permissions')).toBe(needed.toString());
    expect((await run(['discord', 'invite'])).code).toBe(64);
  });

  it('discord register: an unreachable API is a network error, not "Discord refused"', async () => {
    const r = await run(['discord', 'register'], { DISCORD_TOKEN: 'x'.repeat(30), DISCORD_APP_ID: '123456789012345678', DISCORD_API_URL: 'http://127.0.0.1:1/api' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^attribot: Could not reach Discord .*ECONNREFUSED/);
    expect(r.err).not.toMatch(/refused the commands/);
  });
});
