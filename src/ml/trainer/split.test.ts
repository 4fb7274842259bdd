import { describe, expect, it } from 'vitest';
import { createRandom } from './prng.js';
import { splitTrainValidation } from './split.js';

describe('splitTrainValidation', () => {
  it('holds out the requested share, disjoint from training and covering every example', () => {
    const { train, validation } = splitTrainValidation(1000, 0.1, createRandom(1));
    expect(validation).toHaveLength(100);
    expect(train).toHaveLength(900);
    expect(new Set([...train, ...validation]).size).toBe(1000);
  });

  it('never holds out a kept example', () => {
    const keep = Int32Array.from({ length: 50 }, (_, i) => i * 2);
    const { validation } = splitTrainValidation(100, 0.5, createRandom(2), keep);
    expect(validation).toHaveLength(50);
    expect(Array.from(validation).every((i) => i % 2 === 1)).toBe(true);
  });

  it('is repeatable for a seed and leaves at least one training example', () => {
    expect(Array.from(splitTrainValidation(30, 0.2, createRandom(5)).validation)).toEqual(Array.from(splitTrainValidation(30, 0.2, createRandom(5)).validation));
    expect(splitTrainValidation(1, 0.9, createRandom(1)).train).toHaveLength(1);
    expect(splitTrainValidation(10, 0, createRandom(1)).validation).toHaveLength(0);
  });
});
