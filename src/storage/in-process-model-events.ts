import { EventEmitter } from 'node:events';
import type { ModelEvents } from '../core/ports.js';

// Event names inside one emitter; PostgreSQL's channel names (model-events.ts) never meet these.
const ACTIVATED = 'activated';
const TAUGHT = 'taught';

/**
 * Model activations and taught phrases broadcast inside one process (PGlite has a single owner).
 * Apart from `postgresModelEvents` (model-events.ts) so that opening PGlite never loads `pg`.
 */
export function inProcessModelEvents(): ModelEvents {
  const emitter = new EventEmitter();
  const subscribe = <A extends unknown[]>(channel: string, fn: (...args: A) => void) => {
    const h = (...args: unknown[]) => fn(...(args as A));
    emitter.on(channel, h);
    return Promise.resolve(async () => {
      emitter.off(channel, h);
      return Promise.resolve();
    });
  };
  return {
    async publishActivated(encoderId, modelId) {
      emitter.emit(ACTIVATED, encoderId, modelId);
      return Promise.resolve();
    },
    onActivated: (fn) => subscribe(ACTIVATED, fn),
    async publishTaught(phrase) {
      emitter.emit(TAUGHT, phrase);
      return Promise.resolve();
    },
    onTaught: (fn) => subscribe(TAUGHT, fn),
  };
}
