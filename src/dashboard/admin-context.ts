import type { ChatContext } from '../core/chat/chat-core.js';
import type { Platform } from '../core/types.js';

const PLATFORMS: readonly Platform[] = ['discord', 'slack', 'console'];

/**
 * The chat context of a signed-in admin (`platform:userId`), for calling the chat use cases. An
 * action on a user or prediction of a platform runs on that platform (`on`), so the use case finds
 * it; the acting admin's own platform stays in the audit's actor when it differs.
 */
export function adminContext(userKey: string, on?: { platform: Platform; workspaceId?: string; channelId?: string }): ChatContext {
  const at = userKey.indexOf(':');
  const own = userKey.slice(0, at);
  const platform: Platform = PLATFORMS.includes(own as Platform) ? (own as Platform) : 'console';
  const userId = userKey.slice(at + 1);
  const target = on?.platform ?? platform;
  return {
    platform: target,
    workspaceId: on?.workspaceId ?? 'dashboard',
    channelId: on?.channelId ?? 'dashboard',
    userId: target === platform ? userId : `${userKey} (dashboard)`,
    isAdmin: true,
  };
}
