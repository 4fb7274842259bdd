import { bootstrapInterval, calibratedEceFloor } from './bootstrap.js';
import type { Confidence } from './calibration.js';

/** One evaluated phrase, as `evaluationDetail` returns it. */
export interface EvaluatedPhrase {
  /** Rank of the best accepted answer (1 = first), null when none is shown. */
  rank: number | null;
  confidence: Confidence;
}

/**
 * 95% bootstrap intervals of a set's top-1 and top-5, and the calibration error chance alone
 * gives. The calibration error has no interval: resampling with replacement inflates it (repeated
 * phrases make the bins noisier), so its percentile interval sits above the number itself; what
 * a perfectly calibrated scorer shows on the same set is the reference to read it against.
 */
export interface EvaluationNoise {
  top1_ci95: [number, number];
  top5_ci95: [number, number];
  /** What a perfectly calibrated scorer would show on this set ({@link calibratedEceFloor}). */
  ece_if_calibrated: number;
}

const round = (v: number) => Math.round(v * 1000) / 1000;
const pair = ([a, b]: [number, number]): [number, number] => [round(a), round(b)];
const share = (s: readonly EvaluatedPhrase[], right: (d: EvaluatedPhrase) => boolean) => s.filter(right).length / s.length;

/**
 * How far a set's top-1 and top-5 could move by chance, and the calibration error chance alone
 * gives (seeded: a bench run repeats exactly). On the 88 phrases of colloquial-dev top-1 moves by
 * about ±0.1, and a calibrated scorer would show an error of about 0.10.
 */
export function evaluationNoise(detail: readonly EvaluatedPhrase[]): EvaluationNoise {
  return {
    top1_ci95: pair(bootstrapInterval(detail, (s) => share(s, (d) => d.rank === 1))),
    top5_ci95: pair(bootstrapInterval(detail, (s) => share(s, (d) => d.rank !== null && d.rank <= 5))),
    ece_if_calibrated: round(calibratedEceFloor(detail.map((d) => d.confidence))),
  };
}
