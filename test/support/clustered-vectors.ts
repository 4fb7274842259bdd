import { createRandom, normalSamples } from '../../src/ml/trainer/prng.js';

/** `x` scaled to unit length (zero stays zero). */
export function unitVector(x: Float32Array): Float32Array {
  let n = 0;
  for (const v of x) n += v * v;
  const s = n > 0 ? 1 / Math.sqrt(n) : 0;
  return x.map((v) => v * s);
}

/** Seeded unit rows around `topics` random directions, as phrase vectors cluster around their attributes. */
export function clustered(rows: number, dim: number, topics: number, seed: number, pointSeed = seed): Float32Array[] {
  const centreRandom = createRandom(seed);
  const centres = Array.from({ length: topics }, () => normalSamples(dim, 1, centreRandom));
  const random = createRandom(pointSeed, 1);
  return Array.from({ length: rows }, () => {
    const c = centres[Math.floor(random() * topics)]!;
    const noise = normalSamples(dim, 0.9, random);
    return unitVector(c.map((v, d) => v + noise[d]!));
  });
}
