import { describe, expect, it } from 'vitest';
import type { ModelSummary } from '../types.js';
import { accuracyChart } from './accuracy-chart.js';

const model = (id: number, top1: number, status: ModelSummary['status'] = 'retired', sets: ModelSummary['metrics']['sets'] = {}): ModelSummary => ({
  id,
  encoderId: 'glove',
  status,
  labels: 3,
  metrics: { sets, gateTop1: top1, examples: 10, labels: 3 },
  reason: null,
  createdAt: new Date(0),
  activatedAt: null,
});

describe('accuracyChart', () => {
  it('is null without versions', () => {
    expect(accuracyChart([])).toBeNull();
  });

  it('plots top-1 by version, oldest first, and top-5 weighted by set size; names the active version', () => {
    const sets = { a: { n: 30, top1: 0.5, top5: 0.9, mrr: 0.6, coverage: 1 }, b: { n: 10, top1: 0.3, top5: 0.5, mrr: 0.4, coverage: 1 } };
    const spec = accuracyChart([model(5, 0.45, 'active', sets), model(2, 0.4, 'retired', sets), model(3, 0.2, 'rejected')]);
    expect(spec?.title).toMatch(/active: v5/);
    expect(spec?.series[0]).toEqual({ name: 'top-1', points: [{ x: 2, y: 0.4 }, { x: 3, y: 0.2 }, { x: 5, y: 0.45 }] });
    expect(spec?.series[1]?.name).toBe('top-5');
    expect(spec?.series[1]?.points).toEqual([{ x: 2, y: 0.8 }, { x: 5, y: 0.8 }]);
    expect(spec?.xTicks).toEqual([2, 3, 5]);
    expect(spec?.xTickLabel?.(5)).toBe('v5');
  });

  it('draws a single version, without top-5 when it has no sets', () => {
    const spec = accuracyChart([model(1, 0.3, 'active')]);
    expect(spec?.series).toEqual([{ name: 'top-1', points: [{ x: 1, y: 0.3 }] }]);
  });

  it('keeps the newest 30 versions, with automatic ticks', () => {
    const spec = accuracyChart(Array.from({ length: 40 }, (_, i) => model(i + 1, 0.3)));
    expect(spec?.series[0]?.points).toHaveLength(30);
    expect(spec?.series[0]?.points[0]?.x).toBe(11);
    expect(spec?.xTicks).toBeUndefined();
  });
});
