import type { REST } from 'discord.js';
import type { ChatCore } from '../../core/chat/chat-core.js';
import type { Logger } from '../../logger.js';
import { describeRestError, fetchMessage, fetchReactionUsers } from './discord-rest.js';

export interface ReactionReaderOptions {
  rest: REST;
  botUserId: string;
  logger: Logger;
  /** Messages older than this many days are not read (no API call). */
  reconcileDays: number;
  /** True once the adapter is stopping: remaining messages are skipped. */
  isStopping: () => boolean;
}

type Read = Parameters<ChatCore['reconcile']>[1];

/**
 * The `read` callback of `ChatCore.reconcile`: the unicode-emoji reactions now on a prediction
 * message (`GET /channels/:c/messages/:m`), each with its users
 * (`GET …/reactions/:emoji`, all pages), the bot itself left out.
 *
 * Returns null (skip this message) when it is gone, and also when Discord could not be read: the
 * core retracts votes it does not see, so an unreadable message must not look like one whose votes
 * were all removed.
 */
export function createReactionReader(opts: ReactionReaderOptions): Read {
  const { rest, botUserId, logger } = opts;
  const cutoff = Date.now() - opts.reconcileDays * 86_400_000;
  return async (p) => {
    if (opts.isStopping() || p.createdAt.getTime() < cutoff) return null;
    const where = { predictionId: p.id, channelId: p.channelId, messageId: p.messageId };
    try {
      const message = await fetchMessage(rest, p.channelId, p.messageId);
      if (!message) {
        logger.debug(where, 'discord: prediction message gone');
        return null;
      }
      const observed = [];
      for (const r of message.reactions ?? []) {
        const emoji = r.emoji.name;
        if (emoji === null || emoji === undefined || r.emoji.id !== null) continue;
        // Only the bot reacted: no users to page through.
        const others = r.count - (r.me ? 1 : 0);
        const userIds = others > 0 ? await fetchReactionUsers(rest, p.channelId, p.messageId, emoji) : [];
        observed.push({ emoji, userIds: userIds.filter((id) => id !== botUserId) });
      }
      return observed;
    } catch (err) {
      logger.warn({ err, ...describeRestError(err), ...where }, 'discord: could not read reactions');
      return null;
    }
  };
}
