import type { Candidate } from '../../core/types.js';
import { softmax, topK } from '../head/linear-head.js';
import { BLEND, CANDIDATES, QUALITY_NOUN, type BlendSettings, type CandidateSettings } from './blend-settings.js';
import { scoreAll } from './class-distribution.js';
import type { PhraseCandidates } from './open-candidates.js';
import { centred, labelIndex, type ScoringModel } from './scoring-model.js';

/** Scores with the label each one is shown as. */
export interface LabelledScores {
  labels: readonly string[];
  scores: Float32Array;
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

/**
 * Log-scores of the model's classes plus the phrase's open candidates. A class with a morphology
 * candidate among its labels gets a bonus and is shown by that label (cheerful → cheerfulness
 * rather than cheer). Candidates outside the classes (open labels) score from the best class's
 * score; the best `maxOpen` are kept, lifted just above the class ranked `floorClass` when they
 * would fall below it (see {@link CandidateSettings}).
 */
export function scoreOpen(
  model: ScoringModel,
  x: Float32Array,
  extra: PhraseCandidates | undefined,
  phrase?: string,
  settings: { blend?: BlendSettings; candidates?: CandidateSettings } = {},
): LabelledScores {
  const opts = settings.candidates ?? CANDIDATES;
  const scores = scoreAll(model, x, phrase, settings.blend ?? BLEND, extra ? [...extra.facts.values()].flatMap((f) => f.hints) : []);
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
  const open = extra.labels.filter((l) => !index.has(l) && extra.open.has(l) && !(opts.dropThings && extra.facts.get(l)?.thing));
  if (open.length === 0) return { labels, scores };
  const sorted = Float32Array.from(scores).sort().reverse();
  const best = sorted[0] ?? 0;
  const floor = opts.floorClass > 0 ? (sorted[opts.floorClass - 1] ?? -Infinity) : -Infinity;
  const u = centred(x, model.centre);
  const rankOf = new Map([...scores].map((s, c) => [c, s] as const).sort((a, b) => b[1] - a[1]).slice(0, opts.hyponymTop).map(([c], r) => [c, r]));
  const isHyponymOfTop = (l: string) => (extra.facts.get(l)?.hints ?? []).some((h) => rankOf.has(index.get(h) ?? -1));
  const kept = open
    .map((l) => ({
      l,
      s: best + opts.offset + opts.cosine * dot(u, extra.open.get(l) ?? u.map(() => 0)) + (QUALITY_NOUN.test(l) ? opts.quality : 0) + (isHyponymOfTop(l) ? opts.hyponym : 0),
    }))
    .sort((a, b) => b.s - a.s)
    .slice(0, opts.maxOpen);
  const out = new Float32Array(scores.length + kept.length);
  out.set(scores);
  kept.forEach(({ l, s }, j) => {
    // Lifted ones keep their order among themselves.
    out[scores.length + j] = Math.max(s, floor + 1e-3 * (kept.length - j));
    labels.push(l);
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
