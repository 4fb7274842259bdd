/**
 * The scoring call's fast paths (the int8 first pass over the memories, the scratch arrays reused
 * from call to call, the shown labels without per-label bookkeeping) give the answers of the plain
 * path: features into new arrays over memories without an index (a plain JavaScript scan), the
 * stacker, the open labels folded in and entries shown by one word summed, as first written.
 */
import { describe, expect, it } from 'vitest';
import { topK } from '../head/linear-head.js';
import { createRandom, normalSamples } from '../trainer/prng.js';
import { classDistribution, phraseDistribution, TAUGHT_SHARE } from './class-distribution.js';
import { FEATURE_COUNT, openFeatures, openLabels, phraseFeatures } from './features.js';
import type { PhraseCandidates } from './open-candidates.js';
import { buildMemory, type PhraseMemory, type SparseTarget } from './phrase-memory.js';
import { rank, shownDistribution, shownLabels } from './rank.js';
import { centred, defaultStack, labelIndex, type ScoringModel } from './scoring-model.js';
import { isMultiWord } from './multi-word.js';
import { softmaxInPlace, stackedScores } from './stacker.js';

const dim = 48;
const classes = 120;
const random = createRandom(2024);
const unitRows = (n: number) => Array.from({ length: n }, () => centred(normalSamples(dim, 1, random), new Float32Array(dim)));
const target = (i: number): SparseTarget => (i % 3 === 0 ? { classes: [i % classes, (i * 7) % classes], probs: [0.6, 0.4] } : { classes: [(i * 13) % classes], probs: [1] });

// Class 0 is shown as "taste" (an everyday name), and class 1 has "taste" among its labels: some
// phrases' answers then merge. The memory is large enough for its int8 first pass.
const labels = ['taste property', 'flavour', ...Array.from({ length: classes - 2 }, (_, j) => `class${j + 2}`)];
const aliases = labels.map((l, j) => (j === 1 ? ['flavour', 'taste'] : j === 5 ? [l, 'class5 alias'] : [l]));
const words = Array.from({ length: 1500 }, (_, i) => `word${i}`);
const memoryVectors = unitRows(words.length);
const memory = buildMemory(words, memoryVectors, words.map((_, i) => target(i)), dim);
// Taught since training: five phrases of the memory again (they shadow its rows) and five new ones.
const overlayPhrases = ['word3', 'word40', 'word41', 'word500', 'word999', 'fresh0', 'fresh1', 'fresh2', 'fresh3', 'fresh4'];
const overlay = buildMemory(overlayPhrases, unitRows(overlayPhrases.length), overlayPhrases.map((_, i) => target(i + 7)), dim);
const head = () => ({ weights: normalSamples(classes * dim, 0.4, random), bias: normalSamples(classes, 0.3, random), dim, numClasses: classes });
const prior = normalSamples(classes, 1, random).map((v) => Math.exp(v));
const priorSum = prior.reduce((a, b) => a + b, 0);

const model: ScoringModel = {
  encoderId: 'test',
  version: 3,
  labels,
  aliases,
  head: head(),
  labelVectors: Float32Array.from(unitRows(classes).flatMap((v) => [...v])),
  centre: normalSamples(dim, 0.05, random),
  cosineWeight: 2,
  memory,
  overlay,
  folds: { heads: [head(), head()], seed: new Map([['word7', 0], ['word8', 1]]) },
  stack: Float32Array.from([1, 2.5, 0.7, 0.9, 0.5, 0.6, 1.2, 0.4, 0.3, 0.8, 0.2]),
  multiWordScale: 0.7,
  logPrior: prior.map((v) => Math.log(v / priorSum)),
  taught: new Map([['word40', { classes: [9], probs: [1] }], ['fresh1', { classes: [4, 6], probs: [0.5, 0.5] }]]),
};

/** The plain path's memories: the same rows without an index (`nearestRows` then scans them in JavaScript). */
const plainMemory = (m: PhraseMemory): PhraseMemory => ({ ...m, search: undefined });
const plainModel: ScoringModel = { ...model, memory: plainMemory(memory), overlay: plainMemory(overlay) };

/** `phraseDistribution` and `shownDistribution` as first written, on the plain model. */
function plainShown(x: Float32Array, phrase?: string, extra?: PhraseCandidates) {
  const m = plainModel;
  const c = m.labels.length;
  const classF = phraseFeatures(m, x, phrase, extra);
  const open = openLabels(m, extra);
  const f = new Float32Array((c + open.length) * FEATURE_COUNT);
  f.set(classF);
  if (extra && open.length > 0) f.set(openFeatures(m, x, open, extra), classF.length);
  const scores = stackedScores(f, m.stack ?? defaultStack(m));
  // A phrase of several content words ("something new"): its scores times the multi-word scale.
  const all = softmaxInPlace(isMultiWord(phrase, extra) ? scores.map((v) => v * (m.multiWordScale ?? 1)) : scores);
  const index = labelIndex(m);
  const kept: string[] = [];
  const keptP: number[] = [];
  open.forEach((l, i) => {
    const q = all[c + i] ?? 0;
    const into = (extra?.facts.get(l)?.parents ?? []).map((parent) => index.get(parent)).find((cls) => cls !== undefined);
    if (into !== undefined) all[into] = (all[into] ?? 0) + q;
    else {
      kept.push(l);
      keptP.push(q);
    }
  });
  const p = new Float32Array(c + kept.length);
  p.set(all.subarray(0, c));
  p.set(keptP, c);
  const taught = phrase === undefined ? undefined : m.taught?.get(phrase);
  if (taught) {
    for (let j = 0; j < p.length; j++) p[j] = (1 - TAUGHT_SHARE) * (p[j] ?? 0);
    taught.classes.forEach((cls, i) => (p[cls] = (p[cls] ?? 0) + TAUGHT_SHARE * (taught.probs[i] ?? 0)));
  }
  const shown = shownLabels(m, { open: kept }, extra);
  const at = new Map<string, number>();
  const merged: string[] = [];
  const mass: number[] = [];
  shown.forEach((l, i) => {
    const j = at.get(l);
    if (j === undefined) {
      at.set(l, merged.length);
      merged.push(l);
      mass.push(p[i] ?? 0);
    } else mass[j] = (mass[j] ?? 0) + (p[i] ?? 0);
  });
  return { open: kept, p, labels: merged, shownP: Float32Array.from(mass) };
}

const vector = (scale = 3) => normalSamples(dim, scale / Math.sqrt(dim), random);
const candidates = (relabel: string[]): PhraseCandidates => ({
  labels: [...relabel, 'pungency', 'whiffiness', 'saltiness'],
  open: new Map([
    ['pungency', centred(vector(), model.centre)],
    ['whiffiness', centred(vector(), model.centre)],
    ['saltiness', new Float32Array(dim)],
  ]),
  facts: new Map([
    ['pungency', { hints: ['class7'], parents: ['class5 alias'], thing: false }],
    ['whiffiness', { hints: [], parents: ['quality noun'], thing: false }],
    ['saltiness', { hints: ['class9'], parents: ['class11'], thing: false }],
  ]),
  derived: Float32Array.from({ length: classes }, (_, j) => (j % 17 === 0 ? 1 / 8 : 0)),
});

/** Phrases that reach every path: memory rows, shadowed and taught ones, seed folds, relatives, candidates. */
const cases: [string | undefined, Float32Array, PhraseCandidates | undefined][] = [
  ['word3', memoryVectors[3]!, undefined],
  ['word40', vector(), candidates(['class12'])],
  ['unword12', vector(), candidates(['class5 alias'])],
  ['very word20', memoryVectors[20]!, undefined],
  ['word7', vector(), undefined],
  ['word8', vector(), candidates([])],
  ['fresh1', vector(), candidates(['taste'])],
  ['something new', vector(), candidates(['flavour', 'taste'])],
  [undefined, vector(), undefined],
  ['zero', new Float32Array(dim), candidates([])],
];

describe('the scoring fast paths', () => {
  it('give the plain distribution, open labels and top five, call after call', () => {
    for (let round = 0; round < 2; round++) {
      for (const [phrase, x, extra] of cases) {
        const want = plainShown(x, phrase, extra);
        const got = phraseDistribution(model, x, phrase, extra);
        expect(got.open).toEqual(want.open);
        expect(got.p.length).toBe(want.p.length);
        want.p.forEach((v, j) => expect(Math.abs((got.p[j] ?? NaN) - v)).toBeLessThan(1e-5));
        const shown = shownDistribution(model, x, phrase, extra);
        expect(shown.labels).toEqual(want.labels);
        want.shownP.forEach((v, j) => expect(Math.abs((shown.p[j] ?? NaN) - v)).toBeLessThan(1e-5));
        const top = rank(model, x, 5, extra, phrase);
        expect(top.map((a) => a.label)).toEqual(topK(want.shownP, 5).map(({ index }) => want.labels[index]));
        top.forEach((a, i) => expect(a.p).toBeCloseTo(topK(want.shownP, 5)[i]?.score ?? NaN, 5));
        // Every answer, not only the first five: nothing merged that should not be, nothing left apart.
        const every = rank(model, x, classes + 10, extra, phrase);
        expect(every).toHaveLength(want.labels.length);
        expect(new Set(every.map((a) => a.label))).toEqual(new Set(want.labels));
        const classP = classDistribution(model, x, phrase, extra);
        expect(classP.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      }
    }
  });

  it('returns distributions of its own: a later call does not change an earlier answer', () => {
    const [phrase, x, extra] = cases[1]!;
    const first = phraseDistribution(model, x, phrase, extra);
    const kept = first.p.slice();
    phraseDistribution(model, vector(), 'word500', candidates([]));
    expect([...first.p]).toEqual([...kept]);
  });

  it('merges the answers shown by one word (the case the fast path leaves to the plain one)', () => {
    const [phrase, x, extra] = cases[6]!;
    const shown = shownDistribution(model, x, phrase, extra);
    expect(shown.labels.filter((l) => l === 'taste')).toHaveLength(1);
    expect(shown.labels).toHaveLength(classes); // the classes and one open label, less the merged entry
  });
});
