import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './load.js';
import { maskConfig, maskUrl } from './mask.js';

const cwd = '/srv/bot';

describe('loadConfig', () => {
  it('applies documented defaults', () => {
    const c = loadConfig({}, cwd, { dotenv: false });
    expect(c.dataDir).toBe('/srv/bot/data');
    expect(c.pgliteDir).toBe('/srv/bot/data/pglite');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.encoder.kind).toBe('auto');
    expect(c.training.cron).toBe('0 3 * * *');
    expect(c.chat.port).toBe(3000);
    expect(c.discord).toBeUndefined();
    expect(Object.isFrozen(c.encoder)).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be a number \(got "abc"\)/],
    [{ PORT: '70000' }, /PORT must be at most 65535/],
    [{ ENCODER: 'word2vec' }, /ENCODER/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgresql:\/\/ URL/],
    [{ ALLOW_REMOTE_MODELS: 'maybe' }, /ALLOW_REMOTE_MODELS must be true or false/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /SLACK_SIGNING_SECRET is required/],
    [{ GATE_MARGIN: '-5' }, /GATE_MARGIN must be between 0 and 1: how much lower/],
    [{ GATE_MARGIN: 'lots' }, /GATE_MARGIN must be a number/],
    [{ RETRAIN_CRON: '61 3 * * *' }, /RETRAIN_CRON is not a valid cron expression/],
    // Checked although no learning channel is set (the feature is off).
    [{ LEARNING_PROMPT_CRON: '0 25 * * *' }, /LEARNING_PROMPT_CRON is not a valid cron expression/],
    [{ TZ: 'Mars/Olympus' }, /TZ must be an IANA time zone/],
  ])('names the bad variable: %o', (env, message) => {
    expect(() => loadConfig(env, cwd, { dotenv: false })).toThrow(message);
  });

  it('accepts a valid margin, cron expressions and zone; TZ=:/etc/localtime means the system zone', () => {
    const c = loadConfig({ GATE_MARGIN: '0.2', RETRAIN_CRON: '30 4 * * 1-5', TZ: 'Europe/Berlin' }, cwd, { dotenv: false });
    expect(c.training).toMatchObject({ gateMargin: 0.2, cron: '30 4 * * 1-5', timezone: 'Europe/Berlin' });
    expect(loadConfig({ TZ: ':/etc/localtime' }, cwd, { dotenv: false }).training.timezone).toBeUndefined();
  });

  it('reads .env, and the real environment wins over it', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'attribot-env-'));
    await fs.writeFile(path.join(dir, '.env'), 'PORT=4000\nRECONCILE_DAYS=3\n');
    const c = loadConfig({ PORT: '5000' }, dir);
    expect(c.chat.port).toBe(5000);
    expect(c.chat.reconcileDays).toBe(3);
    await fs.rm(dir, { recursive: true });
  });

  it('learning prompts: off by default, hourly at :17 once a channel is set', () => {
    expect(loadConfig({}, cwd, { dotenv: false }).learning).toEqual({ cron: '17 * * * *', discordChannel: undefined, slackChannel: undefined });
    const c = loadConfig({ LEARNING_CHANNEL_SLACK: ' C123 ', LEARNING_CHANNEL_DISCORD: '', LEARNING_PROMPT_CRON: '0 */2 * * *' }, cwd, { dotenv: false });
    expect(c.learning).toEqual({ cron: '0 */2 * * *', discordChannel: undefined, slackChannel: 'C123' });
  });

  it('masks secrets and database passwords', () => {
    const c = loadConfig(
      { DATABASE_URL: 'postgresql://bot:hunter2@db:5432/attribot', DISCORD_TOKEN: 'abcdefghijklmnopqrstuvwxyz' },
      cwd,
      { dotenv: false },
    );
    const text = JSON.stringify(maskConfig(c));
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('abcdefghijklmnop');
    expect(text).toContain('postgresql://bot:***@db:5432/attribot');
    expect(maskUrl('not a url user:pw@host')).toBe('not a url user:pw@host');
  });
});
