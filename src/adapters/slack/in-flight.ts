import type { Logger } from '../../logger.js';

/**
 * The listener work that is still running (votes being stored, replies being posted), so that
 * shutting down can let it finish instead of cutting a vote off between the database and Slack.
 */
export class InFlight {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  /** Runs `work`, logging (not throwing) its failure, so a listener never takes the process down. */
  run(what: string, work: () => Promise<void>, context: Record<string, unknown> = {}): Promise<void> {
    const p = (async () => {
      try {
        await work();
      } catch (err) {
        this.logger.error({ err, ...context }, `slack: ${what} failed`);
      }
    })();
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
    return p;
  }

  /** Waits for running work, at most `timeoutMs`; resolves false when some was still running. */
  async drain(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([Promise.allSettled([...this.running]).then(() => true as const), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
