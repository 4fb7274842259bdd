import { describe, expect, it } from 'vitest';
import { phraseWeights, sifWeight, type WeightInput } from './weighting.js';

const N = 400_000;
const word = (rank: number, stop = false, confidence = 1): WeightInput => ({ stop, ranks: [rank], confidence });

describe('sifWeight', () => {
  it('grows with rank (rarer words weigh more) and stays in (0, 1)', () => {
    const ws = [0, 10, 100, 1000, 100_000].map((r) => sifWeight(r, N));
    for (let i = 1; i < ws.length; i++) expect(ws[i]!).toBeGreaterThan(ws[i - 1]!);
    expect(ws[0]!).toBeGreaterThan(0);
    expect(ws[ws.length - 1]!).toBeLessThan(1);
    expect(sifWeight(0, N)).toBeLessThan(0.02); // "the" almost vanishes
  });
});

describe('phraseWeights', () => {
  it('drops stop words and intensifiers when a content word remains', () => {
    expect(phraseWeights([word(180, true), word(30_000)], N)).toEqual([0, sifWeight(30_000, N)]);
  });

  it('keeps stop words when nothing else is recoverable', () => {
    const w = phraseWeights([word(180, true), { stop: false, ranks: [], confidence: 0 }], N);
    expect(w[0]!).toBeGreaterThan(0);
    expect(w[1]).toBe(0);
  });

  it('scales by fallback confidence and averages multi-word tokens', () => {
    const [guess] = phraseWeights([word(5000, false, 0.5)], N);
    expect(guess).toBeCloseTo(0.5 * sifWeight(5000, N));
    const [compound] = phraseWeights([{ stop: false, ranks: [10, 1000], confidence: 1 }], N);
    expect(compound).toBeCloseTo((sifWeight(10, N) + sifWeight(1000, N)) / 2);
  });

  it('gives all zeros for an empty or unrecoverable phrase', () => {
    expect(phraseWeights([], N)).toEqual([]);
    expect(phraseWeights([{ stop: false, ranks: [], confidence: 0 }], N)).toEqual([0]);
  });
});
