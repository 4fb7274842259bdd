import type { Encoder } from '../../core/ports.js';
import { decodeHead } from '../head/weights-format.js';
import { seedFold, unstackHeads } from './fold-heads.js';
import { DEFAULT_COSINE_WEIGHT, ZERO_SHOT_TEMPERATURE } from './blend-settings.js';
import type { EmbeddingStore } from './embedding-store.js';
import { buildMemory, type PhraseMemory, type SparseTarget } from './phrase-memory.js';
import { centred, type ScoringModel } from './scoring-model.js';

/** What a trained model stores beside its weights (the head's `metadata`). */
export interface ModelMetadata {
  encoderId: string;
  centre: number[];
  cosineWeight: number;
  /** Trained phrases, in memory order. */
  phrases: string[];
  /** Each trained phrase's target as [class, probability, class, probability, …]. */
  targets?: number[][];
  /** Every label of each class, display label first. */
  aliases?: string[][];
  /** The scorer's fitted feature weights (`stacker.ts`). */
  stack?: number[];
  /** The fitted factor on the scores of a phrase of several words (`fit-multi-word.ts`). */
  multiWordScale?: number;
  /** log prior of each class. */
  logPrior?: number[];
  /** Indices (into `phrases`) of the phrases people taught. */
  taught?: number[];
  /** The stored head is the full and the two cross-fitted heads stacked (`fold-heads.ts`); labels are here. */
  crossFitted?: boolean;
  labels?: string[];
}

/** Centred unit label vectors, row-major C×D. */
export async function labelMatrix(store: EmbeddingStore, labels: readonly string[], centre: Float32Array, dim: number): Promise<Float32Array> {
  const vectors = await store.vectors(labels);
  const out = new Float32Array(labels.length * dim);
  vectors.forEach((v, j) => out.set(centred(v, centre), j * dim));
  return out;
}

/** The nearest-neighbour memory of trained phrases (vectors through the store's cache). */
export async function phraseMemory(store: EmbeddingStore, phrases: readonly string[], targets: readonly SparseTarget[], centre: Float32Array, dim: number): Promise<PhraseMemory> {
  const vectors = (await store.vectors(phrases)).map((v) => centred(v, centre));
  return buildMemory(phrases, vectors, targets, dim);
}

/** [class, p, class, p, …] ⇄ {@link SparseTarget}: compact in the stored JSON. */
export function packTarget(t: SparseTarget): number[] {
  return t.classes.flatMap((c, i) => [c, Math.round((t.probs[i] ?? 0) * 1e6) / 1e6]);
}
export function unpackTarget(flat: readonly number[]): SparseTarget {
  const classes: number[] = [];
  const probs: number[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) {
    classes.push(flat[i] ?? 0);
    probs.push(flat[i + 1] ?? 0);
  }
  return { classes, probs };
}

/** The zero-shot model used before any head is trained: cosine between phrase and label. */
export async function zeroShotModel(encoder: Encoder, store: EmbeddingStore, labels: readonly string[]): Promise<ScoringModel> {
  const centre = new Float32Array(encoder.dim);
  return {
    encoderId: encoder.id,
    version: null,
    labels,
    head: null,
    centre,
    labelVectors: await labelMatrix(store, labels, centre, encoder.dim),
    cosineWeight: ZERO_SHOT_TEMPERATURE,
  };
}

/** Rebuilds a stored model version (weights blob from the registry) into a scoring model. */
export async function storedModel(
  encoder: Encoder,
  store: EmbeddingStore,
  version: { id: number; weights: Uint8Array },
): Promise<ScoringModel> {
  const stored = decodeHead(version.weights);
  const meta = stored.metadata as Partial<ModelMetadata>;
  const centre = Float32Array.from(meta.centre ?? new Array<number>(encoder.dim).fill(0));
  const phrases = meta.phrases ?? [];
  // Cross-fitted: the head on everything, then the two heads each kept from one half of the seed.
  const [full, fold0, fold1] = meta.crossFitted ? unstackHeads(stored, 3) : [];
  const halves = fold0 && fold1 ? ([fold0, fold1] as const) : null;
  const head = full ?? stored;
  const labels = (halves ? meta.labels : stored.labels) ?? [];
  // Models stored before classes and memory existed have neither: they score with the head alone.
  const targets = meta.targets?.map(unpackTarget);
  const memory = targets ? await phraseMemory(store, phrases, targets, centre, encoder.dim) : undefined;
  const taughtRows = new Set(meta.taught ?? []);
  const taught = new Map((meta.taught ?? []).flatMap((i) => (targets?.[i] && phrases[i] !== undefined ? [[phrases[i], targets[i]] as const] : [])));
  return {
    encoderId: encoder.id,
    version: version.id,
    labels,
    ...(meta.aliases ? { aliases: meta.aliases } : {}),
    head,
    centre,
    labelVectors: await labelMatrix(store, labels, centre, encoder.dim),
    cosineWeight: meta.cosineWeight ?? DEFAULT_COSINE_WEIGHT,
    trainedPhrases: new Set(phrases),
    ...(memory ? { memory } : {}),
    ...(meta.stack ? { stack: Float32Array.from(meta.stack) } : {}),
    ...(meta.multiWordScale !== undefined ? { multiWordScale: meta.multiWordScale } : {}),
    ...(meta.logPrior ? { logPrior: Float32Array.from(meta.logPrior) } : {}),
    taught,
    ...(halves ? { folds: { heads: halves, seed: new Map(phrases.flatMap((p, i) => (taughtRows.has(i) ? [] : [[p, seedFold(p)] as const]))) } } : {}),
  };
}
