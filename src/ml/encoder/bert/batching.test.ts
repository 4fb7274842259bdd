import { describe, expect, it } from 'vitest';
import { makeBatches, truncateIds } from './batching.js';

describe('truncateIds', () => {
  it('keeps short sequences and ends long ones with their separator', () => {
    expect(truncateIds([101, 5, 102], 8)).toEqual([101, 5, 102]);
    expect(truncateIds([101, 1, 2, 3, 4, 102], 4)).toEqual([101, 1, 2, 102]);
  });
});

describe('makeBatches', () => {
  it('groups by length, pads on the right and remembers each phrase index', () => {
    const batches = makeBatches([[1, 7, 7, 2], [1, 2], [1, 8, 2]], 2, 0);
    expect(batches.map((b) => b.indices)).toEqual([[1, 2], [0]]);
    const [first] = batches;
    expect(first?.seqLen).toBe(3);
    expect(first?.lengths).toEqual([2, 3]);
    expect([...(first?.inputIds ?? [])]).toEqual([1n, 2n, 0n, 1n, 8n, 2n]);
    expect([...(first?.attentionMask ?? [])]).toEqual([1n, 1n, 0n, 1n, 1n, 1n]);
    expect([...(first?.tokenTypeIds ?? [])]).toEqual([0n, 0n, 0n, 0n, 0n, 0n]);
  });
});
