import type { ChatContext } from '../core/chat/chat-core.js';
import type { ChatCore } from '../core/chat/chat-core.js';
import type { Logger } from '../logger.js';

/** A dashboard-started retrain: its progress lines and, once done, the outcome text. */
export interface RetrainJobState {
  startedBy: string;
  startedAt: Date;
  lines: string[];
  done: boolean;
  result: string | null;
}

/** Progress lines kept for the page (the newest). */
const MAX_LINES = 200;

/**
 * Runs `/attribute-admin retrain` (the chat command's use case, audited the same way) in the
 * background and keeps its progress for the models page. One at a time per process.
 */
export function retrainJobs(core: ChatCore, logger: Logger) {
  let current: RetrainJobState | null = null;
  return {
    state(): RetrainJobState | null {
      return current;
    },
    /** Starts a retrain unless one started here is still running; false then. */
    start(ctx: ChatContext, force: boolean): boolean {
      if (current && !current.done) return false;
      const job: RetrainJobState = { startedBy: `${ctx.platform}:${ctx.userId}`, startedAt: new Date(), lines: [], done: false, result: null };
      current = job;
      const push = (line: string) => {
        job.lines.push(line);
        if (job.lines.length > MAX_LINES) job.lines.shift();
        return Promise.resolve();
      };
      core.admin(ctx, force ? 'retrain force' : 'retrain', push).then(
        (reply) => {
          job.result = reply.text;
          job.done = true;
        },
        (err: unknown) => {
          logger.error({ err }, 'dashboard: retrain failed');
          job.result = `The retrain failed: ${err instanceof Error ? err.message : String(err)}`;
          job.done = true;
        },
      );
      return true;
    },
  };
}

export type RetrainJobs = ReturnType<typeof retrainJobs>;
