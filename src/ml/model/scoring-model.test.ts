import { describe, expect, it } from 'vitest';
import { MORPHOLOGY_BONUS } from './open-candidates.js';
import { centred, meanVector, rank, scoreOpen, type ScoringModel } from './scoring-model.js';

const unit = (...v: number[]) => centred(Float32Array.from(v), new Float32Array(v.length));

function model(): ScoringModel {
  const labelVectors = new Float32Array(6);
  labelVectors.set(unit(1, 0, 0), 0);
  labelVectors.set(unit(0, 1, 0), 3);
  return { encoderId: 'e', version: null, labels: ['size', 'smell'], head: null, labelVectors, centre: new Float32Array(3), cosineWeight: 10 };
}

describe('scoring', () => {
  it('ranks labels by cosine before any head exists', () => {
    const r = rank(model(), Float32Array.from([0.9, 0.1, 0]), 2);
    expect(r.map((c) => c.label)).toEqual(['size', 'smell']);
    expect(r[0]?.p).toBeGreaterThan(0.9);
  });

  it('gives morphology candidates a bonus and adds unknown ones as open labels', () => {
    const x = Float32Array.from([0.6, 0.4, 0]);
    const plain = scoreOpen(model(), x, undefined);
    const withSmell = scoreOpen(model(), x, { labels: ['smell'], open: new Map() });
    expect((withSmell.scores[1] ?? 0) - (plain.scores[1] ?? 0)).toBeCloseTo(MORPHOLOGY_BONUS);
    const open = rank(model(), Float32Array.from([0, 0, 1]), 3, { labels: ['danger'], open: new Map([['danger', unit(0, 0, 1)]]) });
    expect(open[0]?.label).toBe('danger');
  });

  it('centres and normalizes, and never turns a zero vector into NaN', () => {
    expect([...centred(new Float32Array(3), Float32Array.from([1, 1, 1]))]).toEqual([0, 0, 0]);
    const m = meanVector([Float32Array.from([2, 0]), new Float32Array(2), Float32Array.from([0, 2])], 2);
    expect([...m]).toEqual([1, 1]);
  });
});
