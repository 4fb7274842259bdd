import type { RetrainQueue } from '../../core/ports.js';
import type { Platform } from '../../core/types.js';
import type { PrismaClient } from '../../generated/prisma/client.js';

interface NoticeRow {
  id: number;
  platform: Platform;
  channel_id: string;
  user_id: string;
  outcome_status: string;
  outcome_text: string;
}

/** The retrain request queue; `FOR UPDATE SKIP LOCKED` lets several trainers (and bots) claim safely. */
export function prismaRetrainQueue(db: PrismaClient): RetrainQueue {
  return {
    async enqueue({ requestedBy, force, requester }) {
      const rows = await db.$queryRaw<{ id: number }[]>`
        INSERT INTO "retrain_requests" ("requested_by", "force", "platform", "channel_id", "user_id")
        VALUES (${requestedBy}, ${force}, ${requester?.platform ?? null}, ${requester?.channelId ?? null}, ${requester?.userId ?? null})
        RETURNING "id"`;
      const id = rows[0]?.id;
      if (id === undefined) throw new Error('retrain_requests: INSERT returned no id');
      return id;
    },
    async claimNext(leaseMs) {
      // A running request whose claim is older than the lease (or predates the column) lost its trainer.
      const rows = await db.$queryRaw<{ id: number; claims: number; requested_by: string; force: boolean }[]>`
        UPDATE "retrain_requests" SET "status" = 'running', "claimed_at" = now(), "claims" = "claims" + 1
        WHERE "id" = (
          SELECT "id" FROM "retrain_requests"
          WHERE "status" = 'queued'
             OR ("status" = 'running' AND ("claimed_at" IS NULL OR "claimed_at" < now() - make_interval(secs => ${leaseMs / 1000}::double precision)))
          ORDER BY "id" FOR UPDATE SKIP LOCKED LIMIT 1)
        RETURNING "id", "claims", "requested_by", "force"`;
      const row = rows[0];
      return row ? { id: row.id, claim: row.claims, requestedBy: row.requested_by, force: row.force } : null;
    },
    // Each change below holds only for the latest claim of a running request: one whose trainer
    // was taken for dead cannot overwrite the new claimant's outcome or put its request back.
    async finish({ id, claim }, runId, outcome) {
      const changed = await db.$executeRaw`
        UPDATE "retrain_requests"
        SET "status" = 'done', "run_id" = ${runId}, "finished_at" = now(),
            "outcome_status" = ${outcome?.status ?? null}, "outcome_text" = ${outcome?.text ?? null}
        WHERE "id" = ${id} AND "status" = 'running' AND "claims" = ${claim}`;
      return changed > 0;
    },
    async renew({ id, claim }) {
      const changed = await db.$executeRaw`UPDATE "retrain_requests" SET "claimed_at" = now() WHERE "id" = ${id} AND "status" = 'running' AND "claims" = ${claim}`;
      return changed > 0;
    },
    async release({ id, claim }) {
      const changed = await db.$executeRaw`UPDATE "retrain_requests" SET "status" = 'queued' WHERE "id" = ${id} AND "status" = 'running' AND "claims" = ${claim}`;
      return changed > 0;
    },
    async takeNotices(platforms, maxAttempts) {
      if (platforms.length === 0) return [];
      // Taking marks the row told (and counts the attempt) in the same statement, so two bot
      // processes serving the same platform never both tell the requester.
      const rows = await db.$queryRaw<NoticeRow[]>`
        UPDATE "retrain_requests" SET "notified_at" = now(), "notice_attempts" = "notice_attempts" + 1
        WHERE "id" IN (
          SELECT "id" FROM "retrain_requests"
          WHERE "status" = 'done' AND "notified_at" IS NULL AND "outcome_text" IS NOT NULL
            AND "platform" = ANY(${[...platforms]}::text[]) AND "channel_id" IS NOT NULL AND "user_id" IS NOT NULL
            AND "notice_attempts" < ${maxAttempts}
          ORDER BY "id" FOR UPDATE SKIP LOCKED LIMIT 20)
        RETURNING "id", "platform", "channel_id", "user_id", "outcome_status", "outcome_text"`;
      return rows
        .sort((a, b) => a.id - b.id)
        .map((r) => ({
          id: r.id,
          requester: { platform: r.platform, channelId: r.channel_id, userId: r.user_id },
          outcome: { status: r.outcome_status, text: r.outcome_text },
        }));
    },
    async returnNotice(id) {
      await db.$executeRaw`UPDATE "retrain_requests" SET "notified_at" = NULL WHERE "id" = ${id}`;
    },
  };
}
