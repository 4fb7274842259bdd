import { describe, expect, it } from 'vitest';
import { createRandom, normalSamples, shuffleInPlace } from './prng.js';

describe('prng', () => {
  it('repeats a sequence for the same seed and stream, and differs otherwise', () => {
    const take = (seed: number, stream?: number): number[] => {
      const random = createRandom(seed, stream);
      return Array.from({ length: 5 }, () => random());
    };
    expect(take(1)).toEqual(take(1));
    expect(take(1)).not.toEqual(take(2));
    expect(take(1, 0)).not.toEqual(take(1, 1));
    expect(take(3).every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it('shuffles into a permutation', () => {
    const values = shuffleInPlace(Int32Array.from({ length: 100 }, (_, i) => i), createRandom(4));
    expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(Array.from(values)).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('draws normal samples with roughly the requested spread', () => {
    const samples = normalSamples(20_001, 2, createRandom(5));
    const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
    const std = Math.sqrt(samples.reduce((a, b) => a + (b - mean) ** 2, 0) / samples.length);
    expect(Math.abs(mean)).toBeLessThan(0.1);
    expect(std).toBeGreaterThan(1.9);
    expect(std).toBeLessThan(2.1);
  });
});
