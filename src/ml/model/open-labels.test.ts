import { describe, expect, it } from 'vitest';
import { CANDIDATES } from './blend-settings.js';
import type { PhraseCandidates } from './open-candidates.js';
import { openLabels } from './open-labels.js';
import { centred, type ScoringModel } from './scoring-model.js';

const unit = (...v: number[]) => centred(Float32Array.from(v), new Float32Array(v.length));

const model: ScoringModel = {
  encoderId: 'e',
  version: null,
  labels: ['size', 'timing', 'taste'],
  head: null,
  labelVectors: new Float32Array(9),
  centre: new Float32Array(3),
  cosineWeight: 1,
};

/** Class log-scores: taste first, then timing, then size. */
const classScores = () => Float32Array.from([Math.log(0.1), Math.log(0.3), Math.log(0.6)]);

const candidates = (open: [string, Float32Array, string[]][]): PhraseCandidates => ({
  labels: open.map(([l]) => l),
  open: new Map(open.map(([l, v]) => [l, v])),
  facts: new Map(open.map(([l, , parents]) => [l, { hints: [], parents, thing: false }])),
});

const x = unit(1, 0, 0);

describe('openLabels', () => {
  it('folds an open label into a top class it is first of all a kind of', () => {
    const scores = classScores();
    const open = openLabels(model, x, scores, candidates([['tardiness', unit(1, 0, 0), ['timing']]]), CANDIDATES);
    expect(open).toEqual([]);
    // timing gained tardiness's probability and now outranks taste.
    expect(scores[1]).toBeGreaterThan(scores[2] ?? 0);
  });

  it('keeps an open label whose parent class is not among the best', () => {
    const scores = classScores();
    const open = openLabels(model, x, scores, candidates([['bigness', unit(1, 0, 0), ['size']]]), { ...CANDIDATES, foldTop: 2 });
    expect(open.map((o) => o.label)).toEqual(['bigness']);
    expect([...scores]).toEqual([...classScores()]);
  });

  it('shows the open labels as one, by the related root, with their probabilities summed', () => {
    const extra = candidates([
      ['hazardousness', new Float32Array(3), []],
      ['hazard', unit(1, 0.2, 0), []],
    ]);
    const alone = openLabels(model, x, classScores(), extra, { ...CANDIDATES, mergeOpen: false });
    const merged = openLabels(model, x, classScores(), extra, CANDIDATES);
    expect(merged.map((o) => o.label)).toEqual(['hazard']);
    const sum = alone.reduce((s, o) => s + Math.exp(o.score), 0);
    expect(Math.exp(merged[0]?.score ?? 0)).toBeCloseTo(sum, 5);
  });

  it('does not show a false root the encoder finds unrelated to the phrase', () => {
    const extra = candidates([
      ['defectiveness', new Float32Array(3), []],
      ['defection', unit(0, 1, 0), []],
    ]);
    expect(openLabels(model, x, classScores(), extra, CANDIDATES).map((o) => o.label)).toEqual(['defectiveness']);
  });
});
