import type { Logger } from '../../logger.js';

/**
 * Platform event work still running (votes being stored, replies being posted). Handlers run
 * through {@link InFlight.run} so a failure is logged instead of escaping the platform library's
 * emitter (which could crash the process), and so shutting down can let the work finish instead
 * of cutting a vote off between the database and the platform.
 */
export class InFlight {
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly logger: Logger,
    private readonly platform: string,
  ) {}

  /** Runs `work`, logging (not throwing) its failure, so a listener never takes the process down. */
  run(what: string, work: () => Promise<void>, context: Record<string, unknown> = {}): Promise<void> {
    const p = (async () => {
      try {
        await work();
      } catch (err) {
        this.logger.error({ err, ...context }, `${this.platform}: ${what} failed`);
      }
    })();
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
    return p;
  }

  /** Counts `work` as running (for {@link InFlight.drain}) without catching its failure: the caller handles it. */
  track<T>(work: Promise<T>): Promise<T> {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.running.add(settled);
    void settled.finally(() => this.running.delete(settled));
    return work;
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
