import type { LineChartSpec } from '../chart.js';
import type { ModelMetrics, ModelSummary } from '../types.js';

/** The newest versions plotted; older ones would crowd the axis. */
const MAX_VERSIONS = 30;
/** Up to this many versions every one gets its own x tick. */
const TICK_EVERY_VERSION = 12;

/**
 * The stats chart: held-out top-1 (what the gate compares) and top-5 of each model version, oldest
 * left, promoted and rejected candidates alike. Null when there is no version to plot.
 */
export function accuracyChart(models: readonly ModelSummary[]): LineChartSpec | null {
  const versions = models
    .filter((m) => Number.isFinite(m.metrics.gateTop1))
    .sort((a, b) => a.id - b.id)
    .slice(-MAX_VERSIONS);
  if (versions.length === 0) return null;
  const top5 = versions.flatMap((m) => {
    const y = weightedTop5(m.metrics);
    return y === null ? [] : [{ x: m.id, y }];
  });
  const active = versions.find((m) => m.status === 'active');
  return {
    title: `Held-out accuracy by model version${active ? ` (active: v${active.id})` : ''}`,
    xLabel: 'model version',
    yLabel: 'held-out accuracy',
    series: [{ name: 'top-1', points: versions.map((m) => ({ x: m.id, y: m.metrics.gateTop1 })) }, ...(top5.length > 0 ? [{ name: 'top-5', points: top5 }] : [])],
    integerX: true,
    ...(versions.length <= TICK_EVERY_VERSION ? { xTicks: versions.map((m) => m.id) } : {}),
    xTickLabel: (x) => `v${x}`,
  };
}

/** Top-5 over every evaluation set, weighted by set size as the gate weights top-1; null without sets. */
export function weightedTop5(metrics: ModelMetrics): number | null {
  let n = 0;
  let sum = 0;
  for (const set of Object.values(metrics.sets)) {
    if (!Number.isFinite(set.top5) || !(set.n > 0)) continue;
    n += set.n;
    sum += set.n * set.top5;
  }
  return n > 0 ? sum / n : null;
}
