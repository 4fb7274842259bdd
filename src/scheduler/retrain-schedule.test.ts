import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { RetrainRequest } from '../core/types.js';
import { scheduleRetrain } from './retrain-schedule.js';

describe('scheduleRetrain', () => {
  it('refuses a bad cron expression with a clear configuration error', () => {
    expect(() => scheduleRetrain({ retrain: () => Promise.resolve({ status: 'busy' }) }, 'every night', undefined, pino({ level: 'silent' }))).toThrow(
      /RETRAIN_CRON "every night" is not a cron expression/,
    );
  });

  it('runs a cron-triggered retrain (which skips when nothing changed) at the scheduled time', async () => {
    const requests: RetrainRequest[] = [];
    const schedule = scheduleRetrain(
      {
        retrain(req) {
          requests.push(req);
          return Promise.resolve({ status: 'busy' });
        },
      },
      '* * * * * *',
      'UTC',
      pino({ level: 'silent' }),
    );
    try {
      await expect.poll(() => requests.length, { timeout: 3000 }).toBeGreaterThan(0);
      expect(requests[0]).toEqual({ trigger: 'cron', requestedBy: null });
    } finally {
      schedule.stop();
    }
  });
});
