import { describe, expect, it } from 'vitest';
import { expectedCalibrationError } from '../training/calibration.js';
import { FEATURE_COUNT } from './features.js';
import { createRandom } from '../trainer/prng.js';
import { fitStacker, stackedProbabilities, stackLoss, type StackRow } from './stacker.js';

/** Rows over 4 classes: feature 0 points at the right class 70% of the time, feature 1 is noise. */
function rows(n: number, seed: number): StackRow[] {
  const rand = createRandom(seed);
  return Array.from({ length: n }, () => {
    const right = Math.floor(rand() * 4);
    const pointed = rand() < 0.7 ? right : Math.floor(rand() * 4);
    const f = new Float32Array(4 * FEATURE_COUNT);
    for (let c = 0; c < 4; c++) {
      f[c * FEATURE_COUNT] = c === pointed ? 1 : 0;
      f[c * FEATURE_COUNT + 1] = rand();
    }
    return { features: f, target: { classes: [right], probs: [1] }, weight: 1 };
  });
}

const confidences = (rs: readonly StackRow[], w: ArrayLike<number>) =>
  rs.map((r) => {
    const p = stackedProbabilities(r.features, w);
    let top = 0;
    for (let j = 1; j < p.length; j++) if ((p[j] ?? 0) > (p[top] ?? 0)) top = j;
    return { p: p[top] ?? 0, correct: r.target.classes[0] === top };
  });

describe('fitStacker', () => {
  const train = rows(600, 1);
  const test = rows(600, 2);
  const overconfident = Float32Array.from({ length: FEATURE_COUNT }, (_, k) => (k === 0 ? 8 : 0));

  it('weighs the informative feature and not the noise, lowering the held-out loss', () => {
    const w = fitStacker(train, overconfident);
    expect(w[0]).toBeGreaterThan(1);
    expect(Math.abs(w[1] ?? 0)).toBeLessThan(0.5);
    expect(stackLoss(test, w)).toBeLessThan(stackLoss(test, overconfident));
  });

  it('calibrates: the calibration error on unseen rows falls after fitting', () => {
    const w = fitStacker(train, overconfident);
    const before = expectedCalibrationError(confidences(test, overconfident));
    const after = expectedCalibrationError(confidences(test, w));
    expect(after).toBeLessThan(before / 2);
    expect(after).toBeLessThan(0.06);
  });
});
