import type { AuditRepo } from '../../core/ports.js';
import type { PrismaClient } from '../../generated/prisma/client.js';

import { toJson } from './bytes.js';
/** Append-only audit log: who did what to what, with before and after. */
export function prismaAuditRepo(db: PrismaClient): AuditRepo {
  return {
    async append(e) {
      await db.auditLog.create({
        data: {
          actor: e.actor,
          action: e.action,
          subject: e.subject,
          ...(e.before === undefined ? {} : { before: toJson(e.before) }),
          ...(e.after === undefined ? {} : { after: toJson(e.after) }),
        },
      });
    },
    async list(limit) {
      const rows = await db.auditLog.findMany({ orderBy: { id: 'desc' }, take: limit });
      return rows.map((r) => ({ ...r, before: r.before ?? undefined, after: r.after ?? undefined }));
    },
  };
}
