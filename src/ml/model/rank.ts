import type { Candidate } from '../../core/types.js';
import { topK } from '../head/linear-head.js';
import { phraseDistributionInScratch, type PhraseDistribution } from './class-distribution.js';
import type { CandidateFacts, PhraseCandidates } from './open-candidates.js';
import { EVERYDAY_NAMES } from './everyday-names.js';
import { labelIndex, type ScoringModel } from './scoring-model.js';

interface DisplayInfo {
  /** Each class's display label. */
  labels: readonly string[];
  /** No two classes share a display label. */
  unique: boolean;
  /** display label → its (first) class. */
  index: ReadonlyMap<string, number>;
}
const displays = new WeakMap<readonly string[], DisplayInfo>();
/** Each class's display label (memoized per model: its labels never change once built). */
function displayInfo(model: ScoringModel): DisplayInfo {
  let d = displays.get(model.labels);
  if (!d) {
    const labels = model.labels.map((l) => EVERYDAY_NAMES.get(l) ?? l);
    const index = new Map<string, number>();
    labels.forEach((l, c) => index.has(l) || index.set(l, c));
    d = { labels, unique: index.size === labels.length, index };
    displays.set(model.labels, d);
  }
  return d;
}
function displayLabels(model: ScoringModel): readonly string[] {
  return displayInfo(model).labels;
}

/**
 * Whether a derived noun of the phrase may name its class: one word, never a multi-word WordNet
 * term, and a word people say (fast derives "fastness", which spoken English never uses for
 * speed: the class keeps its everyday name).
 */
function namesClass(label: string, facts: CandidateFacts | undefined): boolean {
  return !/\s/.test(label) && facts?.uses !== 0;
}

/**
 * The label each entry of a phrase's distribution is shown by: a class by its display label, or
 * by the phrase's own derived noun when that is one of the class's labels (cheerful →
 * cheerfulness rather than cheer: the word the user's word makes) — a single word people say: a
 * multi-word WordNet term is never shown where the class has an everyday word (tasty derives
 * "taste property" in WordNet; it is shown as taste), nor a word spoken English lacks (fastness);
 * then the open labels.
 */
export function shownLabels(model: ScoringModel, dist: Pick<PhraseDistribution, 'open'>, extra?: PhraseCandidates): string[] {
  const labels = [...displayLabels(model)];
  for (const [c, l] of ownNames(model, extra)) labels[c] = l;
  return [...labels, ...dist.open];
}

/** The classes the phrase's own derived nouns name (see {@link shownLabels}), first noun first. */
function ownNames(model: ScoringModel, extra: PhraseCandidates | undefined): Map<number, string> {
  const named = new Map<number, string>();
  if (!extra) return named;
  const index = labelIndex(model);
  for (const l of extra.labels) {
    const c = index.get(l);
    if (c !== undefined && !named.has(c) && namesClass(l, extra.facts.get(l))) named.set(c, l);
  }
  return named;
}

/**
 * What a person sees for a phrase: its distribution by shown label, entries shown by the same word
 * summed into one answer (near-duplicates are one answer).
 */
export function shownDistribution(model: ScoringModel, x: Float32Array, phrase?: string, extra?: PhraseCandidates): { labels: string[]; p: Float32Array } {
  const dist = phraseDistributionInScratch(model, x, phrase, extra);
  const shown = shownLabels(model, dist, extra);
  // Nothing to merge (the usual case without candidates): skip the per-label bookkeeping.
  if (displayInfo(model).unique && !extra) return { labels: shown, p: dist.p.slice() };
  return mergedByShownLabel(shown, dist.p);
}

/** Entries shown by the same word summed into one answer, in the order of their first entry. */
function mergedByShownLabel(shown: readonly string[], p: Float32Array): { labels: string[]; p: Float32Array } {
  const at = new Map<string, number>();
  const labels: string[] = [];
  const mass: number[] = [];
  shown.forEach((l, i) => {
    const j = at.get(l);
    if (j === undefined) {
      at.set(l, labels.length);
      labels.push(l);
      mass.push(p[i] ?? 0);
    } else mass[j] = (mass[j] ?? 0) + (p[i] ?? 0);
  });
  return { labels, p: Float32Array.from(mass) };
}

/**
 * The classes shown by the phrase's own derived noun instead of their display label (see
 * {@link shownLabels}), or null when some shown label could then stand for two entries (they
 * would be summed into one answer: the general path of {@link shownDistribution} handles that).
 */
function relabelledWithoutMerges(model: ScoringModel, open: readonly string[], extra: PhraseCandidates | undefined): Map<number, string> | null {
  const display = displayInfo(model);
  if (!display.unique) return null;
  const relabelled = ownNames(model, extra);
  for (const [c, l] of relabelled) {
    const other = display.index.get(l);
    if (other !== undefined && other !== c) return null;
  }
  for (let i = 0; i < open.length; i++) {
    const l = open[i] ?? '';
    if (display.index.has(l) || open.indexOf(l) !== i) return null;
  }
  return relabelled;
}

/** The `k` most likely answers for a phrase vector (see {@link shownDistribution}). */
export function rank(model: ScoringModel, x: Float32Array, k: number, extra?: PhraseCandidates, phrase?: string): Candidate[] {
  const c = model.labels.length;
  if (c === 0) return [];
  const dist = phraseDistributionInScratch(model, x, phrase, extra);
  const relabelled = relabelledWithoutMerges(model, dist.open, extra);
  if (relabelled === null) {
    // Some entries are one answer: sum them (the plain path, on a copy of the scratch distribution).
    const { labels, p } = mergedByShownLabel(shownLabels(model, dist, extra), dist.p);
    return topK(p, k).map(({ index, score }) => ({ label: labels[index] ?? '', p: score }));
  }
  // Every entry is its own answer: the shown distribution is the distribution itself.
  const display = displayLabels(model);
  const label = (i: number) => (i < c ? (relabelled.get(i) ?? display[i]) : dist.open[i - c]) ?? '';
  return topK(dist.p, k).map(({ index, score }) => ({ label: label(index), p: score }));
}
