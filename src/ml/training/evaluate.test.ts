import { describe, expect, it } from 'vitest';
import { FEATURE_COUNT, FEATURES } from '../model/features.js';
import type { ScoringModel } from '../model/scoring-model.js';
import { acceptedAsShown, evaluate } from './evaluate.js';

const dim = 2;
const stack = new Float32Array(FEATURE_COUNT);
stack[FEATURES.indexOf('head')] = 1;

/** Two classes the head tells apart by the first or second coordinate: taste (WordNet's "taste property") and size. */
const model: ScoringModel = {
  encoderId: 'test',
  version: 1,
  labels: ['taste property', 'size'],
  aliases: [['taste property'], ['size', 'magnitude']],
  head: { dim, numClasses: 2, weights: Float32Array.from([4, 0, 0, 4]), bias: new Float32Array(2) },
  centre: new Float32Array(dim),
  labelVectors: new Float32Array(2 * dim),
  cosineWeight: 0,
  stack,
};

describe('acceptedAsShown', () => {
  it("counts a WordNet term of several words as the word its class is shown by, and nothing else", () => {
    expect([...acceptedAsShown(model, ['taste property'])].sort()).toEqual(['taste', 'taste property']);
    // A single-word label is taken as it is: an alias of a class is not its shown label.
    expect([...acceptedAsShown(model, ['magnitude'])]).toEqual(['magnitude']);
    expect([...acceptedAsShown(model, ['body weight'])]).toEqual(['body weight']);
  });
});

describe('evaluate', () => {
  it('scores what users see: "tasty" shown as taste is right for a set labelled "taste property"; an alias is not', () => {
    const x = [Float32Array.from([1, 0]), Float32Array.from([0, 1])];
    const m = evaluate(model, [{ phrase: 'tasty', accepted: ['taste property'] }, { phrase: 'huge', accepted: ['magnitude'] }], x);
    expect(m.n).toBe(2);
    expect(m.top1).toBe(0.5);
    const both = evaluate(model, [{ phrase: 'tasty', accepted: ['taste property'] }, { phrase: 'huge', accepted: ['size'] }], x);
    expect(both.top1).toBe(1);
  });
});
