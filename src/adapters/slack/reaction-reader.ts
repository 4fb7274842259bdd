import type { App } from '@slack/bolt';
import type { ObservedReactions } from '../../core/chat/chat-core.js';
import type { PredictionRecord } from '../../core/types.js';
import type { Logger } from '../../logger.js';
import { isMessageGone } from './slack-api-error.js';
import { slackNameToEmoji } from './slack-emoji.js';

export interface ReactionReaderOptions {
  client: App['client'];
  botUserId: string;
  logger: Logger;
  /** Messages older than this many days are not read (no API call). */
  reconcileDays: number;
  /** True once the adapter is stopping: remaining messages are skipped. */
  isStopping: () => boolean;
}

type Read = (p: PredictionRecord & { messageId: string }) => Promise<readonly ObservedReactions[] | null>;

/**
 * The `read` callback of `ChatCore.reconcile`: the vote reactions now on a prediction message,
 * through `reactions.get`, with the bot's own reactions left out.
 *
 * Returns null (skip this message) when it is gone, and also when Slack could not be read: an
 * unreadable message must not look like one whose votes were all removed.
 */
export function createReactionReader(opts: ReactionReaderOptions): Read {
  const { client, botUserId, logger } = opts;
  const cutoff = Date.now() - opts.reconcileDays * 86_400_000;
  return async (p) => {
    if (opts.isStopping() || p.createdAt.getTime() < cutoff) return null;
    let reactions;
    try {
      const res = await client.reactions.get({ channel: p.channelId, timestamp: p.messageId, full: true });
      reactions = res.message?.reactions ?? [];
    } catch (err) {
      if (isMessageGone(err)) {
        logger.debug({ predictionId: p.id, channelId: p.channelId, ts: p.messageId }, 'slack: prediction message gone');
      } else {
        logger.warn({ err, predictionId: p.id, channelId: p.channelId, ts: p.messageId }, 'slack: could not read reactions');
      }
      return null;
    }
    const byEmoji = new Map<string, Set<string>>();
    for (const r of reactions) {
      const emoji = slackNameToEmoji(r.name ?? '');
      if (emoji === undefined) continue;
      const users = byEmoji.get(emoji) ?? new Set<string>();
      byEmoji.set(emoji, users);
      for (const u of r.users ?? []) if (u !== botUserId) users.add(u);
    }
    return [...byEmoji].map(([emoji, users]) => ({ emoji, userIds: [...users] }));
  };
}
