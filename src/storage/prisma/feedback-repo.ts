import type { FeedbackRepo } from '../../core/ports.js';
import type { Platform, Vote, VoteRecord } from '../../core/types.js';
import type { Feedback, PrismaClient } from '../../generated/prisma/client.js';
import { predictionRecord } from './prediction-repo.js';

function toRecord(row: Feedback): VoteRecord {
  return {
    id: row.id,
    predictionId: row.predictionId,
    userId: row.userId,
    kind: row.kind,
    label: row.label,
    createdAt: row.createdAt,
    retractedAt: row.retractedAt,
    voterIsAdmin: row.voterIsAdmin,
    ...(row.castVia === 'reaction' || row.castVia === 'button' ? { via: row.castVia } : {}),
  };
}

/** The unique key of a vote: its other fields (the voter's admin flag, a record's id) never identify it. */
function voteKey(vote: Vote): Pick<Vote, 'predictionId' | 'userId' | 'kind' | 'label'> {
  return { predictionId: vote.predictionId, userId: vote.userId, kind: vote.kind, label: vote.label };
}

/** Votes: one row per (prediction, user, kind, label); retraction keeps the row for the audit. */
export function prismaFeedbackRepo(db: PrismaClient): FeedbackRepo {
  return {
    async record(vote) {
      // One statement, no read first: concurrent duplicates and an add racing a remove can never
      // both count. The conflict branch only fires for a retracted row (a revived vote is cast anew,
      // with the voter's admin status of now and how it was cast); a live duplicate updates nothing and returns no row.
      const rows = await db.$queryRaw<{ id: number }[]>`
        INSERT INTO "feedback" ("prediction_id", "user_id", "kind", "label", "voter_is_admin", "cast_via")
        VALUES (${vote.predictionId}::int, ${vote.userId}, ${vote.kind}::"FeedbackKind", ${vote.label}, ${vote.voterIsAdmin ?? false}, ${vote.via ?? null}::text)
        ON CONFLICT ("prediction_id", "user_id", "kind", "label") DO UPDATE
          SET "retracted_at" = NULL, "created_at" = CURRENT_TIMESTAMP, "voter_is_admin" = EXCLUDED."voter_is_admin", "cast_via" = EXCLUDED."cast_via"
          WHERE "feedback"."retracted_at" IS NOT NULL
        RETURNING "id"`;
      return { created: rows.length > 0 };
    },
    async retract(vote, opts) {
      const res = await db.feedback.updateMany({
        where: { ...voteKey(vote), retractedAt: null, ...(opts?.createdBefore ? { createdAt: { lt: opts.createdBefore } } : {}) },
        data: { retractedAt: new Date() },
      });
      return res.count > 0;
    },
    async retractById(id) {
      const res = await db.feedback.updateMany({ where: { id, retractedAt: null }, data: { retractedAt: new Date() } });
      if (res.count === 0) return null;
      const row = await db.feedback.findUnique({ where: { id } });
      return row && toRecord(row);
    },
    async listForPrediction(predictionId) {
      const rows = await db.feedback.findMany({
        where: { predictionId, retractedAt: null },
        orderBy: { id: 'asc' },
      });
      return rows.map(toRecord);
    },
    async listLive(phrase) {
      const rows = await db.feedback.findMany({
        where: phrase === undefined ? { retractedAt: null } : { retractedAt: null, prediction: { phrase } },
        include: { prediction: { select: { phrase: true, platform: true } } },
        orderBy: { id: 'asc' },
      });
      return rows.map((r) => ({ ...toRecord(r), phrase: r.prediction.phrase, platform: r.prediction.platform as Platform }));
    },
    async listRecent(limit, userId) {
      const rows = await db.feedback.findMany({
        where: userId ? { userId } : {},
        include: { prediction: { select: { phrase: true, platform: true } } },
        orderBy: { id: 'desc' },
        take: limit,
      });
      return rows.map((r) => ({ ...toRecord(r), phrase: r.prediction.phrase, platform: r.prediction.platform as Platform }));
    },
    async votesPerDay(days) {
      const rows = await db.$queryRaw<{ day: string; votes: number }[]>`
        SELECT to_char(date_trunc('day', "created_at" AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, count(*)::int AS votes
        FROM "feedback"
        WHERE "retracted_at" IS NULL AND "created_at" > now() - make_interval(days => ${days}::int)
        GROUP BY 1 ORDER BY 1`;
      return rows;
    },
    async confusedPairs(limit) {
      const rows = await db.$queryRaw<{ predicted: string; chosen: string; votes: number }[]>`
        SELECT p."candidates"->0->>'label' AS predicted, f."label" AS chosen, count(*)::int AS votes
        FROM "feedback" f JOIN "predictions" p ON p."id" = f."prediction_id"
        WHERE f."retracted_at" IS NULL AND f."kind" IN ('choose', 'new_label') AND f."label" <> p."candidates"->0->>'label'
        GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ${limit}::int`;
      return rows;
    },
    async latestRejectBy(platform, userId) {
      const row = await db.feedback.findFirst({
        where: { userId, kind: 'reject', retractedAt: null, prediction: { platform } },
        orderBy: { id: 'desc' },
        include: { prediction: true },
      });
      return row && predictionRecord(row.prediction);
    },
    async latestChange() {
      const agg = await db.feedback.aggregate({ _max: { createdAt: true, retractedAt: true } });
      const a = agg._max.createdAt;
      const b = agg._max.retractedAt;
      if (!a) return b;
      return b && b > a ? b : a;
    },
  };
}
