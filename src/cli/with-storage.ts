import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
import type { Storage } from '../core/ports.js';
import { InputError } from '../errors.js';
import type { CliContext } from './context.js';

/**
 * Refuses to create an embedded database as a side effect: a read-only command run from another
 * folder (default `ATTRIBOT_DATA_DIR=./data` is relative to it) would otherwise open a new, empty
 * one there. Names the path it looked at and how to point at the real one.
 */
export function requireExistingDatabase(config: Config): void {
  if (config.databaseUrl !== undefined || fs.existsSync(config.pgliteDir)) return;
  throw new InputError(
    'input.not_found',
    `There is no attribot database at ${config.pgliteDir}. ATTRIBOT_DATA_DIR (default ./data) is relative to the folder you run attribot in: run it from the bot's folder, or set ATTRIBOT_DATA_DIR (or DATABASE_URL). \`attribot start\` or \`attribot db migrate\` creates a new one.`,
  );
}

/** Creates `ATTRIBOT_DATA_DIR` for a command that may create the embedded database in it. */
export function ensureDataDir(config: Config): void {
  if (config.databaseUrl === undefined) fs.mkdirSync(path.dirname(config.pgliteDir), { recursive: true });
}

/**
 * Opens the database only (no encoder, no model) for one command and always closes it: what
 * `models`, `export` and `db status` need, so they answer in about a second.
 */
export async function withStorage<T>(ctx: CliContext, fn: (storage: Storage) => Promise<T>, opts: { mustExist?: boolean } = {}): Promise<T> {
  const config = ctx.config();
  if (opts.mustExist !== false) requireExistingDatabase(config);
  else ensureDataDir(config);
  const { openStorage } = await import('../storage/open-storage.js');
  const logger = ctx.logger();
  const storage = await openStorage({
    databaseUrl: config.databaseUrl,
    pgliteDir: config.pgliteDir,
    onMigrationApplied: (name) => logger.info({ migration: name }, 'migration applied'),
  });
  try {
    return await fn(storage);
  } finally {
    await storage.close();
  }
}
