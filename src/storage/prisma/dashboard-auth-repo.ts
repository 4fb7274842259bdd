import type { DashboardAuthRepo } from '../../core/ports.js';
import type { PrismaClient } from '../../generated/prisma/client.js';

/** Dashboard links and sessions; every check of expiry and use happens in the database's WHERE. */
export function prismaDashboardAuthRepo(db: PrismaClient): DashboardAuthRepo {
  return {
    async createLink(link) {
      await db.dashboardLink.create({ data: link });
    },
    async consumeLink(tokenHash, now) {
      // One conditional UPDATE: two concurrent sign-ins with the same link cannot both succeed.
      const res = await db.dashboardLink.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
      if (res.count === 0) return null;
      const row = await db.dashboardLink.findUnique({ where: { tokenHash } });
      return row && { tokenHash: row.tokenHash, userKey: row.userKey, isAdmin: row.isAdmin, expiresAt: row.expiresAt };
    },
    async createSession(session) {
      await db.dashboardSession.create({ data: session });
    },
    async getSession(idHash, now) {
      const row = await db.dashboardSession.findFirst({ where: { idHash, endedAt: null, expiresAt: { gt: now } } });
      return row && { idHash: row.idHash, userKey: row.userKey, csrfToken: row.csrfToken, expiresAt: row.expiresAt };
    },
    async endSession(idHash, now) {
      return (await db.dashboardSession.updateMany({ where: { idHash, endedAt: null }, data: { endedAt: now } })).count > 0;
    },
  };
}
