import { describe, expect, it } from 'vitest';
import { LatestWins } from './latest-wins.js';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('LatestWins', () => {
  it('runs writes of one key one at a time and coalesces the waiting ones to the latest', async () => {
    const done: string[] = [];
    let running = 0;
    const lw = new LatestWins(() => undefined);
    const write = (v: string) => async () => {
      running++;
      expect(running).toBe(1);
      await tick();
      done.push(v);
      running--;
    };
    const all = ['a', 'b', 'c', 'd'].map((v) => lw.schedule('k', write(v)));
    await Promise.all(all);
    expect(done).toEqual(['a', 'd']);
  });

  it('keeps keys independent, reports failures and goes on', async () => {
    const errors: string[] = [];
    const done: string[] = [];
    const lw = new LatestWins((_err, key) => errors.push(key));
    const p1 = lw.schedule('x', () => Promise.reject(new Error('boom')));
    const p2 = lw.schedule('y', () => Promise.resolve(void done.push('y')));
    const p3 = lw.schedule('x', () => Promise.resolve(void done.push('x')));
    await Promise.all([p1, p2, p3]);
    await lw.idle();
    expect(errors).toEqual(['x']);
    expect(done.sort()).toEqual(['x', 'y']);
  });

  it('starts a new run for a write scheduled right after the previous run ended', async () => {
    const done: string[] = [];
    const lw = new LatestWins(() => undefined);
    await lw.schedule('k', () => Promise.resolve(void done.push('1')));
    await lw.schedule('k', () => Promise.resolve(void done.push('2')));
    expect(done).toEqual(['1', '2']);
  });
});
