/**
 * Query by committee with two members the model already has: its linear head and the vote of the
 * nearest trained phrases. Where they disagree, the phrase sits between what the head generalised
 * and what people (or the seed) taught nearby: a label there settles the most (Seung et al. 1992;
 * Settles 2009, §3.2, with Jensen–Shannon divergence as the disagreement measure).
 */
import { logits, softmax } from '../head/linear-head.js';
import { meanTarget } from '../model/features.js';
import { nearestRows, type PhraseMemory } from '../model/phrase-memory.js';
import type { ScoringModel } from '../model/scoring-model.js';

/** Neighbours in the committee's nearest-phrase member: the scorer's wider neighbourhood. */
export const COMMITTEE_NEIGHBOURS = 20;

/** Mean target of the `k` memory rows most similar to the unit vector `u` (null: empty memory or zero query). */
export function neighbourVote(memory: PhraseMemory, u: Float32Array, numClasses: number, k = COMMITTEE_NEIGHBOURS): Float32Array | null {
  if (memory.phrases.length === 0 || !u.some((v) => v !== 0)) return null;
  const best = nearestRows(memory, u, k);
  return meanTarget(memory, Array.from(best.ids.subarray(0, best.size)), numClasses);
}

/** Jensen–Shannon divergence in nats (0 for equal distributions, at most ln 2). */
export function jensenShannon(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < p.length; i++) {
    const a = p[i] ?? 0;
    const b = q[i] ?? 0;
    const m = (a + b) / 2;
    if (a > 0) d += 0.5 * a * Math.log(a / m);
    if (b > 0) d += 0.5 * b * Math.log(b / m);
  }
  return Math.max(0, d);
}

/**
 * Disagreement between the head's softmax and the nearest trained phrases' vote for a phrase
 * vector `x` whose centred unit vector is `u`; 0 when the model has no head or no memory (no
 * committee to ask).
 */
export function committeeDisagreement(model: ScoringModel, x: Float32Array, u: Float32Array): number {
  if (!model.head || !model.memory) return 0;
  const vote = neighbourVote(model.memory, u, model.labels.length);
  if (!vote) return 0;
  return jensenShannon(softmax(logits(model.head, x)), vote);
}
