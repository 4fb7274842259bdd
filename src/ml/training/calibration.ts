/** A first answer's probability and whether it was right. */
export interface Confidence {
  p: number;
  correct: boolean;
}

/** One bin of a reliability diagram. */
export interface ReliabilityBin {
  /** Lower edge of the bin (its width is 1 / bins). */
  from: number;
  n: number;
  /** Mean probability shown in the bin. */
  confidence: number;
  /** Share of right answers in the bin. */
  accuracy: number;
}

/** Reliability diagram: answers grouped by their probability into `bins` equal-width bins. */
export function reliability(items: readonly Confidence[], bins = 10): ReliabilityBin[] {
  const out = Array.from({ length: bins }, (_, b) => ({ from: b / bins, n: 0, confidence: 0, accuracy: 0 }));
  for (const { p, correct } of items) {
    const bin = out[Math.min(bins - 1, Math.max(0, Math.floor(p * bins)))];
    if (!bin) continue;
    bin.n++;
    bin.confidence += p;
    bin.accuracy += correct ? 1 : 0;
  }
  for (const bin of out) {
    if (bin.n === 0) continue;
    bin.confidence /= bin.n;
    bin.accuracy /= bin.n;
  }
  return out;
}

/**
 * Expected calibration error: the bins' |accuracy − confidence|, weighted by their share of the
 * answers (0 = perfectly calibrated).
 *
 * @example
 * expectedCalibrationError([{ p: 0.9, correct: true }, { p: 0.9, correct: false }]) // 0.4
 */
export function expectedCalibrationError(items: readonly Confidence[], bins = 10): number {
  if (items.length === 0) return 0;
  return reliability(items, bins).reduce((acc, b) => acc + (b.n / items.length) * Math.abs(b.accuracy - b.confidence), 0);
}
