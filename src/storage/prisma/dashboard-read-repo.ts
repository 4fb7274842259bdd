import type { DashboardReadRepo } from '../../core/ports.js';
import type { FeedbackKind, Platform } from '../../core/types.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { predictionRecord } from './prediction-repo.js';

interface LiveVoteRow {
  id: number;
  prediction_id: number;
  user_id: string;
  kind: FeedbackKind;
  label: string;
  voter_is_admin: boolean;
  created_at: Date;
  phrase: string;
  platform: string;
}

/**
 * The dashboard's reads as raw SQL: a model query with an `include` materializes one object
 * graph per row, which costs seconds at 100,000 votes; these select only the columns shown.
 */
export function prismaDashboardReadRepo(db: PrismaClient): DashboardReadRepo {
  return {
    async liveVotes() {
      const rows = await db.$queryRaw<LiveVoteRow[]>`
        SELECT f."id", f."prediction_id", f."user_id", f."kind"::text AS kind, f."label", f."voter_is_admin", f."created_at", p."phrase", p."platform"
        FROM "feedback" f JOIN "predictions" p ON p."id" = f."prediction_id"
        WHERE f."retracted_at" IS NULL ORDER BY f."id"`;
      return rows.map((r) => ({
        id: r.id,
        predictionId: r.prediction_id,
        userId: r.user_id,
        kind: r.kind,
        label: r.label,
        voterIsAdmin: r.voter_is_admin,
        createdAt: r.created_at,
        retractedAt: null,
        phrase: r.phrase,
        platform: r.platform as Platform,
      }));
    },
    async votedLabels() {
      return db.$queryRaw<{ phrase: string; label: string }[]>`
        SELECT DISTINCT p."phrase", f."label" FROM "feedback" f JOIN "predictions" p ON p."id" = f."prediction_id"
        WHERE f."retracted_at" IS NULL AND f."kind" <> 'reject'`;
    },
    async votesPerDay(days) {
      // Grouped on the timestamp (hashable, no per-row text), named as a day afterwards.
      const rows = await db.$queryRaw<{ day: Date; votes: number }[]>`
        SELECT date_trunc('day', "created_at", 'UTC') AS day, count(*)::int AS votes
        FROM "feedback"
        WHERE "retracted_at" IS NULL AND "created_at" > now() - make_interval(days => ${days}::int)
        GROUP BY 1 ORDER BY 1`;
      return rows.map((r) => ({ day: r.day.toISOString().slice(0, 10), votes: r.votes }));
    },
    async latestVotedPrediction(phrase) {
      const row = await db.prediction.findFirst({
        where: { phrase, messageId: { not: null }, feedback: { some: { retractedAt: null } } },
        orderBy: { id: 'desc' },
      });
      return row && predictionRecord(row);
    },
  };
}
