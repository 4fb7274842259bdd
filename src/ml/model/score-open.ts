import type { Candidate } from '../../core/types.js';
import { softmax, topK } from '../head/linear-head.js';
import { BLEND, CANDIDATES, type BlendSettings, type CandidateSettings } from './blend-settings.js';
import { scoreAll } from './class-distribution.js';
import type { PhraseCandidates } from './open-candidates.js';
import { openLabels } from './open-labels.js';
import { labelIndex, type ScoringModel } from './scoring-model.js';

/** Scores with the label each one is shown as. */
export interface LabelledScores {
  labels: readonly string[];
  scores: Float32Array;
}

/**
 * Log-scores of the model's classes plus the phrase's open candidates. A class with a morphology
 * candidate among its labels gets a bonus and is shown by that label (cheerful → cheerfulness
 * rather than cheer). Candidates outside the classes (open labels) are scored, folded into a
 * class or merged by `openLabels` (see {@link CandidateSettings}).
 */
export function scoreOpen(
  model: ScoringModel,
  x: Float32Array,
  extra: PhraseCandidates | undefined,
  phrase?: string,
  settings: { blend?: BlendSettings; candidates?: CandidateSettings } = {},
): LabelledScores {
  const opts = settings.candidates ?? CANDIDATES;
  const morphology = extra ? { hints: [...extra.facts.values()].flatMap((f) => f.hints), derived: extra.derived ?? null } : {};
  const scores = scoreAll(model, x, phrase, settings.blend ?? BLEND, morphology);
  const labels = [...model.labels];
  if (!extra || extra.labels.length === 0) return { labels, scores };
  const index = labelIndex(model);
  const boosted = new Set<number>();
  for (const l of extra.labels) {
    const c = index.get(l);
    if (c === undefined || boosted.has(c)) continue;
    boosted.add(c);
    scores[c] = (scores[c] ?? 0) + opts.bonus;
    labels[c] = l;
  }
  const open = openLabels(model, x, scores, extra, opts);
  if (open.length === 0) return { labels, scores };
  const out = new Float32Array(scores.length + open.length);
  out.set(scores);
  open.forEach(({ label, score }, j) => {
    out[scores.length + j] = score;
    labels.push(label);
  });
  return { labels, scores: out };
}

/**
 * Top-k candidates with softmax probabilities over the classes (and the phrase's open
 * candidates). `phrase` lets trained relatives of its words vote (see `classDistribution`).
 */
export function rank(model: ScoringModel, x: Float32Array, k: number, extra?: PhraseCandidates, phrase?: string): Candidate[] {
  if (model.labels.length === 0 && !extra?.labels.length) return [];
  const { labels, scores } = scoreOpen(model, x, extra, phrase);
  const p = softmax(scores);
  return topK(p, k).map(({ index, score }) => ({ label: labels[index] ?? '', p: score }));
}
