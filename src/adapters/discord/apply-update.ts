import type { MessageUpdate } from '../../core/chat/chat-core.js';
import { messageKey } from '../shared/message-order.js';
import type { DiscordDeps } from './discord-deps.js';
import { editMessageText } from './discord-rest.js';

/**
 * Edits an earlier prediction message (the "thanks — recorded" footer) through the channel endpoint:
 * the bot authored it, and unlike the interaction token (15 minutes) that works for days. Resolves
 * when the edit is done or has failed (failures are logged by `deps.order`).
 */
export function applyUpdate(deps: DiscordDeps, update: MessageUpdate): Promise<void> {
  return deps.order.edit(messageKey(update.channelId, update.messageId), () =>
    editMessageText(deps.rest, update.channelId, update.messageId, update.text),
  );
}
