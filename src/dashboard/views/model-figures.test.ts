import { describe, expect, it } from 'vitest';
import type { ModelMetrics } from '../../core/types.js';
import { calibrationError, weightedTop5 } from './model-figures.js';

const metrics = (sets: ModelMetrics['sets']): ModelMetrics => ({ sets, gateTop1: 0.5, examples: 10, labels: 3 });

describe('model figures', () => {
  it('weights top-5 and calibration error by set size, over the sets that have them', () => {
    const m = metrics({
      a: { n: 100, top1: 0.5, top5: 0.8, mrr: 0.6, coverage: 1, ece: 0.1 },
      b: { n: 300, top1: 0.4, top5: 0.6, mrr: 0.5, coverage: 1 },
    });
    expect(weightedTop5(m)).toBeCloseTo(0.65);
    expect(calibrationError(m)).toBeCloseTo(0.1);
    expect(calibrationError(metrics({ b: { n: 300, top1: 0.4, top5: 0.6, mrr: 0.5, coverage: 1, ece: 0.3 }, a: { n: 100, top1: 0.5, top5: 0.8, mrr: 0.6, coverage: 1, ece: 0.1 } }))).toBeCloseTo(0.25);
  });

  it('has no calibration error for versions measured before it existed, nor figures without sets', () => {
    expect(calibrationError(metrics({ a: { n: 100, top1: 0.5, top5: 0.8, mrr: 0.6, coverage: 1 } }))).toBeNull();
    expect(weightedTop5(metrics({}))).toBeNull();
  });
});
