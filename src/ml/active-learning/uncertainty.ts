import { classDistribution } from '../model/class-distribution.js';
import type { PhraseCandidates } from '../model/open-candidates.js';
import { centred, type ScoringModel } from '../model/scoring-model.js';
import { committeeDisagreement } from './committee.js';
import { densities, diverseOrder } from './pool-geometry.js';

/**
 * How a pool is ordered (README, "Active learning", and docs/active-learning.md for what each
 * measured): small margin, high entropy, or the average rank under both, of the model's class
 * distribution; `shown-margin`, the margin of the probabilities users are shown (`PoolItem.shown`,
 * else the class distribution's); `density`, that margin weighted by how typical the phrase is of
 * the pool; `diverse`, that margin with each pick unlike the ones before; `committee`, the
 * disagreement between the head and the nearest trained phrases.
 */
export type UncertaintyMeasure = 'margin' | 'entropy' | 'combined' | 'shown-margin' | 'density' | 'diverse' | 'committee';

/**
 * The measure {@link rankByUncertainty} uses unless told otherwise: margin weighted by density,
 * the best of the measures on held-out phrases in `bench:active` (docs/active-learning.md; the
 * gain over random is about the size of the spread between seeds, so small either way).
 */
export const DEFAULT_MEASURE: UncertaintyMeasure = 'density';

/** A pool phrase with its encoder vector. */
export interface PoolItem {
  phrase: string;
  x: Float32Array;
  /** The phrase's morphology candidates (`Predictor.candidatesFor`): with them the class distribution is the one users are shown. */
  extra?: PhraseCandidates;
  /**
   * The probabilities shown to users for this phrase, best first (at least the top two), when the
   * caller has them: the calibrated answer, open labels included.
   */
  shown?: readonly number[];
}

/** A pool phrase's uncertainty under a model; `score` is higher for more informative phrases. */
export interface UncertaintyRank {
  phrase: string;
  /** Top-1 minus top-2 probability (0 = a coin toss between two labels). */
  margin: number;
  /** Shannon entropy of the label distribution, in nats. */
  entropy: number;
  score: number;
}

/** Top-1 minus top-2 probability; 1 for a single-label distribution, 0 for an empty one. */
export function margin(p: ArrayLike<number>): number {
  if (p.length === 0) return 0;
  let first = -Infinity;
  let second = -Infinity;
  for (let i = 0; i < p.length; i++) {
    const v = p[i] ?? 0;
    if (v > first) {
      second = first;
      first = v;
    } else if (v > second) second = v;
  }
  return second === -Infinity ? first : first - second;
}

/** Shannon entropy in nats; zero-probability entries contribute nothing (lim p·log p = 0). */
export function entropy(p: ArrayLike<number>): number {
  let h = 0;
  for (let i = 0; i < p.length; i++) {
    const v = p[i] ?? 0;
    if (v > 0) h -= v * Math.log(v);
  }
  return h;
}

/**
 * Rank positions (0 = most informative) of `values` sorted by `better`; ties share the lower
 * position so that equal phrases are not split arbitrarily by input order.
 */
function ranks(values: readonly number[], better: (a: number, b: number) => number): number[] {
  const order = values.map((_, i) => i).sort((a, b) => better(values[a] ?? 0, values[b] ?? 0) || a - b);
  const out = new Array<number>(values.length).fill(0);
  order.forEach((idx, pos) => {
    const prev = order[pos - 1];
    out[idx] = prev !== undefined && values[prev] === values[idx] ? (out[prev] ?? pos) : pos;
  });
  return out;
}

/**
 * Orders pool phrases most informative first under `model` (see {@link UncertaintyMeasure}).
 * Phrases with a zero vector are skipped: every word was unknown, so a user's label could not
 * teach the head anything about them. `combined` averages the margin and entropy ranks, which is
 * robust to the two measures living on different scales.
 */
export function rankByUncertainty(
  model: ScoringModel,
  items: readonly PoolItem[],
  opts: { by?: UncertaintyMeasure } = {},
): UncertaintyRank[] {
  const by = opts.by ?? DEFAULT_MEASURE;
  const known = items.filter((it) => it.x.some((v) => v !== 0));
  const rows = known.map((it) => {
    const p = classDistribution(model, it.x, it.phrase, it.extra);
    return { phrase: it.phrase, margin: margin(p), entropy: entropy(p), score: 0 };
  });
  const shownMargin = known.map((it, i) => (it.shown && it.shown.length > 0 ? margin(it.shown) : (rows[i]?.margin ?? 0)));
  const units = () => known.map((it) => centred(it.x, model.centre));
  if (by === 'margin') rows.forEach((r) => (r.score = 1 - r.margin));
  else if (by === 'entropy') rows.forEach((r) => (r.score = r.entropy));
  else if (by === 'shown-margin') rows.forEach((r, i) => (r.score = 1 - (shownMargin[i] ?? 0)));
  else if (by === 'density') {
    const d = densities(units());
    rows.forEach((r, i) => (r.score = (1 - (shownMargin[i] ?? 0)) * (d[i] ?? 0)));
  } else if (by === 'committee') {
    const u = units();
    rows.forEach((r, i) => (r.score = committeeDisagreement(model, known[i]?.x ?? new Float32Array(0), u[i] ?? new Float32Array(0))));
  } else if (by === 'diverse') {
    const order = diverseOrder(shownMargin.map((m) => 1 - m), units());
    // The greedy order is the ranking: score falls with the position a phrase was picked at.
    order.forEach((idx, pos) => {
      const r = rows[idx];
      if (r) r.score = 1 - pos / Math.max(1, order.length);
    });
  } else {
    const byMargin = ranks(rows.map((r) => r.margin), (a, b) => a - b);
    const byEntropy = ranks(rows.map((r) => r.entropy), (a, b) => b - a);
    const n = Math.max(1, rows.length - 1);
    // Map the mean rank to [0, 1] with 1 = most informative, so `score` means the same in every mode.
    rows.forEach((r, i) => (r.score = 1 - ((byMargin[i] ?? 0) + (byEntropy[i] ?? 0)) / 2 / n));
  }
  // Stable sort: equal scores keep pool order, so results are reproducible.
  return rows.map((r, i) => ({ r, i })).sort((a, b) => b.r.score - a.r.score || a.i - b.i).map(({ r }) => r);
}
