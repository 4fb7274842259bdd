import fs from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { ConfigError } from '../errors.js';
import { toConfig, type Config } from './config.js';
import { envSchema } from './schema.js';

export type RawEnv = Readonly<Record<string, string | undefined>>;

/**
 * Parses the configuration once. Values from the real environment win over `.env` (read from
 * `cwd` when present). A bad value throws a {@link ConfigError} whose message names the variable.
 *
 * @example
 * const config = loadConfig(process.env, process.cwd());
 */
export function loadConfig(env: RawEnv, cwd: string, opts: { dotenv?: boolean } = {}): Config {
  const fromFile = opts.dotenv === false ? {} : readDotenv(cwd);
  const merged: Record<string, string | undefined> = { ...fromFile };
  for (const [k, v] of Object.entries(env)) if (v !== undefined) merged[k] = v;
  const parsed = envSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? 'environment';
    const value = merged[name];
    const shown = value === undefined ? '' : ` (got "${value.length > 40 ? `${value.slice(0, 40)}…` : value}")`;
    throw new ConfigError('config.invalid', `Invalid configuration: ${name} ${issue?.message ?? 'is invalid'}${shown}`);
  }
  const config = toConfig(parsed.data, cwd);
  if (config.slack && !config.slack.signingSecret && !config.slack.appToken) {
    throw new ConfigError(
      'config.invalid',
      'Invalid configuration: SLACK_SIGNING_SECRET is required when SLACK_BOT_TOKEN is set (or set SLACK_APP_TOKEN for Socket Mode)',
    );
  }
  return config;
}

function readDotenv(cwd: string): Record<string, string> {
  const file = path.join(cwd, '.env');
  if (!fs.existsSync(file)) return {};
  return parseDotenv(fs.readFileSync(file));
}
