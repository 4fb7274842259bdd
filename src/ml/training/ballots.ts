import type { Platform, VoteRecord } from '../../core/types.js';

/** A live vote as training reads it: with its prediction's normalized phrase and (from storage) platform. */
export type TrainingVote = VoteRecord & { phrase: string; platform?: Platform };

/** One voter's say on one phrase: the labels they voted for (each once) and whether they voted as an admin. */
export interface Ballot {
  voter: string;
  labels: ReadonlySet<string>;
  /** Any of the voter's votes on the phrase was cast as an admin. */
  admin: boolean;
}

/** Who cast a vote: `platform:userId` (ids are unique per platform only), the bare id without a platform. */
export function voterKey(v: Pick<TrainingVote, 'userId' | 'platform'>): string {
  return v.platform === undefined ? v.userId : `${v.platform}:${v.userId}`;
}

/**
 * Groups votes into ballots, phrase → one ballot per voter: however many times a user voted a
 * label on a phrase (across predictions of the same phrase too), it is one label on one ballot.
 * ❌ rejections name no label and make no ballot.
 */
export function ballotsByPhrase(votes: readonly TrainingVote[]): Map<string, Ballot[]> {
  const grouped = new Map<string, Map<string, { labels: Set<string>; admin: boolean }>>();
  for (const v of votes) {
    if (v.kind === 'reject') continue;
    const byVoter = grouped.get(v.phrase) ?? new Map<string, { labels: Set<string>; admin: boolean }>();
    const voter = voterKey(v);
    const ballot = byVoter.get(voter) ?? { labels: new Set<string>(), admin: false };
    ballot.labels.add(v.label);
    ballot.admin ||= v.voterIsAdmin === true;
    byVoter.set(voter, ballot);
    grouped.set(v.phrase, byVoter);
  }
  return new Map([...grouped].map(([phrase, byVoter]) => [phrase, [...byVoter].map(([voter, b]) => ({ voter, ...b }))]));
}
