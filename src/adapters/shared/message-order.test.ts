import { describe, expect, it } from 'vitest';
import { MessageOrder } from './message-order.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('MessageOrder', () => {
  it('runs one key in arrival order (even when an earlier task is slower or fails), other keys alongside', async () => {
    const q = new MessageOrder(() => undefined);
    const log: string[] = [];
    const task = (name: string, ms: number, fail = false) => async () => {
      log.push(`start ${name}`);
      await sleep(ms);
      log.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };
    const a = q.vote('m', task('a', 20, true));
    const b = q.vote('m', task('b', 1));
    const c = q.vote('other', task('c', 1));
    await expect(a).rejects.toThrow('a');
    expect(await b).toBe('b');
    expect(await c).toBe('c');
    expect(log.filter((l) => !l.endsWith('c'))).toEqual(['start a', 'end a', 'start b', 'end b']);
    expect(log.indexOf('end c')).toBeLessThan(log.indexOf('end a'));
  });

  it('edits one message one at a time, coalescing the waiting edits to the newest text', async () => {
    const q = new MessageOrder(() => undefined);
    const sent: string[] = [];
    const send = (t: string) => async () => {
      await sleep(5);
      sent.push(t);
    };
    await Promise.all(['1 vote', '2 votes', '3 votes', '4 votes'].map((t) => q.edit('m', send(t))));
    await q.idle();
    expect(sent).toEqual(['1 vote', '4 votes']);
  });
});
