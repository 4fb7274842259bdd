import { describe, expect, it } from 'vitest';
import { classes, col, dim, model, phraseOf } from '../../../test/support/untrained-fixture.js';
import { FEATURE_COUNT, openFeatures } from './features.js';
import { asUntrainedClass } from './untrained-class.js';

describe('asUntrainedClass', () => {
  it('scores the class as an open label is scored, and the head of the others as a softmax without it', () => {
    const { features } = phraseOf(4);
    const g = asUntrainedClass(model, features, 4);
    const row = (f: Float32Array, j: number) => Array.from(f.subarray(j * FEATURE_COUNT, (j + 1) * FEATURE_COUNT));
    const open = openFeatures(model, new Float32Array(dim), ['noun'], { labels: ['noun'], open: new Map([['noun', new Float32Array(dim)]]), facts: new Map() });
    const expected = row(open, 0);
    expected[col('cosine')] = features[4 * FEATURE_COUNT + col('cosine')]!;
    row(g, 4).forEach((v, k) => expect(v).toBeCloseTo(expected[k]!, 5));
    let mass = 0;
    for (let j = 0; j < classes; j++) if (j !== 4) mass += Math.exp(g[j * FEATURE_COUNT + col('head')]!);
    expect(mass).toBeCloseTo(1, 4);
    for (let j = 0; j < classes; j++) {
      if (j === 4) continue;
      row(g, j).forEach((v, k) => (k === col('head') ? undefined : expect(v).toBe(features[j * FEATURE_COUNT + k])));
    }
    expect(row(features, 4)[col('morphology')]).toBe(1);
  });
});
