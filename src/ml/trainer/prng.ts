/**
 * Seeded pseudo-random numbers for training, so a run with the same data and seed is repeatable
 * (same validation split, same shuffles, same initial weights) on any backend.
 */

/** A generator of uniform floats in [0, 1). */
export type Random = () => number;

/**
 * mulberry32: tiny, fast and good enough for shuffling and initialisation (not for cryptography).
 * Different `stream` values give independent-looking sequences from the same seed.
 */
export function createRandom(seed: number, stream = 0): Random {
  let state = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca6b)) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle in place. */
export function shuffleInPlace(values: Int32Array, random: Random): Int32Array {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = values[i]!;
    values[i] = values[j]!;
    values[j] = tmp;
  }
  return values;
}

/** `count` samples from a normal distribution (Box–Muller). */
export function normalSamples(count: number, std: number, random: Random): Float32Array {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i += 2) {
    // 1 - u keeps the logarithm finite: random() may return 0 but never 1.
    const radius = Math.sqrt(-2 * Math.log(1 - random())) * std;
    const angle = 2 * Math.PI * random();
    out[i] = radius * Math.cos(angle);
    if (i + 1 < count) out[i + 1] = radius * Math.sin(angle);
  }
  return out;
}
