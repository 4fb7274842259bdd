import { describe, expect, it } from 'vitest';
import { Admission, BusyError } from './admission.js';
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

  it('admitted: takes its place in the admission line at arrival, so a message\'s later vote does not wait twice', async () => {
    const q = new MessageOrder(() => undefined);
    const votes = new Admission('votes', { maxActive: 1, maxQueued: 10, maxWaitMs: 60_000 });
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(name);
      await sleep(2);
      return name;
    };
    // m1 twice, then m2: m1's second vote keeps its place ahead of m2 (asked late, it went behind m2).
    const done = await Promise.all([q.admitted('m1', votes, task('m1 first')), q.admitted('m1', votes, task('m1 second')), q.admitted('m2', votes, task('m2'))]);
    expect(done).toEqual(['m1 first', 'm1 second', 'm2']);
    expect(log).toEqual(['m1 first', 'm1 second', 'm2']);
    expect([votes.running, votes.queued]).toEqual([0, 0]);
  });

  it('admitted: a refused vote runs nothing and frees the ones behind it; in line, none is refused', async () => {
    const q = new MessageOrder(() => undefined);
    const votes = new Admission('votes', { maxActive: 1, maxQueued: 0, maxWaitMs: 60_000 });
    const ran: string[] = [];
    const task = (name: string) => async () => {
      ran.push(name);
      await sleep(2);
      return name;
    };
    const first = q.admitted('m', votes, task('a'));
    const refused = q.admitted('m', votes, task('b'));
    const inLine = q.admitted('m', votes, task('c'), true);
    await expect(refused).rejects.toBeInstanceOf(BusyError);
    expect([await first, await inLine]).toEqual(['a', 'c']);
    expect(ran).toEqual(['a', 'c']);
    expect([votes.running, votes.queued, votes.refused]).toEqual([0, 0, 1]);
  });

  it('posted: waits for the posts of its channel tracked so far (stored or failed), not for other channels', async () => {
    const q = new MessageOrder(() => undefined);
    const log: string[] = [];
    let finish: () => void = () => undefined;
    const slow = q.post('c1', new Promise<void>((r) => (finish = r)).then(() => void log.push('posted c1')));
    void q.post('c2', new Promise<void>(() => undefined));
    const failed = q.post('c1', Promise.reject(new Error('no id')));
    await expect(failed).rejects.toThrow('no id');
    const waiting = q.posted('c1').then(() => log.push('vote c1'));
    await q.posted('c3');
    log.push('vote c3');
    finish();
    await Promise.all([slow, waiting]);
    expect(log).toEqual(['vote c3', 'posted c1', 'vote c1']);
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
