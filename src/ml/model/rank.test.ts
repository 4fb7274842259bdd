import { describe, expect, it } from 'vitest';
import { FEATURE_COUNT } from './features.js';
import { rank, shownDistribution } from './rank.js';
import type { ScoringModel } from './scoring-model.js';

const model: ScoringModel = {
  encoderId: 'test',
  version: 1,
  labels: ['size', 'taste', 'taste property'],
  head: { dim: 2, numClasses: 3, weights: Float32Array.from([0, 0, 1, 0, 1, 0]), bias: new Float32Array(3) },
  centre: new Float32Array(2),
  labelVectors: new Float32Array(6),
  cosineWeight: 0,
  stack: Float32Array.from({ length: FEATURE_COUNT }, (_, k) => (k === 0 ? 1 : 0)),
};

describe('what a person is shown', () => {
  it('shows WordNet terms by their everyday word, and answers shown by one word are one answer', () => {
    const x = Float32Array.from([3, 0]);
    const { labels, p } = shownDistribution(model, x, 'salty');
    expect(labels).toEqual(['size', 'taste']);
    expect([...p].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    const [first] = rank(model, x, 5, undefined, 'salty');
    expect(first?.label).toBe('taste');
    expect(first?.p).toBeGreaterThan(0.9);
  });
});
