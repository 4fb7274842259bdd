import { describe, expect, it } from 'vitest';
import { scoredAs } from './scored-as.js';

const head = { dim: 1, numClasses: 1, weights: new Float32Array(1), bias: new Float32Array(1) };
const model = { folds: { heads: [head, head] as const, seed: new Map([['mid', 0 as const]]) } };

describe('scoredAs', () => {
  it('scores a phrase as the seed phrase its content words are', () => {
    expect(scoredAs(model, 'kinda mid', { content: ['mid'] })).toBe('mid');
  });

  it('keeps the phrase when its content words are no seed phrase, are taught, or are unknown', () => {
    expect(scoredAs(model, 'kinda new', { content: ['new'] })).toBe('kinda new');
    expect(scoredAs({ ...model, taught: new Map([['mid', { classes: [0], probs: [1] }]]) }, 'kinda mid', { content: ['mid'] })).toBe('kinda mid');
    expect(scoredAs(model, 'kinda mid', undefined)).toBe('kinda mid');
    expect(scoredAs({}, 'kinda mid', { content: ['mid'] })).toBe('kinda mid');
  });
});
