import type { RunRepo } from '../../core/ports.js';
import type { ModelMetrics, RunRecord } from '../../core/types.js';
import type { PrismaClient, TrainingRun } from '../../generated/prisma/client.js';
import { toJson } from './bytes.js';

function toRecord(row: TrainingRun): RunRecord {
  return {
    ...row,
    trigger: row.trigger,
    status: row.status,
    metrics: (row.metrics ?? null) as ModelMetrics | null,
  };
}

/** Every training run, with its trigger, backend, counts, outcome and error. */
export function prismaRunRepo(db: PrismaClient): RunRepo {
  return {
    async start(r) {
      return toRecord(await db.trainingRun.create({ data: r }));
    },
    async finish(id, r) {
      const row = await db.trainingRun.update({
        where: { id },
        data: {
          status: r.status,
          finishedAt: new Date(),
          ...(r.backend !== undefined ? { backend: r.backend } : {}),
          ...(r.examples !== undefined ? { examples: r.examples } : {}),
          ...(r.labels !== undefined ? { labels: r.labels } : {}),
          ...(r.metrics ? { metrics: toJson(r.metrics) } : {}),
          ...(r.error !== undefined ? { error: r.error } : {}),
          ...(r.modelVersionId !== undefined ? { modelVersion: r.modelVersionId === null ? { disconnect: true } : { connect: { id: r.modelVersionId } } } : {}),
        },
      });
      return toRecord(row);
    },
    async failInterrupted() {
      const res = await db.trainingRun.updateMany({
        where: { status: 'running' },
        data: { status: 'failed', error: 'interrupted: the training process stopped before finishing', finishedAt: new Date() },
      });
      return res.count;
    },
    async recent(limit) {
      const rows = await db.trainingRun.findMany({ orderBy: { id: 'desc' }, take: limit });
      return rows.map(toRecord);
    },
  };
}
