import { phraseFeatures } from '../model/features.js';
import type { PhraseCandidates } from '../model/open-candidates.js';
import type { SparseTarget } from '../model/phrase-memory.js';
import { defaultStack, type ScoringModel } from '../model/scoring-model.js';
import { fitStacker, type StackRow } from '../model/stacker.js';

/** Fewer held-out phrases than this and the weights stay at their defaults (too little to fit on). */
export const MIN_SCORER_ROWS = 20;

/** A phrase the model never saw, with its vector and target. */
export interface HeldOutPhrase {
  phrase: string;
  x: Float32Array;
  target: SparseTarget;
  weight: number;
}

/**
 * Fits the scorer's feature weights on phrases `model` (head and memory) never saw: each phrase's
 * features are what the model would compute for a new phrase. Returns undefined when there are too
 * few phrases to fit on.
 */
export async function fitScorer(
  model: ScoringModel,
  held: readonly HeldOutPhrase[],
  candidates?: (model: ScoringModel, phrases: readonly string[]) => Promise<PhraseCandidates[]>,
): Promise<Float32Array | undefined> {
  const usable = held.filter((h) => h.target.classes.length > 0 && h.x.some((v) => v !== 0));
  if (usable.length < MIN_SCORER_ROWS) return undefined;
  const extras = candidates ? await candidates(model, usable.map((h) => h.phrase)) : [];
  const rows: StackRow[] = usable.map((h, i) => ({ features: phraseFeatures(model, h.x, h.phrase, extras[i]), target: h.target, weight: h.weight }));
  return fitStacker(rows, defaultStack(model));
}
