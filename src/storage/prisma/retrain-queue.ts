import type { RetrainQueue } from '../../core/ports.js';
import type { PrismaClient } from '../../generated/prisma/client.js';

/** The retrain request queue; `FOR UPDATE SKIP LOCKED` lets several trainers claim safely. */
export function prismaRetrainQueue(db: PrismaClient): RetrainQueue {
  return {
    async enqueue(r) {
      return (await db.retrainRequest.create({ data: r, select: { id: true } })).id;
    },
    async claimNext() {
      const rows = await db.$queryRaw<{ id: number; requested_by: string; force: boolean }[]>`
        UPDATE "retrain_requests" SET "status" = 'running'
        WHERE "id" = (SELECT "id" FROM "retrain_requests" WHERE "status" = 'queued' ORDER BY "id" FOR UPDATE SKIP LOCKED LIMIT 1)
        RETURNING "id", "requested_by", "force"`;
      const row = rows[0];
      return row ? { id: row.id, requestedBy: row.requested_by, force: row.force } : null;
    },
    async finish(id, runId) {
      await db.retrainRequest.update({ where: { id }, data: { status: 'done', runId, finishedAt: new Date() } });
    },
    async release(id) {
      await db.retrainRequest.updateMany({ where: { id, status: 'running' }, data: { status: 'queued' } });
    },
  };
}
