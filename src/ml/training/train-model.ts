import type { Encoder } from '../../core/ports.js';
import { TrainingError } from '../../errors.js';
import { encodeHead } from '../head/weights-format.js';
import type { BackendChoice } from '../trainer/backend.js';
import type { EpochProgress, TrainHeadResult } from '../trainer/train-types.js';
import { trainHeadInWorker } from '../trainer/worker/train-in-worker.js';
import { DEFAULT_COSINE_WEIGHT } from '../model/blend-settings.js';
import { labelMatrix, packTarget, type ModelMetadata } from '../model/build-scoring-model.js';
import type { EmbeddingStore } from '../model/embedding-store.js';
import { classTarget, groupLabels, type LabelClasses } from '../model/label-classes.js';
import type { PhraseCandidates } from '../model/open-candidates.js';
import { buildMemory, type SparseTarget } from '../model/phrase-memory.js';
import { centred, meanVector, type ScoringModel } from '../model/scoring-model.js';
import type { WordFrequency } from '../model/word-frequency.js';
import { fitScorer } from './fit-scorer.js';
import { bucket, type TrainingPhrase, type TrainingSet } from './training-set.js';

export interface TrainedModel {
  model: ScoringModel;
  weights: Buffer;
  result: TrainHeadResult;
}

/** Options of {@link trainModel}. */
export interface TrainModelOptions {
  backend: BackendChoice;
  seed?: number;
  onEpoch?: (p: EpochProgress) => void;
  signal?: AbortSignal;
  /** Morphology candidates of phrases under a model (the predictor's), for the scorer's features. */
  candidates?: (model: ScoringModel, phrases: readonly string[]) => Promise<PhraseCandidates[]>;
  /** Word frequencies: a class is shown by its most everyday label. */
  frequency?: WordFrequency;
}

/** One in this many seed phrases is held out of the first head to fit the scorer's weights on. */
export const SCORER_FOLDS = 5;

function sparseTargets(phrases: readonly TrainingPhrase[], classes: LabelClasses): SparseTarget[] {
  return phrases.map((p) => {
    const t = classTarget(p.target, classes);
    const total = [...t.values()].reduce((a, b) => a + b, 0) || 1;
    return { classes: [...t.keys()], probs: [...t.values()].map((w) => w / total) };
  });
}

/** log of each class's share of the (weighted) training mass, with one pseudo-count per class. */
function logPrior(targets: readonly SparseTarget[], weights: readonly number[], c: number): Float32Array {
  const mass = new Float64Array(c).fill(1);
  targets.forEach((t, i) => t.classes.forEach((cls, j) => (mass[cls] = (mass[cls] ?? 0) + (weights[i] ?? 1) * (t.probs[j] ?? 0))));
  const total = mass.reduce((a, b) => a + b, 0);
  return Float32Array.from(mass, (m) => Math.log(m / total));
}

/**
 * Encodes the training phrases (through the embedding cache) and trains the model in two stages,
 * heads off the event loop in a worker thread: a first head without one fold of the seed phrases
 * predicts that fold, on which the scorer's feature weights are fitted (`fit-scorer.ts`); then the
 * head is trained on everything. Labels that always come together become one class (see
 * `label-classes.ts`), shown by its most everyday label; the trained phrases are kept as the
 * nearest-neighbour memory and the users' phrases as what they taught. Returns an unsaved model.
 */
export async function trainModel(encoder: Encoder, store: EmbeddingStore, set: TrainingSet, opts: TrainModelOptions): Promise<TrainedModel> {
  const classes = groupLabels(set.train, opts.frequency);
  if (set.train.length === 0 || classes.names.length < 2) {
    throw new TrainingError('training.no_data', 'There is not enough training data yet: seed WordNet (attribot seed wordnet) or import examples first.');
  }
  const dim = encoder.dim;
  const c = classes.names.length;
  const vectors = await store.vectors(set.train.map((p) => p.phrase));
  const centre = meanVector(vectors, dim);
  const targets = sparseTargets(set.train, classes);
  const weights = set.train.map((p) => p.weight);
  const labelVectors = await labelMatrix(store, classes.names, centre, dim);
  const train = async (rows: readonly number[]) => {
    const x = new Float32Array(rows.length * dim);
    rows.forEach((i, r) => x.set(vectors[i] ?? new Float32Array(dim), r * dim));
    const keep = rows.flatMap((i, r) => (set.train[i]?.fromUsers ? [r] : []));
    return trainHeadInWorker(
      { x, dim, numClasses: c, targets: rows.map((i) => targets[i] ?? { classes: [] }), sampleWeights: rows.map((i) => weights[i] ?? 1), keepInTraining: keep },
      { backend: opts.backend, seed: opts.seed ?? 1, ...(opts.onEpoch ? { onEpoch: opts.onEpoch } : {}), ...(opts.signal ? { signal: opts.signal } : {}) },
    );
  };
  const modelOf = (rows: readonly number[], head: TrainHeadResult): ScoringModel => {
    const phrases = rows.map((i) => set.train[i]?.phrase ?? '');
    const rowTargets = rows.map((i) => targets[i] ?? { classes: [], probs: [] });
    return {
      encoderId: encoder.id,
      version: null,
      labels: classes.names,
      aliases: classes.aliases,
      head,
      centre,
      labelVectors,
      cosineWeight: DEFAULT_COSINE_WEIGHT,
      trainedPhrases: new Set(phrases),
      memory: buildMemory(phrases, rows.map((i) => centred(vectors[i] ?? new Float32Array(dim), centre)), rowTargets, dim),
      logPrior: logPrior(rowTargets, rows.map((i) => weights[i] ?? 1), c),
      taught: new Map(rows.flatMap((i, r) => (set.train[i]?.fromUsers ? [[phrases[r] ?? '', rowTargets[r] ?? { classes: [], probs: [] }] as const] : []))),
    };
  };
  const all = set.train.map((_, i) => i);
  const held = all.filter((i) => !set.train[i]?.fromUsers && bucket(`scorer:${set.train[i]?.phrase ?? ''}`, SCORER_FOLDS) === 0);
  const heldSet = new Set(held);
  const first = held.length > 0 ? modelOf(all.filter((i) => !heldSet.has(i)), await train(all.filter((i) => !heldSet.has(i)))) : null;
  const stack = first
    ? await fitScorer(first, held.map((i) => ({ phrase: set.train[i]?.phrase ?? '', x: vectors[i] ?? new Float32Array(dim), target: targets[i] ?? { classes: [], probs: [] }, weight: weights[i] ?? 1 })), opts.candidates)
    : undefined;
  const result = await train(all);
  const model: ScoringModel = { ...modelOf(all, result), ...(stack ? { stack } : {}) };
  const phrases = set.train.map((p) => p.phrase);
  const metadata: ModelMetadata = {
    encoderId: encoder.id,
    centre: Array.from(centre),
    cosineWeight: DEFAULT_COSINE_WEIGHT,
    phrases,
    targets: targets.map(packTarget),
    aliases: classes.aliases,
    ...(stack ? { stack: Array.from(stack) } : {}),
    logPrior: Array.from(model.logPrior ?? []),
    taught: set.train.flatMap((p, i) => (p.fromUsers ? [i] : [])),
  };
  const encoded = encodeHead(result, { labels: classes.names, metadata: { ...metadata } });
  return { model, weights: encoded, result };
}
