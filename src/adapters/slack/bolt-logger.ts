import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../logger.js';

/**
 * Bolt and its Web API client log through a `@slack/logger` interface; this routes those lines into
 * the application's pino logger so they share its level, format and destination.
 *
 * Bolt passes free-form arguments; an `Error` among them goes to pino's `err` field so its cause
 * chain is serialized, the rest become the message.
 */
export function toBoltLogger(logger: Logger): BoltLogger {
  const emit = (asked: 'debug' | 'info' | 'warn' | 'error', args: unknown[]) => {
    // Bolt's receiver says this for every event answered with an error status; the app's error
    // handler has already logged why at its level (a refused vote under load is only a warning).
    const level = asked === 'error' && args[0] === BOLT_ERROR_STATUS_LINE ? 'debug' : asked;
    const err = args.find((a): a is Error => a instanceof Error);
    const msg = args
      .filter((a) => a !== err)
      .map((a) => (typeof a === 'string' ? a : safeJson(a)))
      .join(' ');
    if (err) logger[level]({ err }, msg || err.message);
    else logger[level](msg);
  };
  return {
    debug: (...args: unknown[]) => emit('debug', args),
    info: (...args: unknown[]) => emit('info', args),
    warn: (...args: unknown[]) => emit('warn', args),
    error: (...args: unknown[]) => emit('error', args),
    // pino's level is the application's to set; Bolt asking to change it is ignored on purpose.
    setLevel: () => undefined,
    getLevel: () => toBoltLevel(logger.level),
    setName: () => undefined,
  };
}

const BOLT_ERROR_STATUS_LINE = 'An unhandled error occurred while Bolt processed an event';

function toBoltLevel(level: string): LogLevel {
  if (level === 'trace' || level === 'debug') return LogLevel.DEBUG;
  if (level === 'info') return LogLevel.INFO;
  if (level === 'warn') return LogLevel.WARN;
  return LogLevel.ERROR;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
