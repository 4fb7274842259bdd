import { describe, expect, it } from 'vitest';
import { createRandom } from '../trainer/prng.js';
import { expectedCalibrationError } from './calibration.js';
import { fitMultiWordScale, fitScale, scaleLoss, type ScaleRow } from './fit-multi-word.js';
import type { ScoringModel } from '../model/scoring-model.js';

/**
 * Rows over 6 answers whose right answer is drawn from softmax(z) (so z is calibrated), shown
 * with scores `sharpness` × z.
 */
function rows(n: number, sharpness: number, seed: number): ScaleRow[] {
  const rand = createRandom(seed);
  return Array.from({ length: n }, () => {
    const z = Float32Array.from({ length: 6 }, () => rand() * 4);
    const e = Array.from(z, Math.exp);
    const sum = e.reduce((a, b) => a + b, 0);
    let u = rand() * sum;
    let right = 0;
    while (right < 5 && (u -= e[right] ?? 0) > 0) right++;
    return { scores: z.map((v) => v * sharpness), target: { classes: [right], probs: [1] }, weight: 1 };
  });
}

function topConfidences(rs: readonly ScaleRow[], s: number) {
  return rs.map((r) => {
    const e = Array.from(r.scores, (v) => Math.exp(s * v));
    const sum = e.reduce((a, b) => a + b, 0);
    const top = e.indexOf(Math.max(...e));
    return { p: (e[top] ?? 0) / sum, correct: r.target.classes[0] === top };
  });
}

describe('fitScale', () => {
  it('undoes scores three times too sharp, and calibrates held-out rows', () => {
    const s = fitScale(rows(2000, 3, 1));
    expect(s).toBeGreaterThan(0.25);
    expect(s).toBeLessThan(0.42);
    const test = rows(2000, 3, 2);
    expect(scaleLoss(test, s)).toBeLessThan(scaleLoss(test, 1));
    expect(expectedCalibrationError(topConfidences(test, s))).toBeLessThan(expectedCalibrationError(topConfidences(test, 1)) / 2);
  });

  it('sharpens scores that are too flat, and leaves calibrated ones about alone', () => {
    expect(fitScale(rows(2000, 0.5, 3))).toBeGreaterThan(1.6);
    const s = fitScale(rows(2000, 1, 4));
    expect(s).toBeGreaterThan(0.85);
    expect(s).toBeLessThan(1.15);
  });
});

describe('fitMultiWordScale', () => {
  it('fits nothing on too few phrases', async () => {
    const model = { labels: ['a', 'b'], head: null, cosineWeight: 1 } as unknown as ScoringModel;
    expect(await fitMultiWordScale(model, [{ phrase: 'hot stove', x: Float32Array.from([1]), target: { classes: [0], probs: [1] }, weight: 1 }])).toBeUndefined();
  });

  it('fits only on phrases of several content words: "is very hot" is not one', async () => {
    const model = { labels: ['a', 'b'], head: null, cosineWeight: 1 } as unknown as ScoringModel;
    const row = (phrase: string) => ({ phrase, x: Float32Array.from([1]), target: { classes: [0], probs: [1] }, weight: 1 });
    expect(await fitMultiWordScale(model, Array.from({ length: 40 }, () => row('is very hot')))).toBeUndefined();
  });

  it('counts content words as the candidate source found them: "a little warm" has one', async () => {
    const model = { labels: ['a', 'b'], head: null, cosineWeight: 1 } as unknown as ScoringModel;
    const row = (phrase: string) => ({ phrase, x: Float32Array.from([1]), target: { classes: [0], probs: [1] }, weight: 1 });
    const found = (phrases: readonly string[]) => Promise.resolve(phrases.map(() => ({ labels: [], open: new Map(), facts: new Map(), content: ['warm'] })));
    const phrases = Array.from({ length: 40 }, () => row('a little warm'));
    expect(await fitMultiWordScale(model, phrases, (_m, p) => found(p))).toBeUndefined();
  });
});
