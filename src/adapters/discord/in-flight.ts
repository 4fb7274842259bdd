import type { Logger } from '../../logger.js';

/**
 * Event-handler work still running (a vote being stored, a reply being posted). Handlers run through
 * {@link InFlight.run} so a failure is logged instead of escaping discord.js's emitter (which would
 * crash the process), and so shutting down can let the work finish.
 */
export class InFlight {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  /** Runs `work`, logging (never throwing) its failure with the cause. */
  run(what: string, work: () => Promise<void>, context: Record<string, unknown> = {}): Promise<void> {
    const p = (async () => {
      try {
        await work();
      } catch (err) {
        this.logger.error({ err, ...context }, `discord: ${what} failed`);
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
