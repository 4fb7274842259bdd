/**
 * A per-key sliding-window rate limiter (in memory, per process). `now` is injectable for tests.
 *
 * @example
 * const limit = rateLimiter(20, 60_000);
 * if (!limit.take('discord:123')) reply('slow down');
 */
export function rateLimiter(max: number, windowMs: number, now: () => number = Date.now) {
  const hits = new Map<string, number[]>();
  return {
    /** Records a hit and returns true, or returns false (recording nothing) when over the limit. */
    take(key: string): boolean {
      const t = now();
      const recent = (hits.get(key) ?? []).filter((h) => t - h < windowMs);
      if (recent.length >= max) {
        hits.set(key, recent);
        return false;
      }
      recent.push(t);
      hits.set(key, recent);
      if (hits.size > 10_000) for (const [k, v] of hits) if (v.every((h) => t - h >= windowMs)) hits.delete(k);
      return true;
    },
    /** Milliseconds until the key may act again. */
    retryAfter(key: string): number {
      const oldest = (hits.get(key) ?? [])[0];
      return oldest === undefined ? 0 : Math.max(0, windowMs - (now() - oldest));
    },
  };
}

export type RateLimiter = ReturnType<typeof rateLimiter>;
