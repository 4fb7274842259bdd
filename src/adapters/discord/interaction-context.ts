import type { BaseInteraction } from 'discord.js';
import type { ChatContext } from '../../core/chat/chat-core.js';
import type { DiscordDeps } from './discord-deps.js';
import { isDiscordAdmin } from './is-admin.js';

/** Who acts where, for the core: the interaction's guild, channel and user, and their admin status. */
export async function interactionContext(i: BaseInteraction, deps: DiscordDeps): Promise<ChatContext> {
  // Guild interactions (the only ones the commands allow) always come from a channel.
  const channelId = i.channelId ?? '';
  let isAdmin = false;
  try {
    isAdmin = await isDiscordAdmin(i, deps.adminRole, deps.rest);
  } catch (err) {
    // Not knowing means no admin rights; the member gets the core's polite refusal.
    deps.logger.warn({ err, userId: i.user.id }, 'discord: could not read the member roles');
  }
  return {
    platform: 'discord',
    workspaceId: i.guildId ?? `dm:${channelId}`,
    channelId,
    userId: i.user.id,
    isAdmin,
  };
}
