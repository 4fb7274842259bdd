import type { ModelMetrics } from '../../core/types.js';

export { weightedTop5 } from '../../core/render/accuracy-chart.js';

/**
 * Expected calibration error over the evaluation sets that record one (weighted by set size, as
 * top-1 is); null for versions trained before it was measured.
 */
export function calibrationError(metrics: ModelMetrics): number | null {
  let n = 0;
  let sum = 0;
  for (const set of Object.values(metrics.sets)) {
    if (set.ece === undefined || !Number.isFinite(set.ece) || !(set.n > 0)) continue;
    n += set.n;
    sum += set.n * set.ece;
  }
  return n > 0 ? sum / n : null;
}
