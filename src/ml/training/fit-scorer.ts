import { phraseFeatures } from '../model/features.js';
import { asUntrainedClass, derivedNames } from '../model/untrained-class.js';
import type { PhraseCandidates } from '../model/open-candidates.js';
import type { SparseTarget } from '../model/phrase-memory.js';
import { defaultStack, type ScoringModel } from '../model/scoring-model.js';
import { fitStacker, type StackRow } from '../model/stacker.js';

/** Fewer held-out phrases than this and the weights stay at their defaults (too little to fit on). */
export const MIN_SCORER_ROWS = 20;

/**
 * Weight, relative to its seed row, of the same phrase shown as if its class had never been
 * trained (see {@link withUntrainedClassRows}). A hyperparameter: how often a phrase's answer is
 * a derived noun outside the classes, which seed phrases (always answered by a class) cannot say
 * and chat phrases often are (about half of them, against 5% of WordNet's adjectives). Chosen
 * among 0, 0.1, 0.3, 0.5 and 1 by 5-fold cross-validation over the tuning sets' phrases
 * (colloquial-dev, colloquial-phrases-dev, wordnet-dev, heiplas-dev; both protocols): see
 * docs/answer-quality.md for the folds' choices and the cross-validated numbers.
 */
export const UNTRAINED_CLASS_SHARE = 0.5;

/** A phrase the model never saw, with its vector and target. */
export interface HeldOutPhrase {
  phrase: string;
  x: Float32Array;
  target: SparseTarget;
  weight: number;
}

/**
 * `rows`, and after them, for every row whose main class is named by the phrase's own derived
 * nouns (morphology), the same phrase as if that class had never been trained
 * (`asUntrainedClass`: the class becomes an open label), weighted `share` × the row's weight.
 * Without these the weights only ever see open labels lose, and rank a chat word's own quality
 * noun (kind → kindness, greedy → greed) below any class with a little support.
 */
export function withUntrainedClassRows(model: ScoringModel, rows: readonly StackRow[], share: number): StackRow[] {
  const out = [...rows];
  if (share <= 0) return out;
  for (const r of rows) {
    const { classes, probs } = r.target;
    const main = classes[probs.indexOf(Math.max(...probs))];
    if (main === undefined || !derivedNames(r.features, main)) continue;
    out.push({ features: asUntrainedClass(model, r.features, main), target: { classes: [main], probs: [1] }, weight: r.weight * share });
  }
  return out;
}

/**
 * Fits the scorer's feature weights on phrases `model` (head and memory) never saw: each phrase's
 * features are what the model would compute for a new phrase, and the phrases whose class their
 * derived nouns name also count as if that class were unknown ({@link withUntrainedClassRows}).
 * Returns undefined when there are too few phrases to fit on.
 */
export async function fitScorer(
  model: ScoringModel,
  held: readonly HeldOutPhrase[],
  candidates?: (model: ScoringModel, phrases: readonly string[]) => Promise<PhraseCandidates[]>,
  share = UNTRAINED_CLASS_SHARE,
): Promise<Float32Array | undefined> {
  const usable = held.filter((h) => h.target.classes.length > 0 && h.x.some((v) => v !== 0));
  if (usable.length < MIN_SCORER_ROWS) return undefined;
  const extras = candidates ? await candidates(model, usable.map((h) => h.phrase)) : [];
  const rows: StackRow[] = usable.map((h, i) => ({ features: phraseFeatures(model, h.x, h.phrase, extras[i]), target: h.target, weight: h.weight }));
  return fitStacker(withUntrainedClassRows(model, rows, share), defaultStack(model));
}
