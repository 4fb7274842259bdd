import { describe, expect, it } from 'vitest';
import { evaluationNoise, type EvaluatedPhrase } from './evaluation-noise.js';

describe('evaluationNoise', () => {
  it('brackets the set’s own top-1 and top-5, and the calibration error a calibrated scorer shows is not zero', () => {
    // 60 phrases: 30 right first, 15 right within the five, 15 not shown; probabilities as shown.
    const detail: EvaluatedPhrase[] = Array.from({ length: 60 }, (_, i) => {
      const rank = i < 30 ? 1 : i < 45 ? 3 : null;
      return { rank, confidence: { p: i < 30 ? 0.7 : 0.4, correct: rank === 1 } };
    });
    const noise = evaluationNoise(detail);
    expect(noise.top1_ci95[0]).toBeLessThan(0.5);
    expect(noise.top1_ci95[1]).toBeGreaterThan(0.5);
    expect(noise.top5_ci95[0]).toBeLessThan(0.75);
    expect(noise.top5_ci95[1]).toBeGreaterThan(0.75);
    expect(noise.ece_if_calibrated).toBeGreaterThan(0.02);
    expect(evaluationNoise(detail)).toEqual(noise);
  });
});
