/**
 * Application errors. Every failure a user or an operator can see is an {@link AppError} with a
 * literal `code` (stable, machine-readable), a sentence fit for a user (`message`) and the
 * underlying `cause` for the log.
 *
 * @example
 * throw new ConfigError('config.invalid', 'PORT must be an integer between 1 and 65535', { cause: err });
 */
export type ErrorCode =
  | 'config.invalid'
  | 'db.unreachable'
  | 'db.migration_changed'
  | 'db.migration_failed'
  | 'db.query_failed'
  | 'input.invalid'
  | 'input.rate_limited'
  | 'input.not_found'
  | 'auth.forbidden'
  | 'model.unavailable'
  | 'model.encoder_mismatch'
  | 'encoder.unavailable'
  | 'training.failed'
  | 'training.busy'
  | 'training.no_data'
  | 'platform.failed'
  | 'internal';

/** Process exit codes used by the CLI. */
export const ExitCode = {
  ok: 0,
  failure: 1,
  /** The database (or another required service) could not be reached. */
  unavailable: 2,
  /** The command line or the configuration was invalid. */
  usage: 64,
} as const;

export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }

  /** Exit code the CLI uses when this error ends a command. */
  get exitCode(): number {
    if (this.code === 'db.unreachable') return ExitCode.unavailable;
    if (this.code === 'config.invalid') return ExitCode.usage;
    return ExitCode.failure;
  }
}

export class ConfigError extends AppError {}
export class DatabaseError extends AppError {}
/** Bad user input: shown privately to the user who sent it; nothing is stored. */
export class InputError extends AppError {}
export class ModelError extends AppError {}
export class TrainingError extends AppError {}
export class PlatformError extends AppError {}

/** Wraps anything thrown across a boundary into an {@link AppError}, keeping the original as `cause`. */
export function toAppError(err: unknown, code: ErrorCode = 'internal', message?: string): AppError {
  if (err instanceof AppError) return err;
  const text = err instanceof Error ? err.message : String(err);
  return new AppError(code, message ?? `Something went wrong: ${text}`, { cause: err });
}
