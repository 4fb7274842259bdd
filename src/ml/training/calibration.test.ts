import { describe, expect, it } from 'vitest';
import { expectedCalibrationError, reliability } from './calibration.js';

describe('calibration', () => {
  it('is zero when the shown probability is the share of right answers', () => {
    const items = [...Array.from({ length: 7 }, () => ({ p: 0.75, correct: true })), ...Array.from({ length: 3 }, () => ({ p: 0.75, correct: false }))];
    expect(expectedCalibrationError(items)).toBeCloseTo(0.05, 5);
    expect(expectedCalibrationError(Array.from({ length: 4 }, (_, i) => ({ p: 0.55, correct: i < 2 })))).toBeCloseTo(0.05, 5);
  });
  it('grows with overconfidence', () => {
    const over = Array.from({ length: 10 }, (_, i) => ({ p: 0.95, correct: i < 5 }));
    expect(expectedCalibrationError(over)).toBeCloseTo(0.45, 5);
  });
  it('bins answers by probability', () => {
    const bins = reliability([{ p: 0.05, correct: false }, { p: 1, correct: true }]);
    expect(bins).toHaveLength(10);
    expect(bins[0]?.n).toBe(1);
    expect(bins[9]).toMatchObject({ n: 1, accuracy: 1, confidence: 1 });
  });
});
