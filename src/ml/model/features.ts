/**
 * The evidence the scorer weighs, per class, for one phrase: the head's log-probability, the
 * cosine to the class's label vector, the votes of the nearest trained phrases and of the
 * phrase's trained relatives, what WordNet's morphology says of the phrase's words, the derived
 * nouns' vote and the class's prior. The weights of these features are fitted at training time
 * (`stacker.ts`), so they suit whichever encoder is active.
 */
import { int8ScoresFor } from '../head/int8-scores.js';
import { logits } from '../head/linear-head.js';
import type { PhraseCandidates } from './open-candidates.js';
import { relativeRows } from './relative-rows.js';
import { scoredAs } from './scored-as.js';
import { centred, labelIndex, type ScoringModel } from './scoring-model.js';
import { nearestRows, type PhraseMemory } from './phrase-memory.js';
import type { ScoringScratch } from './scoring-scratch.js';

/** The features, in column order. */
export const FEATURES = ['head', 'cosine', 'near1', 'near5', 'near20', 'relatives', 'morphology', 'hint', 'fold', 'derived', 'prior', 'gloss'] as const;
export const FEATURE_COUNT = FEATURES.length;
/** Column of each feature. */
const column = (name: (typeof FEATURES)[number]): number => FEATURES.indexOf(name);
const HEAD = column('head');
const COSINE = column('cosine');
const NEAR1 = column('near1');
const NEAR5 = column('near5');
const NEAR20 = column('near20');
const RELATIVES = column('relatives');
const MORPHOLOGY = column('morphology');
const HINT = column('hint');
const FOLD = column('fold');
const DERIVED = column('derived');
const PRIOR = column('prior');
const GLOSS = column('gloss');

/**
 * Neighbour counts of the nearest-phrase votes (hyperparameters; their weights are fitted): the
 * nearest phrase alone (a synonym), a few, and a wider neighbourhood.
 */
export const NEAREST = [1, 5, 20] as const;

/**
 * log of a vote smoothed halfway towards uniform: a class no neighbour voted for is less likely,
 * not impossible, and a missing vote (uniform) adds the same to every class, i.e. nothing.
 */
function smoothedLog(out: Float32Array, col: number, vote: Float32Array | null, c: number): void {
  const u = 0.5 / c;
  // Most classes get no vote: their value is one constant (and a missing vote is uniform).
  const none = Math.log(vote ? u : 1 / c);
  for (let j = 0; j < c; j++) {
    const v = vote ? (vote[j] ?? 0) : 0;
    out[j * FEATURE_COUNT + col] = v === 0 ? none : Math.log(u + 0.5 * v);
  }
}

/** Writes log-softmax(z) into column `col`; returns the log-sum-exp it subtracted. */
function logSoftmaxInto(out: Float32Array, col: number, z: Float32Array): number {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (const v of z) sum += Math.exp(v - max);
  const lse = max + Math.log(sum);
  for (let j = 0; j < z.length; j++) out[j * FEATURE_COUNT + col] = (z[j] ?? 0) - lse;
  return lse;
}

/**
 * Uniform votes of the nearest `NEAREST[i]` rows to `u` over the memories (a row of an earlier
 * memory is shadowed by a later memory's row of the same phrase: what people just taught replaces
 * what the model was trained on), leaving out the rows of `self`. Each memory is searched through
 * its index (`nearestRows`). With `scratch`, the votes are its arrays (valid until its next use).
 */
export function nearestVotes(memories: readonly PhraseMemory[], u: Float32Array, c: number, self?: string, scratch?: ScoringScratch): (Float32Array | null)[] {
  const k = NEAREST[NEAREST.length - 1] ?? 0;
  if (!u.some((v) => v !== 0)) return NEAREST.map(() => null);
  // The hits, as parallel lists: which memory, which row, and its similarity.
  const hitMemory: number[] = [];
  const hitRow: number[] = [];
  const hitSim: number[] = [];
  memories.forEach((memory, m) => {
    if (memory.phrases.length === 0) return;
    const skip = scratch?.skip ?? new Set<number>();
    skip.clear();
    const own = self === undefined ? undefined : memory.byPhrase.get(self);
    if (own !== undefined) skip.add(own);
    for (let later = m + 1; later < memories.length; later++) {
      for (const phrase of memories[later]?.phrases ?? []) {
        const row = memory.byPhrase.get(phrase);
        if (row !== undefined) skip.add(row);
      }
    }
    const best = nearestRows(memory, u, k, skip);
    for (let i = 0; i < best.size; i++) {
      hitMemory.push(m);
      hitRow.push(best.ids[i] ?? 0);
      hitSim.push(best.scores[i] ?? -Infinity);
    }
  });
  // Best first across the memories; equal similarities keep their memory order (a stable sort).
  const order = hitSim.map((_, i) => i);
  if (memories.length > 1) order.sort((a, b) => (hitSim[b] ?? 0) - (hitSim[a] ?? 0) || a - b);
  return NEAREST.map((kk, v) => {
    const top = Math.min(kk, order.length);
    if (top === 0) return null;
    const out = scratch?.votes[v]?.fill(0) ?? new Float32Array(c);
    for (let i = 0; i < top; i++) {
      const h = order[i] ?? 0;
      const memory = memories[hitMemory[h] ?? 0];
      if (memory) addTarget(out, memory, hitRow[h] ?? 0, c, 1 / top);
    }
    return out;
  });
}

function addTarget(out: Float32Array, memory: PhraseMemory, row: number, c: number, share: number): void {
  const t = memory.targets[row];
  if (!t) return;
  for (let j = 0; j < t.classes.length; j++) {
    const cls = t.classes[j] ?? 0;
    if (cls < c) out[cls] = (out[cls] ?? 0) + share * (t.probs[j] ?? 0);
  }
}

/** Mean target of memory rows (into `out` when given). */
export function meanTarget(memory: PhraseMemory, rows: readonly number[], c: number, out: Float32Array = new Float32Array(c)): Float32Array {
  out.fill(0);
  for (const row of rows) addTarget(out, memory, row, c, 1 / rows.length);
  return out;
}

const zeroBiases = new WeakMap<Float32Array, Float32Array>();
/** A zero bias for the label-vector kernel, allocated once per model (memo of a pure function). */
function zeroBias(labelVectors: Float32Array, c: number): Float32Array {
  let z = zeroBiases.get(labelVectors);
  if (!z || z.length !== c) {
    z = new Float32Array(c);
    zeroBiases.set(labelVectors, z);
  }
  return z;
}

/**
 * The C×F feature matrix (row-major by class) of a phrase vector `x`. `phrase` lets its trained
 * relatives vote and keeps its own memory row out of the neighbours (a trained phrase is not
 * evidence about itself: what people taught is applied separately, see `class-distribution.ts`).
 * With `scratch` the matrix and every working array are its own (the result is valid until its
 * next use); without, the result is a new array.
 */
export function phraseFeatures(model: ScoringModel, x: Float32Array, phrase?: string, extra?: PhraseCandidates, scratch?: ScoringScratch): Float32Array {
  const c = model.labels.length;
  const out = scratch ? scratch.featureRows(c) : new Float32Array(c * FEATURE_COUNT);
  const u = centred(x, model.centre, scratch?.u);
  // With a scratch (serving), large matrices go through the int8 first pass; `refine-scores.ts`
  // then scores exactly the classes that could be among the best. Without one (training), floats.
  const labels8 = scratch ? int8ScoresFor(model.labelVectors, c, x.length) : null;
  let cos: Float32Array;
  if (scratch && labels8) {
    labels8.scan(u, scratch.cosines, scratch.cosineBounds);
    cos = scratch.cosines;
  } else cos = logits({ weights: model.labelVectors, bias: zeroBias(model.labelVectors, c), dim: x.length, numClasses: c }, u, scratch?.cosines);
  for (let j = 0; j < c; j++) out[j * FEATURE_COUNT + COSINE] = cos[j] ?? 0;
  // A phrase whose content words are a seed phrase is scored as that phrase (`scored-as.ts`).
  const self = phrase === undefined ? undefined : scoredAs(model, phrase, extra);
  const fold = self === undefined ? undefined : model.folds?.seed.get(self);
  const head = fold === undefined ? model.head : model.folds?.heads[fold];
  const head8 = scratch && head ? int8ScoresFor(head.weights, head.numClasses, head.dim) : null;
  let lse = 0;
  if (head) {
    let z: Float32Array;
    if (scratch && head8) {
      z = scratch.logits;
      head8.scan(x, z, scratch.logitBounds);
      const bounds = scratch.logitBounds;
      for (let j = 0; j < c; j++) {
        const v = (z[j] ?? 0) + (head.bias[j] ?? 0);
        z[j] = v;
        // and the float path's own float32 rounding of logit + bias
        bounds[j] = (bounds[j] ?? 0) + Math.abs(v) * 2 ** -23;
      }
    } else z = logits(head, x, scratch?.logits);
    lse = logSoftmaxInto(out, HEAD, z);
  }
  if (scratch) scratch.approximate = { head: head8, bias: head8 && head ? head.bias : null, lse, labels: labels8 };
  const memory = model.memory;
  const memories = [memory, model.overlay].filter((m): m is PhraseMemory => m !== undefined);
  const [near1, near5, near20] = nearestVotes(memories, u, c, self, scratch);
  smoothedLog(out, NEAR1, near1 ?? null, c);
  smoothedLog(out, NEAR5, near5 ?? null, c);
  smoothedLog(out, NEAR20, near20 ?? null, c);
  const rows = memory && self !== undefined ? relativeRows(memory, self, extra?.ignored) : [];
  smoothedLog(out, RELATIVES, memory && rows.length > 0 ? meanTarget(memory, rows, c, scratch?.relatives) : null, c);
  smoothedLog(out, DERIVED, extra?.derived?.length === c ? extra.derived : null, c);
  if (extra) {
    const index = labelIndex(model);
    const mark = (labels: readonly string[], col: number) => {
      for (const l of labels) {
        const cls = index.get(l);
        if (cls !== undefined) out[cls * FEATURE_COUNT + col] = 1;
      }
    };
    mark(extra.labels, MORPHOLOGY);
    mark(extra.gloss ?? [], GLOSS);
    for (const [label, facts] of extra.facts) {
      mark(facts.hints, HINT);
      if (!index.has(label) && !facts.thing) mark(facts.parents, FOLD);
    }
  }
  if (model.logPrior) for (let j = 0; j < c; j++) out[j * FEATURE_COUNT + PRIOR] = model.logPrior[j] ?? 0;
  return out;
}

/**
 * A phrase's open labels: its derived nouns that are none of the model's classes, that WordNet
 * knows as nouns naming a quality (an attribute, feeling or state among their first senses:
 * saltiness, hazard; not salt, pack, athletics, nor a suffix rule's non-word), and that the
 * encoder represents by themselves.
 */
export function openLabels(model: ScoringModel, extra: PhraseCandidates | undefined): string[] {
  if (!extra) return [];
  const index = labelIndex(model);
  return extra.labels.filter((l) => {
    const facts = extra.facts.get(l);
    const v = extra.open.get(l);
    return !index.has(l) && facts !== undefined && !facts.thing && facts.parents.length > 0 && v !== undefined && v.some((e) => e !== 0);
  });
}

/**
 * Features of open labels, scored as a class nobody was trained on: the head's uniform share, no
 * neighbour's vote, the smallest prior, their cosine to the phrase, and the morphology mark (they
 * are the phrase's own derived nouns) — so the weights fitted on the classes score them too.
 */
export function openFeatures(model: ScoringModel, x: Float32Array, labels: readonly string[], extra: PhraseCandidates, out: Float32Array = new Float32Array(labels.length * FEATURE_COUNT), u: Float32Array = centred(x, model.centre)): Float32Array {
  const values = untrainedValues(model);
  labels.forEach((l, i) => {
    const v = extra.open.get(l);
    let cos = 0;
    if (v) for (let d = 0; d < u.length; d++) cos += (u[d] ?? 0) * (v[d] ?? 0);
    writeUntrainedRow(out.subarray(i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT), values, cos);
  });
  return out;
}

/** What a class nobody trained on gets from `model`: the head's uniform share, a missing vote, the smallest prior. */
export interface UntrainedValues {
  readonly head: number;
  readonly none: number;
  readonly floor: number;
}

/** {@link UntrainedValues} of `model` (one pass over its prior: compute once per phrase). */
export function untrainedValues(model: ScoringModel): UntrainedValues {
  const c = model.labels.length;
  let floor = 0;
  if (model.logPrior) for (const v of model.logPrior) floor = Math.min(floor, v);
  return { head: model.head ? -Math.log(c) : 0, none: Math.log(0.5 / c), floor };
}

/**
 * Writes one feature row of a derived noun no class was trained on (see {@link openFeatures}):
 * `values` for the head, the votes and the prior, its cosine and the morphology mark.
 */
export function writeUntrainedRow(row: Float32Array, values: UntrainedValues, cos: number): void {
  row.fill(0);
  row[HEAD] = values.head;
  row[COSINE] = cos;
  row[NEAR1] = values.none;
  row[NEAR5] = values.none;
  row[NEAR20] = values.none;
  row[RELATIVES] = values.none;
  row[DERIVED] = values.none;
  row[MORPHOLOGY] = 1;
  row[PRIOR] = values.floor;
}
