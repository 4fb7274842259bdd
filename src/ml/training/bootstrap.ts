/**
 * How much an evaluation number can move by chance: a set of 88 phrases gives top-1 to about
 * ±0.1, and a perfectly calibrated scorer still shows an expected calibration error of about 0.1
 * on it. `bench:quality` prints both beside each number, so that a change is read
 * against the noise of the set it was measured on.
 */
import { createRandom } from '../trainer/prng.js';
import { expectedCalibrationError, type Confidence } from './calibration.js';

/** Settings of {@link bootstrapInterval}: seeded, so a bench run repeats exactly. */
export interface BootstrapOptions {
  /** Resamples drawn (default 1,000). */
  resamples?: number;
  /** Share of the resampled statistics the interval covers (default 0.95). */
  level?: number;
  seed?: number;
}

/** The `q` quantile (0–1) of sorted values, interpolated between neighbours. */
function quantile(sorted: readonly number[], q: number): number {
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return (sorted[lo] ?? 0) + (at - lo) * ((sorted[hi] ?? 0) - (sorted[lo] ?? 0));
}

/**
 * Percentile bootstrap interval of `statistic` over `items`: the statistic of `resamples` samples
 * of the same size drawn with replacement, and the central `level` share of them.
 *
 * @example
 * const [lo, hi] = bootstrapInterval(ranks, (s) => s.filter((r) => r === 1).length / s.length);
 */
export function bootstrapInterval<T>(items: readonly T[], statistic: (sample: readonly T[]) => number, opts: BootstrapOptions = {}): [number, number] {
  const { resamples = 1000, level = 0.95, seed = 1 } = opts;
  if (items.length === 0) return [0, 0];
  const random = createRandom(seed);
  const values: number[] = [];
  const sample: T[] = new Array<T>(items.length);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < items.length; i++) sample[i] = items[Math.floor(random() * items.length)]!;
    values.push(statistic(sample));
  }
  values.sort((a, b) => a - b);
  return [quantile(values, (1 - level) / 2), quantile(values, (1 + level) / 2)];
}

/**
 * The expected calibration error a perfectly calibrated scorer would show with these same
 * probabilities on a set this size: each answer is right with exactly the probability shown
 * (drawn `resamples` times, seeded), and the mean error of those draws is returned. An error near
 * this floor cannot be told apart from perfect calibration on this set.
 */
export function calibratedEceFloor(items: readonly Confidence[], opts: Pick<BootstrapOptions, 'resamples' | 'seed'> = {}): number {
  const { resamples = 1000, seed = 1 } = opts;
  if (items.length === 0) return 0;
  const random = createRandom(seed, 1);
  let sum = 0;
  const drawn: Confidence[] = items.map((c) => ({ p: c.p, correct: false }));
  for (let r = 0; r < resamples; r++) {
    for (const d of drawn) d.correct = random() < d.p;
    sum += expectedCalibrationError(drawn);
  }
  return sum / resamples;
}
