import { describe, expect, it } from 'vitest';
import { clustered } from '../../../../test/support/clustered-vectors.js';
import { createRandom } from '../../trainer/prng.js';
import { allocateInt8MatVec } from '../int8-matvec.js';
import { createMatVec, type MatVecKernel } from '../simd-matvec.js';
import { buildInt8Prefilter, type RowRange } from './int8-prefilter.js';
import { TopKBuffer } from './top-k-buffer.js';

/** The plain path: every row of the ranges scored on the float kernel and offered in order. */
function fullScan(kernel: MatVecKernel, u: Float32Array, k: number, ranges: readonly RowRange[]): { ids: number[]; scores: number[] } {
  const out = new TopKBuffer(Math.max(1, k));
  out.reset(k);
  kernel.setQuery(u);
  for (const { start, count } of ranges) {
    kernel.scanRows(start, count);
    out.offerRange(kernel.scores, start, count, start);
  }
  return { ids: [...out.ids.subarray(0, out.size)], scores: [...out.scores.subarray(0, out.size)] };
}

describe('the int8 kernel', () => {
  it('gives the exact integer sums', () => {
    const random = createRandom(11);
    const rows = 9;
    const dim = 40; // padded to 48: the padding must not count
    const k = allocateInt8MatVec(rows, dim)!;
    const w = Array.from({ length: rows * dim }, () => Math.round((random() * 2 - 1) * 127));
    const x = Array.from({ length: dim }, () => Math.round((random() * 2 - 1) * k.queryLimit));
    for (let r = 0; r < rows; r++) k.setRow(r, w.slice(r * dim, (r + 1) * dim));
    x.forEach((v, d) => (k.query[d] = v));
    const want = (r: number) => x.reduce((s, v, d) => s + v * w[r * dim + d]!, 0);
    k.scanRows(0, rows);
    for (let r = 0; r < rows; r++) expect(k.scores[r]).toBe(want(r));
    // A range inside a block: the rows asked for are scored.
    k.scores.fill(0);
    k.scanRows(5, 2);
    expect([k.scores[5], k.scores[6]]).toEqual([want(5), want(6)]);
  });
});

describe('the int8 first pass over float rows', () => {
  const dim = 768;
  const base = clustered(2500, dim, 60, 3);
  // Exact duplicates: ties must keep the scan's order.
  const vectors = [...base, base[10]!, base[200]!, base[10]!];
  const rows = vectors.length;
  const flat = new Float32Array(rows * dim);
  vectors.forEach((v, i) => flat.set(v, i * dim));
  const kernel = createMatVec(flat, rows, dim)!;
  const prefilter = buildInt8Prefilter(kernel, rows, dim)!;
  const all = [{ start: 0, count: rows }];
  const queries = [...clustered(8, dim, 60, 3, 77), base[10]!, base[200]!, Float32Array.from({ length: dim }, (_, d) => Math.sin(d))];

  it('finds the rows, scores and order of a full float scan, ties included', () => {
    const out = new TopKBuffer(64);
    for (const q of queries) {
      for (const k of [1, 3, 20, 21, 64]) {
        prefilter.search(q, k, out, all);
        const want = fullScan(kernel, q, k, all);
        expect([...out.ids.subarray(0, out.size)]).toEqual(want.ids);
        expect([...out.scores.subarray(0, out.size)]).toEqual(want.scores);
      }
    }
  });

  it('scores only a few rows twice', () => {
    const out = new TopKBuffer(64);
    for (const q of queries.slice(0, 8)) {
      prefilter.search(q, 21, out, all);
      expect(prefilter.rescored).toBeGreaterThanOrEqual(21);
      expect(prefilter.rescored).toBeLessThan(rows / 10);
    }
  });

  it('searches ranges in the order given, and a zero query or a large k as a full scan does', () => {
    const out = new TopKBuffer(100);
    const ranges = [{ start: 1800, count: 500 }, { start: 0, count: 300 }, { start: 2500, count: 3 }, { start: 0, count: 0 }];
    for (const q of queries) {
      prefilter.search(q, 20, out, ranges, 3);
      expect([...out.ids.subarray(0, out.size)]).toEqual(fullScan(kernel, q, 20, ranges.slice(0, 3)).ids);
    }
    const zero = new Float32Array(dim);
    prefilter.search(zero, 5, out, all);
    expect([...out.ids.subarray(0, out.size)]).toEqual(fullScan(kernel, zero, 5, all).ids);
    prefilter.search(queries[0]!, 100, out, all);
    expect([...out.ids.subarray(0, out.size)]).toEqual(fullScan(kernel, queries[0]!, 100, all).ids);
  });
});
