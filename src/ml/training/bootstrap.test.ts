import { describe, expect, it } from 'vitest';
import { createRandom } from '../trainer/prng.js';
import { bootstrapInterval, calibratedEceFloor } from './bootstrap.js';
import type { Confidence } from './calibration.js';

const share = (s: readonly boolean[]) => s.filter(Boolean).length / s.length;

describe('bootstrapInterval', () => {
  it('covers the share it resamples, and narrows as the set grows (about 1/√n)', () => {
    const small = Array.from({ length: 88 }, (_, i) => i % 2 === 0);
    const large = Array.from({ length: 88 * 16 }, (_, i) => i % 2 === 0);
    const [lo, hi] = bootstrapInterval(small, share, { seed: 3 });
    const [loL, hiL] = bootstrapInterval(large, share, { seed: 3 });
    expect(lo).toBeLessThan(0.5);
    expect(hi).toBeGreaterThan(0.5);
    // A binomial share at n = 88: 95% of resamples within ≈ ±1.96·√(0.25/88) ≈ ±0.10.
    expect(hi - lo).toBeGreaterThan(0.15);
    expect(hi - lo).toBeLessThan(0.25);
    expect((hi - lo) / (hiL - loL)).toBeGreaterThan(3);
    expect((hi - lo) / (hiL - loL)).toBeLessThan(5);
  });

  it('repeats exactly with the same seed, and is a single point for a constant statistic', () => {
    const items = Array.from({ length: 40 }, (_, i) => i % 3 === 0);
    expect(bootstrapInterval(items, share, { seed: 9 })).toEqual(bootstrapInterval(items, share, { seed: 9 }));
    expect(bootstrapInterval(items, () => 0.25)).toEqual([0.25, 0.25]);
    expect(bootstrapInterval([], share)).toEqual([0, 0]);
  });
});

describe('calibratedEceFloor', () => {
  it('is what a calibrated scorer shows by chance: large on 88 answers, small on thousands', () => {
    const random = createRandom(5);
    const confidences = (n: number): Confidence[] => Array.from({ length: n }, () => ({ p: 0.2 + 0.7 * random(), correct: false }));
    const small = calibratedEceFloor(confidences(88));
    const large = calibratedEceFloor(confidences(5000));
    expect(small).toBeGreaterThan(0.04);
    expect(large).toBeLessThan(0.025);
    expect(small).toBeGreaterThan(3 * large);
  });

  it('is zero when every answer is certain', () => {
    expect(calibratedEceFloor([{ p: 1, correct: true }, { p: 1, correct: false }])).toBe(0);
  });
});
