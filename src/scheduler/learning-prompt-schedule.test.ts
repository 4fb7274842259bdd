import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { LearningPromptOutcome } from '../core/learning/learning-prompts.js';
import { scheduleLearningPrompts } from './learning-prompt-schedule.js';

/** A logger whose lines (pino JSON) land in `lines`. */
function capture() {
  const lines: { level: number; msg: string; [k: string]: unknown }[] = [];
  const logger = pino({ level: 'debug', base: undefined }, { write: (s: string) => void lines.push(JSON.parse(s) as (typeof lines)[number]) });
  return { lines, logger };
}

describe('scheduleLearningPrompts', () => {
  it('refuses a bad cron expression with a clear configuration error', () => {
    expect(() => scheduleLearningPrompts(() => Promise.resolve({ kind: 'nothing' }), 'hourly', undefined, pino({ level: 'silent' }))).toThrow(
      /LEARNING_PROMPT_CRON "hourly" is not a cron expression/,
    );
  });

  it('runs a round at the scheduled time and logs what it posted, what failed, or that there was nothing to ask', async () => {
    const outcomes: LearningPromptOutcome[] = [
      { kind: 'nothing' },
      {
        kind: 'asked',
        phrase: 'chonky',
        posted: [{ platform: 'discord', channelId: '42', predictionId: 7 }],
        failed: [{ platform: 'slack', channelId: 'CX', error: new Error('not_in_channel') }],
      },
    ];
    let rounds = 0;
    const { lines, logger } = capture();
    const schedule = scheduleLearningPrompts(() => Promise.resolve(outcomes[rounds++] ?? { kind: 'nothing' }), '* * * * * *', 'UTC', logger);
    try {
      await expect.poll(() => rounds, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
    } finally {
      await schedule.stop();
    }
    const stopped = rounds;
    expect(lines.find((l) => l.msg.startsWith('learning prompt skipped'))?.level).toBe(30);
    expect(lines.find((l) => l.msg === 'learning prompt could not be posted')).toMatchObject({ level: 40, platform: 'slack', channelId: 'CX', err: { message: 'not_in_channel' } });
    expect(lines.find((l) => l.msg === 'learning prompt posted')).toMatchObject({ level: 30, phrase: 'chonky', posted: [{ platform: 'discord', channelId: '42', predictionId: 7 }] });
    await new Promise((r) => setTimeout(r, 1200));
    expect(rounds).toBe(stopped);
  });

  it('a failing round is logged as an error and the schedule goes on', async () => {
    let rounds = 0;
    const { lines, logger } = capture();
    const schedule = scheduleLearningPrompts(() => (rounds++ === 0 ? Promise.reject(new Error('db down')) : Promise.resolve({ kind: 'nothing' })), '* * * * * *', undefined, logger);
    try {
      await expect.poll(() => rounds, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
    } finally {
      await schedule.stop();
    }
    expect(lines.find((l) => l.msg === 'learning prompt failed')).toMatchObject({ level: 50, err: { message: 'db down' } });
  });
});
