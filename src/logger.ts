import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs on stderr, so stdout stays clean for command output (`--json`). Error causes are
 * serialized by pino's `err` serializer: pass errors as `{ err }`.
 */
export function createLogger(level: string, opts: { name?: string } = {}): Logger {
  return pino({ level, name: opts.name ?? 'attribot', base: undefined }, pino.destination({ fd: 2, sync: true }));
}
