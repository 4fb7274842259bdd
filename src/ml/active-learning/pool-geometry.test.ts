import { describe, expect, it } from 'vitest';
import { densities, diverseOrder } from './pool-geometry.js';

const unit = (...v: number[]) => {
  const n = Math.hypot(...v);
  return Float32Array.from(v.map((x) => x / n));
};
// Three near-duplicates along one axis, one outlier along another.
const cluster = [unit(1, 0.05, 0), unit(1, 0, 0.05), unit(1, 0.04, 0.04), unit(0, 0, 1)];

describe('densities', () => {
  it('rates a phrase many others resemble above an outlier', () => {
    const d = densities(cluster, 2);
    expect(d[0]).toBeGreaterThan(0.9);
    expect(d[3]).toBeLessThan(0.2);
    expect(d.every((v) => v >= 0 && v <= 1.0001)).toBe(true);
  });

  it('is zero for a pool of one', () => {
    expect(densities([unit(1, 0)])).toEqual([0]);
  });
});

describe('diverseOrder', () => {
  it('takes the best phrase first, then prefers new ground over a near-duplicate of it', () => {
    const order = diverseOrder([1, 0.95, 0.9, 0.6], cluster);
    expect(order[0]).toBe(0);
    expect(order[1]).toBe(3);
    expect([...order].sort()).toEqual([0, 1, 2, 3]);
  });

  it('follows the scores when every phrase is unlike the others', () => {
    expect(diverseOrder([0.2, 0.9, 0.5], [unit(1, 0, 0), unit(0, 1, 0), unit(0, 0, 1)])).toEqual([1, 2, 0]);
  });
});
