import { describe, expect, it } from 'vitest';
import { buildMemory } from '../model/phrase-memory.js';
import type { ScoringModel } from '../model/scoring-model.js';
import { committeeDisagreement, jensenShannon, neighbourVote } from './committee.js';

const unit = (...v: number[]) => {
  const n = Math.hypot(...v);
  return Float32Array.from(v.map((x) => x / n));
};

/** Two classes; the head says class 0 for x along axis 0 and class 1 along axis 1. */
function model(memoryClass: number): ScoringModel {
  const memory = buildMemory(['a', 'b'], [unit(1, 0.1), unit(0.9, 0.2)], [{ classes: [memoryClass], probs: [1] }, { classes: [memoryClass], probs: [1] }], 2);
  return {
    encoderId: 'test',
    version: 1,
    labels: ['size', 'smell'],
    head: { weights: Float32Array.from([4, 0, 0, 4]), bias: new Float32Array(2), dim: 2, numClasses: 2 },
    labelVectors: new Float32Array(4),
    centre: new Float32Array(2),
    cosineWeight: 0,
    memory,
  };
}

describe('jensenShannon', () => {
  it('is zero for equal distributions, symmetric, and at most ln 2', () => {
    expect(jensenShannon([0.5, 0.5], [0.5, 0.5])).toBeCloseTo(0, 10);
    expect(jensenShannon([0.9, 0.1], [0.2, 0.8])).toBeCloseTo(jensenShannon([0.2, 0.8], [0.9, 0.1]), 10);
    expect(jensenShannon([1, 0], [0, 1])).toBeCloseTo(Math.log(2), 10);
  });
});

describe('neighbourVote', () => {
  it('averages the targets of the nearest rows only', () => {
    const memory = buildMemory(['near', 'far'], [unit(1, 0), unit(0, 1)], [{ classes: [0], probs: [1] }, { classes: [1], probs: [1] }], 2);
    expect(Array.from(neighbourVote(memory, unit(1, 0.1), 2, 1) ?? [])).toEqual([1, 0]);
    expect(neighbourVote(memory, new Float32Array(2), 2)).toBeNull();
  });
});

describe('committeeDisagreement', () => {
  const x = Float32Array.from([1, 0.1]);
  it('is larger where the head and the nearest trained phrases disagree', () => {
    const agree = committeeDisagreement(model(0), x, unit(1, 0.1));
    const disagree = committeeDisagreement(model(1), x, unit(1, 0.1));
    expect(disagree).toBeGreaterThan(agree);
    expect(disagree).toBeGreaterThan(0.3);
  });

  it('is zero without a committee (no memory)', () => {
    const { memory: _unused, ...bare } = model(1);
    expect(committeeDisagreement(bare, x, unit(1, 0.1))).toBe(0);
  });
});
