import type { DashboardLinkPort } from '../../core/commands/dashboard.js';
import type { DashboardAuthRepo } from '../../core/ports.js';
import { hashToken, newToken } from './secrets.js';

/** How long a sign-in link works. */
export const LINK_MINUTES = 10;

/**
 * Mints one-time sign-in links: `PUBLIC_URL/admin/sign-in?token=…`. Only the token's hash is
 * stored; the link says whether its user was an admin, and only admins' links sign in.
 */
export function signInLinks(repo: DashboardAuthRepo, publicUrl: string, now: () => Date = () => new Date()): DashboardLinkPort {
  return {
    async mint(user) {
      const token = newToken();
      const at = now();
      await repo.createLink(
        {
          tokenHash: hashToken(token),
          userKey: `${user.platform}:${user.userId}`,
          isAdmin: user.isAdmin,
          expiresAt: new Date(at.getTime() + LINK_MINUTES * 60_000),
        },
        at,
      );
      return { url: `${publicUrl}/admin/sign-in?token=${token}`, minutes: LINK_MINUTES };
    },
  };
}
