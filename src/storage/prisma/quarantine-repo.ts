import type { QuarantineRepo } from '../../core/ports.js';
import type { PrismaClient } from '../../generated/prisma/client.js';

/** Quarantined users: their votes stay (audit) but training ignores them. */
export function prismaQuarantineRepo(db: PrismaClient): QuarantineRepo {
  return {
    async add(platform, userId, by, reason) {
      const res = await db.quarantinedUser.createMany({ data: [{ platform, userId, by, reason: reason ?? null }], skipDuplicates: true });
      return res.count > 0;
    },
    async remove(platform, userId) {
      return (await db.quarantinedUser.deleteMany({ where: { platform, userId } })).count > 0;
    },
    async list() {
      const rows = await db.quarantinedUser.findMany({ select: { platform: true, userId: true } });
      return new Set(rows.map((r) => `${r.platform}:${r.userId}`));
    },
  };
}
