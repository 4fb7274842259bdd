/**
 * A small scoring model whose trained words lie near their class's label vector (head, memory
 * and cosine agree), and phrases whose derived noun names their class: for the tests of fitting
 * the scorer on classes nobody trained (`untrained-class.ts`, `fit-scorer.ts`). Seeded.
 */
import { FEATURES, phraseFeatures } from '../../src/ml/model/features.js';
import type { PhraseCandidates } from '../../src/ml/model/open-candidates.js';
import { buildMemory, type SparseTarget } from '../../src/ml/model/phrase-memory.js';
import { centred, type ScoringModel } from '../../src/ml/model/scoring-model.js';
import { createRandom, normalSamples } from '../../src/ml/trainer/prng.js';

export const dim = 16;
export const classes = 30;
const random = createRandom(77);
const unit = () => centred(normalSamples(dim, 1, random), new Float32Array(dim));
const labelRows = Array.from({ length: classes }, unit);
export const labels = Array.from({ length: classes }, (_, j) => `quality${j}`);
const words = Array.from({ length: 300 }, (_, i) => `word${i}`);
const wordTarget = (i: number): SparseTarget => ({ classes: [i % classes], probs: [1] });
// Each trained word lies near its class's label vector, so the head, the memory and the cosine agree.
export const near = (cls: number) => {
  const v = labelRows[cls]!.map((x) => x + 0.6 * (random() - 0.5));
  return centred(v, new Float32Array(dim));
};
const weights = new Float32Array(classes * dim);
labelRows.forEach((row, j) => weights.set(row.map((x) => 3 * x), j * dim));
const prior = Float32Array.from({ length: classes }, (_, j) => Math.log((1 + (j % 4)) / (classes * 2.5)));
export const model: ScoringModel = {
  encoderId: 'test',
  version: null,
  labels,
  head: { weights, bias: new Float32Array(classes), dim, numClasses: classes },
  centre: new Float32Array(dim),
  labelVectors: Float32Array.from(labelRows.flatMap((v) => [...v])),
  cosineWeight: 1,
  memory: buildMemory(words, words.map((_, i) => near(i % classes)), words.map((_, i) => wordTarget(i)), dim),
  logPrior: prior,
};
export const col = (name: (typeof FEATURES)[number]) => FEATURES.indexOf(name);
/** A phrase near class `cls` whose derived noun is that class's label (morphology marks it). */
export const phraseOf = (cls: number) => {
  const x = near(cls);
  const extra: PhraseCandidates = { labels: [labels[cls]!], open: new Map(), facts: new Map() };
  return { x, extra, features: phraseFeatures(model, x, undefined, extra) };
};

