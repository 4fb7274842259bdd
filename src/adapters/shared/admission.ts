import { PlatformError } from '../../errors.js';

/** Sizing of one {@link Admission}. */
export interface AdmissionLimits {
  /** Tasks running at once. */
  maxActive: number;
  /** Tasks waiting for a slot; one more is refused at once. */
  maxQueued: number;
  /** How long a task may wait for a slot before it is refused. */
  maxWaitMs: number;
}

/**
 * Refused by an {@link Admission}: nothing of the task ran. Slack gets an error status (and
 * retries the event); a user gets "busy, try again".
 */
export class BusyError extends PlatformError {
  constructor(what: string) {
    super('platform.failed', `I'm busy right now (${what}); please try again in a moment.`);
  }
}

interface Waiter {
  start: () => void;
  /** Unset for a task that waits in line however long it takes ({@link Admission.runInLine}). */
  timer: NodeJS.Timeout | undefined;
}

/**
 * Bounded concurrency with a bounded, time-limited queue: the work towards the database and the
 * encoder never grows past what the pool can serve, and past that load is shed before any of it
 * is done (never a half-done task). Counts what it refused, for the metrics.
 */
export class Admission {
  private active = 0;
  private readonly waiting: Waiter[] = [];
  private refusedCount = 0;

  constructor(
    readonly name: string,
    private readonly limits: AdmissionLimits,
  ) {}

  /** Runs `task` when a slot is free; throws {@link BusyError} (without running it) when the queue is full or the wait too long. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  /**
   * Runs `task` when a slot is free, waiting in line (first come, first served) however long that
   * takes: never refused. For work that must not be dropped and is never asked for again (Discord's
   * gateway events); the concurrency stays bounded, only the line grows. (Trying again after each
   * refusal, with a deadline, lost votes under a burst: retries are not served in order, so under a
   * long backlog some waited past the deadline and were dropped.)
   */
  async runInLine<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire(false);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  /**
   * Asks for a slot now and resolves, once it is held, with the function that gives it back; rejects
   * with {@link BusyError} like {@link run} (never, with `inLine`). For work that must also wait its
   * turn elsewhere ({@link MessageOrder.admitted}): the place in this line is taken at arrival.
   */
  slot(inLine = false): Promise<() => void> {
    return this.acquire(!inLine).then(() => {
      let released = false;
      return () => {
        if (released) return;
        released = true;
        this.release();
      };
    });
  }

  /** Tasks waiting for a slot now. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Tasks running now. */
  get running(): number {
    return this.active;
  }

  /** Tasks refused since start. */
  get refused(): number {
    return this.refusedCount;
  }

  private acquire(refusable = true): Promise<void> {
    if (this.active < this.limits.maxActive) {
      this.active++;
      return Promise.resolve();
    }
    if (refusable && this.waiting.length >= this.limits.maxQueued) return Promise.reject(this.refuse());
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          clearTimeout(waiter.timer);
          resolve();
        },
        timer: refusable
          ? setTimeout(() => {
              const i = this.waiting.indexOf(waiter);
              if (i >= 0) this.waiting.splice(i, 1);
              reject(this.refuse());
            }, this.limits.maxWaitMs)
          : undefined,
      };
      this.waiting.push(waiter);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next waiter: `active` stays the same.
    if (next) next.start();
    else this.active--;
  }

  private refuse(): BusyError {
    this.refusedCount++;
    return new BusyError(this.name);
  }
}
