/**
 * The int8 first pass over a large head and label vectors (`head/int8-scores.ts`) with its exact
 * second pass (`refine-scores.ts`) gives the float path's best answers, in order, with the same
 * probabilities: the scorer's features on floats (no scratch) through the stacker.
 */
import { describe, expect, it } from 'vitest';
import { int8ScoresFor } from '../head/int8-scores.js';
import { logits } from '../head/linear-head.js';
import { createRandom, normalSamples } from '../trainer/prng.js';
import { phraseDistribution } from './class-distribution.js';
import { phraseFeatures } from './features.js';
import { buildMemory } from './phrase-memory.js';
import { REFINED } from './refine-scores.js';
import { centred, type ScoringModel } from './scoring-model.js';
import { stackedProbabilities } from './stacker.js';

const dim = 256;
const classes = 1100; // 281,600 weights: past INT8_MIN_WEIGHTS
const random = createRandom(77);
const unit = () => centred(normalSamples(dim, 1, random), new Float32Array(dim));
const words = Array.from({ length: 800 }, (_, i) => `word${i}`);
const model: ScoringModel = {
  encoderId: 'test',
  version: 1,
  labels: Array.from({ length: classes }, (_, j) => `class${j}`),
  head: { weights: normalSamples(classes * dim, 0.3, random), bias: normalSamples(classes, 0.3, random), dim, numClasses: classes },
  labelVectors: Float32Array.from(Array.from({ length: classes }, unit).flatMap((v) => [...v])),
  centre: normalSamples(dim, 0.05, random),
  cosineWeight: 2,
  memory: buildMemory(words, words.map(unit), words.map((_, i) => ({ classes: [i % classes], probs: [1] })), dim),
  // Heavy weights on the two approximated features: their bounds matter most here.
  stack: Float32Array.from([1.5, 12, 0.7, 0.9, 0.5, 0.6, 1.2, 0.4, 0.3, 0.8, 0]),
};

/** The float path: features into new arrays, then the stacker. */
const plain = (x: Float32Array, phrase?: string) => stackedProbabilities(phraseFeatures(model, x, phrase), model.stack!);
const order = (p: Float32Array) => [...p.keys()].sort((a, b) => (p[b] ?? 0) - (p[a] ?? 0) || a - b);

describe('the int8 first pass with its exact second pass', () => {
  it('is taken for a head this large', () => {
    expect(int8ScoresFor(model.head!.weights, classes, dim)).not.toBeNull();
    expect(int8ScoresFor(model.labelVectors, classes, dim)).not.toBeNull();
  });

  it('bounds every row: the float score lies within the bound of the int8 one, and exact() is what logits gives', () => {
    const s = int8ScoresFor(model.head!.weights, classes, dim)!;
    const approx = new Float32Array(classes);
    const bound = new Float32Array(classes);
    const zero = new Float32Array(classes);
    for (let q = 0; q < 5; q++) {
      const x = normalSamples(dim, 2, random);
      s.scan(x, approx, bound);
      const want = logits({ ...model.head!, bias: zero }, x);
      for (let r = 0; r < classes; r++) {
        expect(Math.abs((approx[r] ?? 0) - (want[r] ?? 0))).toBeLessThanOrEqual(bound[r] ?? 0);
        expect(s.exact(r)).toBe(want[r]);
      }
    }
  });

  it(`gives the float path's best ${REFINED} answers in order and its probabilities, phrase after phrase`, () => {
    const cases: [Float32Array, string | undefined][] = [
      ...Array.from({ length: 12 }, (_, i) => [normalSamples(dim, 3 / Math.sqrt(dim), random), `new phrase ${i}`] as [Float32Array, string]),
      [model.memory!.vectors.slice(3 * dim, 4 * dim), 'word3'],
      [normalSamples(dim, 1, random), undefined],
    ];
    for (const [x, phrase] of cases) {
      const want = plain(x, phrase);
      const got = phraseDistribution(model, x, phrase).p;
      expect(order(got).slice(0, REFINED)).toEqual(order(want).slice(0, REFINED));
      want.forEach((v, j) => expect(Math.abs((got[j] ?? NaN) - v)).toBeLessThan(1e-4 * Math.max(1, v * 10)));
      expect(got.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    }
  });
});
