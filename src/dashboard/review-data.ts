import type { Platform } from '../core/types.js';
import { ballotsByPhrase, voterKey, type TrainingVote } from '../ml/training/ballots.js';
import { trustedVotes } from '../ml/training/trusted-votes.js';
import { ballotWeight, voterTrust } from '../ml/training/voter-weights.js';

/** One voter on a disputed phrase, with the weight the next retrain gives their ballot. */
export interface DisputeVoter {
  platform: Platform;
  userId: string;
  labels: string[];
  /** Their live votes on the phrase (ids for "delete vote"). */
  voteIds: number[];
  /** 0 when quarantined; the voter's reliability (×2 as an admin) otherwise. */
  weight: number;
  quarantined: boolean;
  admin: boolean;
}

/** A phrase whose voters chose different labels. */
export interface Dispute {
  phrase: string;
  /** Labels with the summed weight behind them, heaviest first. */
  labels: { label: string; weight: number }[];
  voters: DisputeVoter[];
  /** An admin has voted on it (e.g. settled it from here). */
  settled: boolean;
  /** The newest prediction of the phrase that was voted on: where a settling vote goes. */
  latestPredictionId: number;
}

/**
 * The phrases users disagree on, from the live votes (as the next retrain would weigh them:
 * quarantine and the daily cap applied, weights from agreement), unsettled and most voters first.
 * Pure.
 */
export function findDisputes(votes: readonly (TrainingVote & { platform: Platform })[], quarantined: ReadonlySet<string>, limit: number): Dispute[] {
  const trust = voterTrust(ballotsByPhrase(trustedVotes(votes, quarantined)));
  const byPhrase = new Map<string, (TrainingVote & { platform: Platform })[]>();
  for (const v of votes) {
    if (v.kind === 'reject') continue;
    const list = byPhrase.get(v.phrase);
    if (list) list.push(v);
    else byPhrase.set(v.phrase, [v]);
  }
  const disputes: Dispute[] = [];
  for (const [phrase, list] of byPhrase) {
    if (new Set(list.map((v) => v.label)).size < 2) continue;
    const voters = new Map<string, DisputeVoter>();
    for (const v of list) {
      const key = voterKey(v);
      const d = voters.get(key) ?? { platform: v.platform, userId: v.userId, labels: [], voteIds: [], weight: 0, quarantined: quarantined.has(key), admin: false };
      if (!d.labels.includes(v.label)) d.labels.push(v.label);
      d.voteIds.push(v.id);
      d.admin ||= v.voterIsAdmin === true;
      voters.set(key, d);
    }
    const labelWeight = new Map<string, number>();
    for (const [key, d] of voters) {
      d.weight = d.quarantined ? 0 : ballotWeight({ voter: key, labels: new Set(d.labels), admin: d.admin }, trust);
      for (const label of d.labels) labelWeight.set(label, (labelWeight.get(label) ?? 0) + d.weight / d.labels.length);
    }
    disputes.push({
      phrase,
      labels: [...labelWeight].map(([label, weight]) => ({ label, weight })).sort((a, b) => b.weight - a.weight || a.label.localeCompare(b.label)),
      voters: [...voters.values()],
      settled: [...voters.values()].some((d) => d.admin),
      latestPredictionId: Math.max(...list.map((v) => v.predictionId)),
    });
  }
  return disputes
    .sort((a, b) => Number(a.settled) - Number(b.settled) || b.voters.length - a.voters.length || a.phrase.localeCompare(b.phrase))
    .slice(0, limit);
}
