import type { Encoder } from '../../core/ports.js';
import { TrainingError } from '../../errors.js';
import { encodeHead } from '../head/weights-format.js';
import type { BackendChoice } from '../trainer/backend.js';
import type { EpochProgress, TrainHeadResult } from '../trainer/train-types.js';
import { trainHeadInWorker } from '../trainer/worker/train-in-worker.js';
import { DEFAULT_COSINE_WEIGHT } from '../model/build-scoring-model.js';
import type { EmbeddingStore } from '../model/embedding-store.js';
import { centred, meanVector, type ScoringModel } from '../model/scoring-model.js';
import type { TrainingSet } from './training-set.js';

export interface TrainedModel {
  model: ScoringModel;
  weights: Buffer;
  result: TrainHeadResult;
}

/**
 * Encodes the training phrases (through the embedding cache) and trains the head off the event
 * loop in a worker thread. Returns an unsaved model: the caller stores and gates it.
 */
export async function trainModel(
  encoder: Encoder,
  store: EmbeddingStore,
  set: TrainingSet,
  opts: { backend: BackendChoice; seed?: number; onEpoch?: (p: EpochProgress) => void; signal?: AbortSignal },
): Promise<TrainedModel> {
  if (set.train.length === 0 || set.labels.length < 2) {
    throw new TrainingError('training.no_data', 'There is not enough training data yet: seed WordNet (attribot seed wordnet) or import examples first.');
  }
  const dim = encoder.dim;
  const vectors = await store.vectors(set.train.map((p) => p.phrase));
  const centre = meanVector(vectors, dim);
  const x = new Float32Array(set.train.length * dim);
  vectors.forEach((v, i) => x.set(v, i * dim));
  const index = new Map(set.labels.map((l, i) => [l, i]));
  const targets = set.train.map((p) => {
    const entries = [...p.target].filter(([l]) => index.has(l));
    return { classes: entries.map(([l]) => index.get(l) ?? 0), probs: entries.map(([, w]) => w) };
  });
  const keep = set.train.flatMap((p, i) => (p.fromUsers ? [i] : []));
  const result = await trainHeadInWorker(
    { x, dim, numClasses: set.labels.length, targets, sampleWeights: set.train.map((p) => p.weight), keepInTraining: keep },
    { backend: opts.backend, seed: opts.seed ?? 1, ...(opts.onEpoch ? { onEpoch: opts.onEpoch } : {}), ...(opts.signal ? { signal: opts.signal } : {}) },
  );
  const labelVectors = new Float32Array(set.labels.length * dim);
  (await store.vectors(set.labels)).forEach((v, j) => labelVectors.set(centred(v, centre), j * dim));
  const model: ScoringModel = {
    encoderId: encoder.id,
    version: null,
    labels: set.labels,
    head: result,
    centre,
    labelVectors,
    cosineWeight: DEFAULT_COSINE_WEIGHT,
    trainedPhrases: new Set(set.train.map((p) => p.phrase)),
  };
  const weights = encodeHead(result, {
    labels: set.labels,
    metadata: { encoderId: encoder.id, centre: Array.from(centre), cosineWeight: DEFAULT_COSINE_WEIGHT, phrases: set.train.map((p) => p.phrase) },
  });
  return { model, weights, result };
}
