import { describe, expect, it } from 'vitest';
import { createRandom } from '../../trainer/prng.js';
import { TopKBuffer } from './top-k-buffer.js';

describe('TopKBuffer', () => {
  it('keeps the k best of many, best first, as a full sort would', () => {
    const random = createRandom(11);
    const scores = Float32Array.from({ length: 5000 }, () => random());
    const buffer = new TopKBuffer(32);
    buffer.reset(20);
    buffer.offerRange(scores, 0, scores.length, 0);
    const sorted = [...scores.keys()].sort((a, b) => scores[b]! - scores[a]!).slice(0, 20);
    expect(buffer.size).toBe(20);
    expect([...buffer.ids.subarray(0, 20)]).toEqual(sorted);
  });

  it('keeps the earlier of equal scores, ignores NaN and clamps k', () => {
    const buffer = new TopKBuffer(2);
    buffer.reset(5);
    [1, Number.NaN, 3, 3, 2].forEach((s, i) => buffer.offer(i, s));
    expect([...buffer.ids]).toEqual([2, 3]);
    buffer.reset(0);
    buffer.offer(9, 100);
    expect(buffer.size).toBe(0);
  });
});
