/** Ports: the admin dashboard's sign-in store and read queries. Re-exported by `ports.ts`. */

import type { Platform, PredictionRecord, VoteRecord } from './types.js';

/** A one-time dashboard sign-in link as stored (the token itself is never stored, only its hash). */
export interface DashboardLinkRow {
  tokenHash: string;
  /** `platform:userId` of whom the link was minted for. */
  userKey: string;
  /** Whether that user was an admin when the link was minted; only admins' links sign in. */
  isAdmin: boolean;
  expiresAt: Date;
}

/** A dashboard session as stored (keyed by the hash of the cookie value). */
export interface DashboardSessionRow {
  idHash: string;
  userKey: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Dashboard sign-in: one-time links and server-side sessions. */
export interface DashboardAuthRepo {
  /** Stores a link; links expired more than a day before `now` are deleted with it. */
  createLink(link: DashboardLinkRow, now: Date): Promise<void>;
  /** Marks the link used, at most once: returns it when it was unused and unexpired at `now`, else null. */
  consumeLink(tokenHash: string, now: Date): Promise<DashboardLinkRow | null>;
  /** Stores a session; sessions expired more than a day before `now` are deleted with it. */
  createSession(session: DashboardSessionRow, now: Date): Promise<void>;
  /** The session when it exists, has not ended and has not expired at `now`. */
  getSession(idHash: string, now: Date): Promise<DashboardSessionRow | null>;
  /** Ends a session (sign-out); false when it was not live. */
  endSession(idHash: string, now: Date): Promise<boolean>;
}

/** Lean read queries for the admin dashboard's pages (bounded work on large vote tables). */
export interface DashboardReadRepo {
  /** Every live vote with its prediction's phrase and platform (as {@link FeedbackRepo.listLive}, in one raw query). */
  liveVotes(): Promise<(VoteRecord & { phrase: string; platform: Platform })[]>;
  /** Distinct (phrase, label) of live votes that name a label (the export). */
  votedLabels(): Promise<{ phrase: string; label: string }[]>;
  /** Live votes per UTC day over the last `days` days, oldest first. */
  votesPerDay(days: number): Promise<{ day: string; votes: number }[]>;
  /** The newest prediction of a phrase that has a live vote and a platform message, if any. */
  latestVotedPrediction(phrase: string): Promise<PredictionRecord | null>;
}
