import type { EmbeddingStore } from './embedding-store.js';
import { centred } from './scoring-model.js';

/** Nouns morphologically related to a phrase's words (dangerous → danger), from WordNet. */
export interface CandidateSource {
  candidates(phrase: string): string[];
}

/** Score bonus of a morphology candidate; tuned on colloquial-dev and wordnet-dev (README). */
export const MORPHOLOGY_BONUS = 4;
/**
 * A candidate outside the head's vocabulary starts at the 90th percentile of the head's logits
 * plus this offset (it has no trained weight of its own).
 */
export const OPEN_LABEL_OFFSET = -1;

/** Candidates of one phrase, with centred unit vectors for those the head does not know. */
export interface PhraseCandidates {
  labels: string[];
  /** label → centred unit vector, for labels outside the model's vocabulary. */
  open: Map<string, Float32Array>;
}

/** Looks up each phrase's morphology candidates and embeds the unknown ones (cached). */
export async function phraseCandidates(
  source: CandidateSource | null,
  phrases: readonly string[],
  known: ReadonlySet<string>,
  store: EmbeddingStore,
  centre: Float32Array,
): Promise<PhraseCandidates[]> {
  const lists = phrases.map((p) => (source && p ? source.candidates(p) : []));
  const unknown = [...new Set(lists.flat().filter((l) => !known.has(l)))];
  const vectors = new Map<string, Float32Array>();
  (await store.vectors(unknown)).forEach((v, i) => vectors.set(unknown[i] ?? '', centred(v, centre)));
  return lists.map((labels) => ({
    labels,
    open: new Map(labels.filter((l) => vectors.has(l)).map((l) => [l, vectors.get(l) ?? new Float32Array(centre.length)])),
  }));
}
