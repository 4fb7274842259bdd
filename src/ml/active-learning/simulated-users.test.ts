import { describe, expect, it } from 'vitest';
import { USER_WEIGHT, type TrainingSet } from '../training/training-set.js';
import { sampleUniform, withUserLabels } from './simulated-users.js';

const base: TrainingSet = {
  train: [
    { phrase: 'big', target: new Map([['size', 1]]), weight: 1, fromUsers: false },
    { phrase: 'smelly', target: new Map([['smell', 1]]), weight: 1, fromUsers: false },
  ],
  heldOut: { 'seed-holdout': [] },
  labels: ['size', 'smell'],
};

describe('withUserLabels', () => {
  it('adds answers as weighted soft targets and replaces the seed target of the same phrase', () => {
    const set = withUserLabels(base, [
      { phrase: 'smelly', labels: ['odor'] },
      { phrase: 'brief', labels: ['length', 'duration'] },
    ]);
    const brief = set.train.find((p) => p.phrase === 'brief');
    expect(brief?.target).toEqual(new Map([['length', 0.5], ['duration', 0.5]]));
    expect(brief).toMatchObject({ weight: USER_WEIGHT, fromUsers: true });
    expect(set.train.filter((p) => p.phrase === 'smelly').map((p) => [...p.target.keys()])).toEqual([['odor']]);
    expect(set.labels).toEqual(['duration', 'length', 'odor', 'size']);
    expect(base.train).toHaveLength(2);
  });
});

describe('sampleUniform', () => {
  const items = Array.from({ length: 100 }, (_, i) => i);

  it('draws distinct items, repeatably for a seed and differently across seeds', () => {
    const a = sampleUniform(items, 20, 1);
    expect(new Set(a).size).toBe(20);
    expect(sampleUniform(items, 20, 1)).toEqual(a);
    expect(sampleUniform(items, 20, 2)).not.toEqual(a);
    expect(sampleUniform(items, 500, 3)).toHaveLength(100);
  });
});
