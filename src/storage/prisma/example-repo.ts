import type { ExampleRepo } from '../../core/ports.js';
import type { Example } from '../../core/types.js';
import type { PrismaClient } from '../../generated/prisma/client.js';

const CHUNK = 1000;

/** Training examples from WordNet, imports and admins. */
export function prismaExampleRepo(db: PrismaClient): ExampleRepo {
  return {
    async upsertMany(examples) {
      let written = 0;
      for (let i = 0; i < examples.length; i += CHUNK) {
        const chunk = examples.slice(i, i + CHUNK);
        const now = new Date();
        await db.$transaction(async (tx) => {
          const created = await tx.trainingExample.createMany({
            data: chunk.map((e) => ({ ...e, updatedAt: now })),
            skipDuplicates: true,
          });
          written += created.count;
          if (created.count === chunk.length) return;
          // Some existed: bring their weight and status up to date, one keyed update each.
          for (const e of chunk) {
            const res = await tx.trainingExample.updateMany({
              where: {
                phrase: e.phrase,
                label: e.label,
                source: e.source,
                OR: [{ weight: { not: e.weight } }, { status: 'excluded' }],
              },
              data: { weight: e.weight, status: 'active', updatedAt: now },
            });
            written += res.count;
          }
        });
      }
      return written;
    },
    async listActive() {
      const rows = await db.trainingExample.findMany({
        where: { status: 'active' },
        select: { phrase: true, label: true, source: true, weight: true },
        orderBy: { id: 'asc' },
      });
      return rows.map((r) => ({ ...r, source: r.source }) satisfies Example);
    },
    async count(source) {
      return db.trainingExample.count({ where: source ? { source, status: 'active' } : { status: 'active' } });
    },
    async deleteSource(source) {
      const res = await db.trainingExample.deleteMany({ where: { source } });
      return res.count;
    },
    async latestChange() {
      const agg = await db.trainingExample.aggregate({ _max: { updatedAt: true } });
      return agg._max.updatedAt;
    },
  };
}
