import { describe, expect, it } from 'vitest';
import { cachedNextRun, nextRun } from './next-run.js';

describe('nextRun', () => {
  const evening = new Date('2026-12-01T21:15:30Z');

  it('finds the next firing of a daily schedule, in the given time zone', () => {
    expect(nextRun('0 3 * * *', 'UTC', evening)?.toISOString()).toBe('2026-12-02T03:00:00.000Z');
    expect(nextRun('0 3 * * *', 'Europe/Berlin', evening)?.toISOString()).toBe('2026-12-02T02:00:00.000Z');
    expect(nextRun('17 * * * *', 'UTC', evening)?.toISOString()).toBe('2026-12-01T21:17:00.000Z');
  });

  it('is null for an invalid expression or one that fires later than eight days', () => {
    expect(nextRun('not cron', 'UTC', evening)).toBeNull();
    expect(nextRun('0 3 29 2 *', 'UTC', evening)).toBeNull();
  });

  it('keeps its answer until that time has passed', () => {
    const next = cachedNextRun('0 3 * * *', 'UTC');
    expect(next(evening)?.toISOString()).toBe('2026-12-02T03:00:00.000Z');
    expect(next(new Date('2026-12-02T02:59:00Z'))?.toISOString()).toBe('2026-12-02T03:00:00.000Z');
    expect(next(new Date('2026-12-02T03:00:30Z'))?.toISOString()).toBe('2026-12-03T03:00:00.000Z');
  });
});
