import type { Command } from 'commander';
import type { Config } from '../config/config.js';
import { loadConfig } from '../config/load.js';
import { createLogger, type Logger } from '../logger.js';

/** What every subcommand gets: lazily parsed config (so `--help` works with a bad env) and a logger. */
export interface CliContext {
  config(): Config;
  logger(): Logger;
  /** Where command output goes (stdout in production; captured in tests). */
  out(line: string): void;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

export function createCliContext(env: Readonly<Record<string, string | undefined>>, cwd: string, out: (line: string) => void): CliContext {
  let config: Config | undefined;
  let logger: Logger | undefined;
  const ctx: CliContext = {
    env,
    cwd,
    out,
    config() {
      config ??= loadConfig(env, cwd);
      return config;
    },
    logger() {
      logger ??= createLogger(ctx.config().logLevel);
      return logger;
    },
  };
  return ctx;
}

/** A subcommand module: adds itself to the program. */
export type RegisterCommand = (program: Command, ctx: CliContext) => void;
