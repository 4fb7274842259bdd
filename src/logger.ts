import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs on stderr, so stdout stays clean for command output (`--json`), or appended to `file`
 * (the console, where stderr shares the terminal with the conversation). Error causes are
 * serialized by pino's `err` serializer: pass errors as `{ err }`.
 */
export function createLogger(level: string, opts: { name?: string; file?: string } = {}): Logger {
  const destination = opts.file === undefined ? pino.destination({ fd: 2, sync: true }) : pino.destination({ dest: opts.file, sync: true, mkdir: true, append: true });
  return pino({ level, name: opts.name ?? 'attribot', base: undefined }, destination);
}
