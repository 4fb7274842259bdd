import { describe, expect, it } from 'vitest';
import { buildMemory, neighbourDistribution, rowsDistribution } from './phrase-memory.js';

const v = (...xs: number[]) => {
  const n = Math.hypot(...xs) || 1;
  return Float32Array.from(xs.map((x) => x / n));
};

describe('phrase memory', () => {
  const memory = buildMemory(
    ['hot', 'cold', 'huge', 'zzz'],
    [v(1, 0.1, 0), v(0.9, -0.2, 0), v(0, 0, 1), new Float32Array(3)],
    [
      { classes: [0], probs: [1] },
      { classes: [0], probs: [1] },
      { classes: [1], probs: [1] },
      { classes: [1], probs: [1] },
    ],
    3,
  );

  it('leaves out phrases the encoder could not represent', () => {
    expect(memory.phrases).toEqual(['hot', 'cold', 'huge']);
    expect(memory.byPhrase.get('zzz')).toBeUndefined();
  });

  it('lets the nearest trained phrases vote, the closest most', () => {
    const p = neighbourDistribution(memory, v(1, 0, 0.05), 2, { k: 3, temperature: 0.05 });
    expect(p?.[0]).toBeGreaterThan(0.99);
    const far = neighbourDistribution(memory, v(0.2, 0, 1), 2, { k: 1, temperature: 0.05 });
    expect([...(far ?? [])]).toEqual([0, 1]);
  });

  it('has nothing to say about a zero vector, and averages given rows', () => {
    expect(neighbourDistribution(memory, new Float32Array(3), 2, { k: 3, temperature: 0.05 })).toBeNull();
    expect([...(rowsDistribution(memory, [0, 2], 2) ?? [])]).toEqual([0.5, 0.5]);
    expect(rowsDistribution(memory, [], 2)).toBeNull();
  });
});
