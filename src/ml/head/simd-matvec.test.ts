import { describe, expect, it } from 'vitest';
import { createRandom, normalSamples } from '../trainer/prng.js';
import { kernelFor, logits, logitsJs, SIMD_MIN_WEIGHTS } from './linear-head.js';
import { allocateMatVec, createMatVec, paddedDim, simdAvailable } from './simd-matvec.js';

/** The plain reference: one row at a time, one sum, in float64. */
function plain(w: Float32Array, rows: number, dim: number, x: Float32Array): number[] {
  return Array.from({ length: rows }, (_, r) => {
    let s = 0;
    for (let d = 0; d < dim; d++) s += w[r * dim + d]! * x[d]!;
    return s;
  });
}

describe('the SIMD matrix × vector kernel', () => {
  it('is available on this Node', () => {
    expect(simdAvailable()).toBe(true);
  });

  it.each([
    [1, 1],
    [3, 5],
    [4, 8],
    [7, 100],
    [13, 768],
    [2000, 768],
  ])('gives the plain answers for %i rows of %i dimensions', (rows, dim) => {
    const random = createRandom(rows * 1000 + dim);
    const w = normalSamples(rows * dim, 1, random);
    const x = normalSamples(dim, 1, random);
    const kernel = createMatVec(w, rows, dim);
    const out = new Float32Array(rows);
    kernel?.run(x, out);
    const want = plain(w, rows, dim, x);
    want.forEach((v, r) => expect(Math.abs((out[r] ?? NaN) - v)).toBeLessThan(1e-4 * Math.sqrt(dim)));
  });

  it('scores the rows asked for, and copies the matrix (later edits are not seen)', () => {
    const w = Float32Array.from({ length: 12 * 3 }, (_, i) => i % 5);
    const kernel = createMatVec(w, 12, 3);
    w.fill(0);
    kernel?.scores.fill(-1);
    kernel?.setQuery(Float32Array.from([1, 1, 1]));
    kernel?.scanRows(5, 2);
    const expected = plain(Float32Array.from({ length: 36 }, (_, i) => i % 5), 12, 3, Float32Array.from([1, 1, 1]));
    expect([...(kernel?.scores.subarray(0, 12) ?? [])].slice(0, 7)).toEqual([-1, -1, -1, -1, -1, ...expected.slice(5, 7)]);
  });

  it('scores one row alone bit for bit as a scan of all rows does', () => {
    const random = createRandom(9);
    const rows = 11;
    const dim = 100;
    const kernel = createMatVec(normalSamples(rows * dim, 1, random), rows, dim)!;
    kernel.setQuery(normalSamples(dim, 1, random));
    kernel.scanRows(0, rows);
    const scanned = [...kernel.scores.subarray(0, rows)];
    for (const r of [10, 3, 0, 7]) expect(kernel.scoreRow(r)).toBe(scanned[r]);
  });

  it('computes over a matrix written in place through `matrix`', () => {
    const kernel = allocateMatVec(5, 8);
    kernel?.matrix.set([1, 0, 0, 0, 0, 0, 0, 2], 8 * 4);
    const out = kernel?.run(Float32Array.from([3, 1, 1, 1, 1, 1, 1, 5]), new Float32Array(5));
    expect([...(out ?? [])]).toEqual([0, 0, 0, 0, 13]);
    expect(paddedDim(100)).toBe(104);
  });
});

describe('logits on large heads', () => {
  it('takes the SIMD path and agrees with the JavaScript kernel and the top class', () => {
    const random = createRandom(5);
    const dim = 768;
    const numClasses = Math.ceil(SIMD_MIN_WEIGHTS / dim) + 3;
    const head = { weights: normalSamples(dim * numClasses, 0.1, random), bias: normalSamples(numClasses, 1, random), dim, numClasses };
    const x = normalSamples(dim, 1, random);
    const fast = logits(head, x);
    expect(kernelFor(head.weights, numClasses, dim)).not.toBeNull();
    const js = logitsJs(head, x);
    js.forEach((v, c) => expect(fast[c]).toBeCloseTo(v, 3));
    const argmax = (a: Float32Array) => a.indexOf(Math.max(...a));
    expect(argmax(fast)).toBe(argmax(js));
  });
});
