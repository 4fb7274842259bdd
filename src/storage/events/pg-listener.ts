import pg from 'pg';

/** How a lost LISTEN connection is retried: exponential backoff, capped. */
export interface ReconnectPolicy {
  /** First wait after a lost connection (default 100 ms). */
  initialDelayMs: number;
  /** Longest wait between two attempts (default 5 s). */
  maxDelayMs: number;
}

const DEFAULT_POLICY: ReconnectPolicy = { initialDelayMs: 100, maxDelayMs: 5_000 };

type Handler = (payload: string | undefined) => void;

/**
 * One long-lived PostgreSQL connection that LISTENs on any number of channels and comes back by
 * itself: when the server restarts or terminates it, it reconnects with backoff, LISTENs again and
 * then calls the `onReconnected` hooks with the time (this process's clock, ms) the connection was
 * lost (notifications sent while it was away are lost, so those hooks re-read what they follow).
 * Connected lazily on the first subscription, closed with the last.
 */
export class PgListener {
  private client: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly reconnectHooks = new Set<(lostAtMs: number) => void>();
  /** When the connection was lost (the first loss of an outage), until the hooks were told. */
  private lostAtMs: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly onError: (err: unknown) => void = () => undefined,
    private readonly policy: ReconnectPolicy = DEFAULT_POLICY,
  ) {}

  /** LISTENs on `channel` (connecting first if needed); resolves once notifications arrive; returns the unsubscribe. */
  async subscribe(channel: string, handler: Handler, onReconnected?: (lostAtMs: number) => void): Promise<() => Promise<void>> {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`invalid channel name ${channel}`);
    this.closed = false;
    let set = this.handlers.get(channel);
    const fresh = set === undefined;
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
    }
    set.add(handler);
    if (onReconnected) this.reconnectHooks.add(onReconnected);
    await this.ensureConnected();
    if (fresh && this.client) await this.client.query(`LISTEN ${channel}`);
    return async () => {
      set.delete(handler);
      if (onReconnected) this.reconnectHooks.delete(onReconnected);
      if (set.size === 0) this.handlers.delete(channel);
      if (this.handlers.size === 0) await this.close();
    };
  }

  /** Ends the connection and stops reconnecting. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    const c = this.client;
    this.client = undefined;
    await c?.end().catch(() => undefined);
  }

  private async ensureConnected(): Promise<void> {
    if (this.client) return;
    this.connecting ??= this.connect().finally(() => {
      this.connecting = undefined;
    });
    await this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (msg) => {
      for (const h of this.handlers.get(msg.channel) ?? []) h(msg.payload);
    });
    // A lost connection shows up as 'error' and/or 'end'; both lead to one reconnect.
    const lost = (err?: unknown) => {
      if (this.client !== client) return;
      this.client = undefined;
      this.lostAtMs ??= Date.now();
      if (err !== undefined) this.onError(err);
      client.end().catch(() => undefined);
      this.scheduleReconnect(this.policy.initialDelayMs);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${channel}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    this.client = client;
  }

  private scheduleReconnect(delayMs: number): void {
    if (this.closed || this.handlers.size === 0) return;
    this.timer = setTimeout(() => {
      this.connect().then(
        () => {
          const lostAtMs = this.lostAtMs ?? Date.now();
          this.lostAtMs = undefined;
          for (const hook of this.reconnectHooks) hook(lostAtMs);
        },
        (err: unknown) => {
          this.onError(err);
          this.scheduleReconnect(Math.min(delayMs * 2, this.policy.maxDelayMs));
        },
      );
    }, delayMs);
    // A reconnect loop alone must not keep the process alive.
    this.timer.unref();
  }
}
