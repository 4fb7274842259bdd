import { shuffleInPlace, type Random } from './prng.js';

/** Example indices of the two splits, each in ascending order. */
export interface Split {
  readonly train: Int32Array;
  readonly validation: Int32Array;
}

/**
 * Holds out `round(fraction × count)` random examples for early stopping, never one listed in
 * `keep`, and always leaves at least one example to train on.
 */
export function splitTrainValidation(count: number, fraction: number, random: Random, keep?: Int32Array): Split {
  const pinned = new Uint8Array(count);
  keep?.forEach((i) => (pinned[i] = 1));
  const eligible = Int32Array.from({ length: count }, (_, i) => i).filter((i) => pinned[i] === 0);
  shuffleInPlace(eligible, random);
  const wanted = Math.round(Math.max(0, Math.min(1, fraction)) * count);
  const size = Math.min(wanted, eligible.length, count - 1);
  const validation = eligible.slice(0, size).sort();
  const held = new Uint8Array(count);
  validation.forEach((i) => (held[i] = 1));
  const train = Int32Array.from({ length: count }, (_, i) => i).filter((i) => held[i] === 0);
  return { train, validation };
}
