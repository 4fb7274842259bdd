/**
 * Serializes writes per key and coalesces the waiting ones to the latest. A burst of votes on one
 * prediction message becomes a handful of edits showing the final count (instead of hundreds of
 * PATCHes queued behind Discord's rate limit), and edits of one message never race each other.
 * With `minGapMs`, a write that was waiting starts at least that long after the previous one ended,
 * so the coalescing does not depend on how fast the votes and the platform happen to be.
 */
export class LatestWins {
  private readonly running = new Map<string, Promise<void>>();
  private readonly pending = new Map<string, () => Promise<void>>();

  constructor(
    private readonly onError: (err: unknown, key: string) => void,
    private readonly minGapMs = 0,
  ) {}

  /** Queues `write` for `key`, replacing a queued (not yet started) write for the same key. */
  schedule(key: string, write: () => Promise<void>): Promise<void> {
    this.pending.set(key, write);
    // A running loop drains `pending` before it ends, so it will pick this write up.
    return this.running.get(key) ?? this.start(key);
  }

  /** Resolves once every queued write has run. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  private start(key: string): Promise<void> {
    const run = (async () => {
      try {
        for (let write = this.pending.get(key); write; write = this.pending.get(key)) {
          this.pending.delete(key);
          await write().catch((err: unknown) => this.onError(err, key));
          // The run stays open for the gap, so writes arriving meanwhile wait and coalesce.
          if (this.minGapMs > 0) await new Promise((r) => setTimeout(r, this.minGapMs));
        }
      } finally {
        // In the same tick as the last `pending` check: no write can slip in between.
        this.running.delete(key);
      }
    })();
    this.running.set(key, run);
    return run;
  }
}
