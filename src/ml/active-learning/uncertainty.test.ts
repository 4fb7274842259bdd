import { describe, expect, it } from 'vitest';
import type { ScoringModel } from '../model/scoring-model.js';
import { entropy, margin, rankByUncertainty } from './uncertainty.js';

/**
 * A 3-label model whose head is the identity and whose cosine term is off, so a phrase vector
 * of log-probabilities scores to exactly that distribution after the softmax.
 */
function identityModel(): ScoringModel {
  const weights = Float32Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]);
  return {
    encoderId: 'test',
    version: 1,
    labels: ['size', 'smell', 'colour'],
    head: { weights, bias: new Float32Array(3), dim: 3, numClasses: 3 },
    labelVectors: new Float32Array(9),
    centre: new Float32Array(3),
    cosineWeight: 0,
  };
}

const phrase = (name: string, ...p: number[]) => ({ phrase: name, x: Float32Array.from(p.map(Math.log)) });

describe('margin and entropy', () => {
  it('measure how close a distribution is to a coin toss', () => {
    expect(margin([0.7, 0.2, 0.1])).toBeCloseTo(0.5);
    expect(margin([0.5, 0.5])).toBe(0);
    expect(margin([1])).toBe(1);
    expect(entropy([1, 0, 0])).toBe(0);
    expect(entropy([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(Math.log(4));
  });
});

describe('rankByUncertainty', () => {
  // tie: two labels neck and neck (smallest margin); spread: three labels close (highest entropy).
  const pool = [phrase('sure', 0.9, 0.05, 0.05), phrase('tie', 0.46, 0.46, 0.08), phrase('spread', 0.4, 0.3, 0.3)];

  it('puts the smallest margin first when ranking by margin', () => {
    const r = rankByUncertainty(identityModel(), pool, { by: 'margin' });
    expect(r.map((x) => x.phrase)).toEqual(['tie', 'spread', 'sure']);
    expect(r[0]?.margin).toBeCloseTo(0, 5);
  });

  it('puts the highest entropy first when ranking by entropy', () => {
    const r = rankByUncertainty(identityModel(), pool, { by: 'entropy' });
    expect(r.map((x) => x.phrase)).toEqual(['spread', 'tie', 'sure']);
    expect(r[0]?.entropy).toBeCloseTo(entropy([0.4, 0.3, 0.3]), 5);
  });

  it('combines both ranks and always leaves the confident phrase last', () => {
    const r = rankByUncertainty(identityModel(), pool, { by: 'combined' });
    expect(r.at(-1)?.phrase).toBe('sure');
    expect(r.map((x) => x.score)).toEqual([...r.map((x) => x.score)].sort((a, b) => b - a));
    expect(r[0]?.score).toBeLessThanOrEqual(1);
    expect(r.at(-1)?.score).toBeGreaterThanOrEqual(0);
  });

  it('skips phrases the encoder could not represent', () => {
    const r = rankByUncertainty(identityModel(), [...pool, { phrase: 'zzqx', x: new Float32Array(3) }]);
    expect(r.map((x) => x.phrase)).not.toContain('zzqx');
    expect(r).toHaveLength(3);
  });

  it('is deterministic on a seeded random pool', () => {
    let s = 42;
    const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 0.98 + 0.01;
    const big = Array.from({ length: 50 }, (_, i) => phrase(`p${i}`, rnd(), rnd(), rnd()));
    const a = rankByUncertainty(identityModel(), big, { by: 'combined' });
    const b = rankByUncertainty(identityModel(), big, { by: 'combined' });
    expect(a).toEqual(b);
    expect(a).toHaveLength(50);
  });
});

describe('rankByUncertainty, other measures', () => {
  const pool = [phrase('sure', 0.9, 0.05, 0.05), phrase('tie', 0.46, 0.46, 0.08), phrase('spread', 0.4, 0.3, 0.3)];

  it('ranks by the margin users were shown when the caller gives it', () => {
    const shown = { sure: [0.5, 0.49], tie: [0.9, 0.05], spread: [0.6, 0.3] };
    const r = rankByUncertainty(identityModel(), pool.map((p) => ({ ...p, shown: shown[p.phrase as keyof typeof shown] })), { by: 'shown-margin' });
    expect(r.map((x) => x.phrase)).toEqual(['sure', 'spread', 'tie']);
    // Without what was shown, the model's own distribution stands in.
    expect(rankByUncertainty(identityModel(), pool, { by: 'shown-margin' }).map((x) => x.phrase)).toEqual(['tie', 'spread', 'sure']);
  });

  it('orders every phrase once under density, diversity and committee weighting', () => {
    for (const by of ['density', 'diverse', 'committee'] as const) {
      const r = rankByUncertainty(identityModel(), pool, { by });
      expect(r.map((x) => x.phrase).sort()).toEqual(['spread', 'sure', 'tie']);
      expect(r.map((x) => x.score)).toEqual([...r.map((x) => x.score)].sort((a, b) => b - a));
    }
  });

  it('puts an uncertain outlier behind an uncertain phrase that resembles the pool (density)', () => {
    const p = (name: string, x: number[], shown: number[]) => ({ phrase: name, x: Float32Array.from(x), shown });
    const typical = [p('a', [1, 0.1, 0], [0.9, 0.05]), p('b', [1, 0, 0.1], [0.9, 0.05]), p('c', [1, 0.05, 0.05], [0.51, 0.49])];
    const outlier = p('odd', [-0.2, -1, 0.3], [0.5, 0.5]);
    const r = rankByUncertainty(identityModel(), [...typical, outlier], { by: 'density' });
    expect(r[0]?.phrase).toBe('c');
    expect(rankByUncertainty(identityModel(), [...typical, outlier], { by: 'shown-margin' })[0]?.phrase).toBe('odd');
  });
});
