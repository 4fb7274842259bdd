import type { DashboardAuthRepo } from '../../core/ports.js';
import type { PrismaClient } from '../../generated/prisma/client.js';

/**
 * How long past its expiry a link or session row is kept before a new one deletes it: nothing
 * reads an expired row (every check is `expiresAt > now`), so the day only keeps the delete away
 * from rows near their expiry and from clocks a little apart.
 */
const KEEP_EXPIRED_MS = 86_400_000;

/**
 * Dashboard links and sessions; every check of expiry and use happens in the database's WHERE.
 * Each new link or session deletes the long-expired ones, so the tables stay as small as the
 * sign-ins of the last days (they grew forever).
 */
export function prismaDashboardAuthRepo(db: PrismaClient): DashboardAuthRepo {
  return {
    async createLink(link, now) {
      const before = new Date(now.getTime() - KEEP_EXPIRED_MS);
      await db.$transaction([db.dashboardLink.deleteMany({ where: { expiresAt: { lt: before } } }), db.dashboardLink.create({ data: link })]);
    },
    async consumeLink(tokenHash, now) {
      // One conditional UPDATE: two concurrent sign-ins with the same link cannot both succeed.
      const res = await db.dashboardLink.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
      if (res.count === 0) return null;
      const row = await db.dashboardLink.findUnique({ where: { tokenHash } });
      return row && { tokenHash: row.tokenHash, userKey: row.userKey, isAdmin: row.isAdmin, expiresAt: row.expiresAt };
    },
    async createSession(session, now) {
      const before = new Date(now.getTime() - KEEP_EXPIRED_MS);
      await db.$transaction([db.dashboardSession.deleteMany({ where: { expiresAt: { lt: before } } }), db.dashboardSession.create({ data: session })]);
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
