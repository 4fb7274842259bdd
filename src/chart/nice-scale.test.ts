import { describe, expect, it } from 'vitest';
import { niceScale } from './nice-scale.js';

describe('niceScale', () => {
  it('covers the range with round steps', () => {
    expect(niceScale(0.27, 0.43)).toMatchObject({ min: 0.25, max: 0.45, step: 0.05, ticks: [0.25, 0.3, 0.35, 0.4, 0.45], decimals: 2 });
    expect(niceScale(25, 200, 4)).toMatchObject({ min: 0, max: 200, ticks: [0, 50, 100, 150, 200], decimals: 0 });
    expect(niceScale(0, 1)).toMatchObject({ min: 0, max: 1, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
  });

  it('does not add a step for values that are exact multiples (0.3 / 0.1)', () => {
    expect(niceScale(0.1, 0.3, 2).ticks).toEqual([0.1, 0.2, 0.3]);
  });

  it('widens an empty range around the value', () => {
    const s = niceScale(0.5, 0.5);
    expect(s.min).toBeLessThan(0.5);
    expect(s.max).toBeGreaterThan(0.5);
    expect(niceScale(0, 0).ticks.length).toBeGreaterThan(1);
    expect(niceScale(7, 7, 5, true)).toMatchObject({ min: 6, max: 8, ticks: [6, 7, 8] });
  });

  it('keeps integer steps whole', () => {
    const s = niceScale(1, 4, 8, true);
    expect(s.step).toBe(1);
    expect(s.ticks).toEqual([1, 2, 3, 4]);
    expect(niceScale(1, 40, 8, true).ticks.every(Number.isInteger)).toBe(true);
  });
});
