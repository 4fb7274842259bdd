import type { ModelRepo } from '../../core/ports.js';
import type { ModelMetrics, ModelSummary, ModelVersionRecord } from '../../core/types.js';
import { AppError } from '../../errors.js';
import type { ModelVersion, PrismaClient } from '../../generated/prisma/client.js';
import { toBytes, toJson } from './bytes.js';

const summarySelect = {
  id: true,
  encoderId: true,
  status: true,
  labels: true,
  metrics: true,
  reason: true,
  createdAt: true,
  activatedAt: true,
} as const;

type SummaryRow = Pick<ModelVersion, keyof typeof summarySelect>;

function toSummary(row: SummaryRow): ModelSummary {
  return {
    id: row.id,
    encoderId: row.encoderId,
    status: row.status,
    labels: Array.isArray(row.labels) ? row.labels.length : 0,
    metrics: row.metrics as unknown as ModelMetrics,
    reason: row.reason,
    createdAt: row.createdAt,
    activatedAt: row.activatedAt,
  };
}

function toRecord(row: ModelVersion): ModelVersionRecord {
  return { ...toSummary(row), labelList: row.labels as string[], weights: row.weights };
}

/** Model versions; the database allows one active model per encoder (partial unique index). */
export function prismaModelRepo(db: PrismaClient): ModelRepo {
  async function activateIn(id: number, reason: string | undefined, demoteTo: 'retired' | 'rejected', demoteReason?: string) {
    await db.$transaction(async (tx) => {
      const target = await tx.modelVersion.findUnique({ where: { id }, select: { encoderId: true } });
      if (!target) throw new AppError('input.not_found', `There is no model version ${id}.`);
      await tx.modelVersion.updateMany({
        where: { encoderId: target.encoderId, status: 'active', NOT: { id } },
        data: { status: demoteTo, ...(demoteReason ? { reason: demoteReason } : {}) },
      });
      await tx.modelVersion.update({
        where: { id },
        data: { status: 'active', activatedAt: new Date(), ...(reason ? { reason } : {}) },
      });
    });
  }

  return {
    async createCandidate(m) {
      const row = await db.modelVersion.create({
        data: {
          encoderId: m.encoderId,
          labels: m.labels,
          weights: toBytes(m.weights),
          metrics: toJson(m.metrics),
        },
        select: summarySelect,
      });
      return toSummary(row);
    },
    activate: (id, reason) => activateIn(id, reason, 'retired'),
    async reject(id, reason) {
      await db.modelVersion.update({ where: { id }, data: { status: 'rejected', reason } });
    },
    async retire(id, reason) {
      const { count } = await db.modelVersion.updateMany({ where: { id, status: 'active' }, data: { status: 'retired', reason } });
      return count > 0;
    },
    async getActive(encoderId) {
      const row = await db.modelVersion.findFirst({ where: { encoderId, status: 'active' } });
      return row && toRecord(row);
    },
    async get(id) {
      const row = await db.modelVersion.findUnique({ where: { id } });
      return row && toRecord(row);
    },
    async list(encoderId) {
      const rows = await db.modelVersion.findMany({
        where: encoderId ? { encoderId } : {},
        select: summarySelect,
        orderBy: { id: 'desc' },
      });
      return rows.map(toSummary);
    },
    async rollback(encoderId) {
      const previous = await db.modelVersion.findFirst({
        where: { encoderId, status: 'retired' },
        orderBy: [{ activatedAt: 'desc' }, { id: 'desc' }],
        select: { id: true },
      });
      if (!previous) return null;
      await activateIn(previous.id, 'rolled back to', 'rejected', 'rolled back');
      const row = await db.modelVersion.findUniqueOrThrow({ where: { id: previous.id }, select: summarySelect });
      return toSummary(row);
    },
  };
}
