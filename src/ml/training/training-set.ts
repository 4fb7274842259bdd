import { createHash } from 'node:crypto';
import type { Example, VoteRecord } from '../../core/types.js';

/** A phrase with its soft target (label → probability) and its weight in the loss. */
export interface TrainingPhrase {
  phrase: string;
  target: Map<string, number>;
  weight: number;
  /** Set when users voted on it: never held out for early stopping. */
  fromUsers: boolean;
}

export interface TrainingSet {
  train: TrainingPhrase[];
  /** Held out for the gate, by set name: `seed-holdout`, `feedback-holdout`. */
  heldOut: Record<string, TrainingPhrase[]>;
  labels: string[];
}

/** How much a user-labelled phrase weighs against one WordNet phrase. */
export const USER_WEIGHT = 4;
/** Below this many user-labelled phrases, all of them are trained on (none held out). */
export const MIN_FEEDBACK_FOR_HOLDOUT = 50;

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
 * Turns stored examples and live votes into training targets. A phrase's examples give a soft
 * target (an adjective with several attributes spreads its mass); users' votes on a phrase
 * replace the seed's target for it, each user counting once per label.
 */
export function buildTrainingSet(examples: readonly Example[], votes: readonly (VoteRecord & { phrase: string })[]): TrainingSet {
  const seed = new Map<string, Map<string, number>>();
  for (const e of examples) {
    const t = seed.get(e.phrase) ?? new Map<string, number>();
    t.set(e.label, (t.get(e.label) ?? 0) + e.weight);
    seed.set(e.phrase, t);
  }
  const voted = new Map<string, Map<string, Set<string>>>();
  for (const v of votes) {
    if (v.kind === 'reject') continue;
    const byLabel = voted.get(v.phrase) ?? new Map<string, Set<string>>();
    const users = byLabel.get(v.label) ?? new Set<string>();
    users.add(v.userId);
    byLabel.set(v.label, users);
    voted.set(v.phrase, byLabel);
  }
  const train: TrainingPhrase[] = [];
  const heldOut: Record<string, TrainingPhrase[]> = { 'seed-holdout': [], 'feedback-holdout': [] };
  const holdFeedback = voted.size >= MIN_FEEDBACK_FOR_HOLDOUT;
  for (const [phrase, byLabel] of voted) {
    const target = normalize(new Map([...byLabel].map(([l, users]) => [l, users.size])));
    const item = { phrase, target, weight: USER_WEIGHT, fromUsers: true };
    if (holdFeedback && bucket(phrase, 10) === 0) heldOut['feedback-holdout']?.push(item);
    else train.push(item);
  }
  for (const [phrase, t] of seed) {
    if (voted.has(phrase)) continue;
    const item = { phrase, target: normalize(t), weight: 1, fromUsers: false };
    if (bucket(phrase, 20) === 0) heldOut['seed-holdout']?.push(item);
    else train.push(item);
  }
  const labels = [...new Set(train.flatMap((p) => [...p.target.keys()]))].sort();
  return { train, heldOut, labels };
}
