import cron from 'node-cron';

/** Far enough for any daily or weekly schedule; a rarer one is shown as "later". */
const HORIZON_MINUTES = 8 * 24 * 60;

/**
 * When a cron schedule next fires after `from` (minute resolution, in `timezone`), or null beyond
 * eight days. Checks minute by minute (node-cron has no "next run" for a task that is not running).
 */
export function nextRun(expression: string, timezone: string | undefined, from: Date): Date | null {
  if (!cron.validate(expression)) return null;
  const task = cron.createTask(expression, () => undefined, timezone ? { timezone } : {});
  try {
    const start = Math.floor(from.getTime() / 60_000) + 1;
    for (let m = start; m < start + HORIZON_MINUTES; m++) {
      const at = new Date(m * 60_000);
      if (task.match(at)) return at;
    }
    return null;
  } finally {
    void task.destroy();
  }
}

/**
 * {@link nextRun} remembered until it has passed: matching a date against a schedule in a time
 * zone is slow, and the answer changes once per run.
 */
export function cachedNextRun(expression: string, timezone: string | undefined): (now: Date) => Date | null {
  let cached: { at: Date | null; until: number } | undefined;
  return (now) => {
    if (!cached || now.getTime() >= cached.until) {
      const at = nextRun(expression, timezone, now);
      cached = { at, until: at ? at.getTime() : now.getTime() + 3_600_000 };
    }
    return cached.at;
  };
}
