import { createHash } from 'node:crypto';
import type { Example } from '../../core/types.js';
import { ballotsByPhrase, type Ballot, type TrainingVote } from './ballots.js';
import { ballotWeight, PRIOR_RELIABILITY, voterTrust, type VoterTrust } from './voter-weights.js';

/** A phrase with its soft target (label → probability) and its weight in the loss. */
export interface TrainingPhrase {
  phrase: string;
  target: Map<string, number>;
  weight: number;
  /**
   * Taught by people — users voted on it, or an owner imported or added it (not WordNet's seed):
   * always trained on (never held out of the gate, the scorer's fit or early stopping) and
   * answered with what they taught.
   */
  fromUsers: boolean;
}

export interface TrainingSet {
  train: TrainingPhrase[];
  /** Held out for the gate, by set name: `seed-holdout` (seed phrases only: every vote is learned). */
  heldOut: Record<string, TrainingPhrase[]>;
  labels: string[];
}

/**
 * How much a user-labelled phrase weighs against one WordNet phrase, once the voters behind it
 * weigh at least {@link FULL_TRUST} together.
 */
export const USER_WEIGHT = 4;
/**
 * The summed voter weight behind a phrase that earns the full {@link USER_WEIGHT}: one new voter's
 * (the prior), so a phrase one ordinary user taught weighs as it always did, while a phrase only
 * distrusted voters taught (a flooder's own phrases) weighs proportionally less.
 */
export const FULL_TRUST = PRIOR_RELIABILITY;

/** Deterministic bucket 0..mod-1 of a phrase: the same phrase always lands in the same split. */
export function bucket(phrase: string, mod: number): number {
  return createHash('sha1').update(phrase).digest().readUInt32BE(0) % mod;
}

function normalize(target: Map<string, number>): Map<string, number> {
  let sum = 0;
  for (const w of target.values()) sum += w;
  return new Map([...target].map(([l, w]) => [l, w / sum]));
}

/**
 * A voted phrase's soft target: each voter's weight (see {@link ballotWeight}) spread evenly over
 * the labels they voted for, summed per label and normalized; and the total weight behind it.
 */
function votedTarget(ballots: readonly Ballot[], trust: ReadonlyMap<string, VoterTrust>): { target: Map<string, number>; trust: number } {
  const target = new Map<string, number>();
  let total = 0;
  for (const b of ballots) {
    const w = ballotWeight(b, trust);
    total += w;
    for (const label of b.labels) target.set(label, (target.get(label) ?? 0) + w / b.labels.size);
  }
  return { target: normalize(target), trust: total };
}

/**
 * Turns stored examples and live votes into training targets. A phrase's examples give a soft
 * target (an adjective with several attributes spreads its mass); users' votes on a phrase
 * replace the seed's target for it: each user counts once per label, weighted by their agreement
 * with other users (see {@link voterTrust}) and their admin status, so one user cannot overturn
 * what several others agreed on.
 */
export function buildTrainingSet(examples: readonly Example[], votes: readonly TrainingVote[]): TrainingSet {
  const seed = new Map<string, Map<string, number>>();
  const imported = new Set<string>();
  for (const e of examples) {
    const t = seed.get(e.phrase) ?? new Map<string, number>();
    t.set(e.label, (t.get(e.label) ?? 0) + e.weight);
    seed.set(e.phrase, t);
    if (e.source !== 'wordnet') imported.add(e.phrase);
  }
  const voted = ballotsByPhrase(votes);
  const trust = voterTrust(voted);
  const train: TrainingPhrase[] = [];
  // Seed phrases only: a user's correction is always learned, and the held-out phrases are the
  // same for every model (a fixed hash), so neither the new nor the active model was trained on them.
  const heldOut: Record<string, TrainingPhrase[]> = { 'seed-holdout': [] };
  for (const [phrase, ballots] of voted) {
    const { target, trust: behind } = votedTarget(ballots, trust);
    train.push({ phrase, target, weight: USER_WEIGHT * Math.min(1, behind / FULL_TRUST), fromUsers: true });
  }
  for (const [phrase, t] of seed) {
    if (voted.has(phrase)) continue;
    // An example an owner imported or added is what people taught, like a vote; WordNet's are weak labels.
    const item = { phrase, target: normalize(t), weight: 1, fromUsers: imported.has(phrase) };
    if (!item.fromUsers && bucket(phrase, 20) === 0) heldOut['seed-holdout']?.push(item);
    else train.push(item);
  }
  const labels = [...new Set(train.flatMap((p) => [...p.target.keys()]))].sort();
  return { train, heldOut, labels };
}
