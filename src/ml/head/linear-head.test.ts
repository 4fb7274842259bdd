import { describe, expect, it } from 'vitest';
import { createRandom, normalSamples } from '../trainer/prng.js';
import { assertHeadShape, logits, predictTopK, softmax, topK, type LinearHeadWeights } from './linear-head.js';

function randomHead(dim: number, numClasses: number, seed = 3): LinearHeadWeights {
  const random = createRandom(seed);
  return { weights: normalSamples(dim * numClasses, 1, random), bias: normalSamples(numClasses, 1, random), dim, numClasses };
}

function naiveLogits(head: LinearHeadWeights, x: Float32Array): number[] {
  return Array.from({ length: head.numClasses }, (_, c) => {
    let s = head.bias[c]!;
    for (let d = 0; d < head.dim; d++) s += head.weights[c * head.dim + d]! * x[d]!;
    return s;
  });
}

describe('logits', () => {
  it.each([
    [1, 5],
    [3, 4],
    [4, 7],
    [7, 1],
    [32, 9],
    [33, 10],
  ])('matches a plain dot product for dim %i and %i classes', (dim, numClasses) => {
    const head = randomHead(dim, numClasses);
    const x = normalSamples(dim, 1, createRandom(9));
    const got = logits(head, x);
    naiveLogits(head, x).forEach((v, c) => expect(got[c]).toBeCloseTo(v, 4));
  });

  it('rejects an embedding of the wrong size', () => {
    expect(() => logits(randomHead(4, 2), new Float32Array(5))).toThrow(/5 dimensions; the head expects 4/);
  });
});

describe('softmax', () => {
  it('gives probabilities that sum to 1 and keep the order', () => {
    const p = softmax(Float32Array.from([1, 3, 2]));
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(p[1]).toBeGreaterThan(p[2]!);
    expect(p[2]).toBeGreaterThan(p[0]!);
  });

  it('stays finite for huge logits', () => {
    const p = softmax(Float32Array.from([1e30, 1e30 - 1e24, -1e30]));
    expect(Array.from(p).every(Number.isFinite)).toBe(true);
    expect(p[0]! + p[1]! + p[2]!).toBeCloseTo(1, 6);
  });
});

describe('topK', () => {
  it('returns the k best, best first, lower index on ties', () => {
    expect(topK([0.1, 0.5, 0.3, 0.5, 0.2], 3)).toEqual([
      { index: 1, score: 0.5 },
      { index: 3, score: 0.5 },
      { index: 2, score: 0.3 },
    ]);
  });

  it('handles k larger than the list, zero and NaN scores', () => {
    expect(topK([2, Number.NaN, 1], 10).map((s) => s.index)).toEqual([0, 2]);
    expect(topK([1, 2], 0)).toEqual([]);
  });

  it('agrees with a full sort on random scores', () => {
    const scores = normalSamples(1000, 1, createRandom(4));
    const sorted = Array.from(scores, (score, index) => ({ index, score })).sort((a, b) => b.score - a.score);
    expect(topK(scores, 10)).toEqual(sorted.slice(0, 10));
  });
});

describe('predictTopK and assertHeadShape', () => {
  it('ranks the class whose weights match the embedding first', () => {
    const head: LinearHeadWeights = { weights: Float32Array.from([1, 0, 0, 1]), bias: new Float32Array(2), dim: 2, numClasses: 2 };
    const [first] = predictTopK(head, Float32Array.from([0, 3]), 1);
    expect(first?.index).toBe(1);
    expect(first?.score).toBeGreaterThan(0.9);
  });

  it('names a shape mismatch', () => {
    expect(() => assertHeadShape({ weights: new Float32Array(5), bias: new Float32Array(2), dim: 3, numClasses: 2 })).toThrow(/needs 6 weights/);
  });
});
