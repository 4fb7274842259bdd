import type { ChatContext, ChatReply } from '../chat/chat-core.js';
import type { ChatDeps } from '../chat/deps.js';

/** Mints one-time sign-in links to the admin dashboard (implemented outside the core). */
export interface DashboardLinkPort {
  /** A link for `platform:userId` that opens one session; it expires after `minutes`. */
  mint(user: { platform: string; userId: string; isAdmin: boolean }): Promise<{ url: string; minutes: number }>;
}

/**
 * `/attribute-admin dashboard`: a one-time sign-in link to the dashboard, privately. The caller
 * ({@link admin}) has already refused non-admins.
 */
export async function dashboard(deps: ChatDeps, ctx: ChatContext): Promise<ChatReply> {
  if (!deps.dashboardLinks) return { kind: 'error', ephemeral: true, text: 'The dashboard is not available in this process.' };
  const link = await deps.dashboardLinks.mint({ platform: ctx.platform, userId: ctx.userId, isAdmin: ctx.isAdmin });
  await deps.storage.audit.append({ actor: `${ctx.platform}:${ctx.userId}`, action: 'admin.dashboard-link', subject: 'dashboard' });
  return {
    kind: 'text',
    ephemeral: true,
    text: `Your dashboard sign-in link (works once, for ${link.minutes} minutes; do not share it): ${link.url}`,
  };
}
