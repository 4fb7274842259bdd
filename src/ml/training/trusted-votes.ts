import type { Platform, VoteRecord } from '../../core/types.js';

/** Votes a single user may contribute to training per UTC day; more are kept but not trained on. */
export const DAILY_VOTE_CAP = 200;

type TrainingVote = VoteRecord & { phrase: string; platform: Platform };

/**
 * The votes training may use: none from quarantined users, and at most `dailyCap` per user per
 * day (oldest first), so one account cannot flood the model. Together with one vote per user per
 * label and votes weighted by each user's agreement with the others (see buildTrainingSet), one
 * user cannot overturn what several others agreed on.
 */
export function trustedVotes(votes: readonly TrainingVote[], quarantined: ReadonlySet<string>, dailyCap = DAILY_VOTE_CAP): TrainingVote[] {
  const perDay = new Map<string, number>();
  const out: TrainingVote[] = [];
  for (const v of [...votes].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id)) {
    const user = `${v.platform}:${v.userId}`;
    if (quarantined.has(user)) continue;
    const key = `${user}:${v.createdAt.toISOString().slice(0, 10)}`;
    const n = perDay.get(key) ?? 0;
    if (n >= dailyCap) continue;
    perDay.set(key, n + 1);
    out.push(v);
  }
  return out;
}
