import type { Encoder } from '../../core/ports.js';
import { decodeHead } from '../head/weights-format.js';
import type { EmbeddingStore } from './embedding-store.js';
import { centred, type ScoringModel } from './scoring-model.js';

/** Default blend weight of the zero-shot cosine; tuned on the dev sets (README, "Answer quality"). */
export const DEFAULT_COSINE_WEIGHT = 3;
/** Without a head, the cosine alone ranks labels; this temperature makes its softmax readable. */
export const ZERO_SHOT_TEMPERATURE = 10;

async function labelMatrix(store: EmbeddingStore, labels: readonly string[], centre: Float32Array, dim: number) {
  const vectors = await store.vectors(labels);
  const out = new Float32Array(labels.length * dim);
  vectors.forEach((v, j) => out.set(centred(v, centre), j * dim));
  return out;
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
  const head = decodeHead(version.weights);
  const meta = head.metadata as { centre?: number[]; cosineWeight?: number; phrases?: string[] } | undefined;
  const centre = Float32Array.from(meta?.centre ?? new Array<number>(encoder.dim).fill(0));
  const labels = head.labels ?? [];
  return {
    encoderId: encoder.id,
    version: version.id,
    labels,
    head,
    centre,
    labelVectors: await labelMatrix(store, labels, centre, encoder.dim),
    cosineWeight: meta?.cosineWeight ?? DEFAULT_COSINE_WEIGHT,
    trainedPhrases: new Set(meta?.phrases ?? []),
  };
}
