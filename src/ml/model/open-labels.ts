/**
 * Open labels: a phrase's morphology candidates that are none of the model's classes (saltiness
 * for salty, hazard for hazardous). Chat-style phrases often name their attribute by such a noun;
 * WordNet's attribute labels never do, so how they rank is a trade-off measured on both dev sets
 * (README, "Answer quality"; the settings are in `blend-settings.ts`).
 */
import { QUALITY_NOUN, type CandidateSettings } from './blend-settings.js';
import type { PhraseCandidates } from './open-candidates.js';
import { centred, labelIndex, type ScoringModel } from './scoring-model.js';

/** An open label and its log-score, comparable with the classes' log-scores. */
export interface OpenLabel {
  label: string;
  score: number;
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

/** log(e^a + e^b) without overflow. */
function logAddExp(a: number, b: number): number {
  const m = Math.max(a, b);
  return m === -Infinity ? m : m + Math.log(Math.exp(a - m) + Math.exp(b - m));
}

/** Indices of the `n` best classes. */
function topClasses(scores: Float32Array, n: number): Set<number> {
  return new Set([...scores.keys()].sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0)).slice(0, n));
}

/**
 * Scores the open labels of a phrase against its class log-`scores` (after the candidate bonus)
 * and returns those to show. Each scores the best class's score plus `offset`, plus `cosine` ×
 * its cosine to the phrase, `quality` for a quality noun and `hyponym` when it is a kind of one
 * of the `hyponymTop` best classes; the best `maxOpen` are kept and lifted just above the class
 * ranked `floorClass`. Then one that is first of all a kind of one of the `foldTop` best classes
 * is folded into it (`scores` is updated: the class gains its probability), and the rest are
 * merged into one label, shown by the shortest that the encoder finds related to the phrase (see
 * {@link CandidateSettings}).
 */
export function openLabels(model: ScoringModel, x: Float32Array, scores: Float32Array, extra: PhraseCandidates, opts: CandidateSettings): OpenLabel[] {
  const index = labelIndex(model);
  const open = extra.labels.filter((l) => !index.has(l) && extra.open.has(l) && !(opts.dropThings && extra.facts.get(l)?.thing));
  if (open.length === 0) return [];
  const sorted = Float32Array.from(scores).sort().reverse();
  const best = sorted[0] ?? 0;
  const floor = opts.floorClass > 0 ? (sorted[opts.floorClass - 1] ?? -Infinity) : -Infinity;
  const u = centred(x, model.centre);
  const top = topClasses(scores, opts.hyponymTop);
  const isHyponymOfTop = (l: string) => (extra.facts.get(l)?.hints ?? []).some((h) => top.has(index.get(h) ?? -1));
  const kept = open
    .map((label) => {
      const v = extra.open.get(label);
      const score = best + opts.offset + (v ? opts.cosine * dot(u, v) : 0) + (QUALITY_NOUN.test(label) ? opts.quality : 0) + (isHyponymOfTop(label) ? opts.hyponym : 0);
      return { label, score };
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, opts.maxOpen)
    // Lifted ones keep their order among themselves.
    .map(({ label, score }, j, all) => ({ label, score: Math.max(score, floor + 1e-3 * (all.length - j)) }));
  const foldable = topClasses(scores, opts.foldTop);
  const left = kept.filter(({ label, score }) => {
    const into = (extra.facts.get(label)?.parents ?? []).map((p) => index.get(p)).find((c) => c !== undefined && foldable.has(c));
    if (into === undefined) return true;
    scores[into] = logAddExp(scores[into] ?? -Infinity, score);
    return false;
  });
  if (!opts.mergeOpen || left.length < 2) return left;
  const related = left.filter(({ label }) => {
    const v = extra.open.get(label);
    return v !== undefined && dot(u, v) > opts.shownCosine;
  });
  // Stable sort: among equally short labels the better-scored one is shown.
  const shown = [...related].sort((a, b) => a.label.length - b.label.length)[0]?.label ?? left[0]?.label ?? '';
  return [{ label: shown, score: left.reduce((acc, o) => logAddExp(acc, o.score), -Infinity) }];
}
