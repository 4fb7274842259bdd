import type { LabelledExample } from '../dataset/labelled-example.js';
import { createRandom } from '../trainer/prng.js';
import { USER_WEIGHT, type TrainingSet } from '../training/training-set.js';

/**
 * Adds simulated users' answers to a training set: each phrase gets its accepted labels as a
 * uniform soft target (as if several users had each voted for one of them) with the weight and
 * `fromUsers` flag of real votes. Built directly rather than through `buildTrainingSet` so none
 * of the budget is diverted to the feedback hold-out: the benchmark measures labels learned from.
 */
export function withUserLabels(base: TrainingSet, answers: readonly LabelledExample[]): TrainingSet {
  const answered = new Set(answers.map((a) => a.phrase));
  const users = answers
    .filter((a) => a.labels.length > 0)
    .map((a) => ({
      phrase: a.phrase,
      target: new Map(a.labels.map((l) => [l, 1 / a.labels.length])),
      weight: USER_WEIGHT,
      fromUsers: true,
    }));
  // A user's answer replaces any seed target for the same phrase, as votes do in buildTrainingSet.
  const train = [...users, ...base.train.filter((p) => !answered.has(p.phrase))];
  const labels = [...new Set(train.flatMap((p) => [...p.target.keys()]))].sort();
  return { train, heldOut: base.heldOut, labels };
}

/** `count` distinct items drawn uniformly with a seeded generator (all of them if fewer). */
export function sampleUniform<T>(items: readonly T[], count: number, seed: number): T[] {
  const pool = [...items];
  const random = createRandom(seed, 7);
  const n = Math.min(count, pool.length);
  // Partial Fisher–Yates: only the first n positions need to be settled.
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    const tmp = pool[i] as T;
    pool[i] = pool[j] as T;
    pool[j] = tmp;
  }
  return pool.slice(0, n);
}
