import type { Encoder } from '../../core/ports.js';
import { TrainingError } from '../../errors.js';
import { encodeHead } from '../head/weights-format.js';
import type { BackendChoice } from '../trainer/backend.js';
import type { EpochProgress, TrainHeadResult } from '../trainer/train-types.js';
import { trainHeadInWorker } from '../trainer/worker/train-in-worker.js';
import { DEFAULT_COSINE_WEIGHT } from '../model/blend-settings.js';
import { labelMatrix, packTarget, type ModelMetadata } from '../model/build-scoring-model.js';
import type { EmbeddingStore } from '../model/embedding-store.js';
import { classTarget, groupLabels } from '../model/label-classes.js';
import { buildMemory, type SparseTarget } from '../model/phrase-memory.js';
import { centred, meanVector, type ScoringModel } from '../model/scoring-model.js';
import type { TrainingSet } from './training-set.js';

export interface TrainedModel {
  model: ScoringModel;
  weights: Buffer;
  result: TrainHeadResult;
}

/**
 * Encodes the training phrases (through the embedding cache) and trains the head off the event
 * loop in a worker thread. Labels that always come together become one class (see
 * `label-classes.ts`); the trained phrases are kept as the model's nearest-neighbour memory.
 * Returns an unsaved model: the caller stores and gates it.
 */
export async function trainModel(
  encoder: Encoder,
  store: EmbeddingStore,
  set: TrainingSet,
  opts: { backend: BackendChoice; seed?: number; onEpoch?: (p: EpochProgress) => void; signal?: AbortSignal },
): Promise<TrainedModel> {
  const classes = groupLabels(set.train);
  if (set.train.length === 0 || classes.names.length < 2) {
    throw new TrainingError('training.no_data', 'There is not enough training data yet: seed WordNet (attribot seed wordnet) or import examples first.');
  }
  const dim = encoder.dim;
  const vectors = await store.vectors(set.train.map((p) => p.phrase));
  const centre = meanVector(vectors, dim);
  const x = new Float32Array(set.train.length * dim);
  vectors.forEach((v, i) => x.set(v, i * dim));
  const targets: SparseTarget[] = set.train.map((p) => {
    const t = classTarget(p.target, classes);
    const total = [...t.values()].reduce((a, b) => a + b, 0) || 1;
    return { classes: [...t.keys()], probs: [...t.values()].map((w) => w / total) };
  });
  const keep = set.train.flatMap((p, i) => (p.fromUsers ? [i] : []));
  const result = await trainHeadInWorker(
    { x, dim, numClasses: classes.names.length, targets, sampleWeights: set.train.map((p) => p.weight), keepInTraining: keep },
    { backend: opts.backend, seed: opts.seed ?? 1, ...(opts.onEpoch ? { onEpoch: opts.onEpoch } : {}), ...(opts.signal ? { signal: opts.signal } : {}) },
  );
  const phrases = set.train.map((p) => p.phrase);
  const model: ScoringModel = {
    encoderId: encoder.id,
    version: null,
    labels: classes.names,
    aliases: classes.aliases,
    head: result,
    centre,
    labelVectors: await labelMatrix(store, classes.names, centre, dim),
    cosineWeight: DEFAULT_COSINE_WEIGHT,
    trainedPhrases: new Set(phrases),
    memory: buildMemory(phrases, vectors.map((v) => centred(v, centre)), targets, dim),
  };
  const metadata: ModelMetadata = {
    encoderId: encoder.id,
    centre: Array.from(centre),
    cosineWeight: DEFAULT_COSINE_WEIGHT,
    phrases,
    targets: targets.map(packTarget),
    aliases: classes.aliases,
  };
  const weights = encodeHead(result, { labels: classes.names, metadata: { ...metadata } });
  return { model, weights, result };
}
