/** Ports: what people taught a bot as one archive (`attribot export` / `import`). Re-exported by `ports.ts`. */

import type { Example, FeedbackKind, Platform, PredictionRecord, VoteVia } from './types.js';

/**
 * A prediction as an export keeps it: what a vote on it needs to be trained on as before (its
 * phrase, platform and place, who asked, what was shown). `id` is the exporting database's id,
 * which the export's votes refer to; the model version that answered is not kept (model ids do
 * not travel between databases).
 */
export type ArchivedPrediction = Omit<PredictionRecord, 'modelVersionId'>;

/** A vote as an export keeps it: everything training weighs it by, and whether it was retracted. */
export interface ArchivedVote {
  /** The {@link ArchivedPrediction.id} voted on. */
  predictionId: number;
  userId: string;
  kind: FeedbackKind;
  label: string;
  voterIsAdmin: boolean;
  /** How it was cast (absent: not known, as in exports made before it was recorded). */
  via?: VoteVia;
  createdAt: Date;
  retractedAt: Date | null;
}

/** A quarantined user as an export keeps them (their votes are kept but never trained on). */
export interface ArchivedQuarantine {
  platform: Platform;
  userId: string;
  by: string;
  reason: string | null;
  createdAt: Date;
}

/**
 * What people taught a bot, kept apart as training reads it: training examples by source, and the
 * votes (live and retracted) with the predictions they were cast on, and the quarantine list.
 * Models, the audit log and unvoted predictions are not part of it.
 */
export interface TaughtArchive {
  examples: Example[];
  predictions: ArchivedPrediction[];
  votes: ArchivedVote[];
  quarantined: ArchivedQuarantine[];
}

/** Rows a restore wrote that were not there already, per kind. */
export interface RestoreCounts {
  examples: number;
  predictions: number;
  votes: number;
  quarantined: number;
}

/** Reads and restores a {@link TaughtArchive} (`attribot export` / `import` of an export). */
export interface TaughtArchiveRepo {
  /** Every active example (in the order written), every prediction with a vote, every vote and quarantined user (by id). */
  read(): Promise<TaughtArchive>;
  /**
   * Writes an archive in one transaction (all or nothing), keeping order, times and flags. What is
   * already there is kept and not written twice: an example by (phrase, label, source; its weight
   * is brought up to date), a prediction by its platform message (or, without one, by where, who,
   * what and when it was asked), a vote by (prediction, user, kind, label), a quarantined user by
   * (platform, user). Restoring the same archive again writes nothing.
   *
   * @throws InputError when the archive contradicts the database (a platform message already
   *   stored for another phrase) or itself (a vote on a prediction it does not hold).
   */
  restore(archive: TaughtArchive): Promise<RestoreCounts>;
}
