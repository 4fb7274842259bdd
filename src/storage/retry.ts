/**
 * Retries of database calls that failed for a passing reason (a full pool, a restarting server),
 * so a burst or a failover costs latency instead of a lost vote.
 */

/** Failures before any statement reached the server: safe to retry any call. */
const NOT_SENT = [/timeout exceeded when trying to connect/i, /ECONNREFUSED/, /too many clients/i, /the database system is (starting up|shutting down)/i, /Connection terminated due to connection timeout/i];
/** Failures that may have happened after the statement was sent: retried for idempotent calls only. */
const MAYBE_SENT = [/Connection terminated/i, /ECONNRESET/, /terminating connection/i, /server closed the connection/i, /could not serialize access/i, /deadlock detected/i];
/** PostgreSQL SQLSTATEs: too_many_connections, cannot_connect_now / serialization_failure, deadlock, admin_shutdown. */
const NOT_SENT_CODES = new Set(['53300', '57P03']);
const MAYBE_SENT_CODES = new Set(['40001', '40P01', '57P01', '57P02']);

function messages(err: unknown): { texts: string[]; codes: string[] } {
  const texts: string[] = [];
  const codes: string[] = [];
  for (let e: unknown = err, depth = 0; e !== undefined && e !== null && depth < 5; depth++) {
    if (e instanceof Error) texts.push(e.message);
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    e = (e as { cause?: unknown }).cause;
  }
  return { texts, codes };
}

/** Whether `err` is worth retrying; `idempotent` widens it to failures that may have reached the server. */
export function isTransientDbError(err: unknown, idempotent: boolean): boolean {
  const { texts, codes } = messages(err);
  const matches = (patterns: RegExp[]) => texts.some((t) => patterns.some((p) => p.test(t)));
  if (matches(NOT_SENT) || codes.some((c) => NOT_SENT_CODES.has(c))) return true;
  return idempotent && (matches(MAYBE_SENT) || codes.some((c) => MAYBE_SENT_CODES.has(c)));
}

export interface RetryPolicy {
  /** Tries in all, the first included (default 7: about 6 s of backoff). */
  attempts: number;
  /** Wait before the second try; doubled each time, with jitter (default 50 ms). */
  baseDelayMs: number;
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 7, baseDelayMs: 50 };

/** Runs `fn`, retrying transient database failures with exponential backoff; other errors pass at once. */
export async function withDbRetry<T>(fn: () => Promise<T>, idempotent: boolean, policy: RetryPolicy = DEFAULT_RETRY): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= policy.attempts || !isTransientDbError(err, idempotent)) throw err;
      const delay = policy.baseDelayMs * 2 ** (attempt - 1);
      // Jitter spreads a burst's retries instead of landing them together again.
      await new Promise((r) => setTimeout(r, delay / 2 + Math.random() * delay));
    }
  }
}

/**
 * The same repository with the named methods retried (see {@link withDbRetry}); `idempotent` lists
 * the ones safe to repeat after a failure that may have reached the server.
 */
export function retrying<T extends object>(repo: T, methods: { idempotent: readonly (keyof T)[]; other?: readonly (keyof T)[] }, policy?: RetryPolicy): T {
  const wrapped: T = { ...repo };
  const wrap = (name: keyof T, idempotent: boolean) => {
    const original = repo[name];
    if (typeof original !== 'function') return;
    const fn = original as (...args: unknown[]) => Promise<unknown>;
    (wrapped as Record<keyof T, unknown>)[name] = (...args: unknown[]) => withDbRetry(() => fn.apply(repo, args), idempotent, policy);
  };
  for (const m of methods.idempotent) wrap(m, true);
  for (const m of methods.other ?? []) wrap(m, false);
  return wrapped;
}
