import { describe, expect, it } from 'vitest';
import { Admission, BusyError } from './admission.js';

describe('Admission', () => {
  it('runs at most maxActive at once, queues maxQueued, refuses the rest without running them', async () => {
    const a = new Admission('votes', { maxActive: 2, maxQueued: 3, maxWaitMs: 10_000 });
    let running = 0;
    let peak = 0;
    let ran = 0;
    const gates: (() => void)[] = [];
    const task = () =>
      a.run(async () => {
        ran++;
        running++;
        peak = Math.max(peak, running);
        await new Promise<void>((r) => gates.push(r));
        running--;
      });
    const results = Array.from({ length: 7 }, () => task().then(() => 'ok', (e: unknown) => e));
    await new Promise((r) => setTimeout(r, 10));
    expect([a.running, a.queued, a.refused]).toEqual([2, 3, 2]);
    while (gates.length > 0 || ran < 5) {
      gates.shift()?.();
      await new Promise((r) => setTimeout(r, 1));
    }
    const settled = await Promise.all(results);
    expect(settled.filter((r) => r === 'ok')).toHaveLength(5);
    expect(settled.filter((r) => r instanceof BusyError)).toHaveLength(2);
    expect(peak).toBe(2);
    expect(ran).toBe(5);
    expect([a.running, a.queued]).toEqual([0, 0]);
  });

  it('refuses a task that waited longer than maxWaitMs, and a failing task frees its slot', async () => {
    const a = new Admission('commands', { maxActive: 1, maxQueued: 10, maxWaitMs: 20 });
    let release: () => void = () => undefined;
    const first = a.run(() => new Promise<void>((r) => (release = r)));
    await expect(a.run(() => Promise.resolve('late'))).rejects.toBeInstanceOf(BusyError);
    release();
    await first;
    await expect(a.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await a.run(() => Promise.resolve('next'))).toBe('next');
    expect(a.refused).toBe(1);
  });

  it('runInLine (events never redelivered): waits in line past maxWaitMs and maxQueued, served in arrival order, never refused', async () => {
    const a = new Admission('votes', { maxActive: 1, maxQueued: 2, maxWaitMs: 5 });
    let release: () => void = () => undefined;
    const first = a.run(() => new Promise<void>((r) => (release = r)));
    const order: number[] = [];
    const waiting = Array.from({ length: 6 }, (_, i) => a.runInLine(() => Promise.resolve(order.push(i))));
    // Far longer than maxWaitMs, with more waiting than maxQueued: still in line, none refused.
    await new Promise((r) => setTimeout(r, 100));
    expect([a.running, a.queued, a.refused]).toEqual([1, 6, 0]);
    // An ordinary task past maxQueued is still refused at once.
    await expect(a.run(() => Promise.resolve())).rejects.toBeInstanceOf(BusyError);
    release();
    await first;
    await Promise.all(waiting);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect([a.running, a.queued]).toEqual([0, 0]);
  });
});
