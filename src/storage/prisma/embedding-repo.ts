import type { EmbeddingCacheRepo } from '../../core/ports.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { toBytes, toFloat32 } from './bytes.js';

const CHUNK = 2000;


/** (encoder id, normalized phrase) → float32 vector, so a phrase is encoded once per encoder. */
export function prismaEmbeddingRepo(db: PrismaClient): EmbeddingCacheRepo {
  return {
    async getMany(encoderId, phrases) {
      const out = new Map<string, Float32Array>();
      const unique = [...new Set(phrases)];
      for (let i = 0; i < unique.length; i += CHUNK) {
        const rows = await db.embeddingCache.findMany({
          where: { encoderId, phrase: { in: unique.slice(i, i + CHUNK) } },
          select: { phrase: true, vector: true },
        });
        for (const r of rows) out.set(r.phrase, toFloat32(r.vector));
      }
      return out;
    },
    async putMany(encoderId, entries) {
      const data = [...entries].map(([phrase, v]) => ({
        encoderId,
        phrase,
        vector: toBytes(v),
      }));
      for (let i = 0; i < data.length; i += CHUNK) {
        await db.embeddingCache.createMany({ data: data.slice(i, i + CHUNK), skipDuplicates: true });
      }
    },
  };
}
