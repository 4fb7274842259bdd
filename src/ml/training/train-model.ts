import type { Encoder } from '../../core/ports.js';
import { TrainingError } from '../../errors.js';
import type { LinearHeadWeights } from '../head/linear-head.js';
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
import { fitMultiWordScale, multiWordPhrases } from './fit-multi-word.js';
import { fitScorer } from './fit-scorer.js';
import { bucket, type TrainingPhrase, type TrainingSet } from './training-set.js';
import { seedFold, stackHeads } from '../model/fold-heads.js';

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
  /**
   * Phrases of several words with known labels (WordNet's usage examples, `usage-examples.ts`), on
   * which the multi-word scale is fitted (`fit-multi-word.ts`); absent: none is fitted.
   */
  multiWordExamples?: () => Promise<readonly { phrase: string; labels: readonly string[] }[]>;
}

/** The scorer's weights are fitted on at most this many seed phrases (a fixed, hash-chosen sample). */
export const MAX_FIT_ROWS = 2000;

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
 * Encodes the training phrases (through the embedding cache) and trains three heads off the event
 * loop in a worker thread: one on everything, which scores new phrases, and two on half of the
 * seed phrases each (and every user phrase), which score the other half; the scorer's feature
 * weights are fitted on the seed phrases as predicted by the head that never saw them
 * (`fit-scorer.ts`), then, with `multiWordExamples`, the factor on the scores of a phrase of
 * several words (`fit-multi-word.ts`). Labels that always come together become one class (see
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
  const modelOf = (rows: readonly number[], head: LinearHeadWeights): ScoringModel => {
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
  // Cross-fitting: each half of the seed phrases is predicted by a head trained on the other half
  // (and every user phrase), so a seed word is scored as a new word would be — WordNet's label
  // for it is evidence for the others, not its answer — and the scorer's weights are fitted on
  // those out-of-fold features. The head trained on everything scores every other phrase.
  const all = set.train.map((_, i) => i);
  const foldOf = (i: number) => (set.train[i]?.fromUsers ? -1 : seedFold(set.train[i]?.phrase ?? ''));
  const full = await train(all);
  // Without seed phrases (everything was taught: imports, votes) every head would see the same rows.
  const hasSeed = all.some((i) => foldOf(i) >= 0);
  const heads = hasSeed ? ([await train(all.filter((i) => foldOf(i) !== 0)), await train(all.filter((i) => foldOf(i) !== 1))] as const) : ([full, full] as const);
  const base = modelOf(all, full);
  const folds: ScoringModel['folds'] = { heads, seed: new Map(all.flatMap((i) => (foldOf(i) >= 0 ? [[set.train[i]?.phrase ?? '', foldOf(i) as 0 | 1] as const] : []))) };
  const fitKey = new Map(all.map((i) => [i, bucket(`fit:${set.train[i]?.phrase ?? ''}`, 1 << 30)]));
  const fitRows = all.filter((i) => foldOf(i) >= 0).sort((a, b) => (fitKey.get(a) ?? 0) - (fitKey.get(b) ?? 0)).slice(0, MAX_FIT_ROWS);
  const stack = await fitScorer(
    { ...base, folds },
    fitRows.map((i) => ({ phrase: set.train[i]?.phrase ?? '', x: vectors[i] ?? new Float32Array(dim), target: targets[i] ?? { classes: [], probs: [] }, weight: weights[i] ?? 1 })),
    opts.candidates,
  );
  const stacked: ScoringModel = { ...base, folds, ...(stack ? { stack } : {}) };
  const multiWordScale = opts.multiWordExamples ? await fitMultiWordScale(stacked, await multiWordPhrases(store, await opts.multiWordExamples(), classes, MAX_FIT_ROWS), opts.candidates) : undefined;
  const model: ScoringModel = { ...stacked, ...(multiWordScale !== undefined ? { multiWordScale } : {}) };
  const result = { ...full, trainSeconds: full.trainSeconds + (hasSeed ? heads[0].trainSeconds + heads[1].trainSeconds : 0) };
  const phrases = set.train.map((p) => p.phrase);
  const metadata: ModelMetadata = {
    encoderId: encoder.id,
    centre: Array.from(centre),
    cosineWeight: DEFAULT_COSINE_WEIGHT,
    phrases,
    targets: targets.map(packTarget),
    aliases: classes.aliases,
    ...(stack ? { stack: Array.from(stack) } : {}),
    ...(multiWordScale !== undefined ? { multiWordScale } : {}),
    logPrior: Array.from(model.logPrior ?? []),
    taught: set.train.flatMap((p, i) => (p.fromUsers ? [i] : [])),
    crossFitted: true,
  };
  const encoded = encodeHead(stackHeads([full, heads[0], heads[1]]), { metadata: { ...metadata, labels: classes.names } });
  return { model, weights: encoded, result };
}
