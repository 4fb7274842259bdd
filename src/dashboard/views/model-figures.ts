import type { ModelMetrics } from '../../core/types.js';

/** Top-5 over every evaluation set, weighted by set size (as the gate weights top-1); null without sets. */
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
