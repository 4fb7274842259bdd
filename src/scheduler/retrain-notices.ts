import type { RetrainQueue, UserNotifier } from '../core/ports.js';
import { retrainNotice } from '../core/render/retrain-outcome.js';
import type { Logger } from '../logger.js';

export interface ServeRetrainNoticesOptions {
  /** How often the queue is read for finished requests (default 5 s). */
  intervalMs?: number;
  /** Tries to tell one requester before giving up (logged; `/attribute-admin status` still shows the run). */
  maxAttempts?: number;
}

/**
 * The chat side of the retrain queue, in every process that serves a chat platform: a retrain
 * queued here (or in another bot process) is run by the trainer process, which may not serve any
 * chat; this takes the finished requests asked for on `notifiers`' platforms from the database and
 * tells each requester its outcome where they asked (see {@link retrainNotice}). Read from the
 * table, not a notification, so a request that finished while no bot ran is told at the next
 * start. Returns a stop function.
 */
export function serveRetrainNotices(queue: RetrainQueue, notifiers: readonly UserNotifier[], logger: Logger, opts: ServeRetrainNoticesOptions = {}): { stop(): Promise<void> } {
  const { intervalMs = 5_000, maxAttempts = 3 } = opts;
  const byPlatform = new Map(notifiers.map((n) => [n.platform, n]));
  let current: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = async () => {
    if (stopped) return;
    for (const row of await queue.takeNotices([...byPlatform.keys()], maxAttempts)) {
      const notifier = byPlatform.get(row.requester.platform);
      const notice = retrainNotice(row.id, row.outcome);
      try {
        if (!notifier) throw new Error(`no notifier for ${row.requester.platform}`);
        await notifier.notify(row.requester, notice.text, notice.visibility);
        logger.info({ request: row.id, ...row.requester, visibility: notice.visibility }, 'queued retrain: told the requester');
      } catch (err) {
        logger.warn({ err, request: row.id, ...row.requester }, 'queued retrain: could not tell the requester; tried again later');
        await queue.returnNotice(row.id);
      }
    }
  };
  const run = () => {
    current = current.then(tick).catch((err: unknown) => logger.error({ err }, 'retrain notices failed'));
  };
  run();
  const timer = setInterval(run, intervalMs);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
