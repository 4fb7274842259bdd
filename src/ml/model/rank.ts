import type { Candidate } from '../../core/types.js';
import { topK } from '../head/linear-head.js';
import { phraseDistribution, type PhraseDistribution } from './class-distribution.js';
import type { PhraseCandidates } from './open-candidates.js';
import { EVERYDAY_NAMES } from './everyday-names.js';
import { labelIndex, type ScoringModel } from './scoring-model.js';

const displays = new WeakMap<readonly string[], { labels: readonly string[]; unique: boolean }>();
/** Each class's display label (memoized per model: its labels never change once built). */
function displayInfo(model: ScoringModel): { labels: readonly string[]; unique: boolean } {
  let d = displays.get(model.labels);
  if (!d) {
    const labels = model.labels.map((l) => EVERYDAY_NAMES.get(l) ?? l);
    d = { labels, unique: new Set(labels).size === labels.length };
    displays.set(model.labels, d);
  }
  return d;
}
function displayLabels(model: ScoringModel): readonly string[] {
  return displayInfo(model).labels;
}

/**
 * The label each entry of a phrase's distribution is shown by: a class by its display label, or
 * by the phrase's own derived noun when that is one of the class's labels (cheerful →
 * cheerfulness rather than cheer: the word the user's word makes); then the open labels.
 */
export function shownLabels(model: ScoringModel, dist: Pick<PhraseDistribution, 'open'>, extra?: PhraseCandidates): string[] {
  const labels = [...displayLabels(model)];
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
 * What a person sees for a phrase: its distribution by shown label, entries shown by the same word
 * summed into one answer (near-duplicates are one answer).
 */
export function shownDistribution(model: ScoringModel, x: Float32Array, phrase?: string, extra?: PhraseCandidates): { labels: string[]; p: Float32Array } {
  const dist = phraseDistribution(model, x, phrase, extra);
  const shown = shownLabels(model, dist, extra);
  // Nothing to merge (the usual case without candidates): skip the per-label bookkeeping.
  if (displayInfo(model).unique && !extra) return { labels: shown, p: dist.p };
  const at = new Map<string, number>();
  const labels: string[] = [];
  const mass: number[] = [];
  shown.forEach((l, i) => {
    const j = at.get(l);
    if (j === undefined) {
      at.set(l, labels.length);
      labels.push(l);
      mass.push(dist.p[i] ?? 0);
    } else mass[j] = (mass[j] ?? 0) + (dist.p[i] ?? 0);
  });
  return { labels, p: Float32Array.from(mass) };
}

/** The `k` most likely answers for a phrase vector (see {@link shownDistribution}). */
export function rank(model: ScoringModel, x: Float32Array, k: number, extra?: PhraseCandidates, phrase?: string): Candidate[] {
  if (model.labels.length === 0) return [];
  const { labels, p } = shownDistribution(model, x, phrase, extra);
  return topK(p, k).map(({ index, score }) => ({ label: labels[index] ?? '', p: score }));
}
