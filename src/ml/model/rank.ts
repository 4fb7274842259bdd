import type { Candidate } from '../../core/types.js';
import { topK } from '../head/linear-head.js';
import { phraseDistribution, type PhraseDistribution } from './class-distribution.js';
import type { PhraseCandidates } from './open-candidates.js';
import { labelIndex, type ScoringModel } from './scoring-model.js';

/**
 * The label each entry of a phrase's distribution is shown by: a class by its display label, or
 * by the phrase's own derived noun when that is one of the class's labels (cheerful →
 * cheerfulness rather than cheer: the word the user's word makes); then the open labels.
 */
export function shownLabels(model: ScoringModel, dist: Pick<PhraseDistribution, 'open'>, extra?: PhraseCandidates): string[] {
  const labels = [...model.labels];
  if (extra) {
    const index = labelIndex(model);
    const taken = new Set<number>();
    for (const l of extra.labels) {
      const c = index.get(l);
      if (c === undefined || taken.has(c)) continue;
      taken.add(c);
      labels[c] = l;
    }
  }
  return [...labels, ...dist.open];
}

/**
 * The `k` most likely answers for a phrase vector, shown by {@link shownLabels}, with the
 * probabilities of {@link phraseDistribution}.
 */
export function rank(model: ScoringModel, x: Float32Array, k: number, extra?: PhraseCandidates, phrase?: string): Candidate[] {
  if (model.labels.length === 0) return [];
  const dist = phraseDistribution(model, x, phrase, extra);
  const labels = shownLabels(model, dist, extra);
  return topK(dist.p, k).map(({ index, score }) => ({ label: labels[index] ?? '', p: score }));
}
