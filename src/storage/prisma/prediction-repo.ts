import type { PredictionRepo } from '../../core/ports.js';
import type { Candidate, Platform, PredictionRecord } from '../../core/types.js';
import type { Prediction, PrismaClient } from '../../generated/prisma/client.js';

/** Maps a Prisma prediction row to the domain record. */
export function predictionRecord(row: Prediction): PredictionRecord {
  return {
    id: row.id,
    platform: row.platform as Platform,
    workspaceId: row.workspaceId,
    channelId: row.channelId,
    messageId: row.messageId,
    userId: row.userId,
    phraseRaw: row.phraseRaw,
    phrase: row.phrase,
    candidates: row.candidates as unknown as Candidate[],
    encoderId: row.encoderId,
    modelVersionId: row.modelVersionId,
    heading: row.heading,
    unknownWords: row.unknownWords,
    createdAt: row.createdAt,
  };
}

/** Prediction messages, keyed by platform ids so reactions map back after a restart. */
export function prismaPredictionRepo(db: PrismaClient): PredictionRepo {
  return {
    async create(p) {
      const row = await db.prediction.create({
        data: { ...p, heading: p.heading ?? null, unknownWords: p.unknownWords ?? [], candidates: p.candidates.map((c) => ({ label: c.label, p: c.p })) },
      });
      return predictionRecord(row);
    },
    async attachMessage(id, messageId) {
      await db.prediction.update({ where: { id }, data: { messageId } });
    },
    async get(id) {
      const row = await db.prediction.findUnique({ where: { id } });
      return row && predictionRecord(row);
    },
    async findByMessage(platform, channelId, messageId) {
      const row = await db.prediction.findFirst({ where: { platform, channelId, messageId } });
      return row && predictionRecord(row);
    },
    async listSince(platform, since) {
      const rows = await db.prediction.findMany({
        where: { platform, createdAt: { gte: since }, messageId: { not: null } },
        orderBy: { id: 'asc' },
      });
      return rows.map(predictionRecord);
    },
    async unvotedPhrasesSince(since, limit) {
      // Most recently asked first: on a busy bot the pool is what people ask about now.
      const rows = await db.$queryRaw<{ phrase: string }[]>`
        SELECT p."phrase" FROM "predictions" p
        WHERE p."created_at" >= ${since} AND NOT EXISTS (
          -- Per phrase, not per row: a vote on any prediction of the same phrase answers it.
          SELECT 1 FROM "feedback" f JOIN "predictions" q ON q."id" = f."prediction_id" WHERE q."phrase" = p."phrase")
        GROUP BY p."phrase" ORDER BY max(p."id") DESC LIMIT ${limit}::int`;
      return rows.map((r) => r.phrase);
    },
    async postedPhrasesOfUserSince(userId, since) {
      const rows = await db.prediction.findMany({
        where: { userId, createdAt: { gte: since }, messageId: { not: null } },
        select: { phrase: true },
        distinct: ['phrase'],
      });
      return rows.map((r) => r.phrase);
    },
    async latestForUser(platform, userId) {
      const row = await db.prediction.findFirst({ where: { platform, userId }, orderBy: { id: 'desc' } });
      return row && predictionRecord(row);
    },
  };
}
