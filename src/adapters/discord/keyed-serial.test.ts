import { describe, expect, it } from 'vitest';
import { KeyedSerial } from './keyed-serial.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('KeyedSerial', () => {
  it('runs one key in arrival order (even when an earlier task is slower or fails), other keys alongside', async () => {
    const q = new KeyedSerial();
    const log: string[] = [];
    const task = (name: string, ms: number, fail = false) => async () => {
      log.push(`start ${name}`);
      await sleep(ms);
      log.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };
    const a = q.run('m', task('a', 20, true));
    const b = q.run('m', task('b', 1));
    const c = q.run('other', task('c', 1));
    await expect(a).rejects.toThrow('a');
    expect(await b).toBe('b');
    expect(await c).toBe('c');
    expect(log.filter((l) => !l.endsWith('c'))).toEqual(['start a', 'end a', 'start b', 'end b']);
    expect(log.indexOf('end c')).toBeLessThan(log.indexOf('end a'));
  });
});
