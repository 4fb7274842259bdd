import { createRandom, normalSamples } from './prng.js';

/** Clustered examples for tests and benchmarks. */
export interface SyntheticClusters {
  /** count × dim, row-major. */
  readonly x: Float32Array;
  /** Each example's cluster (its class). */
  readonly labels: Int32Array;
  readonly dim: number;
  readonly numClasses: number;
}

/**
 * `count` points around `numClasses` random unit-variance centres, with Gaussian noise of `noise`
 * per dimension; example `i` belongs to class `i mod numClasses`, so classes are balanced.
 * Seeded: the same arguments give the same data.
 */
export function syntheticClusters(count: number, dim: number, numClasses: number, noise = 0.5, seed = 7): SyntheticClusters {
  const random = createRandom(seed, 100);
  const centres = normalSamples(numClasses * dim, 1, random);
  const x = normalSamples(count * dim, noise, random);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const c = i % numClasses;
    labels[i] = c;
    for (let d = 0; d < dim; d++) x[i * dim + d] = x[i * dim + d]! + centres[c * dim + d]!;
  }
  return { x, labels, dim, numClasses };
}

/** One-class sparse targets for {@link SyntheticClusters} labels. */
export function hardTargets(labels: Int32Array): { classes: number[] }[] {
  return Array.from(labels, (c) => ({ classes: [c] }));
}
